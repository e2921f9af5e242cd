// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Coach",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "coach", targets: ["coach"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0")
    ],
    targets: [
        // ncursesw, linked by name: pkg-config's -D flags would be dropped by SwiftPM
        // (see NCURSES-NOTES.md), so the header defines what it needs itself.
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "CoachCore"),
        .target(name: "CoachStore", dependencies: ["CoachCore"]),
        .target(name: "CoachUI", dependencies: ["CoachCore"]),
        // ncursesw and tinfo linked in statically: loading and relocating two shared
        // libraries cost every start of coach, `coach status` included, about 0.6 million
        // instructions and a dozen system calls. (`-l:` takes the archive by its name.)
        .target(name: "CoachTerminal", dependencies: ["CNcurses", "CoachCore", "CoachUI", "CoachStore"],
                linkerSettings: [.unsafeFlags(["-Xlinker", "-l:libncursesw.a", "-Xlinker", "-l:libtinfo.a"])]),
        .executableTarget(
            name: "coach",
            dependencies: [
                "CoachCore", "CoachStore", "CoachUI", "CoachTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release binary that is not position-independent carries no 1 MB of
            // relocations for the loader to apply at every start, and identical functions
            // folded into one (where no code takes their address). Nothing in it unwinds
            // (Swift has no exceptions; the crash handler follows frame pointers,
            // `coach_write_frames`), so it has no unwind-table index (0.39 MB), and
            // `make install` drops the tables themselves (1.8 MB); nor does anything look
            // its own symbols up, so they are not exported (0.44 MB). The C++ runtime
            // is linked in from its archive (Link/libstdc++.so says how and why). Four
            // Unicode look-ups Coach never makes are wrapped so their 0.55 MB of tables
            // are left out (Sources/coach/UnicodeTablesLeftOut.swift says which and why).
            // Its commands run once each and are not where time goes, so the release
            // build optimises this module for size; what is hot lives in the libraries.
            swiftSettings: [.unsafeFlags(["-Osize"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-Xlinker", "-no-pie", "-Xlinker", "--icf=safe", "-Xlinker", "--no-eh-frame-hdr",
                                           "-Xlinker", "--no-export-dynamic",
                                           "-Xlinker", "--wrap=_swift_stdlib_getScalarName", "-Xlinker", "--wrap=_swift_stdlib_getAge",
                                           "-Xlinker", "--wrap=_swift_stdlib_getScript", "-Xlinker", "--wrap=_swift_stdlib_getScriptExtensions",
                                           "-L", Context.packageDirectory + "/Link"],
                                          .when(configuration: .release))]
        ),
        .executableTarget(name: "coach-bench", dependencies: ["CoachCore", "CoachStore", "CoachUI"]),
        .testTarget(name: "CoachCoreTests", dependencies: ["CoachCore"], exclude: ["Fixtures"]),
        .testTarget(name: "CoachStoreTests", dependencies: ["CoachStore", "CoachCore"], exclude: ["Fixtures"]),
        .testTarget(name: "CoachUITests", dependencies: ["CoachUI", "CoachCore"]),
        .testTarget(name: "CoachTerminalTests", dependencies: ["CoachTerminal", "CoachStore", "CoachUI", "CoachCore"]),
        .testTarget(name: "CurriculumDataTests", exclude: ["coverage.json"]),
        // Depends on the executable so `swift test` builds the binary the tests drive.
        .testTarget(name: "EndToEndTests", dependencies: ["coach"]),
    ],
    swiftLanguageModes: [.v6]
)
