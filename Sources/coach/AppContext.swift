import CoachCore
import CoachStore
import FoundationEssentials

/// What every command starts from: the home, the curriculum and the learner's progress.
struct AppContext {
    let home: CoachHome
    let curriculum: Curriculum
    var progress: ProgressBook
    var settings: Settings
    /// Problems with the learner's own track files, which were left out.
    let warnings: [String]

    static func load(home option: HomeOption) throws -> AppContext {
        try load(homeFlag: option.home)
    }

    /// `reportingWarnings: false` leaves telling them to the caller (the full-screen
    /// coach, after it gives the terminal back).
    static func load(homeFlag: String?, reportingWarnings: Bool = true) throws -> AppContext {
        try storeErrors {
            // A look never makes the home: `writing` creates it with the first change.
            let home = CoachHome.resolve(flag: homeFlag)
            try home.finishInterruptedChange()
            let loaded = try CurriculumLoader.load(data: CurriculumLoader.locateData(), userTracks: home.tracksFolder)
            let context = AppContext(home: home, curriculum: loaded.curriculum, progress: try ProgressStore.load(home, ids: loaded.curriculum),
                                     settings: try SettingsStore.load(home), warnings: loaded.warnings)
            if reportingWarnings { report(context.warnings) }
            return context
        }
    }

    /// Tells the learner on stderr which of their own track files were left out.
    static func report(_ warnings: [String]) {
        for warning in warnings {
            warn("coach: warning: \(warning)")
        }
    }

    /// An id longer than any real one is refused by its length, not echoed or searched.
    static func requireIDLength(_ input: String, _ what: String) throws {
        let count = input.count
        guard count <= TextLimits.id else {
            throw CoachFailure("\(what) is at most \(TextLimits.id) characters; this one has \(count)")
        }
    }

    func track(named input: String) throws -> Track {
        try Self.requireIDLength(input, "a track id")
        let lower = input.lowercased()
        if let track = curriculum.tracks.first(where: { $0.id == lower || $0.title.lowercased() == lower }) {
            return track
        }
        let ids = curriculum.tracks.map(\.id)
        throw CoachFailure("unknown track \(TerminalText.quoted(input))" + hint(Suggestions.closest(to: input, among: ids), all: ids))
    }

    func item(id input: String) throws -> Item {
        try Self.requireIDLength(input, "an item id")
        if let item = curriculum.item(id: input) { return item }
        let suggestions = Suggestions.closest(to: input, among: curriculum.allItemIDs)
        throw CoachFailure("unknown item \(TerminalText.quoted(input))" + hint(suggestions, all: []) + (suggestions.isEmpty ? "; `coach show TRACK` lists item ids" : ""))
    }

    /// An item by id, or by its title (any case) as `coach show` takes a track's. No
    /// match names the closest ids and titles.
    func item(named input: String) throws -> Item {
        try Self.requireIDLength(input, "an item id")
        if let item = curriculum.item(id: input) { return item }
        let lower = input.lowercased()
        var titles: [String: Item] = [:]
        for track in curriculum.tracks {
            for item in track.items {
                if item.title.lowercased() == lower { return item }
                titles[item.title] = titles[item.title] ?? item
            }
        }
        let ids = Suggestions.closest(to: input, among: curriculum.allItemIDs)
        let byTitle = Suggestions.closest(to: input, among: Array(titles.keys))
            .compactMap { titles[$0] }.filter { !ids.contains($0.id) }
            .map { "\($0.id) (\(TerminalText.quoted($0.title, limit: 60)))" }
        let suggestions = Array((ids + byTitle).prefix(4))
        throw CoachFailure("unknown item \(TerminalText.quoted(input))" + hint(suggestions, all: [])
            + (suggestions.isEmpty ? "; `coach search WORDS` finds items, `coach show TRACK` lists them" : ""))
    }

    private func hint(_ suggestions: [String], all: [String]) -> String {
        if !suggestions.isEmpty { return "; did you mean " + suggestions.joined(separator: ", ") + "?" }
        if !all.isEmpty { return "; known: " + all.joined(separator: ", ") }
        return ""
    }
}

/// JSON for `--json`: stable key order, readable.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        Swift.print(TerminalText.safeJSON(String(decoding: data, as: UTF8.self)))
    }
}

/// Store errors (and the import's refusal) as the one-line failure every command prints.
func storeErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw CoachFailure(error.description)
    } catch let error as HomeExport.HomeHasData {
        throw CoachFailure(error.description)
    }
}
