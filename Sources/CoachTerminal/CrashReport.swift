import CNcurses
import CoachStore
import FoundationEssentials
import Glibc

/// What the full-screen coach does when it crashes: the terminal is restored, one line
/// says what happened and where the details are, and the Swift runtime writes its
/// backtrace to `crash.log` in the home instead of asking on the terminal ("Press space
/// to interact…"), which would sit over the screen with the alternate screen still on.
///
/// The runtime reads SWIFT_BACKTRACE once, as the process starts, so setting it later has
/// no effect: the coach sets it and starts itself again in the same process (`execv`),
/// once, before curses starts. A SWIFT_BACKTRACE the learner set is left as it is. A
/// build with the runtime linked in statically has no backtracer (it cannot find
/// swift-backtrace), so it is not started again, and the crash handler writes the
/// crashed thread's return addresses to crash.log itself (`coach_write_frames`).
public enum CrashReport {
    public static let fileName = "crash.log"

    /// Starts the process again with the backtracer told not to ask; returns (without
    /// starting again) when it already was, or when starting again fails.
    public static func restartWithBacktraceToFile(home: CoachHome) {
        let log = home.path(inside: fileName)
        setMessage(home: home)
        // No backtracer in this process (a static build), no prompt to prevent: the
        // crash handler writes the return addresses itself.
        guard getenv("SWIFT_BACKTRACE") == nil, coach_runtime_catches_crashes() != 0 else { return }
        // The setting is a comma-separated list of key=value: a path with either would
        // be misread, so such a home gets the backtrace on stderr instead.
        let output = log.contains(",") || log.contains("=") ? "" : ",output-to=\(log)"
        setenv("SWIFT_BACKTRACE", "interactive=no,color=no\(output)", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
    }

    /// The line the crash handler writes once the terminal is restored.
    static func setMessage(home: CoachHome) {
        let log = home.path(inside: fileName)
        let line = "coach: crashed; the terminal was restored (what was saved before is on disk); details in \(log)\n"
        coach_set_crash_message(line, log)
    }
}
