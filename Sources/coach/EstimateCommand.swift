import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

/// `coach estimate ITEM [MINUTES] [--clear]`: the learner's own estimate of an item,
/// the one `t` edits on Tracks and the item detail. The shipped estimate stays as it is.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Show or set your own estimate of an item's time (the shipped one stays).",
        discussion: "MINUTES is whole minutes (90) or hours and minutes (1h30), \(ItemTime.estimateRange.lowerBound)–\(ItemTime.estimateRange.upperBound) minutes. The plan sizes the item's parts from it.")

    @OptionGroup var home: HomeOption
    @Argument(help: "The item id, e.g. genai.rag (see coach show TRACK).") var item: String
    @Argument(help: "Your estimate: 90 or 1h30.") var minutes: String?
    @Flag(help: "Go back to the shipped estimate.") var clear = false

    func run() throws {
        var context = try AppContext.load(home: home)
        let item = try context.item(id: self.item)
        if clear && minutes != nil { throw CoachFailure("give MINUTES or --clear, not both") }
        if clear || minutes != nil {
            var value: Int?
            if let minutes {
                switch ItemTime.parseEstimate(minutes) {
                case .failure(let problem): throw CoachFailure("MINUTES: \(problem.message)")
                case .success(let parsed): value = parsed
                }
            }
            context.progress = try context.home.changeProgress { $0.setEstimate(value, of: item.id, at: Date()) }
        }
        let own = context.progress.items[item.id]?.estimate
        let spent = context.progress.minutesSpent(on: item.id)
        let estimate = context.progress.estimate(of: item)
        print("\(item.id): \(ItemTime.spentText(spent, of: estimate)) · "
            + (own == nil ? "shipped estimate" : "your estimate (shipped: \(MinutesText.short(item.minutes)))")
            + "  \(item.title)")
    }
}
