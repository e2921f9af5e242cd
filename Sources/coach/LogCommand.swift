import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a study session by hand (today, or a past day).")

    @OptionGroup var home: HomeOption
    @Option(help: ArgumentHelp("How long you studied, \(JournalValidation.minutesRange.lowerBound)–\(JournalValidation.minutesRange.upperBound) minutes.", valueName: "minutes"))
    var minutes: String
    @Option(help: ArgumentHelp("The day it counts for, YYYY-MM-DD (default: today; not in the future).", valueName: "date"))
    var date: String?
    @Option(help: ArgumentHelp("What you did, in one line.", valueName: "text"))
    var note: String?
    @Option(name: .customLong("item"), parsing: .upToNextOption,
            help: ArgumentHelp("Items you worked on (repeatable), e.g. genai.rag; the minutes count for them, shared evenly.", valueName: "id"))
    var items: [String] = []

    func run() throws {
        let context = try AppContext.load(home: home)
        let draft = JournalDraft(date: date ?? "", minutes: minutes, note: note ?? "", items: items)
        let entry = try StudyFiles.validated(draft, today: context.today, curriculum: context.curriculum)
        try context.recoverInterruptedSession()
        // The session's minutes count for its items too, shared evenly among them.
        let stored = try context.home.writingTogether {
            var journal = try JournalStore.load(context.home)
            let stored = journal.add(entry)
            try JournalStore.save(journal, to: context.home)
            var progress = try ProgressStore.load(context.home)
            if progress.credit(stored, at: Date()) { try ProgressStore.save(progress, to: context.home) }
            return stored
        }
        print("logged session \(stored.id): \(StudyFiles.summary(stored))")
    }
}
