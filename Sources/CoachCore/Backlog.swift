import Foundation

/// The learner's side-project ideas, keyed by id and kept in RICE order.
///
/// The order is kept up to date on every change by moving the one idea that changed
/// (a binary search, not a re-sort), and each idea's folded search text is made once
/// when the idea is stored, so a backlog of 10,000 ideas answers a key press without
/// recomputing anything.
public struct Backlog: Equatable, Sendable {
    private var byID: [String: Idea] = [:]
    /// What ranking and search need of each idea, best first, so neither hashes an id
    /// per idea.
    private var rows: [Row] = []
    /// Ids from first to last in the ranking; `rows` in the same order.
    public private(set) var rankedIDs: [String] = []

    private struct Row: Equatable, Sendable {
        var rank: RICERank
        var status: IdeaStatus
        /// The folded note; the folded title is the rank's title key, not kept twice.
        var noteKey: String?

        init(_ idea: Idea) {
            rank = RICERank(idea, titleKey: TextFold.fold(idea.title))
            status = idea.status
            noteKey = idea.note.map(TextFold.fold)
        }

        /// Words never hold white space, so "in the title or in the note" is the same
        /// as "in the title and note together".
        func contains(_ word: String) -> Bool {
            TextFold.contains(rank.titleKey, word) || noteKey.map { TextFold.contains($0, word) } ?? false
        }
    }

    public init() {}

    /// A backlog of these ideas; of two with the same id, the later wins.
    public init(ideas: [Idea]) {
        byID.reserveCapacity(ideas.count)
        for idea in ideas { byID[idea.id] = idea }
        rows = byID.values.map(Row.init)
        rows.sort { $0.rank < $1.rank }
        rankedIDs = rows.map(\.rank.id)
    }

    public var count: Int { rankedIDs.count }
    public var isEmpty: Bool { rankedIDs.isEmpty }

    public subscript(id: String) -> Idea? { byID[id] }

    /// All ideas, best first.
    public var ranked: [Idea] { rankedIDs.map { byID[$0]! } }

    /// The idea at a 0-based position of the ranking.
    public func idea(atRank index: Int) -> Idea { byID[rankedIDs[index]]! }

    /// 0-based position of an idea in the ranking.
    public func rank(of id: String) -> Int? {
        guard let idea = byID[id] else { return nil }
        let index = position(for: RICERank(idea))
        return index < rankedIDs.count && rankedIDs[index] == id ? index : nil
    }

    /// The idea with this id, or an error that names the closest ids.
    public func find(_ id: String) throws -> Idea {
        if let idea = byID[id] { return idea }
        throw BacklogError.unknownIdea(id: id, suggestions: Suggestions.closest(to: id, among: rankedIDs))
    }

    // MARK: - Changes

    /// Adds an idea under a new id made from its title ("Café bot" → "cafe-bot",
    /// then "cafe-bot-2" …).
    @discardableResult
    public mutating func add(_ fields: ValidIdeaFields, now: Date) -> Idea {
        let idea = Idea(id: newID(for: fields.title), fields: fields, created: now, updated: now)
        put(idea)
        return idea
    }

    /// Replaces an idea's fields; false when the id is unknown or nothing changed (then
    /// `updated` stays as it was).
    @discardableResult
    public mutating func update(_ id: String, with fields: ValidIdeaFields, now: Date) -> Bool {
        guard var idea = byID[id], idea.apply(fields, at: now) else { return false }
        put(idea)
        return true
    }

    /// `x`: idea → active → shipped → dropped → idea. Returns the changed idea.
    @discardableResult
    public mutating func cycleStatus(of id: String, now: Date) -> Idea? {
        guard let idea = byID[id] else { return nil }
        update(id, with: idea.fields.with(status: idea.status.cycled), now: now)
        return byID[id]
    }

    @discardableResult
    public mutating func setStatus(_ status: IdeaStatus, of id: String, now: Date) -> Bool {
        guard let idea = byID[id] else { return false }
        return update(id, with: idea.fields.with(status: status), now: now)
    }

    /// Removes an idea and returns it, so undo can put it back. No time is recorded:
    /// a removed idea has nowhere to keep one.
    @discardableResult
    public mutating func remove(_ id: String) -> Idea? {
        guard let idea = byID.removeValue(forKey: id) else { return nil }
        // Ids are unique, so the ranking is a total order and the search lands on it.
        var index = position(for: RICERank(idea))
        if index >= rankedIDs.count || rankedIDs[index] != id {
            index = rankedIDs.firstIndex(of: id)!
        }
        rankedIDs.remove(at: index)
        rows.remove(at: index)
        return idea
    }

