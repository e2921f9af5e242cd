import ArgumentParser
import Dispatch
import CoachCore
import CoachStore
import CoachTerminal
import FoundationEssentials
import Glibc

/// The command tree; `Entry` (the program's start) hands it everything but the hot paths.
struct CoachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach",
        abstract: "A terminal study coach for product managers becoming AI product managers.",
        discussion: "With no subcommand, opens the full-screen coach (standard input and output must be a terminal).",
        version: "coach \(CoachVersion.text)",
        subcommands: [TracksCommand.self, ShowCommand.self, CheckCommand.self, EstimateCommand.self, ProofCommand.self, NoteCommand.self, SearchCommand.self, IdeaCommand.self, ChurnCommand.self,
                      TodayCommand.self, StatusCommand.self, StatsCommand.self, SettingsCommand.self, LogCommand.self,
                      JournalCommand.self, ReviewCommand.self, ItemCommand.self, DrillCommand.self, ExportCommand.self, ImportCommand.self,
                      SyncCommand.self, MergeCommand.self, BreakCommand.self, ForecastCommand.self]
    )

    @OptionGroup var home: HomeOption

    @Option(help: ArgumentHelp("The screen to open on: today, tracks, backlog or history.", valueName: "screen"))
    var screen: ScreenChoice = .today

    @Flag(help: ArgumentHelp("Draw the first frame and exit (for the benchmark).", visibility: .hidden))
    var benchFirstFrame = false

    @Flag(help: ArgumentHelp("Trap (a Swift runtime error) a moment after the screen is up (for the crash tests).", visibility: .hidden))
    var debugTrap = false

    func run() throws {
        try Self.run(homeFlag: home.home, screen: screen, benchFirstFrame: benchFirstFrame, debugTrap: debugTrap)
    }

    /// The full-screen coach, also started by `Entry` without the parser.
    static func run(homeFlag: String?, screen: ScreenChoice, benchFirstFrame: Bool, debugTrap: Bool = false) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CoachFailure(
                "the full-screen coach needs a terminal on standard input and output; use a subcommand instead: tracks, show, check, search, idea, today, status, log, journal, stats, export (see coach --help)")
        }
        let homeFolder = CoachHome.resolve(flag: homeFlag)
        CrashReport.restartWithBacktraceToFile(home: homeFolder)
        let lock = try storeErrors {
            try homeFolder.prepare()
            return try HomeLock.acquire(homeFolder, as: .fullScreen)
        }
        // What a folder-sync tool left is merged in before anything is read.
        let absorbed = try storeErrors { try ConflictCopies.absorb(in: homeFolder) }
        let terminal = StartedTerminal()
        // Problems with the learner's own track files are told on stderr once the terminal
        // is theirs again (the screen's message line says so meanwhile).
        var warnings: [String] = []
        // Whatever happens from here, the terminal is given back (stopping twice is safe).
        defer {
            terminal.stop()
            AppContext.report(warnings)
        }
        let kept = try keptFrame(home: homeFolder, screen: screen, holding: lock)
        // A start that merged a sync tool's copies says so once: its frame is not kept.
        let keepsFrames = absorbed == nil
        if keepsFrames, let kept, let frame = kept.read(), terminal.show(frame), benchFirstFrame { return }
        // The backlog, the largest file, loads on the other core while the rest loads here.
        let backlogLoad = BackgroundWork {
            try BacklogStore.loadOrStart(homeFolder, data: CurriculumLoader.locateData(), now: Date()).backlog
        }
        let context = try AppContext.load(homeFlag: homeFlag, reportingWarnings: false)
        warnings = context.warnings
        let (study, backlog) = try storeErrors {
            let study = StudyState(journal: try JournalStore.load(context.home, ids: context.curriculum),
                                   reviews: try ReviewStore.load(context.home),
                                   timeZone: context.timeZone, now: Date())
            return (study, try backlogLoad.result())
        }
        var state = AppState(curriculum: context.curriculum, progress: context.progress, settings: context.settings,
                             backlog: backlog, study: study)
        state.screen = screen.screen
        state.refreshShown()
        if !context.warnings.isEmpty {
            let count = context.warnings.count
            state.message = "\(count) problem\(count == 1 ? "" : "s") in your own track files (\(context.home.tracksFolder.path)); run `coach tracks` to see them"
        }
        // What merges kept from both machines, and what a sync tool left, come first.
        let merges = [absorbed, MergeNotices.line(for: context.home)].compactMap { $0 }
        if !merges.isEmpty { state.message = (merges + [state.message].compactMap { $0 }).joined(separator: "; ") }
        // From here on, a file another program changes is read back or asked about,
        // never written over.
        let watch = FileWatch()
        for document in DocumentKind.watched { watch.remember(context.home.file(document)) }
        if debugTrap {
            DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
                fatalError("a trap asked for by --debug-trap")
            }
        }
        let autoSync = !benchFirstFrame && BackgroundSync.isWanted(context.settings, home: context.home)
        let outcome = TUI.run(state, home: context.home, watch: watch, terminal: terminal, exitAfterFirstFrame: benchFirstFrame,
                              sync: BackgroundSync.job(home: context.home, lock: lock), syncAtStart: autoSync) { frame in
            if keepsFrames { kept?.write(frame, now: Date()) }
        }
        withExtendedLifetime(lock) {}
        // Auto-sync after quit (the setting as it is on disk now): on its own, waiting for
        // this coach to let go of the home. Not when changes could not be saved.
        let settingsNow = (try? SettingsStore.load(context.home)) ?? context.settings
        var saved = true
        if case .unsaved = outcome { saved = false }
        if !benchFirstFrame, saved, BackgroundSync.isWanted(settingsNow, home: context.home) {
            BackgroundSync.startAfterQuit(home: context.home)
        }
        switch outcome {
        case .quit: return
        case .unsaved(let reason): throw CoachFailure("your last changes were not saved: \(reason)")
        case .signal(let signal):
            AppContext.report(warnings)
            warn("coach: stopped by \(Self.signalName(signal)); your changes are saved")
            TUI.exit(bySignal: signal)
        }
    }
}

