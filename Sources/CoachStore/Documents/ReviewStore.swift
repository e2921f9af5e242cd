import CoachCore
import FoundationEssentials

/// reviews.json: every card's memory state and every rating, and the per-item ratings
/// of the ladder the first release kept.
///
/// Version 1 (the first release) held only `items`: each item's ratings (day and
/// hard/good/easy). Version 2 adds `cards` (each rated card's FSRS state) and `reviews`
/// (every rating of a card, oldest first, with the answer typed). A version 1 file loads
/// as it is — its ratings replay into the items' cards (`ReviewBook.cards(of:)`) — and the
/// first time it is rewritten it stays, once and for good, as `backups/reviews.v1.json`.
///
/// Version 3 adds to each rating of a card `seconds` (how long it took, card shown to
/// rated, when timed) and `early` (rated before it was due), and what a merge of two
/// machines' reviews needs (`RecordStamps`): each rating's and drill attempt's stable
/// `uid`, and `removed`, the uids of undone ones with when; a version 2 file loads as it
/// is and is kept as `backups/reviews.v2.json`.
public enum ReviewStore {
    public static let version = 3
    /// Where the version 1 file is kept when it is first rewritten.
    public static let firstReleaseBackup = "reviews.v1.json"

    struct FileContents: Codable, Equatable {
        var version: Int
        var items: [String: [Review]]
    }

    /// Version 2 on disk. Keys are sorted when written, so the file reads top-down.
    struct CardContents: Codable, Equatable {
        var version: Int
        var items: [String: [Review]]?
        var cards: [String: StoredCard]?
        var reviews: [StoredReview]?
        var drills: [StoredAttempt]?
    }

    struct StoredAttempt: Codable, Equatable {
        var day: StudyDay
        var item: String
        var drill: Int
        var answer: String
        var covered: [Int]
        var rating: String
    }

    struct StoredCard: Codable, Equatable {
        var state: String
        var stability: Double
        var difficulty: Double
        var due: StudyDay
        var lastReview: StudyDay?
        var reps: Int
        var lapses: Int
    }

    struct StoredReview: Codable, Equatable {
        var day: StudyDay
        var card: String
        var rating: String
        var retrievability: Double?
        var interval: Int
        var answer: String?
        var seconds: Double?
        var early: Bool?
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
        // plain, valid version 1 file in one pass and leaves anything else to JSONDecoder.
        if let document = ReviewDecoding.document(in: data, supported: 1) {
            return ReviewBook(items: document.items)
        }
        // Version 2 the same way, in one pass; its values are checked below as if
        // JSONDecoder had read them.
        if let document = ReviewDecoding.cardDocument(in: data) {
            return try book(from: document, file: url)
        }
        if ReviewDecoding.version(in: data) == 1 {
            return ReviewBook(items: try JSONFile.decode(FileContents.self, from: data, file: url, supported: 1).items)
        }
        let document = try JSONFile.decode(CardContents.self, from: data, file: url, supported: version)
        return try book(from: document, file: url)
    }

    static func book(from document: CardContents, file url: URL) throws -> ReviewBook {
        func bad(_ place: String, _ reason: String) -> StoreError {
            StoreError.unreadable(file: url.path, place: place, reason: reason)
        }
        var cards: [String: Card] = [:]
        for (id, stored) in document.cards ?? [:] {
            guard let state = CardState(rawValue: stored.state) else {
                throw bad("cards.\(id).state", "unknown state \"\(stored.state)\" (allowed: new, review)")
            }
            guard stored.stability.isFinite, stored.stability >= 0 else {
                throw bad("cards.\(id).stability", "must be a number of days of 0 or more, found \(stored.stability)")
            }
            guard stored.difficulty.isFinite, stored.difficulty >= 0, stored.difficulty <= 10 else {
                throw bad("cards.\(id).difficulty", "must be 0–10, found \(stored.difficulty)")
            }
            guard stored.reps >= 0, stored.lapses >= 0 else {
                throw bad("cards.\(id)", "reps and lapses must be 0 or more")
            }
            cards[id] = Card(id: id, state: state, stability: stored.stability, difficulty: stored.difficulty,
                             due: stored.due, lastReview: stored.lastReview, reps: stored.reps, lapses: stored.lapses)
        }
        var log: [CardReviewEntry] = []
        for (index, stored) in (document.reviews ?? []).enumerated() {
            guard let rating = CardRating(name: stored.rating) else {
                throw bad("reviews[\(index)].rating", "unknown rating \"\(stored.rating)\" (allowed: again, hard, good, easy)")
            }
            if let r = stored.retrievability, !(r.isFinite && r >= 0 && r <= 1) {
                throw bad("reviews[\(index)].retrievability", "must be 0–1, found \(r)")
            }
            if let seconds = stored.seconds, !(seconds.isFinite && seconds >= 0) {
                throw bad("reviews[\(index)].seconds", "must be a number of seconds of 0 or more, found \(seconds)")
            }
            log.append(CardReviewEntry(day: stored.day, cardID: stored.card, rating: rating,
                                       retrievability: stored.retrievability, interval: stored.interval,
                                       answer: stored.answer, seconds: stored.seconds, early: stored.early ?? false))
        }
        // A stable sort by day: ratings of one day keep the order they were written in.
        log = log.enumerated().sorted { $0.element.day != $1.element.day ? $0.element.day < $1.element.day : $0.offset < $1.offset }
            .map(\.element)
        var attempts: [DrillAttempt] = []
        for (index, stored) in (document.drills ?? []).enumerated() {
            guard let rating = CardRating(name: stored.rating) else {
                throw bad("drills[\(index)].rating", "unknown rating \"\(stored.rating)\" (allowed: again, hard, good, easy)")
            }
            guard stored.drill >= 1, stored.covered.allSatisfy({ $0 >= 1 }) else {
                throw bad("drills[\(index)]", "drill and covered entries are numbered from 1")
            }
            attempts.append(DrillAttempt(day: stored.day, itemID: stored.item, drill: stored.drill, answer: stored.answer,
                                         covered: stored.covered, rating: rating))
        }
        attempts = attempts.enumerated()
            .sorted { $0.element.day != $1.element.day ? $0.element.day < $1.element.day : $0.offset < $1.offset }
            .map(\.element)
        return ReviewBook(items: document.items ?? [:], cards: cards, log: log, drillAttempts: attempts)
    }

