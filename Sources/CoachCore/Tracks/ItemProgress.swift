import FoundationEssentials

public enum ItemStatus: String, CaseIterable, Codable, Sendable {
    case todo, doing, done, skipped

    /// Space on an item: todo → doing → done → todo. A skipped item comes back as todo.
    public var cycled: ItemStatus {
        switch self {
        case .todo: .doing
        case .doing: .done
        case .done, .skipped: .todo
        }
    }

    /// `s` on an item: skip it, or bring a skipped item back.
    public var skipToggled: ItemStatus {
        self == .skipped ? .todo : .skipped
    }

    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: "|") }
}

/// What the learner has done with one item. Stored by item id, so it survives any
/// reordering or editing of the curriculum.
public struct ItemProgress: Equatable, Codable, Sendable {
    public var status: ItemStatus
    /// When the status last changed.
    public var changed: Date
    /// When the item was last marked done; kept when it is reopened, for the record.
    public var done: Date?
    /// The note, proof, time spent and estimate, which most items never have, kept
    /// apart (nil while all are empty): an entry of the book is then 40 bytes, not 80,
    /// and a large home's 10,000 entries take half the room.
    private var extras: Extras?

    public var note: String? {
        get { extras?.note }
        set { extras = Extras(note: newValue, proof: proof, spent: spent, estimate: estimate) }
    }
    /// Proof of work: links to what the learner made for the item (a repo, a write-up),
    /// the portfolio the sources tell a learner to build.
    public var proof: [String] {
        get { extras?.proof ?? [] }
        set { extras = Extras(note: note, proof: newValue, spent: spent, estimate: estimate) }
    }
    /// Minutes spent on the item, by the day they were spent (timed sessions and
    /// sessions logged by hand). Kept by day so today's plan can size its step from the
    /// time spent before today and stay the same while the learner works through it.
    public var spent: [StudyDay: Int] {
        get { extras?.spent ?? [:] }
        set { extras = Extras(note: note, proof: proof, spent: newValue, estimate: estimate) }
    }
    /// The learner's own estimate of the whole item in minutes; the curriculum's stays as
    /// shipped.
    public var estimate: Int? {
        get { extras?.estimate }
        set { extras = Extras(note: note, proof: proof, spent: spent, estimate: newValue) }
    }

    /// Immutable, so entries that share one stay values: a change makes a new one.
    private final class Extras: Equatable, Sendable {
        let note: String?
        let proof: [String]
        let spent: [StudyDay: Int]
        let estimate: Int?

        /// Nil when there is nothing to keep.
        init?(note: String?, proof: [String], spent: [StudyDay: Int], estimate: Int?) {
            guard note != nil || !proof.isEmpty || !spent.isEmpty || estimate != nil else { return nil }
            self.note = note
            self.proof = proof
            self.spent = spent
            self.estimate = estimate
        }

        static func == (a: Extras, b: Extras) -> Bool {
            a.note == b.note && a.proof == b.proof && a.spent == b.spent && a.estimate == b.estimate
        }
    }

    public init(status: ItemStatus, changed: Date, done: Date? = nil, note: String? = nil, proof: [String] = [],
                spent: [StudyDay: Int] = [:], estimate: Int? = nil) {
        self.status = status
        self.changed = changed
        self.done = done
        extras = Extras(note: note, proof: proof, spent: spent, estimate: estimate)
    }

    /// Every minute spent on the item.
    public var minutesSpent: Int { spent.values.reduce(0, +) }

    enum CodingKeys: String, CodingKey {
        case status, changed, done, note, proof, spent, estimate
    }

    /// Written only when there is some, so files without proof stay as they were.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(changed, forKey: .changed)
        try container.encodeIfPresent(done, forKey: .done)
        try container.encodeIfPresent(note, forKey: .note)
        if !proof.isEmpty { try container.encode(proof, forKey: .proof) }
        if !spent.isEmpty {
            try container.encode(Dictionary(uniqueKeysWithValues: spent.map { ($0.key.description, $0.value) }), forKey: .spent)
        }
        try container.encodeIfPresent(estimate, forKey: .estimate)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let status = try container.decode(ItemStatus.self, forKey: .status)
        let changed = try container.decode(Date.self, forKey: .changed)
        let done = try container.decodeIfPresent(Date.self, forKey: .done)
        let note = try container.decodeIfPresent(String.self, forKey: .note)
        let proof = try container.decodeIfPresent([String].self, forKey: .proof) ?? []
        var spent: [StudyDay: Int] = [:]
        for (text, minutes) in try container.decodeIfPresent([String: Int].self, forKey: .spent) ?? [:] {
            guard let day = StudyDay(text), ItemTime.minutesRange.contains(minutes) else {
                throw DecodingError.dataCorruptedError(forKey: .spent, in: container,
                                                       debugDescription: ItemTime.spentProblem(day: text, minutes: minutes))
            }
            spent[day] = minutes
        }
        let estimate = try container.decodeIfPresent(Int.self, forKey: .estimate)
        if let estimate, !ItemTime.estimateRange.contains(estimate) {
            throw DecodingError.dataCorruptedError(forKey: .estimate, in: container, debugDescription: ItemTime.estimateProblem(estimate))
        }
        if let problem = ProofLinks.problem(with: proof) {
            throw DecodingError.dataCorruptedError(forKey: .proof, in: container, debugDescription: problem)
        }
        self.init(status: status, changed: changed, done: done, note: note, proof: proof, spent: spent, estimate: estimate)
    }
}

