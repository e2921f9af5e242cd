import FoundationEssentials

/// Search over the curriculum: every word of the query must appear (case- and
/// accent-insensitive) in a track's title, or in an item's title, summary or resource
/// titles.
public struct CurriculumSearch: Equatable, Sendable {
    public struct Hit: Equatable, Sendable {
        public var track: Int
        /// Index of the item within the track's items; nil for a match on the track title.
        public var item: Int?
        /// What matched, for the result list: "title", "summary", "resource: …".
        public var matched: String
    }

    private struct Entry: Equatable, Sendable {
        var track: Int
        var item: Int?
        var fields: [(name: String, folded: String)]

        static func == (a: Entry, b: Entry) -> Bool {
            a.track == b.track && a.item == b.item && a.fields.map(\.folded) == b.fields.map(\.folded)
        }
    }

    /// Folded text, built once per curriculum so each key typed searches quickly.
    private let entries: [Entry]

    public init(_ curriculum: Curriculum) {
        var entries: [Entry] = []
        for (t, track) in curriculum.tracks.enumerated() {
            entries.append(Entry(track: t, item: nil, fields: [("track", TextFold.fold(track.title))]))
            for (i, item) in track.items.enumerated() {
                var fields = [("title", TextFold.fold(item.title)), ("summary", TextFold.fold(item.summary))]
                for resource in item.resources {
                    fields.append(("resource: \(resource.title)", TextFold.fold(resource.title)))
                }
                entries.append(Entry(track: t, item: i, fields: fields))
            }
        }
        self.entries = entries
    }


    /// Hits in curriculum order; at most `limit`.
    public func search(_ query: String, limit: Int = 500) -> [Hit] {
        let words = TextFold.fold(query).split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return [] }
        var hits: [Hit] = []
        for entry in entries {
            // Every word somewhere in the entry; name the first field that holds one.
            guard words.allSatisfy({ word in entry.fields.contains { TextFold.contains($0.folded, word) } }) else { continue }
            let first = entry.fields.first { field in words.contains { TextFold.contains(field.folded, $0) } }
            hits.append(Hit(track: entry.track, item: entry.item, matched: first?.name ?? ""))
            if hits.count == limit { break }
        }
        return hits
    }
}