    static func contents(of reviews: ReviewBook) -> CardContents {
        CardContents(
            version: version,
            items: reviews.items.isEmpty ? nil : reviews.items,
            cards: reviews.cards.mapValues {
                StoredCard(state: $0.state.rawValue, stability: $0.stability, difficulty: $0.difficulty, due: $0.due,
                           lastReview: $0.lastReview, reps: $0.reps, lapses: $0.lapses)
            },
            reviews: reviews.log.map {
                StoredReview(day: $0.day, card: $0.cardID, rating: $0.rating.name,
                             retrievability: $0.retrievability, interval: $0.interval, answer: $0.answer,
                             seconds: $0.seconds.map(rounded), early: $0.early ? true : nil)
            },
            drills: reviews.drillAttempts.isEmpty ? nil : reviews.drillAttempts.map {
                StoredAttempt(day: $0.day, item: $0.itemID, drill: $0.drill, answer: $0.answer, covered: $0.covered,
                              rating: $0.rating.name)
            })
    }

    /// Six decimals, for what is shown (the file keeps every digit, so a load gives back
    /// exactly what was saved).
    public static func rounded(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }

    public static func save(_ reviews: ReviewBook, to home: CoachHome, now: Date = Date()) throws {
        let url = file(home)
        let old = try? AtomicFile.read(url, limit: FileSizeLimit.study)
        Backups.keepOlderVersion(url, data: old, current: version)
        let data: Data
        do {
            data = try JSONFile.encoder().encode(contents(of: reviews)) + Data("\n".utf8)
        } catch {
            throw StoreError.io(file: url.path, reason: "cannot encode (\(error))")
        }
        try Backups.keep(url)
        try AtomicFile.write(RecordStamps.reviews(data, old: old, now: now), to: url)
    }
}

/// The fast path of `ReviewStore.load`, in the manner of `ProgressDecoding`: a plain,
/// valid file of a supported version, or nil — a syntax error, an unknown rating, a bad
/// day, a missing field, a repeated key, a `null` — and JSONDecoder decides.
enum ReviewDecoding {
    /// The file's version, or nil when it has none that can be read.
    static func version(in data: Data) -> Int? {
        struct Header: Decodable { var version: Int }
        return try? JSONDecoder().decode(Header.self, from: data).version
    }

    static func document(in data: Data, supported: Int) -> ReviewStore.FileContents? {
        FastJSONReader.read(data) { json throws(FastJSONReader.Unsupported) in
            try json.reviewDocument(supported: supported)
        }
    }

    /// A plain version 2 or 3 file as JSONDecoder reads it (`CardContents`), or nil: another
    /// version, a key this Coach does not know at the top, a repeated key, a `null`, a
    /// number that is not plain or not finite — and JSONDecoder decides.
    static func cardDocument(in data: Data) -> ReviewStore.CardContents? {
        FastJSONReader.read(data) { json throws(FastJSONReader.Unsupported) in try json.cardDocument() }
    }
}

private extension FastJSONReader {
    mutating func cardDocument() throws(Unsupported) -> ReviewStore.CardContents {
        var version: Int?, items: [String: [Review]]?, cards: [String: ReviewStore.StoredCard]?
        var reviews: [ReviewStore.StoredReview]?, drills: [ReviewStore.StoredAttempt]?
        var object = try beginObject()
        // String keys: two of these names share a bit of `nextKey`'s repeat check.
        while let key = try nextStringKey(&object) {
            switch key {
            case "version" where version == nil: version = try plainInteger()
            case "items" where items == nil: items = try reviewItems()
            case "cards" where cards == nil: cards = try storedCards()
            case "reviews" where reviews == nil: reviews = try list { json throws(Unsupported) in try json.storedReview() }
            case "drills" where drills == nil: drills = try list { json throws(Unsupported) in try json.storedAttempt() }
            default: throw Unsupported()
            }
        }
        guard let version, (2...ReviewStore.version).contains(version) else { throw Unsupported() }
        return ReviewStore.CardContents(version: version, items: items, cards: cards, reviews: reviews, drills: drills)
    }

