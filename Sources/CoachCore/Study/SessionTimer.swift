import FoundationEssentials

/// The study session in progress: running or paused, and how long it has run.
///
/// Every change is a pure function of `now`, so the screen can tick it and tests can
/// drive it with fixed dates. The shell saves it as it goes (after each change and
/// `checkpoint`), so a session that was running when Coach quit or was killed is found
/// at the next start and logged with the minutes it ran up to the last save.
public struct SessionTimer: Equatable, Codable, Sendable {
    public private(set) var started: Date
    /// Seconds run before `runningSince`: the stretches that ended with a pause.
    public private(set) var accumulatedSeconds: TimeInterval
    /// When the current stretch began; nil while paused.
    public private(set) var runningSince: Date?
    /// The last moment the shell saw the timer (start, pause, resume or checkpoint):
    /// how far an interrupted session is known to have run.
    public private(set) var lastSeen: Date
    /// Items touched in this session, in the order they were first touched.
    public private(set) var items: [String]

    public init(started: Date, accumulatedSeconds: TimeInterval = 0, runningSince: Date? = nil,
                lastSeen: Date? = nil, items: [String] = []) {
        self.started = started
        self.accumulatedSeconds = max(0, accumulatedSeconds)
        self.runningSince = runningSince
        self.lastSeen = lastSeen ?? runningSince ?? started
        self.items = items
    }

    public static func start(at now: Date) -> SessionTimer {
        SessionTimer(started: now, runningSince: now, lastSeen: now)
    }

    public var isRunning: Bool { runningSince != nil }

    /// Seconds run by `now`. A clock that went back counts nothing for the stretch,
    /// never less than what had run before it.
    public func elapsed(at now: Date) -> TimeInterval {
        guard let runningSince else { return accumulatedSeconds }
        return accumulatedSeconds + max(0, now.timeIntervalSince(runningSince))
    }

    public mutating func pause(at now: Date) {
        guard isRunning else { return }
        accumulatedSeconds = elapsed(at: now)
        runningSince = nil
        lastSeen = now
    }

    public mutating func resume(at now: Date) {
        guard !isRunning else { return }
        runningSince = now
        lastSeen = now
    }

    /// `s` on the Today screen: pause a running timer, resume a paused one.
    public mutating func toggle(at now: Date) {
        if isRunning { pause(at: now) } else { resume(at: now) }
    }

    /// Notes that the timer was still there at `now`; call it before each save.
    public mutating func checkpoint(at now: Date) {
        lastSeen = now
    }

    public mutating func touch(_ itemID: String) {
        if !items.contains(itemID) { items.append(itemID) }
    }

    /// The journal entry for a session finished at `now` (id 0 until the journal adds
    /// it), on the day it started; nil when it ran under 30 seconds — nothing to log.
    public func finish(at now: Date, timeZone: TimeZoneRules, note: String? = nil) -> JournalEntry? {
        entry(seconds: elapsed(at: now), timeZone: timeZone, note: note)
    }

    /// `finish` for a timer found at start-up: it counts only up to `lastSeen`, the
    /// last moment it is known to have run.
    public func finishInterrupted(timeZone: TimeZoneRules) -> JournalEntry? {
        entry(seconds: elapsed(at: lastSeen), timeZone: timeZone, note: nil)
    }

    /// Seconds to whole minutes, to the nearest (30 s and more is a minute), at most a
    /// day's 1,440 — a timer left running over a weekend logs one full day, not three.
    public static func minutes(seconds: TimeInterval) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        let minutes = (seconds / 60).rounded(.toNearestOrAwayFromZero)
        return Int(min(minutes, Double(JournalValidation.minutesRange.upperBound)))
    }

    private func entry(seconds: TimeInterval, timeZone: TimeZoneRules, note: String?) -> JournalEntry? {
        let minutes = Self.minutes(seconds: seconds)
        guard minutes > 0 else { return nil }
        return JournalEntry(day: StudyDay(started, in: timeZone), start: started, minutes: minutes,
                            items: items, note: note).normalized
    }
}

extension Journal {
    /// Logs a timer found at start-up (see `SessionTimer.finishInterrupted`) unless it
    /// is logged already; returns the new entry, or nil when nothing was logged.
    @discardableResult
    public mutating func logInterrupted(_ timer: SessionTimer, timeZone: TimeZoneRules) -> JournalEntry? {
        guard !hasSession(startedAt: timer.started),
              let entry = timer.finishInterrupted(timeZone: timeZone)
        else { return nil }
        return add(entry)
    }
}
