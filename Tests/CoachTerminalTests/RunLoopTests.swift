import CoachCore
import CoachStore
import CoachTerminal
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The run loop of the full-screen coach (`TUI.run`) on a scripted terminal: what it
/// saves, reads back, asks and draws, and how it ends — without a real terminal.
@Suite struct RunLoopTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    static let curriculum = Curriculum(tracks: [
        Track(id: "alpha", title: "Alpha", sections: [
            Section(title: "Basics", items: (1...3).map { Item(id: "alpha.\($0)", title: "Alpha \($0)", summary: "", minutes: 30) }),
        ]),
    ])

    /// A fresh home, as the coach command hands it over: nothing unsaved, every
    /// document's file remembered by the watch.
    struct Setup {
        let folder: URL
        let home: CoachHome
        let watch = FileWatch()
        let saves = SaveQueue()
        let clock = TestClock(RunLoopTests.start)
        var state: AppState

        init(screen: Screen = .tracks, createFolder: Bool = true) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("coach-runloop-\(UUID().uuidString)")
            home = CoachHome(url: folder.appendingPathComponent("home"))
            if createFolder { try home.prepare() }
            for kind in DocumentKind.watched { watch.remember(home.file(kind)) }
            state = AppState(curriculum: RunLoopTests.curriculum, progress: ProgressBook(), viewport: Size(rows: 24, cols: 100))
            state.study = StudyState(timeZone: .utc, now: RunLoopTests.start)
            state.screen = screen
        }

        func run(_ terminal: ScriptedTerminal) -> TUI.Outcome {
            let clock = self.clock
            return TUI.run(state, home: home, watch: watch, terminal: terminal, clock: { clock.now }, saves: saves)
        }

        /// What the learner's keys do to the state, by the engine alone.
        func expected(after actions: [Action]) -> AppState {
            var state = self.state
            for action in actions { _ = reduce(&state, action, now: clock.now) }
            return state
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// `l` then Space: the first item's status changes.
    static var markFirstItem: [ScriptedTerminal.Step] { [.key(.char("l")), .key(.char(" "))] }

    @Test func whatIsChangedIsOnDiskWhenTheRunEnds() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let terminal = ScriptedTerminal(Self.markFirstItem + [.key(.char("q"))])
        #expect(setup.run(terminal) == .quit)
        let expected = setup.expected(after: [.focusRight, .cycleStatus]).progress
        #expect(expected.items["alpha.1"] != nil)
        #expect(try ProgressStore.load(setup.home) == expected)
        #expect(terminal.started == 1 && terminal.stopped == 1, "the terminal is given back")
        #expect(terminal.shown.first?.contains("Alpha") == true)
    }

    /// `+`, `+`, `u` on Today: each goal change writes settings and the goal history
    /// together (one write on the queue, through the write-ahead record), and both
    /// agree when the run ends; no record is left behind.
    @Test func aGoalChangeWritesSettingsAndJournalAsOneChange() throws {
        let setup = try Setup(screen: .today)
        defer { setup.remove() }
        let terminal = ScriptedTerminal([.key(.char("+")), .key(.char("+")), .key(.char("u")), .key(.char("q"))])
        #expect(setup.run(terminal) == .quit)
        let expected = setup.expected(after: [.changeGoal(GoalStep.minutes), .changeGoal(GoalStep.minutes), .undo])
        #expect(try SettingsStore.load(setup.home) == expected.settings)
        #expect(try JournalStore.load(setup.home).goals == expected.study.journal.goals)
        #expect(expected.settings.dailyGoalMinutes == Settings.defaultGoal + GoalStep.minutes)
        let left = try FileManager.default.contentsOfDirectory(atPath: setup.home.url.path)
        #expect(!left.contains(".coach-change"), "\(left)")
    }

    @Test func aFailedSaveIsSaidAndTriedAgainAtQuit() throws {
        // No folder yet: the first write fails. It appears before quitting, so the
        // retry at quit succeeds.
        let setup = try Setup(createFolder: false)
        defer { setup.remove() }
        let terminal = ScriptedTerminal(Self.markFirstItem + [
            .run { setup.saves.drain() }, .noKey,
            .run { try? setup.home.prepare() }, .key(.char("q")),
        ])
        #expect(setup.run(terminal) == .quit)
        #expect(terminal.shown.contains { $0.contains("Not saved:") && $0.contains("progress.json") })
        #expect(try ProgressStore.load(setup.home) == setup.expected(after: [.focusRight, .cycleStatus]).progress)
    }

    @Test func aSaveThatFailsAgainAtQuitEndsUnsaved() throws {
        let setup = try Setup(createFolder: false)
        defer { setup.remove() }
        let terminal = ScriptedTerminal(Self.markFirstItem + [.key(.char("q"))])
        guard case .unsaved(let reason) = setup.run(terminal) else {
            Issue.record("expected the run to end unsaved")
            return
        }
        #expect(reason.contains("progress.json"))
    }

    @Test func aFileChangedOnDiskIsReadBackAtTheNextTick() throws {
        let setup = try Setup()
        defer { setup.remove() }
        var onDisk = ProgressBook()
        _ = onDisk.setStatus(.done, of: "alpha.2", at: Self.start)
        let terminal = ScriptedTerminal([
            .run { try? ProgressStore.save(onDisk, to: setup.home) }, .noKey, .key(.char("q")),
        ])
        #expect(setup.run(terminal) == .quit)
        let last = try #require(terminal.shown.last)
        #expect(last.contains("progress.json was changed by another program"))
        #expect(try ProgressStore.load(setup.home) == onDisk, "reading back writes nothing")
    }

    @Test func aFileChangedBeforeASaveIsAskedAboutAndKeptWhenAsked() throws {
        let setup = try Setup()
        defer { setup.remove() }
        var onDisk = ProgressBook()
        _ = onDisk.setStatus(.done, of: "alpha.3", at: Self.start)
        let terminal = ScriptedTerminal([.run { try? ProgressStore.save(onDisk, to: setup.home) }] + Self.markFirstItem + [
            .run { setup.saves.drain() }, .noKey,
            .key(.char("r")), .key(.char("q")),
        ])
        #expect(setup.run(terminal) == .quit)
        #expect(terminal.shown.contains { $0.contains("progress.json changed on disk") }, "the question is drawn")
        #expect(try ProgressStore.load(setup.home) == onDisk, "r reads the file on disk; nothing is written over it")
        #expect(terminal.shown.last?.contains("progress.json was changed by another program") == true)
    }

    @Test func aFileChangedBeforeASaveIsWrittenOverWhenTheLearnerSaysSo() throws {
        let setup = try Setup()
        defer { setup.remove() }
        var onDisk = ProgressBook()
        _ = onDisk.setStatus(.done, of: "alpha.3", at: Self.start)
        let terminal = ScriptedTerminal([.run { try? ProgressStore.save(onDisk, to: setup.home) }] + Self.markFirstItem + [
            .run { setup.saves.drain() }, .noKey,
            .key(.char("o")), .key(.char("q")),
        ])
        #expect(setup.run(terminal) == .quit)
        #expect(try ProgressStore.load(setup.home) == setup.expected(after: [.focusRight, .cycleStatus]).progress)
    }

    @Test func aFileThatCannotBeReadBackIsAskedAboutAgainWithTheReason() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let terminal = ScriptedTerminal([
            .run { try? Data("{ half-way".utf8).write(to: setup.home.file(.journal)) }, .noKey, .key(.char("q")),
        ])
        #expect(setup.run(terminal) == .quit)
        let last = try #require(terminal.shown.last)
        #expect(last.contains("journal.json changed on disk"))
        #expect(try Data(contentsOf: setup.home.file(.journal)) == Data("{ half-way".utf8), "left as it is")
    }

    @Test func aHangUpEndsTheRunLikeSIGHUPAndSavesFirst() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let terminal = ScriptedTerminal(Self.markFirstItem + [.hangUp, .key(.char("l"))])
        #expect(setup.run(terminal) == .signal(SIGHUP))
        #expect(try ProgressStore.load(setup.home) == setup.expected(after: [.focusRight, .cycleStatus]).progress)
        #expect(terminal.stopped == 1)
    }

    @Test func aSignalEndsTheRunAndSavesFirst() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let terminal = ScriptedTerminal(Self.markFirstItem + [.signal(SIGTERM), .key(.char("l"))])
        #expect(setup.run(terminal) == .signal(SIGTERM))
        #expect(try ProgressStore.load(setup.home) == setup.expected(after: [.focusRight, .cycleStatus]).progress)
    }

    @Test func aResizeIsDrawnAtTheNewSize() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let terminal = ScriptedTerminal([.resize(Size(rows: 40, cols: 120)), .key(.char("q"))])
        #expect(setup.run(terminal) == .quit)
        #expect(terminal.frames.first?.size == Size(rows: 24, cols: 100))
        #expect(terminal.frames.last?.size == Size(rows: 40, cols: 120))
    }

    @Test func theTimerTickSavesTheRunningSessionAsItGoes() throws {
        let setup = try Setup(screen: .today)
        defer { setup.remove() }
        let clock = setup.clock
        let terminal = ScriptedTerminal([
            .key(.char("s")),
            .run { setup.saves.drain() },
            .run {
                #expect((try? SessionStore.load(setup.home))??.lastSeen == RunLoopTests.start, "started, and saved")
                clock.advance(StudyTiming.checkpointSeconds)
            },
            .noKey,
            .run { setup.saves.drain() },
            .key(.char("q")),
        ])
        #expect(setup.run(terminal) == .quit)
        let timer = try #require(try SessionStore.load(setup.home))
        #expect(timer.isRunning)
        #expect(timer.lastSeen == Self.start.addingTimeInterval(StudyTiming.checkpointSeconds), "the tick noted the time")
        #expect(terminal.shown.contains { $0.contains("Session started") })
    }
}
