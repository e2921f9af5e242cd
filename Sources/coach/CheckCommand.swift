import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Set an item's status (default: done).",
        discussion: "With --minutes, also logs a session of that many minutes today on the item, which counts towards today's goal and the item's time spent (as y does on the TUI's \"log its estimate?\").")

    @OptionGroup var home: HomeOption
    @Argument(help: "The item id or title, e.g. genai.prompt-engineering (see coach show TRACK).", completion: Completions.items) var item: String
    @Option(help: ArgumentHelp("The new status: \(ItemStatus.allowedList).", valueName: "status"))
    var status: ItemStatus = .done
    @Option(help: ArgumentHelp("Minutes spent on it, logged as a session today (\(JournalValidation.minutesRange.lowerBound)–\(JournalValidation.minutesRange.upperBound)).", valueName: "minutes"))
    var minutes: String?

    func run() throws {
        var context = try AppContext.load(home: home)
        let item = try context.item(named: self.item)
        var before = context.progress.status(of: item.id)
        var entry: JournalEntry?
        if let minutes {
            let draft = JournalDraft(date: "", minutes: minutes, note: "", items: [item.id])
            entry = try StudyFiles.validated(draft, today: context.today, curriculum: context.curriculum)
            try context.recoverInterruptedSession()
        }
        let status = self.status
        context.progress = try context.home.writingTogether {
            var progress = try ProgressStore.load(context.home)
            before = progress.status(of: item.id)
            var changed = progress.setStatus(status, of: item.id, at: Date())
            if let logged = entry {
                var journal = try JournalStore.load(context.home)
                entry = journal.add(logged)
                try JournalStore.save(journal, to: context.home)
                if progress.credit(entry!, at: Date()) { changed = true }
            }
            if changed { try ProgressStore.save(progress, to: context.home) }
            return progress
        }
        print("\(item.id): \(before.rawValue) → \(status.rawValue)  \(item.title)")
        if let entry {
            print("logged session \(entry.id): \(StudyFiles.summary(entry))")
        } else if status == .done, context.progress.minutesSpent(on: item.id) == 0 {
            print("no time logged on it: coach check \(item.id) --minutes \(context.progress.estimate(of: item)) logs its estimate")
        }
    }
}

extension ItemStatus: ExpressibleByArgument {}