/// Every item's progress, keyed by item id. Ids the curriculum no longer has are kept.
public struct ProgressBook: Equatable, Sendable {
    public var items: [String: ItemProgress]

    public init(items: [String: ItemProgress] = [:]) {
        self.items = items
    }

    public func status(of id: String) -> ItemStatus {
        items[id]?.status ?? .todo
    }

    /// The single rule for changing an item's status, used by the TUI and the CLI.
    /// Returns false when nothing changed.
    @discardableResult
    public mutating func setStatus(_ status: ItemStatus, of id: String, at now: Date) -> Bool {
        guard self.status(of: id) != status else { return false }
        var entry = items[id] ?? ItemProgress(status: .todo, changed: now)
        entry.status = status
        entry.changed = now
        if status == .done { entry.done = now }
        items[id] = entry
        return true
    }

    /// Replaces an item's proof-of-work links (checked by `ProofLinks`). Returns false
    /// when nothing changed.
    @discardableResult
    public mutating func setProof(_ links: [String], of id: String, at now: Date) -> Bool {
        guard (items[id]?.proof ?? []) != links else { return false }
        var entry = items[id] ?? ItemProgress(status: .todo, changed: now)
        entry.proof = links
        items[id] = entry
        return true
    }

    /// The item's estimate in minutes: the learner's own when they gave one.
    public func estimate(of item: Item) -> Int {
        items[item.id]?.estimate ?? item.minutes
    }

    public func minutesSpent(on id: String) -> Int {
        items[id]?.minutesSpent ?? 0
    }

    /// Minutes spent on the item before `day`: what today's step is sized from.
    public func minutesSpent(on id: String, before day: StudyDay) -> Int {
        items[id]?.spent.reduce(0) { $1.key < day ? $0 + $1.value : $0 } ?? 0
    }

    public func minutesSpent(on id: String, day: StudyDay) -> Int {
        items[id]?.spent[day] ?? 0
    }

    /// Adds minutes spent on an item on a day (never past a day's worth); the one rule for
    /// crediting time, used by the timer, `coach log --item` and `coach check --minutes`.
    /// Returns false when nothing changed.
    @discardableResult
    public mutating func addMinutes(_ minutes: Int, to id: String, on day: StudyDay, at now: Date) -> Bool {
        guard minutes > 0 else { return false }
        var entry = items[id] ?? ItemProgress(status: .todo, changed: now)
        let total = min(ItemTime.minutesRange.upperBound, (entry.spent[day] ?? 0) + minutes)
        guard total != entry.spent[day] else { return false }
        entry.spent[day] = total
        items[id] = entry
        return true
    }

    /// Sets (or, with nil, clears) the learner's own estimate. Returns false when nothing changed.
    @discardableResult
    public mutating func setEstimate(_ minutes: Int?, of id: String, at now: Date) -> Bool {
        guard items[id]?.estimate != minutes else { return false }
        var entry = items[id] ?? ItemProgress(status: .todo, changed: now)
        entry.estimate = minutes
        items[id] = entry
        return true
    }

    /// Sets or clears (empty text) an item's note. Returns false when nothing changed.
    @discardableResult
    public mutating func setNote(_ text: String, of id: String, at now: Date) -> Bool {
        // A note of several lines keeps its inner line breaks, not blank lines around it.
        let trimmed = text.trimmingWhitespaceAndNewlines()
        let note: String? = trimmed.isEmpty ? nil : trimmed
        guard items[id]?.note != note else { return false }
        var entry = items[id] ?? ItemProgress(status: .todo, changed: now)
        entry.note = note
        items[id] = entry
        return true
    }
}
