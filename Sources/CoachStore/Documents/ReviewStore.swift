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
/// Version 3 adds what a merge of two machines' reviews needs (`RecordStamps`): each
/// rating's and drill attempt's stable `uid`, and `removed`, the uids of undone ones with
/// when; a version 2 file loads as it is and is kept as `backups/reviews.v2.json`.
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
            log.append(CardReviewEntry(day: stored.day, cardID: stored.card, rating: rating,
                                       retrievability: stored.retrievability, interval: stored.interval,
                                       answer: stored.answer))
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
                             retrievability: $0.retrievability, interval: $0.interval, answer: $0.answer)
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
        keepFirstRelease(url)
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

    /// Before a version 1 file is first replaced, it is kept as `backups/reviews.v1.json`:
    /// outside the rotating backups, so it is never pruned.
    static func keepFirstRelease(_ url: URL) {
        guard let data = try? AtomicFile.read(url), ReviewDecoding.version(in: data) == 1 else { return }
        let folder = url.deletingLastPathComponent().appendingPathComponent(Backups.folderName)
        let backup = folder.appendingPathComponent(firstReleaseBackup)
        guard (try? AtomicFile.read(backup)) == nil else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? AtomicFile.write(data, to: backup)
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
