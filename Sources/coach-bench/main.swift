import CoachCore
import CoachStore
import Foundation

/// coach-bench: generates benchmark homes and times the engine and the loaders in
/// process. scripts/bench drives it; see `coach-bench help`.
let usage = """
    usage: coach-bench COMMAND [--option value ...]
      generate --data DIR --home DIR [--tracks 50] [--items 200] [--seed 1] [HOME OPTIONS]
               write a curriculum (DIR/tracks/NN-*.json) and a progress.json where every item has progress
      progress --data DIR --home DIR [--fraction 0.33] [--seed 1] [HOME OPTIONS]
               write a progress.json for a share of an existing curriculum's items
        HOME OPTIONS, each written through the app's own store:
               [--ideas 0]          backlog.json with this many ideas (none: no file)
               [--journal-days 0]   journal.json: sessions on most of this many days, ending today
               [--reviews N]        reviews.json: exactly N reviews spread over the done items;
                                    left out, with --journal-days: each done item's reviews up to today
               [--focus TRACK]      settings.json's focus track (default: the first track)
               with none of --ideas, --journal-days, --reviews: only progress.json, as before
      keys     --data DIR --home DIR [--screen tracks|backlog|history|today] [--iterations 2000]
               [--rows 30] [--cols 100] [--seed 1]
               time reduce + render per key press on one screen, in process (nothing is saved)
      load     --data DIR --home DIR [--runs 15]
               time each start-up phase in process and print each phase's median
      memory   --data DIR --home DIR
               load the home step by step as the full-screen coach does; print resident memory after each step
      spawn    --out FILE [--runs 20] [--warmup 3] -- COMMAND [arguments]
               run a command on this terminal repeatedly; write its median wall time to FILE
      noop     exit at once (process start-up baseline)
    """

func run(_ arguments: [String]) throws {
    guard let command = arguments.dropFirst().first else {
        print(usage)
        return
    }
    let options = try Options(arguments.dropFirst(2))
    switch command {
    case "generate":
        let data = URL(fileURLWithPath: try options.string("data"))
        let home = URL(fileURLWithPath: try options.string("home"))
        let seed = UInt64(try options.int("seed", default: 1))
        var curriculum = CurriculumGenerator(
            tracks: try options.int("tracks", default: 50), itemsPerTrack: try options.int("items", default: 200),
            random: SeededRandom(seed: seed))
        let ids = try curriculum.write(to: data)
        var progress = ProgressGenerator(random: SeededRandom(seed: seed &+ 1))
        let book = try progress.write(ids: ids, fraction: 1, home: home)
        print("generated \(curriculum.tracks) tracks, \(ids.count) items in \(data.path); \(book.items.count) progress entries in \(home.path)")
        try writeStudy(options, data: data, home: home, progress: book, seed: seed)
    case "progress":
        let data = URL(fileURLWithPath: try options.string("data"))
        let home = URL(fileURLWithPath: try options.string("home"))
        let curriculum = try CurriculumLoader.load(data: data)
        let seed = UInt64(try options.int("seed", default: 1))
        var progress = ProgressGenerator(random: SeededRandom(seed: seed))
        let book = try progress.write(ids: curriculum.allItemIDs, fraction: try options.double("fraction", default: 1.0 / 3), home: home)
        print("\(book.items.count) of \(curriculum.allItemIDs.count) items have progress in \(home.path)")
        try writeStudy(options, data: data, home: home, progress: book, seed: seed)
    case "keys":
        try KeyBench(options: options).run()
    case "load":
        try LoadBench(options: options).run()
    case "memory":
        try MemoryBench(options: options).run()
    case "spawn":
        try SpawnBench(options: options).run()
    case "noop":
        return
    case "help", "--help", "-h":
        print(usage)
    default:
        throw BenchFailure("unknown command \"\(command)\"\n\(usage)")
    }
}

/// The backlog, journal, reviews and settings of `generate` and `progress`, when asked for.
func writeStudy(_ options: Options, data: URL, home: URL, progress: ProgressBook, seed: UInt64) throws {
    let ideas = try options.int("ideas", default: 0)
    let journalDays = try options.int("journal-days", default: 0)
    let reviews = try options.optionalInt("reviews")
    guard ideas > 0 || journalDays > 0 || reviews != nil else { return }
    let curriculum = try CurriculumLoader.load(data: data)
    var generator = StudyGenerator(random: SeededRandom(seed: seed &+ 2))
    let summary = try generator.write(home: home, curriculum: curriculum, progress: progress, ideas: ideas,
                                      journalDays: journalDays, reviews: reviews, focus: options.optionalString("focus"))
    print("\(summary.text) in \(home.path)")
}

do {
    try run(CommandLine.arguments)
} catch let error as StoreError {
    FileHandle.standardError.write(Data("coach-bench: \(error.description)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("coach-bench: \(error)\n".utf8))
    exit(1)
}
