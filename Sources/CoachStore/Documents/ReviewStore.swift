import CoachCore
import Foundation

/// reviews.json: every item's review history (day and rating), keyed by item id. Steps
/// and due days are not stored: they follow from the history and the day the item was
/// done, so the file cannot disagree with itself.
public enum ReviewStore {
    public static let version = 1

    struct FileContents: Codable, Equatable {
        var version: Int
        var items: [String: [Review]]
    }

    public static func file(_ home: CoachHome) -> URL {
        home.file(.reviews)
    }

    /// The reviews of the home; none when the file does not exist yet.
    public static func load(_ home: CoachHome) throws -> ReviewBook {
        let url = file(home)
        guard let data = try AtomicFile.read(url, limit: FileSizeLimit.study) else { return ReviewBook() }
        return try book(from: data, file: url)
    }

    static func book(from data: Data, file url: URL) throws -> ReviewBook {
        // 10,000 reviews take JSONDecoder tens of milliseconds; the fast path reads a
        // plain, valid file in one pass and leaves anything else to JSONDecoder.
        let document = try ReviewDecoding.document(in: data, supported: version)
            ?? JSONFile.decode(FileContents.self, from: data, file: url, supported: version)
        return ReviewBook(items: document.items)
    }

    public static func save(_ reviews: ReviewBook, to home: CoachHome) throws {
        try JSONFile.save(FileContents(version: version, items: reviews.items), to: file(home))
    }
}

/// The fast path of `ReviewStore.load`, in the manner of `ProgressDecoding`: a plain,
/// valid file of a supported version, or nil — a syntax error, an unknown rating, a bad
/// day, a missing field, a repeated key, a `null` — and JSONDecoder decides.
enum ReviewDecoding {
    static func document(in data: Data, supported: Int) -> ReviewStore.FileContents? {
        FastJSONReader.read(data) { json throws(FastJSONReader.Unsupported) in
            try json.reviewDocument(supported: supported)
        }
    }
}

private extension FastJSONReader {
    mutating func reviewDocument(supported: Int) throws(Unsupported) -> ReviewStore.FileContents {
        let document = try versionedItems(supported: supported) { json throws(Unsupported) in try json.reviewItems() }
        return ReviewStore.FileContents(version: document.version, items: document.items)
    }

    mutating func reviewItems() throws(Unsupported) -> [String: [Review]] {
        var items: [String: [Review]] = [:]
        var object = try beginObject()
        while let id = try nextStringKey(&object) {
            var history: [Review] = []
            var array = try beginArray()
            while try nextElement(&array) { history.append(try review()) }
            // Two equal ids: JSONDecoder decides which one it keeps.
            guard items.updateValue(history, forKey: id) == nil else { throw Unsupported() }
        }
        return items
    }

    mutating func review() throws(Unsupported) -> Review {
        var day: StudyDay?, rating: ReviewRating?
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "day") {
                guard day == nil, let value = StudyDay(try string()) else { throw Unsupported() }
                day = value
            } else if self.key(key, is: "rating") {
                guard rating == nil, let value = ReviewRating(rawValue: try string()) else { throw Unsupported() }
                rating = value
            } else {
                try skipValue()
            }
        }
        guard let day, let rating else { throw Unsupported() }
        return Review(day: day, rating: rating)
    }
}
