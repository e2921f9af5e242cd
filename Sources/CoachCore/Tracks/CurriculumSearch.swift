import FoundationEssentials

/// Search over the curriculum: every word of the query must appear (case- and
/// accent-insensitive) in a track's title, or in an item's title, summary or resource
/// titles. Hits are ranked: a word found whole beats a word's start, which beats a word
/// found inside another word; and the words inside other words are only a fallback, so
/// `rag` finds RAG and not "storage" unless nothing starts with it. The screen's `/` and
/// `coach search` both rank through here.
public struct CurriculumSearch: Equatable, Sendable {
    public struct Hit: Equatable, Sendable {
        public var track: Int
        /// Index of the item within the track's items; nil for a match on the track title.
        public var item: Int?
        /// What matched, for the result list: "title", "summary", "resource: …".
        public var matched: String
    }

    /// How a query word was found in a field, weakest first.
    public enum Match: Int, Comparable, Sendable {
        case none, inside, start, whole

        public static func < (a: Match, b: Match) -> Bool { a.rawValue < b.rawValue }

        /// How `word` (folded) is found in `folded`, whose words are `words`.
        static func of(_ word: String, in folded: String, words: [Substring]) -> Match {
            guard TextFold.contains(folded, word) else { return .none }
            var best = Match.inside
            for candidate in words {
                if candidate == word { return .whole }
                if candidate.hasPrefix(word) { best = .start }
            }
            return best
        }
    }

    private struct Field: Equatable, Sendable {
        var name: String
        var folded: String
        var words: [Substring]

        init(_ name: String, _ text: String) {
            self.name = name
            folded = TextFold.fold(text)
            words = folded.split { !($0.isLetter || $0.isNumber) }
        }

        static func == (a: Field, b: Field) -> Bool { a.folded == b.folded }
    }

    private struct Entry: Equatable, Sendable {
        var track: Int
        var item: Int?
        /// The title (or the track's title) first: a match there ranks first.
        var fields: [Field]
    }

    /// Folded text, built once per curriculum so each key typed searches quickly.
    private let entries: [Entry]

    public init(_ curriculum: Curriculum) {
        var entries: [Entry] = []
        for (t, track) in curriculum.tracks.enumerated() {
            entries.append(Entry(track: t, item: nil, fields: [Field("track", track.title)]))
            for (i, item) in track.items.enumerated() {
                var fields = [Field("title", item.title), Field("summary", item.summary)]
                for resource in item.resources {
                    fields.append(Field("resource: \(resource.title)", resource.title))
                }
                entries.append(Entry(track: t, item: i, fields: fields))
            }
        }
        self.entries = entries
    }

    /// A hit before its rank decides its place.
    private struct Ranked {
        var hit: Hit
        /// The weakest of the words' best matches: the whole query is only this good.
        var weakest: Match
        /// The words' best matches added up.
        var total: Int
        /// The field the first word matched best in (0: the title).
        var field: Int
        var order: Int
    }

    /// Hits best first (ties in curriculum order); at most `limit`.
    public func search(_ query: String, limit: Int = 500) -> [Hit] {
        let words = TextFold.fold(query).split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return [] }
        var ranked: [Ranked] = []
        for (order, entry) in entries.enumerated() {
            var weakest = Match.whole, total = 0, firstField = 0
            var found = true
            for (w, word) in words.enumerated() {
                var best = Match.none, bestField = 0
                for (f, field) in entry.fields.enumerated() {
                    let match = Match.of(word, in: field.folded, words: field.words)
                    if match > best { (best, bestField) = (match, f) }
                    if best == .whole { break }
                }
                guard best != .none else {
                    found = false
                    break
                }
                weakest = min(weakest, best)
                total += best.rawValue
                if w == 0 { firstField = bestField }
            }
            guard found else { continue }
            let hit = Hit(track: entry.track, item: entry.item, matched: entry.fields[firstField].name)
            ranked.append(Ranked(hit: hit, weakest: weakest, total: total, field: firstField, order: order))
        }
        // Words inside other words only when no hit has every word at a word's start.
        if ranked.contains(where: { $0.weakest >= .start }) { ranked.removeAll { $0.weakest == .inside } }
        ranked.sort { a, b in
            if a.weakest != b.weakest { return a.weakest > b.weakest }
            if a.total != b.total { return a.total > b.total }
            if (a.field == 0) != (b.field == 0) { return a.field == 0 }
            return a.order < b.order
        }
        return ranked.prefix(limit).map(\.hit)
    }
}
