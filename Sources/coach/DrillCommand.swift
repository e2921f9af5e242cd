import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials
import Glibc
#if canImport(Glibc)
import Glibc
#endif

/// Interview drills: behavioural questions answered in STAR form and case studies
/// answered in a frame; the learner writes, then ticks the rubric.
struct DrillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "List the interview drills and your attempts, or answer one.",
        discussion: """
            coach drill lists every drill with its attempts. coach drill QUESTION (a few words of the question, or ITEM#N) \
            asks it on the terminal: write your answer (an empty line ends it), then tick the rubric entries it covered; \
            the share covered suggests the rating. For scripts: --answer TEXT --covered 1,3,4 [--rating R].
            """)

    @OptionGroup var home: HomeOption
    @Argument(help: "Words of the drill's question, or ITEM#N.") var question: String?
    @Option(help: ArgumentHelp("Your answer (for scripts).", valueName: "text")) var answer: String?
    @Option(help: ArgumentHelp("The rubric entries your answer covered, e.g. 1,3,4 (with --answer).", valueName: "numbers"))
    var covered: String?
    @Option(help: ArgumentHelp("1 again, 2 hard, 3 good, 4 easy (default: what the rubric suggests).", valueName: "rating"))
    var rating: String?
    @Flag(help: "Print JSON.") var json = false

    struct Found {
        var item: Item
        var number: Int
        var drill: Drill { item.drills[number - 1] }
    }

    struct AttemptRow: Encodable {
        var day: StudyDay
        var answer: String
        var covered: [Int]
        var share: Double
        var rating: String
    }

    struct DrillRow: Encodable {
        var id: String
        var item: String
        var kind: String
        var question: String
        var rubric: [String]
        /// Newest first.
        var attempts: [AttemptRow]
    }

    func validate() throws {
        if question == nil, answer != nil || covered != nil || rating != nil {
            throw ValidationError("--answer, --covered and --rating go with a drill: coach drill QUESTION --answer TEXT")
        }
        if answer == nil, covered != nil || rating != nil { throw ValidationError("--covered and --rating go with --answer TEXT") }
    }

    func run() throws {
        let context = try AppContext.load(home: home)
        let reviews = try context.loadReviews()
        let all = Self.drills(in: context.curriculum)
        guard let question else {
            let rows = all.map { Self.row($0, reviews) }
            if json { return try JSONOutput.print(rows) }
            for row in rows {
                let last = row.attempts.first.map { ", last \($0.day) (\(Int(($0.share * 100).rounded()))% of the rubric)" } ?? ""
                print("\(row.id) [\(row.kind)] \(row.question) — \(row.attempts.count) attempt\(row.attempts.count == 1 ? "" : "s")\(last)")
            }
            return
        }
        let found = try Self.find(question, in: all)
        if let answer {
            let ticks = try Self.ticks(covered ?? "", found.drill)
            let chosen = try rating.map(ReviewCommand.cardRating)
            let attempt = try Self.record(context, found, answer: answer, covered: ticks, rating: chosen)
            if json { return try JSONOutput.print(Self.row(found, try context.loadReviews())) }
            print(Self.outcome(attempt, found))
            return
        }
        guard isatty(0) == 1 else {
            throw CoachFailure("coach drill QUESTION asks on a terminal; for scripts give --answer TEXT --covered 1,3")
        }
        try interactive(context, found)
    }

    static func drills(in curriculum: Curriculum) -> [Found] {
        curriculum.tracks.flatMap(\.items).flatMap { item in item.drills.indices.map { Found(item: item, number: $0 + 1) } }
    }

    static func id(_ found: Found) -> String { "\(found.item.id)#\(found.number)" }

    /// By ITEM#N, else by words of the question (every word, any case); one match only.
    static func find(_ text: String, in all: [Found]) throws -> Found {
        if let exact = all.first(where: { id($0) == text }) { return exact }
        let words = text.lowercased().split(separator: " ")
        let matches = all.filter { found in words.allSatisfy { found.drill.question.lowercased().contains($0) } }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            throw CoachFailure("no drill asks \"\(text)\"; coach drill lists them (give words of the question or ITEM#N)")
        }
        throw CoachFailure("\(matches.count) drills match \"\(text)\": " + matches.prefix(5).map(id).joined(separator: ", ")
                           + (matches.count > 5 ? ", …" : "") + "; give more words or ITEM#N")
    }

    static func ticks(_ text: String, _ drill: Drill) throws -> [Int] {
        switch DrillRubric.parseTicks(text, of: drill) {
        case .success(let ticks): return ticks
        case .failure(let error): throw CoachFailure("--covered: \(error)")
        }
    }

    static func row(_ found: Found, _ reviews: ReviewBook) -> DrillRow {
        DrillRow(id: id(found), item: found.item.id, kind: found.drill.kind.rawValue, question: found.drill.question,
                 rubric: found.drill.rubric,
                 attempts: reviews.attempts(itemID: found.item.id, drill: found.number).map {
                     AttemptRow(day: $0.day, answer: $0.answer, covered: $0.covered,
                                share: DrillRubric.share(covered: $0.covered, of: found.drill), rating: $0.rating.name)
                 })
    }

    static func record(_ context: AppContext, _ found: Found, answer: String, covered: [Int],
                       rating: CardRating?) throws -> DrillAttempt {
        let text = answer.trimmingWhitespaceAndNewlines()
        guard !text.isEmpty else { throw CoachFailure("--answer is empty: write the answer you would give") }
        let suggested = DrillRubric.suggestedRating(share: DrillRubric.share(covered: covered, of: found.drill))
        let attempt = DrillAttempt(day: context.today, itemID: found.item.id, drill: found.number, answer: text,
                                   covered: covered, rating: rating ?? suggested)
        try context.writing {
            var reviews = try ReviewStore.load(context.home)
            reviews.record(attempt)
            try ReviewStore.save(reviews, to: context.home)
        }
        return attempt
    }

    static func outcome(_ attempt: DrillAttempt, _ found: Found) -> String {
        let share = Int((DrillRubric.share(covered: attempt.covered, of: found.drill) * 100).rounded())
        return "\(id(found)): covered \(attempt.covered.count) of \(found.drill.rubric.count) (\(share)%), rated \(attempt.rating.name); kept with your attempts"
    }

    private func interactive(_ context: AppContext, _ found: Found) throws {
        let drill = found.drill
        print("\(drill.question)")
        print(drill.kind.instruction + " An empty line ends your answer.")
        var lines: [String] = []
        while let line = readLine(), !line.isEmpty { lines.append(line) }
        guard !lines.isEmpty else { return print("No answer written; nothing kept.") }
        print("")
        print("What a strong answer covers:")
        for (index, entry) in drill.rubric.enumerated() { print("  \(index + 1). \(entry)") }
        var ticks: [Int] = []
        while true {
            print("Which did yours cover? Numbers, e.g. 1 3 4 (Enter for none): ", terminator: "")
            guard let line = readLine() else { return }
            if case .success(let parsed) = DrillRubric.parseTicks(line, of: drill) { ticks = parsed; break }
            print("Rubric entries are numbered 1–\(drill.rubric.count).")
        }
        let suggested = DrillRubric.suggestedRating(share: DrillRubric.share(covered: ticks, of: drill))
        print("Suggested rating: \(suggested.rawValue) \(suggested.name). Enter takes it, or type 1–4: ", terminator: "")
        let line = readLine() ?? ""
        let chosen = line.isEmpty ? suggested : ((try? ReviewCommand.cardRating(line)) ?? suggested)
        let attempt = try Self.record(context, found, answer: lines.joined(separator: "\n"), covered: ticks, rating: chosen)
        print(Self.outcome(attempt, found))
    }
}
