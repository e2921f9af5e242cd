import FoundationEssentials

/// The learner's side-project ideas, kept in RICE order.
///
/// Memory matters at 10,000 ideas, so each idea is held once: `ideas` in no particular
/// order, `order` their places best first, and an id → place map. A change moves one
/// place in `order` (a binary search, not a re-sort), and a removal fills its hole with
/// the last idea, so nothing shifts but small integers. Search folds nothing for plain
/// ASCII text (it compares ignoring case as it goes); only ideas with other letters keep
/// a folded copy.
public struct Backlog: Sendable {
    /// Every idea, in no particular order and with no holes.
    private var ideas: [Idea] = []
    /// Places in `ideas`, best first.
    private var order: [Int] = []
    private var placeByID: [String: Int] = [:]
    /// "title\nnote" folded for case and accents, for the ideas whose text is not all ASCII.
    private var foldedText: [String: String] = [:]

    public init() {}

    /// A backlog of these ideas; of two with the same id, the later wins.
    public init(ideas: [Idea]) {
        placeByID.reserveCapacity(ideas.count)
        var hasDuplicates = false
        // By place, not by element: a loop over the ideas copies each one.
        for place in ideas.indices {
            if placeByID.updateValue(place, forKey: ideas[place].id) != nil { hasDuplicates = true }
        }
        if hasDuplicates {
            self.ideas = ideas.indices.filter { placeByID[ideas[$0].id] == $0 }.map { ideas[$0] }
            placeByID = [:]
            for (place, idea) in self.ideas.enumerated() { placeByID[idea.id] = place }
        } else {
            // Shares the caller's array: a backlog read from disk is never copied.
            self.ideas = ideas
        }
        for place in self.ideas.indices { rememberFoldedText(of: self.ideas[place]) }
        order = RICERank.order(of: self.ideas.indices.map { RICERank(self.ideas[$0]) })
    }

    public var count: Int { ideas.count }
    public var isEmpty: Bool { ideas.isEmpty }

    public subscript(id: String) -> Idea? { placeByID[id].map { ideas[$0] } }

    /// All ideas, best first, without copying them.
    public var ranked: RankedIdeas { RankedIdeas(ideas: ideas, order: order) }

    /// Ids from first to last in the ranking.
    public var rankedIDs: [String] { order.map { ideas[$0].id } }

    /// The idea at a 0-based position of the ranking.
    public func idea(atRank index: Int) -> Idea { ideas[order[index]] }

    /// 0-based position of an idea in the ranking.
    public func rank(of id: String) -> Int? {
        placeByID[id].map(index(ofPlace:))
    }

    /// The idea with this id, or an error that names the closest ids.
    public func find(_ id: String) throws -> Idea {
        if let idea = self[id] { return idea }
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
        guard var idea = self[id], idea.apply(fields, at: now) else { return false }
        put(idea)
        return true
    }

    /// `x`: idea → active → shipped → dropped → idea. Returns the changed idea.
    @discardableResult
    public mutating func cycleStatus(of id: String, now: Date) -> Idea? {
        guard let idea = self[id] else { return nil }
        update(id, with: idea.fields.with(status: idea.status.cycled), now: now)
        return self[id]
    }

    @discardableResult
    public mutating func setStatus(_ status: IdeaStatus, of id: String, now: Date) -> Bool {
        guard let idea = self[id] else { return false }
        return update(id, with: idea.fields.with(status: status), now: now)
    }

    /// Removes an idea and returns it, so undo can put it back. No time is recorded:
    /// a removed idea has nowhere to keep one.
    @discardableResult
    public mutating func remove(_ id: String) -> Idea? {
        guard let place = placeByID[id] else { return nil }
        let idea = ideas[place]
        order.remove(at: index(ofPlace: place))
        placeByID[id] = nil
        foldedText[id] = nil
        let last = ideas.count - 1
        if place != last {
            // The last idea fills the hole, so `ideas` stays dense.
            let moved = ideas[last]
            order[index(ofPlace: last)] = place
            ideas[place] = moved
            placeByID[moved.id] = place
        }
        ideas.removeLast()
        return idea
    }

    /// Stores an idea exactly as given, id and times included, replacing one with the
    /// same id: for undo and for loading.
    public mutating func put(_ idea: Idea) {
        remove(idea.id)
        let place = ideas.count
        let index = position(for: RICERank(idea))
        ideas.append(idea)
        placeByID[idea.id] = place
        order.insert(place, at: index)
        rememberFoldedText(of: idea)
    }