    /// Stores an idea exactly as given, id and times included, replacing one with the
    /// same id: for undo and for loading.
    public mutating func put(_ idea: Idea) {
        remove(idea.id)
        let row = Row(idea)
        let index = position(for: row.rank)
        byID[idea.id] = idea
        rows.insert(row, at: index)
        rankedIDs.insert(idea.id, at: index)
    }

    /// Where `rank` goes in the ranking: the first index whose idea does not rank before it.
    private func position(for rank: RICERank) -> Int {
        var low = 0, high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].rank < rank { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: - Ids

    /// A new id for `title`: its slug, made unique with -2, -3 …
    public func newID(for title: String) -> String {
        Backlog.uniqueID(Backlog.slug(title)) { byID[$0] != nil }
    }

    static func uniqueID(_ base: String, taken: (String) -> Bool) -> String {
        guard taken(base) else { return base }
        var number = 2
        while taken("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }

    public static let slugLimit = 48

    /// Lower-case ASCII letters and digits joined by dashes: "Café bot" → "cafe-bot",
    /// "Привет мир" → "privet-mir". Other scripts are transliterated to Latin first;
    /// a title with nothing to keep (only emoji) becomes "idea".
    public static func slug(_ title: String) -> String {
        var latin = title
        if !title.utf8.allSatisfy({ $0 < 0x80 }) {
            latin = title.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? title
            latin = latin.folding(options: [.diacriticInsensitive], locale: nil)
        }
        var slug = ""
        for byte in latin.lowercased().utf8 {
            let isKept = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            if isKept {
                slug.append(Character(Unicode.Scalar(byte)))
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        if slug.count > slugLimit {
            slug = String(slug.prefix(slugLimit))
            // Cut at a word boundary when one is not too far back.
            if let dash = slug.lastIndex(of: "-"), slug.distance(from: slug.startIndex, to: dash) >= slugLimit / 2 {
                slug = String(slug[..<dash])
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "idea" : slug
    }

    // MARK: - Views

    /// Ideas with this status, best first.
    public func filter(status: IdeaStatus) -> [Idea] {
        search("", status: status)
    }

    /// Ideas whose title or note contains every word of `query`, ignoring case and
    /// accents ("cafe" finds "Café"), best first. An empty query matches every idea.
    public func search(_ query: String, status: IdeaStatus? = nil) -> [Idea] {
        let words = query.split(whereSeparator: \.isWhitespace).map { TextFold.fold(String($0)) }
        var found: [Idea] = []
        for index in rows.indices {
            if let status, rows[index].status != status { continue }
            if words.allSatisfy({ rows[index].contains($0) }) {
                found.append(byID[rankedIDs[index]]!)
            }
        }
        return found
    }

    // MARK: - Starter ideas

    /// True when some idea is the learner's own rather than a starter idea.
    public var hasOwnIdeas: Bool {
        byID.keys.contains { !$0.hasPrefix(StarterIdea.idPrefix) }
    }

    /// Starter entries as ideas: status idea, created now.
    public static func starterIdeas(_ starters: [StarterIdea], now: Date) -> [Idea] {
        starters.map { Idea(id: $0.id, fields: $0.fields.with(status: .idea), created: now, updated: now) }
    }

    /// Adds the starter ideas that are not there yet, but only while the backlog has no
    /// ideas of the learner's own: once it has, the starters stay out of the way.
    /// Returns the ideas added.
    @discardableResult
    public mutating func addStarters(_ starters: [StarterIdea], now: Date) -> [Idea] {
        guard !hasOwnIdeas else { return [] }
        let added = Backlog.starterIdeas(starters, now: now).filter { byID[$0.id] == nil }
        for idea in added { put(idea) }
        return added
    }
}

/// A side-project idea shipped in `Data/ideas.json`, already checked.
public struct StarterIdea: Equatable, Sendable {
    /// Every starter id begins with this; a slug never has a dot, so no idea of the
    /// learner's own can look like a starter.
    public static let idPrefix = "starter."

    public var id: String
    public var fields: ValidIdeaFields

    public init(id: String, fields: ValidIdeaFields) {
        self.id = id
        self.fields = fields
    }
}

public enum BacklogError: Error, Equatable, CustomStringConvertible {
    case unknownIdea(id: String, suggestions: [String])

    public var description: String {
        switch self {
        case .unknownIdea(let id, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
            return "no idea with id \"\(id)\"\(hint)"
        }
    }
}
