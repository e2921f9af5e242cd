import CoachCore
import CoachStore
import CoachUI
import Foundation
import Testing
@testable import CoachTerminal

/// The first frame of the full-screen coach is kept for the next start, and shown only
/// under exactly the key it was drawn under: the same files, day, screen and size.
@Suite struct KeptFrameTests {
    /// Long after any file here changed, so the frame may be kept.
    let later = Date().addingTimeInterval(60)

    struct Setup {
        let folder: URL
        let home: CoachHome
        let variable: (String) -> String?

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("coach-kept-frame-\(UUID().uuidString)")
            home = CoachHome(url: folder.appendingPathComponent("home"))
            try home.prepare()
            try Data(#"{"version": 1, "entries": []}"#.utf8).write(to: home.file(.journal))
            let cache = folder.appendingPathComponent("cache").path
            variable = { $0 == "XDG_CACHE_HOME" ? cache : nil }
        }

        func kept(screen: String = "today", size: Size = Size(rows: 3, cols: 10), day: String = "2026-12-02") -> KeptFrame {
            KeptFrame(home: home, key: CacheKey.home(home, dataFolder: nil, day: day, timeZone: .utc), screen: screen, size: size,
                      variable: variable)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// The frame as a start paints it from the kept bytes.
    func painted(_ frame: ScreenBuffer) -> PaintedFrame? {
        FrameBytes.decode(FrameBytes.encode(frame)[...], size: frame.size)
    }

    func frame(_ text: String, size: Size = Size(rows: 3, cols: 10)) -> ScreenBuffer {
        var frame = ScreenBuffer(size: size)
        frame.put(text, row: 1, col: 0, style: Style(.accent, bold: true))
        return frame
    }

    @Test func aKeptFrameComesBackUnderTheSameKeyOnly() throws {
        let setup = try Setup()
        defer { setup.remove() }
        #expect(setup.kept().read() == nil)
        setup.kept().write(frame("Today"), now: later)
        #expect(setup.kept().read() == painted(frame("Today")))
        #expect(setup.kept(screen: "tracks").read() == nil, "another screen")
        #expect(setup.kept(size: Size(rows: 3, cols: 11)).read() == nil, "another size")
        #expect(setup.kept(day: "2026-12-03").read() == nil, "another day")
        usleep(20_000)
        try Data(#"{"version": 1, "entries": [ ]}"#.utf8).write(to: setup.home.file(.journal))
        #expect(setup.kept().read() == nil, "a file changed")
    }

    @Test func onlyAFrameOfItsSizeThatIsNotKeptAlreadyIsWritten() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let kept = setup.kept()
        kept.write(frame("Today", size: Size(rows: 4, cols: 10)), now: later)
        #expect(setup.kept().read() == nil, "a frame of another size is not kept")
        kept.write(frame("Today"), now: later)
        let path = kept.file.folder! + "/" + kept.file.name
        let written = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        let again = setup.kept()
        #expect(again.read() == painted(frame("Today")))
        again.write(frame("Today"), now: later)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == written,
                "the same frame is not written again")
        again.write(frame("History"), now: later)
        #expect(setup.kept().read() == painted(frame("History")))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func theRunLoopHandsOverItsFirstFrameOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coach-first-frame-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = CoachHome(url: folder)
        try home.prepare()
        var state = AppState(curriculum: Curriculum(tracks: []), progress: ProgressBook(), viewport: Size(rows: 24, cols: 100))
        state.screen = .history
        let terminal = ScriptedTerminal([.noKey, .key(.char("1")), .key(.char("q"))])
        var handed: [ScreenBuffer] = []
        _ = TUI.run(state, home: home, watch: FileWatch(), terminal: terminal, clock: { Date(timeIntervalSince1970: 1_700_000_000) },
                    firstFrameDrawn: { handed.append($0) })
        #expect(handed.count == 1)
        #expect(handed.first == terminal.frames.first)
        #expect(terminal.frames.count > 1)
    }
}