    /// Where `rank` goes in the ranking: the first index whose idea does not rank before it.
    private func position(for rank: RICERank) -> Int {
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if RICERank(ideas[order[middle]]) < rank { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Where the idea at `place` is in `order`. Ids are unique, so the ranking is a total
    /// order and the binary search lands on it.
    private func index(ofPlace place: Int) -> Int {
        let index = position(for: RICERank(ideas[place]))
        return index < order.count && order[index] == place ? index : order.firstIndex(of: place)!
    }

    private mutating func rememberFoldedText(of idea: Idea) {
        guard !(TextFold.isASCII(idea.title) && TextFold.isASCII(idea.note ?? "")) else { return }
        foldedText[idea.id] = TextFold.fold(idea.title + "\n" + (idea.note ?? ""))
    }

    // MARK: - Ids

    /// A new id for `title`: its slug, made unique with -2, -3 …
    public func newID(for title: String) -> String {
        Backlog.uniqueID(Backlog.slug(title)) { placeByID[$0] != nil }
    }

    static func uniqueID(_ base: String, taken: (String) -> Bool) -> String {
        guard taken(base) else { return base }
        var number = 2
        while taken("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }

    public static let slugLimit = 48
    /// Read from its text the first time a title needs it.
    private static let slugLatin: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        var key: UInt32 = 0
        for entry in TextTables.slugLatin.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            let written = entry[..<equals].trimmingWhitespace()
            key = written.isEmpty ? key + 1 : UInt32(written, radix: 16) ?? key
            table[key] = String(entry[entry.index(after: equals)...])
        }
        return table
    }()

    /// Lower-case ASCII letters and digits joined by dashes: "Café bot" → "cafe-bot",
    /// "Привет мир" → "privet-mir". Other scripts are transliterated to Latin letter by
    /// letter as ICU's "Any-Latin; Latin-ASCII" does each one (a table,
    /// `TextTables.slugLatin`; Hangul from its parts); what has no Latin spelling there
    /// (Han ideographs, emoji) counts as a space. A title with nothing to keep becomes "idea".
    public static func slug(_ title: String) -> String {
        var latin = title
        if !title.utf8.allSatisfy({ $0 < 0x80 }) {
            var ascii = String.UnicodeScalarView()
            for scalar in title.unicodeScalars {
                switch scalar.properties.generalCategory {
                case _ where scalar.isASCII: ascii.append(scalar)
                case .nonspacingMark, .spacingMark, .enclosingMark: continue  // an accent: dropped
                case _ where (0xAC00...0xD7A3).contains(scalar.value):
                    let index = Int(scalar.value - 0xAC00)
                    ascii.append(contentsOf: (TextTables.hangulInitials[index / 588] + TextTables.hangulVowels[index % 588 / 28]
                        + TextTables.hangulFinals[index % 28]).unicodeScalars)
                default: ascii.append(contentsOf: (slugLatin[scalar.value] ?? " ").unicodeScalars)
                }
            }
            latin = String(ascii)
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
        for place in order {
            let idea = ideas[place]
            if let status, idea.status != status { continue }
            if matches(idea, words) { found.append(idea) }
        }
        return found
    }

    /// Words never hold white space, so "in the title or in the note" is the same as "in
    /// the title and note together".
    private func matches(_ idea: Idea, _ words: [String]) -> Bool {
        if words.isEmpty { return true }
        if let folded = foldedText[idea.id] {
            return words.allSatisfy { TextFold.contains(folded, $0) }
        }
        return words.allSatisfy { word in
            TextFold.containsIgnoringASCIICase(idea.title, word)
                || idea.note.map { TextFold.containsIgnoringASCIICase($0, word) } ?? false
        }
    }

    // MARK: - Starter ideas

    /// True when some idea is the learner's own rather than a starter idea.
    public var hasOwnIdeas: Bool {
        placeByID.keys.contains { !$0.hasPrefix(StarterIdea.idPrefix) }
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
        let added = Backlog.starterIdeas(starters, now: now).filter { self[$0.id] == nil }
        for idea in added { put(idea) }
        return added
    }
}

extension Backlog: Equatable {
    /// The same ideas in the same order, however each was stored.
    public static func == (a: Backlog, b: Backlog) -> Bool {
        a.count == b.count && a.ranked.elementsEqual(b.ranked)
    }
}

/// A backlog's ideas, best first: a view of its storage, so listing 10,000 ideas never
/// copies them.
public struct RankedIdeas: RandomAccessCollection, Sendable {
    fileprivate let ideas: [Idea]
    fileprivate let order: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }
    public subscript(position: Int) -> Idea { ideas[order[position]] }
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
            return "no idea with id \(TerminalText.quoted(id))\(hint)"
        }
    }
}
