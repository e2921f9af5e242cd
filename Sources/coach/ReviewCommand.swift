import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials
import Glibc

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a done item's cards: recall each answer, reveal the key points, rate again/hard/good/easy.",
        discussion: """
            With no options, asks each due card of the item on the terminal: type your answer (an empty line ends it), \
            Enter reveals the key points, then rate 1 again, 2 hard, 3 good, 4 easy (h g e also work). \
            --card N --rating R [--answer TEXT] [--at DATE] records one rating for scripts. \
            --rating hard|good|easy without --card rates the whole item on the old ladder. \
            --ahead reviews the cards not due yet, soonest first, when none is due (FSRS counts the days that really \
            passed, so an early review lengthens the interval less).
            """)

    @OptionGroup var home: HomeOption
    @Argument(help: "The item id, e.g. genai.prompt-engineering.", completion: Completions.items) var item: String
    @Option(help: ArgumentHelp("The card: the prompt's number, 1 for the item's first question.", valueName: "N"))
    var card: Int?
    @Option(help: ArgumentHelp("1 again, 2 hard, 3 good, 4 easy (or the names).", valueName: "rating"))
    var rating: String?
    @Option(help: ArgumentHelp("The answer you gave, kept with the rating (with --card).", valueName: "text"))
    var answer: String?
    @Option(help: ArgumentHelp("The day of the review, YYYY-MM-DD (default today; with --card).", valueName: "date"))
    var at: String?
    @Flag(help: "When no card is due, review the cards due soonest, early.") var ahead = false

    func validate() throws {
        if ahead, card != nil || rating != nil { throw ValidationError("--ahead reviews on the terminal; it does not go with --card or --rating") }
        if card != nil, rating == nil { throw ValidationError("--card N needs --rating R (1 again, 2 hard, 3 good, 4 easy)") }
        if card == nil, answer != nil || at != nil { throw ValidationError("--answer and --at go with --card N --rating R") }
    }

    func run() throws {
        let context = try AppContext.load(home: home)
        let item = try context.item(id: self.item)
        if let card, let rating {
            return try recordOne(context, item, card: card, rating: try Self.cardRating(rating))
        }
        if let rating {
            guard let ladder = ReviewRating(rawValue: rating) else {
                throw CoachFailure("--rating without --card rates the item on the ladder: 'hard', 'good' or 'easy'; got \"\(rating)\" (with --card N: 1–4 or again/hard/good/easy)")
            }
            return try recordLadder(context, item, rating: ladder)
        }
        guard isatty(0) == 1 else {
            throw CoachFailure("coach review \(item.id) asks on a terminal; for scripts give --card N --rating R (1 again, 2 hard, 3 good, 4 easy)")
        }
        try ReviewSession(context: context, item: item, ahead: ahead).run()
    }

    /// "3", "good", "g": the rating, or a refusal naming what is allowed.
    static func cardRating(_ text: String) throws -> CardRating {
        let word = text.trimmingWhitespace().lowercased()
        if let number = Int(word), let rating = CardRating(rawValue: number) { return rating }
        if let rating = CardRating(name: word) { return rating }
        switch word {
        case "h": return .hard
        case "g": return .good
        case "e": return .easy
        default: throw CoachFailure("--rating must be 1 again, 2 hard, 3 good or 4 easy (or the name); got \"\(text)\"")
        }
    }

    private func recordOne(_ context: AppContext, _ item: Item, card number: Int, rating: CardRating) throws {
        guard !item.prompts.isEmpty else {
            throw CoachFailure("\(item.id) has no recall prompts, so no cards to review")
        }
        guard (1...item.prompts.count).contains(number) else {
            throw CoachFailure("--card must be 1–\(item.prompts.count) for \(item.id) (it has \(item.prompts.count) prompt\(item.prompts.count == 1 ? "" : "s")); got \(number)")
        }
        var day = context.today
        if let at {
            guard let given = StudyDay(at) else { throw CoachFailure("--at must be a date YYYY-MM-DD; got \"\(at)\"") }
            guard given <= day else { throw CoachFailure("--at \(at) is in the future (today is \(day))") }
            day = given
        }
        let entry = try ReviewSession.record(context, item, card: number, rating: rating, on: day, answer: answer)
        print(ReviewSession.outcome(entry, item: item, today: day))
    }

    private func recordLadder(_ context: AppContext, _ item: Item, rating: ReviewRating) throws {
        let today = context.today
        let state = try context.writing {
            // Both read again under the lock: the item's done day decides its ladder.
            let progress = try ProgressStore.load(context.home)
            var reviews = try ReviewStore.load(context.home)
            guard let state = reviews.record(rating, for: item.id, on: today, progress: progress, timeZone: context.timeZone) else {
                throw ReviewSession.notDone(item, progress)
            }
            try ReviewStore.save(reviews, to: context.home)
            return state
        }
        let days = today.days(to: state.due)
        print("\(item.id): reviewed (\(rating.rawValue)); next review on \(state.due), in \(days) day\(days == 1 ? "" : "s")  \(item.title)")
    }
}

