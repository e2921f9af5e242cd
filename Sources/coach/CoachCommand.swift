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
        subcommands: [TracksCommand.self, ShowCommand.self, CheckCommand.self, ProofCommand.self, SearchCommand.self, IdeaCommand.self, ChurnCommand.self,
                      TodayCommand.self, StatusCommand.self, StatsCommand.self, SettingsCommand.self, LogCommand.self,
                      JournalCommand.self, ReviewCommand.self, ItemCommand.self, DrillCommand.self, ExportCommand.self, ImportCommand.self,
                      SyncCommand.self, MergeCommand.self]
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
        CrashReport.restartWithBacktraceToFile(home: homeFolder.url)
        let lock = try storeErrors {
            try homeFolder.prepare()
            return try HomeLock.acquire(homeFolder, as: .fullScreen)
        }
        // What a folder-sync tool left is merged in before anything is read.
        let absorbed = try storeErrors { try ConflictCopies.absorb(in: homeFolder) }
        // The backlog, the largest file, loads on the other core while the rest loads here.
        let backlogLoad = BackgroundWork {
            try BacklogStore.loadOrStart(homeFolder, data: CurriculumLoader.locateData(), now: Date()).backlog
        }
        let context = try AppContext.load(homeFlag: homeFlag)
        let (study, backlog) = try storeErrors {
            // A session that an earlier run left running is logged before anything is shown.
            try SessionRecovery.recoverInterruptedSession(home: context.home, timeZone: .current, holding: lock)
            let study = StudyState(journal: try JournalStore.load(context.home), reviews: try ReviewStore.load(context.home),
                                   timeZone: .current, now: Date())
            return (study, try backlogLoad.result())
        }
        var state = AppState(curriculum: context.curriculum, progress: context.progress, settings: context.settings,
                             backlog: backlog, study: study)
        state.screen = screen.screen
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
        let outcome = TUI.run(state, home: context.home, watch: watch, exitAfterFirstFrame: benchFirstFrame,
                              sync: BackgroundSync.job(home: context.home, lock: lock), syncAtStart: autoSync)
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
            warn("coach: stopped by \(Self.signalName(signal)); your changes are saved")
            TUI.exit(bySignal: signal)
        }
    }
}

extension CoachCommand {
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
