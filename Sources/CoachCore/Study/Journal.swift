import FoundationEssentials

/// One logged study session.
public struct JournalEntry: Equatable, Codable, Sendable, Identifiable {
    /// Given by `Journal.add`; small and stable, so the CLI can name an entry.
    public var id: Int
    /// The day the session counts for: the day it started, for a timed session.
    public var day: StudyDay
    /// When the timer started; nil for a session logged by hand.
    public var start: Date?
    public var minutes: Int
    /// Ids of the items the session touched, in the order they were touched.
    public var items: [String]
    public var note: String?

    public init(id: Int = 0, day: StudyDay, start: Date? = nil, minutes: Int, items: [String] = [], note: String? = nil) {
        self.id = id
        self.day = day
        self.start = start
        self.minutes = minutes
        self.items = items
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case id, day, start, minutes, items, note
    }

    /// As synthesized, except that a hand-written entry may leave out its items.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        day = try container.decode(StudyDay.self, forKey: .day)
        start = try container.decodeIfPresent(Date.self, forKey: .start)
        minutes = try container.decode(Int.self, forKey: .minutes)
        items = try container.decodeIfPresent([String].self, forKey: .items) ?? []
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }

    /// Note trimmed (nil when empty), each item once.
    var normalized: JournalEntry {
        var entry = self
        let trimmed = note?.trimmingWhitespaceAndNewlines() ?? ""
        entry.note = trimmed.isEmpty ? nil : trimmed
        var seen = Set<String>()
        entry.items = items.filter { seen.insert($0).inserted }
        return entry
    }
}

/// Every logged session, and the daily goals that were in force, which streaks need
/// to judge a past day by the goal of that day.
public struct Journal: Equatable, Sendable {
    /// In the order they were added (by id).
    public private(set) var entries: [JournalEntry]
    public var goals: GoalHistory

    public init(entries: [JournalEntry] = [], goals: GoalHistory = GoalHistory()) {
        self.entries = entries.sorted { $0.id < $1.id }
        self.goals = goals
    }

    public var isEmpty: Bool { entries.isEmpty }

    public func entry(id: Int) -> JournalEntry? {
        entries.first { $0.id == id }
    }

    /// Adds `entry` under the next free id (whatever id it had) and returns it as stored.
    @discardableResult
    public mutating func add(_ entry: JournalEntry) -> JournalEntry {
        var stored = entry.normalized
        stored.id = (entries.last?.id ?? 0) + 1
        entries.append(stored)
        return stored
    }

    /// Replaces the entry with `entry.id`; false when there is none.
    @discardableResult
    public mutating func edit(_ entry: JournalEntry) -> Bool {
        guard let index = entries.firstIndex(where: { $0.id == entry.id }) else { return false }
        entries[index] = entry.normalized
        return true
    }

    /// Removes the entry and returns it (for undo); nil when there is none.
    @discardableResult
    public mutating func delete(id: Int) -> JournalEntry? {
        guard let index = entries.firstIndex(where: { $0.id == id }) else { return nil }
        return entries.remove(at: index)
    }

    /// Puts a deleted entry back under its own id (undo); false when the id is taken.
    @discardableResult
    public mutating func restore(_ entry: JournalEntry) -> Bool {
        guard self.entry(id: entry.id) == nil else { return false }
        let index = entries.firstIndex { $0.id > entry.id } ?? entries.endIndex
        entries.insert(entry.normalized, at: index)
        return true
    }

    /// Latest day first; within a day, the last logged first.
    public var newestFirst: [JournalEntry] {
        entries.sorted { $0.day != $1.day ? $0.day > $1.day : $0.id > $1.id }
    }

    public func minutes(on day: StudyDay) -> Int {
        entries.reduce(0) { $1.day == day ? $0 + $1.minutes : $0 }
    }

    public var minutesByDay: [StudyDay: Int] {
        var minutes: [StudyDay: Int] = [:]
        for entry in entries { minutes[entry.day, default: 0] += entry.minutes }
        return minutes
    }

    /// True when a session that started at `start` is logged already, so a saved timer
    /// found again after a crash between logging it and clearing it is not logged twice.
    /// Within a second, because the files keep whole seconds.
    public func hasSession(startedAt start: Date) -> Bool {
        entries.contains { entry in entry.start.map { abs($0.timeIntervalSince(start)) < 1 } ?? false }
    }
}

// MARK: Hand-entered sessions

/// The fields of a hand-logged session, named as the CLI flags name them.
public enum JournalField: String, CaseIterable, Sendable {
    case date, minutes, note, items

    public var rule: String {
        switch self {
        case .date: "must be a day as YYYY-MM-DD, not in the future"
        case .minutes: "must be a whole number from \(JournalValidation.minutesRange.lowerBound) to \(JournalValidation.minutesRange.upperBound)"
        case .note: "must be at most \(JournalValidation.noteLimit) characters on one line"
        case .items: "must be item ids of the curriculum, like genai.rag"
        }
    }
}

