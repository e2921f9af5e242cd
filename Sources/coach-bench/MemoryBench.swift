import CoachCore
import CoachStore
import CoachUI
import Foundation

/// Where the memory goes: loads a home step by step as the full-screen coach does
/// (see `KeyBench.loadState`) and reports the process's resident memory (VmRSS) and
/// its high-water mark (VmHWM) after each step, from /proc/self/status. One run in a
/// fresh process, so the first numbers are the process's own baseline.
struct MemoryBench {
    var data: String
    var home: String

    init(options: Options) throws {
        data = try options.string("data")
        home = try options.string("home")
    }

    /// VmRSS and VmHWM in kB; zeros where /proc is not there.
    static func sample() -> (rss: Int, hwm: Int) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        var rss = 0, hwm = 0
        for line in status.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, let value = Int(fields[1]) else { continue }
            if fields[0] == "VmRSS:" { rss = value }
            if fields[0] == "VmHWM:" { hwm = value }
        }
        return (rss, hwm)
    }

    func run() throws {
        var rows: [(String, Int, Int)] = []
        var last = MemoryBench.sample()
        rows.append(("process start (Foundation loaded)", last.rss, last.hwm))
        func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let value = try body()
            let now = MemoryBench.sample()
            rows.append((name, now.rss, now.hwm))
            last = now
            return value
        }
        let environment = ["COACH_DATA": data]
        let dataURL = try CurriculumLoader.locateData(environment: environment)
        let coachHome = CoachHome.resolve(flag: home, environment: environment)
        let start = Date()
        let curriculum = try step("CurriculumLoader.load") {
            try CurriculumLoader.load(data: dataURL, userTracks: coachHome.tracksFolder).curriculum
        }
        let progress = try step("ProgressStore.load") { try ProgressStore.load(coachHome) }
        let settings = try step("SettingsStore.load") { try SettingsStore.load(coachHome) }
        let backlog = try step("BacklogStore.load") { try BacklogStore.load(coachHome) }
        let journal = try step("JournalStore.load") { try JournalStore.load(coachHome) }
        let reviews = try step("ReviewStore.load") { try ReviewStore.load(coachHome) }
        let study = step("StudyState.init") { StudyState(journal: journal, reviews: reviews, timeZone: .current, now: start) }
        var state = step("AppState.init (today's plan)") {
            AppState(curriculum: curriculum, progress: progress, settings: settings, backlog: backlog, study: study,
                     viewport: Size(rows: 30, cols: 100))
        }
        for screen in Screen.allCases {
            state.screen = screen
            _ = step("render \(screen.title) 100x30") { render(state, size: Size(rows: 30, cols: 100)).cells.count }
        }
        print("memory while loading the home as the full-screen coach does, MB (one run):")
        print("| step | resident after | added | peak so far |")
        print("| --- | ---: | ---: | ---: |")
        var previous = 0
        for (name, rss, hwm) in rows {
            let added = previous == 0 ? "" : format(Double(rss - previous) / 1024, 1)
            print("| \(name) | \(format(Double(rss) / 1024, 1)) | \(added) | \(format(Double(hwm) / 1024, 1)) |")
            previous = rss
        }
        withExtendedLifetime(state) {}
    }
}
