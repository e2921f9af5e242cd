import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a review of a done item: hard restarts its ladder, good climbs a step, easy two.",
        discussion: "Done items come back for review \(ReviewSchedule.ladder.map(String.init).joined(separator: ", ")) days after they were done (then every \(ReviewSchedule.ladder.last ?? 60)); coach today lists the ones due.")

    @OptionGroup var home: HomeOption
    @Argument(help: "The item id, e.g. genai.prompt-engineering.") var item: String
    @Option(help: ArgumentHelp("How it went: \(ReviewRating.allCases.map(\.rawValue).joined(separator: "|")).", valueName: "rating"))
    var rating: ReviewRating

    func run() throws {
        let context = try AppContext.load(home: home)
        let item = try context.item(id: self.item)
        let today = context.today
        let state = try context.writing {
            // Both read again under the lock: the item's done day decides its ladder.
            let progress = try ProgressStore.load(context.home)
            var reviews = try ReviewStore.load(context.home)
            guard let state = reviews.record(rating, for: item.id, on: today, progress: progress, timeZone: context.timeZone) else {
                let status = progress.status(of: item.id)
                throw CoachFailure("\(item.id) is \(status.rawValue), not done: only done items come back for review (coach check \(item.id) marks it done)")
            }
            try ReviewStore.save(reviews, to: context.home)
            return state
        }
        let days = today.days(to: state.due)
        print("\(item.id): reviewed (\(rating.rawValue)); next review on \(state.due), in \(days) day\(days == 1 ? "" : "s")  \(item.title)")
    }
}
