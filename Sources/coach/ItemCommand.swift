import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials
import Glibc

/// One item whole: where it sits, where it stands, what it teaches, and every card's
/// memory with the answers the learner gave.
struct ItemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "item",
        abstract: "Show one item whole: summary, resources, note, proof, and each card's review state and answers.")

    @OptionGroup var home: HomeOption
    @Argument(help: "The item id or title.", completion: Completions.items) var item: String
    @Flag(help: "Print JSON.") var json = false

    struct ResourceRow: Encodable {
        var title: String
        var kind: String
        @OrNull var url: String?

        init(_ resource: Resource) {
            title = resource.title
            kind = resource.kind.rawValue
            url = resource.url
        }
    }

    struct AnswerRow: Encodable {
        var day: StudyDay
        var rating: String
        @OrNull var retrievability: Double?
        var interval: Int
        @OrNull var answer: String?
        /// Seconds from the card shown to rated, when timed; true when rated before it was due.
        @OrNull var seconds: Double?
        var early: Bool
    }

    struct CardRow: Encodable {
        var id: String
        var question: String
        var points: [String]
        var state: String
        @OrNull var due: StudyDay?
        var stability: Double
        var difficulty: Double
        @OrNull var retrievabilityToday: Double?
        var reps: Int
        var lapses: Int
        /// Newest first.
        var reviews: [AnswerRow]
    }

    /// The review of a done item without prompts: it climbs the ladder of intervals as a
    /// whole (`ReviewSchedule`), rated hard / good / easy.
    struct LadderRow: Encodable {
        struct Rating: Encodable {
            var day: StudyDay
            var rating: String
        }

        var due: StudyDay
        /// Days from the last review (or from done) to the next.
        var interval: Int
        /// Oldest first, since the item was last done.
        var reviews: [Rating]
    }

    struct DrillRow: Encodable {
        var kind: String
        var question: String
        var rubric: [String]
    }

    struct Report: Encodable {
        var id: String
        var title: String
        var track: String
        var section: String
        var minutes: Int
        /// Minutes spent on it in all, and your own estimate when you gave one.
        var spent: Int
        @OrNull var estimate: Int?
        var status: String
        @OrNull var changed: Date?
        @OrNull var done: Date?
        var summary: String
        var resources: [ResourceRow]
        @OrNull var note: String?
        var proof: [String]
        var selfCheck: [String]
        var cards: [CardRow]
        /// For an item without prompts that is done; null otherwise (cards say it then).
        @OrNull var review: LadderRow?
        var drills: [DrillRow]
    }

    func run() throws {
        let context = try AppContext.load(home: home)
        let item = try context.item(named: self.item)
        let reviews = try context.loadReviews()
        let report = Self.report(item, context: context, reviews: reviews, today: context.today)
        if json { return try JSONOutput.print(report) }
        print(Self.text(report))
    }

    static func report(_ item: Item, context: AppContext, reviews: ReviewBook, today: StudyDay) -> Report {
        let track = context.curriculum.track(containing: item.id)
        let section = track?.sections.first { $0.items.contains { $0.id == item.id } }
        let entry = context.progress.items[item.id]
        let scheduler = context.settings.scheduler
        let cards = reviews.cards(of: item, progress: context.progress, timeZone: context.timeZone, scheduler: scheduler)
        let entries = reviews.entries(of: item.id)
        let rows = item.prompts.enumerated().map { index, prompt in
            let id = CardID.make(itemID: item.id, prompt: index + 1)
            let card = cards?[index]
            return CardRow(
                id: id, question: prompt.question, points: prompt.points,
                state: card == nil ? "not done" : card!.state.rawValue, due: card?.due,
                stability: card.map { ReviewStore.rounded($0.stability) } ?? 0,
                difficulty: card.map { ReviewStore.rounded($0.difficulty) } ?? 0,
                retrievabilityToday: card.flatMap { scheduler.retrievability(of: $0, on: today) }.map(ReviewStore.rounded),
                reps: card?.reps ?? 0, lapses: card?.lapses ?? 0,
                reviews: entries.filter { $0.cardID == id }.map {
                    AnswerRow(day: $0.day, rating: $0.rating.name, retrievability: $0.retrievability.map(ReviewStore.rounded),
                              interval: $0.interval, answer: $0.answer, seconds: $0.seconds.map(ReviewStore.rounded),
                              early: $0.early)
                })
        }
        return Report(
            id: item.id, title: item.title, track: track?.title ?? "", section: section?.title ?? "",
            minutes: item.minutes, spent: context.progress.minutesSpent(on: item.id), estimate: entry?.estimate,
            status: context.progress.status(of: item.id).rawValue,
            changed: entry?.changed, done: entry?.done, summary: item.summary,
            resources: item.resources.map(ResourceRow.init),
            note: entry?.note, proof: entry?.proof ?? [], selfCheck: item.selfCheck, cards: rows,
            review: item.prompts.isEmpty ? ladder(item, context: context, reviews: reviews) : nil,
            drills: item.drills.map { DrillRow(kind: $0.kind.rawValue, question: $0.question, rubric: $0.rubric) })
    }

    static func ladder(_ item: Item, context: AppContext, reviews: ReviewBook) -> LadderRow? {
        guard let entry = context.progress.items[item.id],
              let doneOn = ReviewBook.doneDay(of: entry, in: context.timeZone) else { return nil }
        let state = reviews.state(of: item.id, doneOn: doneOn)
        let since = reviews.history(of: item.id).filter { $0.day >= doneOn }
        return LadderRow(due: state.due, interval: state.interval,
                         reviews: since.map { LadderRow.Rating(day: $0.day, rating: $0.rating.rawValue) })
    }

    static func text(_ report: Report) -> String {
        var lines = ["\(report.title) (\(report.id))",
                     "\(report.track) › \(report.section) · \(ItemTime.spentText(report.spent, of: report.estimate ?? report.minutes))"
                        + (report.estimate == nil ? "" : " (your estimate; shipped \(MinutesText.short(report.minutes)))")
                        + " · \(report.status)"]
        var dates: [String] = []
        if let changed = report.changed { dates.append("changed \(ISODateText.text(of: changed))") }
        if let done = report.done { dates.append("done \(ISODateText.text(of: done))") }
        if !dates.isEmpty { lines.append(dates.joined(separator: " · ")) }
        if !report.summary.isEmpty { lines += ["", report.summary] }
        if !report.resources.isEmpty {
            lines += ["", "Resources:"]
            // The whole address on a line of its own: never cut, easy to copy.
            for resource in report.resources {
                lines.append("  - \(resource.title) (\(resource.kind))")
                if let url = resource.url { lines.append("    \(url)") }
            }
        }
        if let note = report.note { lines += ["", "Note:"] + note.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" } }
        if !report.proof.isEmpty { lines += ["", "Proof:"] + report.proof.map { "  - \($0)" } }
        if !report.selfCheck.isEmpty { lines += ["", "Self-check:"] + report.selfCheck.map { "  - \($0)" } }
        for card in report.cards {
            lines += ["", "\(card.id) \(card.question)"]
            if let due = card.due {
                let recall = card.retrievabilityToday.map { "recall today \(Int(($0 * 100).rounded()))%" } ?? "new"
                lines.append("  \(card.state), due \(due), \(recall), stability \(Self.number(card.stability)) days, difficulty \(Self.number(card.difficulty)), \(card.reps) reps, \(card.lapses) lapses")
            } else {
                lines.append("  not done yet")
            }
            for review in card.reviews {
                lines.append("  \(review.day) \(review.rating)" + (review.answer.map { ": \($0.replacingText("\n", with: " / "))" } ?? ""))
            }
        }
        if let review = report.review {
            lines += ["", "Review: due \(review.due), every \(review.interval) days"
                + (review.reviews.last.map { "; last \($0.day) \($0.rating)" } ?? "; not reviewed yet")]
        } else if report.cards.isEmpty {
            lines += ["", report.status == "done" ? "Review: no cards" : "Review: starts when the item is done"]
        }
        for drill in report.drills { lines += ["", "Drill (\(drill.kind)): \(drill.question)"] }
        return lines.joined(separator: "\n")
    }

    /// Two decimals, as "%.2f" wrote them (no String(format:): it needs Foundation).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let hundredths = Int64((abs(value) * 100).rounded())
        let sign = value < 0 && hundredths != 0 ? "-" : ""
        let fraction = hundredths % 100
        return "\(sign)\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