extension CoachCommand {
    /// Where this start's first frame is kept, under the key of everything it is drawn
    /// from: taken after a change cut short is finished and a session left running is
    /// logged, since both change the files. Nil when the kernel gives no terminal size.
    static func keptFrame(home: CoachHome, screen: ScreenChoice, holding lock: HomeLock) throws -> KeptFrame? {
        try home.finishInterruptedChange()
        let settings = try storeErrors { try SettingsStore.load(home) }
        let timeZone = StudyFiles.learnerDays(settings)
        // A session that an earlier run left running is logged before anything is shown.
        _ = try storeErrors { try SessionRecovery.recoverInterruptedSession(home: home, timeZone: timeZone, holding: lock) }
        guard let size = StartedTerminal.windowSize else { return nil }
        let key = CacheKey.home(home, dataFolder: try? CurriculumLoader.locateDataPath(),
                                day: StudyDay(Date(), in: timeZone).description, timeZone: timeZone)
        return KeptFrame(home: home, key: key, screen: screen.rawValue, size: size)
    }

    /// "SIGQUIT" for 3.
    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGINT: "SIGINT", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP", SIGQUIT: "SIGQUIT",
                                      SIGUSR1: "SIGUSR1", SIGUSR2: "SIGUSR2", SIGPIPE: "SIGPIPE"]
        return names[signal] ?? "signal \(signal)"
    }
}

enum ScreenChoice: String, ExpressibleByArgument, CaseIterable {
    case today, tracks, backlog, history

    var screen: Screen {
        switch self {
        case .today: .today
        case .tracks: .tracks
        case .backlog: .backlog
        case .history: .history
        }
    }
}

/// `--home DIR`, accepted by every command.
struct HomeOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder for your progress (default: $COACH_HOME, else $XDG_DATA_HOME/coach, else ~/.local/share/coach).", valueName: "dir"))
    var home: String?
}

/// A one-line reason for a non-zero exit.
struct CoachFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
