import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "List, edit and remove logged study sessions.",
        subcommands: [List.self, Edit.self, Remove.self],
        defaultSubcommand: List.self)

    struct Row: Encodable {
        var id: Int
        var date: String
        @OrNull var start: Date?
        var minutes: Int
        var items: [String]
        @OrNull var note: String?

        init(_ entry: JournalEntry) {
            id = entry.id
            date = entry.day.description
            start = entry.start
            minutes = entry.minutes
            items = entry.items
            note = entry.note
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sessions, newest first.")

        @OptionGroup var home: HomeOption
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let context = try AppContext.load(home: home)
            let entries = try context.loadJournal().newestFirst
            if json { return try JSONOutput.print(entries.map(Row.init)) }
            guard !entries.isEmpty else {
                print("No sessions logged yet. Log one with coach log --minutes N, or time one on the Today screen.")
                return
            }
            let table = TextColumns(alignments: [.right, .left, .right, .left, .left], limits: [nil, nil, nil, 48, nil])
            let rows = [["id", "date", "minutes", "items", "note"]] + entries.map { entry in
                [String(entry.id), entry.day.description, String(entry.minutes), entry.items.joined(separator: ", "),
                 entry.note ?? ""]
            }
            for line in table.lines(rows) { print(line) }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change a logged session; fields not given stay as they are.")

        @OptionGroup var home: HomeOption
        @Argument(help: "The session's id (see coach journal).") var id: Int
        @Option(help: ArgumentHelp("Minutes, \(JournalValidation.minutesRange.lowerBound)–\(JournalValidation.minutesRange.upperBound).", valueName: "minutes"))
        var minutes: String?
        @Option(help: ArgumentHelp("The day, YYYY-MM-DD, not in the future.", valueName: "date"))
        var date: String?
        @Option(help: ArgumentHelp("The note (\"\" removes it).", valueName: "text"))
        var note: String?
        @Option(name: .customLong("item"), parsing: .upToNextOption,
                help: ArgumentHelp("Replaces the items (repeatable).", valueName: "id"))
        var items: [String] = []
        @Flag(help: "Remove every item from the session.") var noItems = false

        func validate() throws {
            if noItems, !items.isEmpty { throw ValidationError("give --item or --no-items, not both") }
        }

        func run() throws {
            let context = try AppContext.load(home: home)
            try context.recoverInterruptedSession()
            let today = context.today
            let (before, after) = try context.writing {
                var journal = try JournalStore.load(context.home)
                guard let entry = journal.entry(id: id) else { throw JournalCommand.unknown(id) }
                var draft = JournalDraft(entry)
                if let minutes { draft.minutes = minutes }
                if let date { draft.date = date }
                if let note { draft.note = note }
                let replacesItems = noItems || !items.isEmpty
                if replacesItems { draft.items = noItems ? [] : items }
                // A day is "in the future" by the clock of the zone it was written in: a
                // session logged today east of here may be tomorrow's here, and keeping its
                // day is no claim about the future. Only a new day is checked against today.
                let keepsDay = date == nil || date == "\(entry.day)"
                let latest = keepsDay && entry.day > today ? entry.day : today
                // Items the curriculum no longer has may stay; new ones must be real.
                var edited = try StudyFiles.validated(draft, today: latest,
                                                      curriculum: replacesItems ? context.curriculum : nil)
                edited.id = entry.id
                edited.start = entry.start
                journal.edit(edited)
                let stored = journal.entry(id: entry.id) ?? edited
                if stored != entry { try JournalStore.save(journal, to: context.home) }
                return (entry, stored)
            }
            if before == after {
                print("session \(after.id) unchanged: \(StudyFiles.summary(after))")
            } else {
                print("session \(after.id): \(StudyFiles.summary(before)) → \(StudyFiles.summary(after))")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a logged session.")

        @OptionGroup var home: HomeOption
        @Argument(help: "The session's id (see coach journal).") var id: Int

        func run() throws {
            let context = try AppContext.load(home: home)
            try context.recoverInterruptedSession()
            let removed = try context.writing {
                var journal = try JournalStore.load(context.home)
                guard let removed = journal.delete(id: id) else { throw JournalCommand.unknown(id) }
                try JournalStore.save(journal, to: context.home)
                return removed
            }
            print("removed session \(removed.id): \(StudyFiles.summary(removed))")
        }
    }

    static func unknown(_ id: Int) -> CoachFailure {
        CoachFailure("there is no session \(id) in the journal; coach journal lists them with their ids")
    }
}
