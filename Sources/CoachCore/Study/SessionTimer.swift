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
    /// Seconds studied on each item, for the stretches that ended (a pause, another
    /// item chosen): what finishing credits to each.
    public private(set) var itemSeconds: [String: TimeInterval]
    /// The item being studied now: the plan row selected while the timer runs.
    public private(set) var studying: String?

    public init(started: Date, accumulatedSeconds: TimeInterval = 0, runningSince: Date? = nil,
                lastSeen: Date? = nil, items: [String] = [], itemSeconds: [String: TimeInterval] = [:],
                studying: String? = nil, studySince: Date? = nil) {
        self.started = started
        self.accumulatedSeconds = max(0, accumulatedSeconds)
        self.runningSince = runningSince
        self.lastSeen = lastSeen ?? runningSince ?? started
        self.items = items
        self.itemSeconds = itemSeconds.filter { $0.value.isFinite && $0.value > 0 }
        self.studying = studying
        self.studySince = studySince
    }

    public static func start(at now: Date, studying itemID: String? = nil) -> SessionTimer {
        var timer = SessionTimer(started: now, runningSince: now, lastSeen: now)
        timer.study(itemID, at: now)
        return timer
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
        closeStretch(at: now)
        accumulatedSeconds = elapsed(at: now)
        runningSince = nil
        lastSeen = now
    }

    public mutating func resume(at now: Date) {
        guard !isRunning else { return }
        runningSince = now
        studySince = now
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

    /// The stretch on the item being studied runs from the later of the resume and the
    /// last change of item; this is when it began.
    private var stretchStart: Date? {
        guard let runningSince else { return nil }
        return max(runningSince, studySince ?? runningSince)
    }

    /// Seconds studied on `itemID` by `now`.
    public func seconds(on itemID: String, at now: Date) -> TimeInterval {
        var seconds = itemSeconds[itemID] ?? 0
        if studying == itemID, let start = stretchStart { seconds += max(0, now.timeIntervalSince(start)) }
        return seconds
    }

    /// Adds the running stretch to the item studied, and starts a new one at `now`.
    private mutating func closeStretch(at now: Date) {
        if let id = studying, let start = stretchStart {
            let seconds = max(0, now.timeIntervalSince(start))
            if seconds > 0 { itemSeconds[id, default: 0] += seconds }
        }
        studySince = now
    }

    /// When the item studied last changed; within a stretch only.
    public private(set) var studySince: Date?

    /// The learner is on `itemID` (nil: on nothing) from `now`: the time from here on is
    /// its time. The item counts as touched.
    public mutating func study(_ itemID: String?, at now: Date) {
        guard itemID != studying else { return }
        closeStretch(at: now)
        studying = itemID
        if let itemID { touch(itemID) }
    }

    /// The session's `minutes` shared among the items by the time on each, in whole
    /// minutes that add up to `minutes` (largest remainders get the odd minutes; ties in
    /// the order the items were touched). Empty when no item was studied.
    public func split(minutes: Int, at now: Date) -> [(itemID: String, minutes: Int)] {
        let order = items + itemSeconds.keys.filter { !items.contains($0) }.sorted()
        let seconds = order.map { (id: $0, seconds: self.seconds(on: $0, at: now)) }.filter { $0.seconds > 0 }
        let total = seconds.reduce(0) { $0 + $1.seconds }
        guard minutes > 0, total > 0 else { return [] }
        var shares = seconds.map { (id: $0.id, exact: Double(minutes) * $0.seconds / total) }
            .map { (id: $0.id, whole: Int($0.exact.rounded(.down)), rest: $0.exact - $0.exact.rounded(.down)) }
        var left = minutes - shares.reduce(0) { $0 + $1.whole }
        for index in shares.indices.sorted(by: { shares[$0].rest != shares[$1].rest ? shares[$0].rest > shares[$1].rest : $0 < $1 })
        where left > 0 {
            shares[index].whole += 1
            left -= 1
        }
        return shares.filter { $0.whole > 0 }.map { ($0.id, $0.whole) }
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
