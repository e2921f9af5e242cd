import CoachCore
import FoundationEssentials

/// reviews.json: every item's review history (day and rating), keyed by item id. Steps
/// and due days are not stored: they follow from the history and the day the item was
/// done, so the file cannot disagree with itself.
///
///     {"items": {"genai.rag": [{"day": "2024-05-01", "rating": "good"}]}, "version": 1}
public enum ReviewStore {
    public static let kind = DocumentKind.reviews
    public static let version = 1

    public static func file(_ home: CoachHome) -> URL {
        home.file(kind)
    }

    /// The reviews of the home; none when the file does not exist yet.
    public static func load(_ home: CoachHome) throws -> ReviewBook {
        let url = file(home)
        guard let data = try AtomicFile.read(url) else { return ReviewBook() }
        return try book(from: data, file: url)
    }

    /// The one reader of the format: every valid spelling of it, every problem named
    /// with its JSON path ("items.genai.rag[0].rating").
    static func book(from data: Data, file url: URL) throws -> ReviewBook {
        var items: [String: [Review]]?
        try VersionedDocument.read(data, file: url, supported: version) { key, json, problems throws(FastJSONReader.Unsupported) in
            guard key == "items" else { return try json.skipValue() }
            guard try problems.expect(.object, "an object of item ids", at: "items", in: &json) else {
                items = [:]
                return
            }
            var read: [String: [Review]] = [:]
            var object = try json.beginObject()
            while let id = try json.nextStringKey(&object) {
                if read[id] != nil { problems.fail("items.\(id)", "the item id appears twice") }
                guard try problems.expect(.array, "an array of reviews", at: "items.\(id)", in: &json) else { continue }
                var history: [Review] = []
                var array = try json.beginArray()
                var index = 0
                while try json.nextElement(&array) {
                    if let review = try review(&json, id: id, index: index, &problems) { history.append(review) }
                    index += 1
                }
                read[id] = history
            }
            items = read
        }
        guard let items else {
            throw StoreError.unreadable(file: url.path, place: "items", reason: "missing field \"items\"")
        }
        return ReviewBook(items: items)
    }

    private static func review(_ json: inout FastJSONReader, id: String, index: Int,
                               _ problems: inout DocumentProblems) throws(FastJSONReader.Unsupported) -> Review? {
        /// "items.<id>[<index>]", made only for a problem.
        func place() -> String { "items.\(id)[\(index)]" }
        guard try problems.expect(.object, "an object with day and rating", at: place(), in: &json) else { return nil }
        var day: StudyDay?, rating: ReviewRating?
        var object = try json.beginObject()
        while let key = try json.nextStringKey(&object) {
            switch key {
            case "day":
                guard let text = try problems.text(at: "\(place()).day", in: &json) else { continue }
                day = StudyDay(text)
                if day == nil { problems.fail("\(place()).day", "expected a day like 2024-05-01, found \"\(text)\"") }
            case "rating":
                guard let text = try problems.text(at: "\(place()).rating", in: &json) else { continue }
                rating = ReviewRating(rawValue: text)
                if rating == nil {
                    let allowed = ReviewRating.allCases.map(\.rawValue).joined(separator: ", ")
                    problems.fail("\(place()).rating", "unknown rating \"\(text)\" (allowed: \(allowed))")
                }
            default:
                try json.skipValue()
            }
        }
        if day == nil { problems.fail("\(place()).day", "missing field \"day\"") }
        if rating == nil { problems.fail("\(place()).rating", "missing field \"rating\"") }
        guard let day, let rating else { return nil }
        return Review(day: day, rating: rating)
    }

    public static func save(_ reviews: ReviewBook, to home: CoachHome) throws {
        let url = file(home)
        try Backups.keep(url)
        try AtomicFile.write(Data(text(of: reviews)), to: url)
    }

    /// The file in the house format: keys sorted, one field a line.
    static func text(of reviews: ReviewBook) -> [UInt8] {
        let items = reviews.items.keys.sorted().map { id -> (String, JSONWriter.Value) in
            (id, .array(reviews.items[id, default: []].map { review in
                .object([("day", .string(review.day.description)), ("rating", .string(review.rating.rawValue))])
            }))
        }
        return JSONWriter.document([("items", .object(items)), ("version", .number(Double(version)))])
    }
}
