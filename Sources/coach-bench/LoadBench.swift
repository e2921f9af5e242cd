import CoachCore
import CoachStore
import CoachUI
import Foundation

/// Where start-up time goes: each phase of loading a home, timed separately and
/// repeated in one process. The first run is cold (first touch of the code, the
/// allocator and the files); the medians are warm.
struct LoadBench {
    var data: String
    var home: String
    var runs: Int

    init(options: Options) throws {
        data = try options.string("data")
        home = try options.string("home")
        runs = max(1, try options.int("runs", default: 15))
    }

    /// Mirrors ProgressStore's document, to time JSONDecoder alone.
    struct ProgressDocument: Decodable {
        var version: Int
        var items: [String: ItemProgress]
    }

    struct VersionHeader: Decodable {
        var version: Int
    }

    func run() throws {
        let environment = ["COACH_DATA": data]
        let coachHome = CoachHome.resolve(flag: home, environment: environment)
        var phases: [(name: String, samples: [UInt64])] = []
        // Saves are timed into a scratch home, never into the benchmark's own.
        let scratch = CoachHome(url: FileManager.default.temporaryDirectory
            .appendingPathComponent("coach-bench-load-\(ProcessInfo.processInfo.processIdentifier)"))
        try scratch.prepare()
        var sink = 0

        func time(_ name: String, _ body: () throws -> Int) rethrows {
            let start = now()
            sink &+= try body()
            let elapsed = now() - start
            if let index = phases.firstIndex(where: { $0.name == name }) {
                phases[index].samples.append(elapsed)
            } else {
                phases.append((name, [elapsed]))
            }
        }

        for _ in 0..<runs {
            var dataURL = URL(fileURLWithPath: "/")
            try time("locate Data (CurriculumLoader.locateData)") {
                dataURL = try CurriculumLoader.locateData(environment: environment)
                return dataURL.path.count
            }
            let folder = dataURL.appendingPathComponent("tracks")
            var files: [Data] = []
            try time("  read track files (bytes only)") {
                let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
                files = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
                return files.reduce(0) { $0 + $1.count }
            }
            var objects: [Any] = []
            try time("  JSONSerialization.jsonObject (parse only)") {
                objects = try files.map { try JSONSerialization.jsonObject(with: $0) }
                return objects.count
            }
            var urls: [String] = []
            var texts: [String] = []
            for object in objects { LoadBench.collectStrings(object, urls: &urls, texts: &texts) }
            time("  trimmingCharacters(in: .whitespacesAndNewlines) on every required text") {
                texts.reduce(0) { $0 + $1.trimmingCharacters(in: .whitespacesAndNewlines).utf8.count }
            }
            time("  WebAddress.isValid on every resource URL") {
                urls.reduce(0) { $0 + (WebAddress.isValid($1) ? 1 : 0) }
            }
            var parsed: [(file: String, track: Track)] = []
            time("  CurriculumParser.parseTrack (parse + walk + check)") {
                parsed = files.enumerated().compactMap { index, file in
                    CurriculumParser.parseTrack(file, file: "\(index)").track.map { ("\(index)", $0) }
                }
                return parsed.count
            }
            time("  duplicate ids check + Curriculum index") {
                let problems = CurriculumParser.duplicateIDs(in: parsed)
                return problems.count + Curriculum(tracks: parsed.map(\.track)).tracks.count
            }
            var curriculum = Curriculum(tracks: [])
            try time("CurriculumLoader.load (the app's own path)") {
                curriculum = try CurriculumLoader.load(data: dataURL)
                return curriculum.tracks.count
            }
            var bytes = Data()
            time("  read progress.json (bytes only)") {
                bytes = (try? Data(contentsOf: coachHome.progressFile)) ?? Data()
                return bytes.count
            }
            try time("  JSONDecoder: version header") {
                bytes.isEmpty ? 0 : try LoadBench.decoder().decode(VersionHeader.self, from: bytes).version
            }
            try time("  JSONDecoder: whole document, .iso8601 dates (reference)") {
                bytes.isEmpty ? 0 : try LoadBench.decoder().decode(ProgressDocument.self, from: bytes).items.count
            }
            var dates: [String] = []
            try time("  JSONSerialization.jsonObject on progress.json") {
                guard !bytes.isEmpty else { return 0 }
                let object = try JSONSerialization.jsonObject(with: bytes)
                dates = LoadBench.collectDates(object)
                return dates.count
            }
            time("  dates: a new ISO8601DateFormatter per date") {
                dates.reduce(0) { $0 + (ISO8601DateFormatter().date(from: $1) == nil ? 0 : 1) }
            }
            time("  dates: one shared ISO8601DateFormatter") {
                let formatter = ISO8601DateFormatter()
                return dates.reduce(0) { $0 + (formatter.date(from: $1) == nil ? 0 : 1) }
            }
            time("  dates: Date.ISO8601FormatStyle().parse") {
                let style = Date.ISO8601FormatStyle()
                return dates.reduce(0) { $0 + ((try? style.parse($1)) == nil ? 0 : 1) }
            }
            var progress = ProgressBook()
            try time("ProgressStore.load (the app's own path)") {
                progress = try ProgressStore.load(coachHome)
                return progress.items.count
            }
            var settings = Settings()
            try time("SettingsStore.load") {
                settings = try SettingsStore.load(coachHome)
                return settings.dailyGoalMinutes
            }
            time("  read backlog.json (bytes only)") {
                ((try? Data(contentsOf: coachHome.backlogFile)) ?? Data()).count
            }
            var backlog = Backlog()
            try time("BacklogStore.load (the app's own path)") {
                backlog = try BacklogStore.load(coachHome)
                return backlog.count
            }
            var journal = Journal()
            try time("JournalStore.load") {
                journal = try JournalStore.load(coachHome)
                return journal.entries.count
            }
            var reviews = ReviewBook()
            try time("ReviewStore.load") {
                reviews = try ReviewStore.load(coachHome)
                return reviews.reviewCount
            }
            let startTime = Date()
            let zone = TimeZoneRules.current
            let today = StudyDay(startTime, in: zone)
            var study = StudyState()
            time("StudyState.init (minutes per day, streaks)") {
                study = StudyState(journal: journal, reviews: reviews, timeZone: zone, now: startTime)
                return study.streaks.current
            }
            time("  Journal.minutesByDay") { journal.minutesByDay.count }
            time("  Streaks over the journal") {
                Streaks(minutes: journal.minutesByDay, goals: journal.goals, today: today).longest
            }
            time("  ReviewBook.due(on: today) (coach status)") {
                reviews.due(on: today, progress: progress, timeZone: zone).count
            }
            time("  DailyPlan (coach today; AppState.init)") {
                DailyPlan(curriculum: curriculum, progress: progress, reviews: reviews, settings: settings,
                          day: today, timeZone: zone).entries.count
            }
            var state = AppState(curriculum: curriculum, progress: progress)
            time("AppState.init (counts, today's plan)") {
                state = AppState(curriculum: curriculum, progress: progress, settings: settings, backlog: backlog,
                                 study: study, viewport: Size(rows: 30, cols: 100))
                return state.curriculum.tracks.count
            }
            for screen in Screen.allCases {
                state.screen = screen
                time("first frame: render \(screen.title) 100x30") {
                    render(state, size: Size(rows: 30, cols: 100)).cells.count
                }
            }
            time("tracks: progress.count per track + overall") {
                curriculum.tracks.reduce(0) { $0 + progress.count($1).done } + progress.count(curriculum).done
            }
            time("idea list: Backlog.ranked") { backlog.ranked.count }
            try time("idea list --json: JSONEncoder on the ranked ideas (Idea's own Codable)") {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                return try encoder.encode(Array(backlog.ranked)).count
            }
            time("idea form: Set(curriculum.allItemIDs) (built on every key in the form)") {
                Set(curriculum.allItemIDs).count
            }
            try time("save: BacklogStore.save (off the key path)") {
                try BacklogStore.save(backlog, to: scratch)
                return backlog.count
            }
            try time("save: JournalStore.save (off the key path)") {
                try JournalStore.save(journal, to: scratch)
                return journal.entries.count
            }
        }
        try? FileManager.default.removeItem(at: scratch.url)

        print("start-up phases, \(runs) runs in one process, milliseconds (first run = cold):")
        print("| phase | median ms | first run ms |")
        print("| --- | ---: | ---: |")
        for phase in phases {
            let stats = Stats(phase.samples)
            print("| \(phase.name.replacingOccurrences(of: "  ", with: "↳ ")) | \(format(stats.median / 1e6, 2)) | \(format(Double(phase.samples[0]) / 1e6, 2)) |")
        }
        print("checksum \(sink)")
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Every date string of a parsed progress.json ("changed", "done").
    static func collectDates(_ object: Any) -> [String] {
        guard let root = object as? [String: Any], let items = root["items"] as? [String: Any] else { return [] }
        var dates: [String] = []
        for case let entry as [String: Any] in items.values {
            if let changed = entry["changed"] as? String { dates.append(changed) }
            if let done = entry["done"] as? String { dates.append(done) }
        }
        return dates
    }

    /// Gathers, from a parsed track file, every resource's "url" and every required text
    /// field the parser checks for emptiness (ids, titles, kinds).
    static func collectStrings(_ object: Any, urls: inout [String], texts: inout [String]) {
        func add(_ dictionary: [String: Any], _ keys: [String]) {
            for key in keys { if let text = dictionary[key] as? String { texts.append(text) } }
        }
        guard let track = object as? [String: Any], let sections = track["sections"] as? [Any] else { return }
        add(track, ["id", "title"])
        for case let section as [String: Any] in sections {
            add(section, ["title"])
            for case let item as [String: Any] in (section["items"] as? [Any]) ?? [] {
                add(item, ["id", "title"])
                for case let resource as [String: Any] in (item["resources"] as? [Any]) ?? [] {
                    add(resource, ["title", "kind"])
                    if let url = resource["url"] as? String { urls.append(url) }
                }
            }
        }
    }
}
