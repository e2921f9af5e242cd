import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

/// `coach break FIRST..LAST`, `--list`, `--remove FIRST..LAST`: the learner's breaks, the
/// days off that neither count against a streak nor bring reviews.
struct BreakCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "break",
        abstract: "Add, list or remove breaks: days off that keep your streak and move your reviews.",
        discussion: "A break is FIRST..LAST (days as YYYY-MM-DD, both included) or one day, at most \(StudyBreak.longest) days. Reviews that fall due during it are spread over the days after it, and the first day back asks for half the goal. With no argument, lists the breaks.")

    @OptionGroup var home: HomeOption
    @Argument(help: ArgumentHelp("The break to add, e.g. 2026-12-20..2026-12-27.", valueName: "first..last"))
    var days: String?
    @Flag(help: "List the breaks (the default with no argument).") var list = false
    @Option(help: ArgumentHelp("A break to remove, as listed.", valueName: "first..last")) var remove: String?
    @Flag(help: "Print JSON: an array of {\"first\", \"last\", \"days\"}.") var json = false

    struct Row: Encodable {
        var first: String
        var last: String
        var days: Int
    }

    func validate() throws {
        if days != nil, remove != nil { throw ValidationError("give a break to add or --remove one, not both") }
        if list, days != nil || remove != nil { throw ValidationError("--list takes no break to add or remove") }
    }

    func run() throws {
        var context = try AppContext.load(home: home)
        let added = try days.map(Self.parsed)
        let removed = try remove.map(Self.parsed)
        if added != nil || removed != nil {
            context.settings = try context.home.writing {
                var settings = try SettingsStore.load(context.home)
                if let added {
                    guard !settings.calendar.breaks.contains(added) else {
                        throw CoachFailure("the break \(added) is there already")
                    }
                    settings.calendar = settings.calendar.adding(added)
                }
                if let removed {
                    switch settings.calendar.removing(removed) {
                    case .success(let calendar): settings.calendar = calendar
                    case .failure(let refusal): throw CoachFailure(refusal.message)
                    }
                }
                try SettingsStore.save(settings, to: context.home)
                return settings
            }
        }
        let breaks = context.settings.calendar.breaks
        if json {
            return try JSONOutput.print(breaks.map { Row(first: "\($0.first)", last: "\($0.last)", days: $0.days) })
        }
        if let added { print("added the break \(added) (\(StudyFiles.count(added.days, "day")))") }
        if let removed { print("removed the break \(removed)") }
        guard added == nil && removed == nil else { return }
        guard !breaks.isEmpty else { return print("No breaks. Add one with: coach break 2026-12-20..2026-12-27") }
        let today = context.today
        for item in breaks {
            let when = item.last < today ? "past" : item.first > today ? "coming" : "now"
            print("\(item)  \(StudyFiles.count(item.days, "day"))  \(when)")
        }
    }

    static func parsed(_ text: String) throws -> StudyBreak {
        try AppContext.requireIDLength(text, "a break")
        guard let found = StudyBreak(text) else { throw CoachFailure(StudyBreak.problem(text)) }
        return found
    }
}