/// The review of one item's cards on a plain terminal, and the one place the CLI
/// records a card's rating.
struct ReviewSession {
    let context: AppContext
    let item: Item
    var ahead = false

    static func notDone(_ item: Item, _ progress: ProgressBook) -> CoachFailure {
        let status = progress.status(of: item.id)
        return CoachFailure("\(item.id) is \(status.rawValue), not done: only done items come back for review (coach check \(item.id) marks it done)")
    }

    /// Records one rating under the lock, reading progress, settings and reviews afresh.
    static func record(_ context: AppContext, _ item: Item, card number: Int, rating: CardRating, on day: StudyDay,
                       answer: String?, seconds: Double? = nil) throws -> CardReviewEntry {
        try context.writing {
            let progress = try ProgressStore.load(context.home)
            let settings = try SettingsStore.load(context.home)
            var reviews = try ReviewStore.load(context.home)
            guard let entry = progress.items[item.id], let doneOn = ReviewBook.doneDay(of: entry, in: context.timeZone) else {
                throw notDone(item, progress)
            }
            guard doneOn <= day else {
                throw CoachFailure("\(item.id) was done on \(doneOn), after \(day): a review cannot come before it")
            }
            guard let recorded = reviews.rate(rating, card: number, of: item, on: day, doneOn: doneOn, answer: answer,
                                              seconds: seconds, scheduler: settings.scheduler)
            else { throw CoachFailure("\(item.id) has no card \(number)") }
            try ReviewStore.save(reviews, to: context.home)
            return recorded
        }
    }

    /// "genai.rag#2: good; next review on 2026-12-09, in 7 days (recall was 91%)"
    static func outcome(_ entry: CardReviewEntry, item: Item, today: StudyDay) -> String {
        let due = today.adding(days: entry.interval)
        let recall = entry.retrievability.map { "recall was \(Int(($0 * 100).rounded()))%" } ?? "first review"
        let early = entry.early ? ", reviewed early" : ""
        return "\(entry.cardID): \(entry.rating.name); next review on \(due), in \(entry.interval) day\(entry.interval == 1 ? "" : "s") (\(recall)\(early))  \(item.title)"
    }

    func run() throws {
        let settings = context.settings
        let today = context.today
        let reviews = try context.loadReviews()
        guard let cards = reviews.cards(of: item, progress: context.progress, timeZone: context.timeZone,
                                        scheduler: settings.scheduler)
        else { throw Self.notDone(item, context.progress) }
        guard !item.prompts.isEmpty else { throw CoachFailure("\(item.id) has no recall prompts, so no cards to review") }
        var due = cards.enumerated().filter { $0.element.due <= today }
        if due.isEmpty, ahead {
            due = cards.enumerated().filter { $0.element.due > today }
                .sorted { $0.element.due != $1.element.due ? $0.element.due < $1.element.due : $0.offset < $1.offset }
            if let first = due.first {
                print("Reviewing ahead: no card is due; these are early (the first was due on \(first.element.due)).")
            }
        }
        guard !due.isEmpty else {
            let next = cards.map(\.due).min().map { "; the next is due on \($0) (--ahead reviews it early)" } ?? ""
            print("\(item.id): no card is due today\(next)")
            return
        }
        print("\(item.title): \(due.count) card\(due.count == 1 ? "" : "s")\(due[0].element.due > today ? " ahead" : " due"). Type your answer; an empty line ends it. q quits.")
        for (index, _) in due {
            let prompt = item.prompts[index]
            print("")
            print("Card \(index + 1) of \(item.prompts.count): \(prompt.question)")
            let shown = Date()
            var lines: [String] = []
            while let line = readLine() {
                if line.isEmpty { break }
                if lines.isEmpty, line == "q" { return }
                lines.append(line)
            }
            print("Key points:")
            for point in prompt.points { print("  • \(point)") }
            let rating: CardRating
            while true {
                print("Rate 1 again, 2 hard, 3 good, 4 easy (q leaves the rest for later): ", terminator: "")
                guard let line = readLine() else { return }
                if line == "q" { return }
                if let chosen = try? ReviewCommand.cardRating(line) { rating = chosen; break }
            }
            let entry = try Self.record(context, item, card: index + 1, rating: rating, on: today,
                                        answer: lines.joined(separator: "\n"), seconds: Date().timeIntervalSince(shown))
            print(Self.outcome(entry, item: item, today: today))
        }
    }
}