/// One thing wrong with one field, in one line: the field, its range, what came.
public struct JournalProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: JournalField
    /// "must be …; got …", without the field name, for showing beside the field.
    public var message: String

    public init(field: JournalField, message: String) {
        self.field = field
        self.message = message
    }

    init(_ field: JournalField, got: String) {
        self.init(field: field, message: "\(field.rule); got \(got)")
    }

    public var description: String { "\(field.rawValue): \(message)" }
}

/// Everything wrong with a draft, in field order; never empty.
public struct JournalProblems: Error, Equatable, Sendable, CustomStringConvertible {
    public var all: [JournalProblem]

    public init(_ all: [JournalProblem]) {
        self.all = all
    }

    public var fields: Set<JournalField> { Set(all.map(\.field)) }

    /// One problem a line, each starting with its field.
    public var description: String { all.map(\.description).joined(separator: "\n") }
}

/// What the learner typed for a session logged by hand.
public struct JournalDraft: Equatable, Sendable {
    /// Empty means today.
    public var date: String
    public var minutes: String
    public var note: String
    public var items: [String]

    public init(date: String = "", minutes: String = "", note: String = "", items: [String] = []) {
        self.date = date
        self.minutes = minutes
        self.note = note
        self.items = items
    }

    /// An entry's fields as text, to edit it: validating this unchanged gives them back.
    public init(_ entry: JournalEntry) {
        self.init(date: entry.day.description, minutes: String(entry.minutes), note: entry.note ?? "", items: entry.items)
    }
}

public enum JournalValidation {
    /// A day has 1,440 minutes; a session cannot be longer.
    public static let minutesRange = 1...1440
    public static let noteLimit = 1000

    public static func minutes(_ text: String) -> Result<Int, JournalProblem> {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return .failure(JournalProblem(.minutes, got: "nothing")) }
        guard trimmed.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }), trimmed.count <= 6,
              let value = Int(trimmed), minutesRange.contains(value)
        else { return .failure(JournalProblem(.minutes, got: quoted(trimmed))) }
        return .success(value)
    }

    /// Empty text is `today`.
    public static func day(_ text: String, today: StudyDay) -> Result<StudyDay, JournalProblem> {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return .success(today) }
        guard let day = StudyDay(trimmed) else { return .failure(JournalProblem(.date, got: quoted(trimmed))) }
        guard day <= today else {
            return .failure(JournalProblem(field: .date, message: "\(JournalField.date.rule) (today is \(today)); got \(trimmed)"))
        }
        return .success(day)
    }

    public static func note(_ text: String) -> Result<String?, JournalProblem> {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.count <= noteLimit else {
            return .failure(JournalProblem(.note, got: "\(trimmed.count) characters"))
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return .failure(JournalProblem(.note, got: "a line break or control character"))
        }
        return .success(trimmed.isEmpty ? nil : trimmed)
    }

    /// Item ids, each once; with a curriculum, every id must be one of its items.
    public static func items(_ ids: [String], curriculum: Curriculum?) -> Result<[String], JournalProblem> {
        var seen = Set<String>()
        var items: [String] = []
        for raw in ids {
            let id = raw.trimmingWhitespace()
            guard !id.isEmpty else { continue }
            if let curriculum, curriculum.item(id: id) == nil {
                let close = Suggestions.closest(to: id, among: curriculum.allItemIDs, limit: 1)
                let hint = close.first.map { " (did you mean \($0)?)" } ?? ""
                return .failure(JournalProblem(.items, got: "\(quoted(id))\(hint)"))
            }
            if seen.insert(id).inserted { items.append(id) }
        }
        return .success(items)
    }

    /// Every field checked; the entry (id 0 until the journal adds it), or every problem
    /// in field order.
    public static func validate(_ draft: JournalDraft, today: StudyDay,
                                curriculum: Curriculum? = nil) -> Result<JournalEntry, JournalProblems> {
        var problems: [JournalProblem] = []
        func check<T>(_ result: Result<T, JournalProblem>) -> T? {
            switch result {
            case .success(let value): return value
            case .failure(let problem): problems.append(problem); return nil
            }
        }
        let day = check(self.day(draft.date, today: today))
        let minutes = check(self.minutes(draft.minutes))
        let note = check(self.note(draft.note))
        let items = check(self.items(draft.items, curriculum: curriculum))
        guard let day, let minutes, let note, let items, problems.isEmpty else { return .failure(JournalProblems(problems)) }
        return .success(JournalEntry(day: day, minutes: minutes, items: items, note: note))
    }

    private static func quoted(_ text: String) -> String {
        "\"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
    }
}
