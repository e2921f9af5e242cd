import CoachCore
import CoachStore
import CoachTerminal
import Foundation
import Testing

/// Links in the full-screen coach, through the run loop: `y` puts the address on the
/// clipboard, `p` checks proof-of-work links against the disk; and the opener `o` starts.
@Suite struct ResourceLinksTests {
    static let url = "https://example.com/papers/attention"

    static func setup() throws -> RunLoopTests.Setup {
        var setup = try RunLoopTests.Setup()
        let curriculum = Curriculum(tracks: [Track(id: "t", title: "T", sections: [
            Section(title: "S", items: [Item(id: "t.a", title: "A", summary: "Short.", minutes: 5,
                                             resources: [Resource(title: "The paper", kind: .paper, url: url)])]),
        ])])
        let study = setup.state.study
        setup.state = AppState(curriculum: curriculum, progress: ProgressBook(), viewport: Size(rows: 24, cols: 100))
        setup.state.study = study
        setup.state.screen = .tracks
        return setup
    }

    @Test func yCopiesTheSelectedResourceToTheClipboardAndSaysSo() throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let terminal = ScriptedTerminal([.key(.char("l")), .key(.enter), .key(.char("j")), .key(.char("y")), .noKey,
                                         .key(.char("q"))])
        #expect(setup.run(terminal) == .quit)
        #expect(terminal.copied == [Self.url])
        #expect(terminal.shown.last?.contains("Copied to the clipboard: \(Self.url)") == true)
    }

    @Test func theClipboardSequenceIsOSC52WithTheTextInBase64() {
        #expect(Clipboard.sequence("https://x.test/ü") == "\u{1B}]52;c;aHR0cHM6Ly94LnRlc3Qvw7w=\u{07}")
    }

    @Test func proofLinksAreCheckedAgainstTheDiskBeforeTheyAreSaved() throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let file = setup.folder.appendingPathComponent("write-up.md")
        try Data("# what I built".utf8).write(to: file)
        let terminal = ScriptedTerminal([
            .key(.char("l")), .key(.char("p")), .key(.paste("https://github.com/me/rag, \(file.path), notaurl")),
            .key(.enter), .noKey,
        ] + Array(repeating: .key(.backspace), count: ", notaurl".count) + [.key(.enter), .noKey, .key(.char("q"))])
        #expect(setup.run(terminal) == .quit)
        #expect(terminal.shown.contains { $0.contains("\"notaurl\" is not a link; each must be an https:// or") })
        #expect(try ProgressStore.load(setup.home).items["t.a"]?.proof == ["https://github.com/me/rag", file.path])
        #expect(terminal.shown.last?.contains("Proof of work saved: 2 links") == true)
    }

    @Test func theShellFindsWhichLinksAreAddressesOrExistingPaths() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coach-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notes"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let links = ["https://github.com/me/a", "http://me.blog/a", "notaurl", "ftp://x.test/a", "https://", "~/notes",
                     folder.appendingPathComponent("notes").path, folder.appendingPathComponent("gone").path, "mailto:me@x.test"]
        let check = ProofLinkCheck.check(links, environment: ["HOME": folder.path])
        #expect(check.links == links)
        #expect(check.usable == ["https://github.com/me/a", "http://me.blog/a", "~/notes", folder.appendingPathComponent("notes").path])
    }

    @Test func theOpenerIsBrowserThenXdgOpenThenOpen() {
        #expect(LinkOpener.commands(for: "https://x.test", environment: [:]) == [["xdg-open", "https://x.test"], ["open", "https://x.test"]])
        #expect(LinkOpener.commands(for: "https://x.test", environment: ["BROWSER": "firefox --new-tab"])
            == [["firefox", "--new-tab", "https://x.test"]])
        #expect(LinkOpener.commands(for: "https://x.test", environment: ["BROWSER": "w3m %s:lynx"])
            == [["w3m", "https://x.test"], ["lynx", "https://x.test"]])
    }

    @Test func theOpenerRunsDetachedWithTheLinkAndAMissingOneIsSaidInALine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coach-opener-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("browser")
        let opened = folder.appendingPathComponent("opened")
        // It also records whether it has a terminal of its own: it must not.
        try Data("#!/bin/sh\nprintf '%s' \"$1\" > \(opened.path).tmp\n[ -t 0 ] && echo tty >> \(opened.path).tmp\nmv \(opened.path).tmp \(opened.path)\n".utf8)
            .write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let outcome = LinkOpener.open(Self.url, environment: ["BROWSER": script.path, "PATH": "/usr/bin:/bin"])
        #expect(outcome == .opened(link: Self.url, opener: script.path))
        var waited = 0
        while !FileManager.default.fileExists(atPath: opened.path), waited < 100 {
            usleep(50_000)
            waited += 1
        }
        #expect(try String(contentsOf: opened, encoding: .utf8) == Self.url)

        let missing = LinkOpener.open(Self.url, environment: ["BROWSER": folder.appendingPathComponent("none").path])
        #expect(missing == .failed("Cannot open the link: no opener could be started (tried \(folder.appendingPathComponent("none").path)); set $BROWSER, or y copies it"))
    }
}