    mutating func storedCards() throws(Unsupported) -> [String: ReviewStore.StoredCard] {
        var cards: [String: ReviewStore.StoredCard] = [:]
        var object = try beginObject()
        while let id = try nextStringKey(&object) {
            guard cards.updateValue(try storedCard(), forKey: id) == nil else { throw Unsupported() }
        }
        return cards
    }

    mutating func storedCard() throws(Unsupported) -> ReviewStore.StoredCard {
        var state: String?, stability: Double?, difficulty: Double?, due: StudyDay?, lastReview: StudyDay?
        var reps: Int?, lapses: Int?
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "state") { state = try string() }
            else if self.key(key, is: "stability") { stability = try finiteNumber() }
            else if self.key(key, is: "difficulty") { difficulty = try finiteNumber() }
            else if self.key(key, is: "due") { due = try day() }
            else if self.key(key, is: "lastReview") { lastReview = try day() }
            else if self.key(key, is: "reps") { reps = try plainInteger() }
            else if self.key(key, is: "lapses") { lapses = try plainInteger() }
            else { try skipValue() }
        }
        guard let state, let stability, let difficulty, let due, let reps, let lapses else { throw Unsupported() }
        return ReviewStore.StoredCard(state: state, stability: stability, difficulty: difficulty, due: due,
                                      lastReview: lastReview, reps: reps, lapses: lapses)
    }

    mutating func storedReview() throws(Unsupported) -> ReviewStore.StoredReview {
        var day: StudyDay?, card: String?, rating: String?, retrievability: Double?, interval: Int?, answer: String?
        var seconds: Double?, early: Bool?
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "day") { day = try self.day() }
            else if self.key(key, is: "card") { card = try string() }
            else if self.key(key, is: "rating") { rating = try string() }
            else if self.key(key, is: "retrievability") { retrievability = try finiteNumber() }
            else if self.key(key, is: "interval") { interval = try plainInteger() }
            else if self.key(key, is: "answer") { answer = try string() }
            else if self.key(key, is: "seconds") { seconds = try finiteNumber() }
            else if self.key(key, is: "early") { early = try boolOrNull() }
            else { try skipValue() }
        }
        guard let day, let card, let rating, let interval else { throw Unsupported() }
        return ReviewStore.StoredReview(day: day, card: card, rating: rating, retrievability: retrievability,
                                        interval: interval, answer: answer, seconds: seconds, early: early)
    }

    mutating func storedAttempt() throws(Unsupported) -> ReviewStore.StoredAttempt {
        var day: StudyDay?, item: String?, drill: Int?, answer: String?, covered: [Int]?, rating: String?
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "day") { day = try self.day() }
            else if self.key(key, is: "item") { item = try string() }
            else if self.key(key, is: "drill") { drill = try plainInteger() }
            else if self.key(key, is: "answer") { answer = try string() }
            else if self.key(key, is: "covered") { covered = try list { json throws(Unsupported) in try json.plainInteger() } }
            else if self.key(key, is: "rating") { rating = try string() }
            else { try skipValue() }
        }
        guard let day, let item, let drill, let answer, let covered, let rating else { throw Unsupported() }
        return ReviewStore.StoredAttempt(day: day, item: item, drill: drill, answer: answer, covered: covered, rating: rating)
    }

    mutating func day() throws(Unsupported) -> StudyDay {
        guard let day = StudyDay(try string()) else { throw Unsupported() }
        return day
    }

    /// A finite number; an infinity (1e400) is left to JSONDecoder's words.
    mutating func finiteNumber() throws(Unsupported) -> Double {
        let value = try number()
        guard value.isFinite else { throw Unsupported() }
        return value
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

private extension FastJSONReader {
    /// The envelope of reviews.json version 1, {"version": N, "items": …} with keys in any
    /// order, for its fast path: anything unusual (a repeated key, a version this Coach
    /// does not read) gives up and the exact reader decides.
    mutating func versionedItems<Items>(
        supported: Int, _ readItems: (inout FastJSONReader) throws(Unsupported) -> Items
    ) throws(Unsupported) -> (version: Int, items: Items) {
        var version: Int?, items: Items?
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "version") {
                guard version == nil else { throw Unsupported() }
                version = try plainInteger()
            } else if self.key(key, is: "items") {
                guard items == nil else { throw Unsupported() }
                items = try readItems(&self)
            } else {
                try skipValue()
            }
        }
        guard let version, (1...supported).contains(version), let items else { throw Unsupported() }
        return (version, items)
    }
}
