import CoachCore
import Foundation
import CoachTerminal
import CoachUI

/// A terminal that plays a script instead of a person: keys, seconds without a key,
/// a new size, a signal, a hang-up, or something done to the world in between (another
/// program writing a file). It keeps every frame it was asked to draw. When the script
/// runs out the terminal hangs up, so a run always ends.
final class ScriptedTerminal: TerminalBackend {
    enum Step {
        case key(Key)
        /// A second passes with no key: the run loop ticks and looks for changed files.
        case noKey
        case resize(Size)
        case signal(Int32)
        case hangUp
        /// Runs between two reads, consuming no read.
        case run(() -> Void)
    }

    private var steps: [Step]
    private(set) var size: Size
    private(set) var frames: [ScreenBuffer] = []
    private(set) var started = 0
    private(set) var stopped = 0
    private(set) var hungUp = false
    /// What was put on the clipboard, in order.
    private(set) var copied: [String] = []

    init(size: Size = Size(rows: 24, cols: 100), _ steps: [Step]) {
        self.size = size
        self.steps = steps
    }

    func start() { started += 1 }
    func stop() { stopped += 1 }
    func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }
    private(set) var handedOver = 0
    func handOver<Result>(_ body: () -> Result) -> Result {
        handedOver += 1
        return body()
    }
    private(set) var bells = 0
    func bell() { bells += 1 }

    var isHungUp: Bool { hungUp }

    func copyToClipboard(_ text: String) { copied.append(text) }

    /// The screen's text, frame by frame.
    var shown: [String] { frames.map(\.text) }

    func takeSignal() -> Int32 {
        runPending()
        guard case .signal(let signal)? = steps.first else { return 0 }
        steps.removeFirst()
        return signal
    }

    func readKey(timeout: Int32) -> Key? {
        runPending()
        guard !steps.isEmpty else {
            hungUp = true
            return nil
        }
        switch steps.removeFirst() {
        case .key(let key): return key
        case .noKey: return nil
        case .resize(let new):
            size = new
            return .resize
        case .hangUp:
            hungUp = true
            return nil
        case .signal(let signal):
            // A signal arrives while waiting: the next check takes it.
            steps.insert(.signal(signal), at: 0)
            return nil
        case .run: return nil  // not reached: runPending ran it
        }
    }

    private func runPending() {
        while case .run(let body)? = steps.first {
            steps.removeFirst()
            body()
        }
    }
}

/// Time that moves only when a test says so.
final class TestClock: @unchecked Sendable {
    var now: Date

    init(_ now: Date) { self.now = now }

    func advance(_ seconds: TimeInterval) { now = now.addingTimeInterval(seconds) }
}
