import CoachCore
import FoundationEssentials

/// journal.json: every logged session and the history of the daily goal.
public enum JournalStore {
    public static let version = 1

    struct FileContents: Codable, Equatable {
        var version: Int
        var entries: [JournalEntry]
        /// Left out of a hand-written file: no goal history yet.
        var goals: [GoalHistory.Change]?
    }

    public static func file(_ home: CoachHome) -> URL {
        home.file(.journal)
    }

    /// The journal of the home; empty when the file does not exist yet.
    public static func load(_ home: CoachHome) throws -> Journal {
        let url = file(home)
        guard let data = try AtomicFile.read(url, limit: FileSizeLimit.study) else { return Journal() }
        return try journal(from: data, file: url)
    }

    static func journal(from data: Data, file url: URL) throws -> Journal {
        // Ten years of days take JSONDecoder about 30 ms; the fast path reads a plain,
        // valid file in one pass and gives up on anything else, which JSONDecoder then
        // reads or explains.
        let document = try JournalDecoding.document(in: data, supported: version)
            ?? JSONFile.decode(FileContents.self, from: data, file: url, supported: version)
        return try checked(document, file: url)
    }

    public static func save(_ journal: Journal, to home: CoachHome) throws {
        try JSONFile.save(FileContents(version: version, entries: journal.entries, goals: journal.goals.changes), to: file(home))
    }

    /// What JSON cannot say: ids are distinct and positive, minutes and goals in range.
    static func checked(_ document: FileContents, file url: URL) throws -> Journal {
        var ids = Set<Int>()
        for (index, entry) in document.entries.enumerated() {
            guard entry.id >= 1, ids.insert(entry.id).inserted else {
                throw StoreError.unreadable(file: url.path, place: "entries[\(index)].id",
                                            reason: "must be a whole number from 1 up, used once; found \(entry.id)")
            }
            let range = JournalValidation.minutesRange
            guard range.contains(entry.minutes) else {
                throw StoreError.unreadable(file: url.path, place: "entries[\(index)].minutes",
                                            reason: "must be \(range.lowerBound)–\(range.upperBound) minutes, found \(entry.minutes)")
            }
        }
        let goals = document.goals ?? []
        for (index, change) in goals.enumerated() where !Settings.goalRange.contains(change.minutes) {
            throw StoreError.unreadable(file: url.path, place: "goals[\(index)].minutes",
                                        reason: "must be \(Settings.goalRange.lowerBound)–\(Settings.goalRange.upperBound) minutes, found \(change.minutes)")
        }
        return Journal(entries: document.entries, goals: GoalHistory(changes: goals))
    }
}

/// The fast path of `JournalStore.load`, in the manner of the fast paths before the one readers of progress.json and reviews.json: it reads a
/// plain, valid file of a supported version and gives up (nil) on anything else — a
/// syntax error, a wrong type, a bad day or date, a missing field, a repeated key, a
/// `null`, a negative number — so that JSONDecoder reads those and says what is wrong.
/// Both paths give the same document for every file this one reads.
enum JournalDecoding {
    static func document(in data: Data, supported: Int) -> JournalStore.FileContents? {
        FastJSONReader.read(data) { json throws(FastJSONReader.Unsupported) in
            try json.journalDocument(supported: supported)
        }
    }
}

private extension FastJSONReader {
    /// A `StudyDay` written as "YYYY-MM-DD".
    mutating func studyDay() throws(Unsupported) -> StudyDay {
        guard let day = StudyDay(try string()) else { throw Unsupported() }
        return day
    }

    /// A key's value, read once: a repeated key gives up, because JSONDecoder would
    /// keep one of them. (Kept in this module on purpose: the same generic helper shared
    /// from CoachCore is not specialized here and made the large home's journal, reviews
    /// and progress load about 2 ms slower, measured with `coach-bench load`.)
    mutating func once<T>(_ slot: inout T?, _ read: (inout FastJSONReader) throws(Unsupported) -> T) throws(Unsupported) {
        guard slot == nil else { throw Unsupported() }
        slot = try read(&self)
    }

    mutating func journalDocument(supported: Int) throws(Unsupported) -> JournalStore.FileContents {
        var version: Int?, entries: [JournalEntry]?, goals: [GoalHistory.Change]?
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "version") {
                try once(&version) { json throws(Unsupported) in try json.plainInteger() }
            } else if self.key(key, is: "entries") {
                try once(&entries) { json throws(Unsupported) in try json.journalEntries() }
            } else if self.key(key, is: "goals") {
                try once(&goals) { json throws(Unsupported) in try json.goalChanges() }
            } else {
                try skipValue()
            }
        }
        guard let version, (1...supported).contains(version), let entries else { throw Unsupported() }
        return JournalStore.FileContents(version: version, entries: entries, goals: goals)
    }

    mutating func journalEntries() throws(Unsupported) -> [JournalEntry] {
        var entries: [JournalEntry] = []
        var array = try beginArray()
        while try nextElement(&array) { entries.append(try journalEntry()) }
        return entries
    }

    /// `JournalEntry` as its Decodable reads it: id, day and minutes required; start,
    /// items and note optional.
    mutating func journalEntry() throws(Unsupported) -> JournalEntry {
        var id: Int?, day: StudyDay?, start: Date?, minutes: Int?, items: [String]?, note: String?
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "id") {
                try once(&id) { json throws(Unsupported) in try json.plainInteger() }
            } else if self.key(key, is: "day") {
                try once(&day) { json throws(Unsupported) in try json.studyDay() }
            } else if self.key(key, is: "start") {
                try once(&start) { json throws(Unsupported) in try json.isoDate() }
            } else if self.key(key, is: "minutes") {
                try once(&minutes) { json throws(Unsupported) in try json.plainInteger() }
            } else if self.key(key, is: "items") {
                try once(&items) { json throws(Unsupported) in try json.strings() }
            } else if self.key(key, is: "note") {
                try once(&note) { json throws(Unsupported) in try json.string() }
            } else {
                try skipValue()
            }
        }
        guard let id, let day, let minutes else { throw Unsupported() }
        return JournalEntry(id: id, day: day, start: start, minutes: minutes, items: items ?? [], note: note)
    }

    mutating func goalChanges() throws(Unsupported) -> [GoalHistory.Change] {
        var changes: [GoalHistory.Change] = []
        var array = try beginArray()
        while try nextElement(&array) {
            var from: StudyDay?, minutes: Int?
            var object = try beginObject()
            while let key = try nextKey(&object) {
                if self.key(key, is: "from") {
                    try once(&from) { json throws(Unsupported) in try json.studyDay() }
                } else if self.key(key, is: "minutes") {
                    try once(&minutes) { json throws(Unsupported) in try json.plainInteger() }
                } else {
                    try skipValue()
                }
            }
            guard let from, let minutes else { throw Unsupported() }
            changes.append(GoalHistory.Change(from: from, minutes: minutes))
        }
        return changes
    }

    mutating func strings() throws(Unsupported) -> [String] {
        var strings: [String] = []
        var array = try beginArray()
        while try nextElement(&array) { strings.append(try string()) }
        return strings
    }
}
