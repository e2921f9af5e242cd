import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

/// `coach idea add|list|show|edit|rm`: the RICE backlog of side-project ideas.
struct IdeaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idea",
        abstract: "Score, rank and manage side-project ideas with RICE.",
        discussion: """
        Score = Reach × Impact × Confidence ÷ (Effort + hidden AI costs). Ideas are ranked by score, \
        then smaller total effort, then title.
        """,
        subcommands: [IdeaAddCommand.self, IdeaListCommand.self, IdeaShowCommand.self, IdeaEditCommand.self,
                      IdeaRemoveCommand.self],
        defaultSubcommand: IdeaListCommand.self)
}

struct IdeaAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an idea; --reach, --impact, --confidence and --effort are required.",
        discussion: "Example: coach idea add Support triage bot --reach 500 --impact high --confidence 80% --effort 2 --monitoring 0.25")

    @OptionGroup var home: HomeOption
    @Argument(help: ArgumentHelp("The idea's title (several words are joined with spaces).", valueName: "title"))
    var title: [String] = []
    @OptionGroup var flags: IdeaFlags

    func run() throws {
        let context = try AppContext.load(home: home)
        var draft = IdeaDraft(title: title.joined(separator: " "))
        flags.apply(to: &draft)
        let fields = try IdeaInput.validate(draft, knownItems: Set(context.curriculum.allItemIDs), titleFlag: "title")
        let (idea, rank, count) = try context.writing {
            // Read under the lock, so an idea added by someone else a moment ago is kept.
            var backlog = try BacklogStore.load(context.home)
            let idea = backlog.add(fields, now: Date())
            try BacklogStore.save(backlog, to: context.home)
            return (idea, backlog.rank(of: idea.id) ?? 0, backlog.count)
        }
        let moonshot = idea.isMoonshot ? ", a moonshot (confidence below 50%)" : ""
        print("\(idea.id): added, score \(NumberText.rounded(idea.score)), rank \(rank + 1) of \(count)\(moonshot)  \(idea.title)")
    }
}

struct IdeaEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an idea: only the flags given change.",
        discussion: "Example: coach idea edit support-triage-bot --confidence 50% --labeling 0.5")

    @OptionGroup var home: HomeOption
    @Argument(help: "The idea's id (see coach idea list).", completion: Completions.ideas) var id: String
    @Option(parsing: .unconditional, help: ArgumentHelp("A new title.", valueName: "title")) var title: String?
    @OptionGroup var flags: IdeaFlags

    func run() throws {
        guard title != nil || !flags.isEmpty else {
            throw CoachFailure("give at least one flag to change, e.g. coach idea edit \(id) --confidence 50% (see coach idea edit --help)")
        }
        let context = try AppContext.load(home: home)
        let known = Set(context.curriculum.allItemIDs)
        let (before, after, rankBefore, rankAfter, count) = try context.writing {
            var backlog = try context.home.backlogForChange()
            let before = try backlog.findOrFail(id)
            var draft = IdeaDraft(before)
            if let title { draft.title = title }
            flags.apply(to: &draft)
            // Links the idea already has stay valid even if their track is gone since.
            let fields = try IdeaInput.validate(draft, knownItems: known.union(before.items), titleFlag: "--title")
            let rankBefore = backlog.rank(of: id) ?? 0
            if backlog.update(id, with: fields, now: Date()) {
                try BacklogStore.save(backlog, to: context.home)
            }
            return (before, backlog[id] ?? before, rankBefore, backlog.rank(of: id) ?? 0, backlog.count)
        }
        if before == after {
            print("\(id): nothing changed, score \(NumberText.rounded(after.score)), rank \(rankAfter + 1) of \(count)  \(after.title)")
            return
        }
        let score = "score \(NumberText.rounded(before.score)) → \(NumberText.rounded(after.score))"
        let rank = rankBefore == rankAfter ? "rank \(rankAfter + 1) of \(count)" : "rank \(rankBefore + 1) → \(rankAfter + 1) of \(count)"
        let moonshot = after.isMoonshot ? ", a moonshot (confidence below 50%)" : ""
        print("\(id): \(score), \(rank)\(moonshot)  \(after.title)")
    }
}

struct IdeaRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove ideas.")

    @OptionGroup var home: HomeOption
    @Argument(help: "The ids of the ideas to remove (see coach idea list).", completion: Completions.ideas) var ids: [String]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give the id of the idea to remove (see coach idea list)") }
    }

    func run() throws {
        let context = try AppContext.load(home: home)
        let removed = try context.writing {
            var backlog = try context.home.backlogForChange()
            // Every id is checked before anything is removed: all or nothing.
            let found = try ids.map { id in (try backlog.findOrFail(id), (backlog.rank(of: id) ?? 0) + 1) }
            for (idea, _) in found { backlog.remove(idea.id) }
            try BacklogStore.save(backlog, to: context.home)
            return found
        }
        var seen = Set<String>()
        for (idea, rank) in removed where seen.insert(idea.id).inserted {
            print("\(idea.id): removed (was rank \(rank), score \(NumberText.rounded(idea.score)), \(idea.status.rawValue))  \(idea.title)")
        }
    }
}

// MARK: - Shared

/// The backlog needs only the home, not the curriculum: `coach idea list` stays fast
/// and small at 10,000 ideas.
extension CoachHome {
    /// The home's backlog as it is on disk, for commands that only read it.
    func readBacklog() throws -> Backlog {
        try storeErrors { try BacklogStore.load(self) }
    }

    /// The backlog to show: the file, or before there is one the starter ideas the
    /// sources suggest, offered in memory and written with the first change (see
    /// `backlogForChange`). `announce` says so once on stderr.
    func backlogOfferingStarters(announce: Bool = true) throws -> Backlog {
        // Once the file exists the rule has nothing to add; reading it needs no lock, so
        // `coach idea list` works while the full-screen coach is open.
        if FileManager.default.fileExists(atPath: backlogFile.path) { return try readBacklog() }
        let data = try storeErrors { try CurriculumLoader.locateData() }
        let started = try storeErrors { try BacklogStore.loadOrStart(self, data: data, now: Date()) }
        if announce, started.addedStarters > 0 {
            let count = started.addedStarters
            warn("\(count) starter idea\(count == 1 ? "" : "s") from the sources, saved with your first change; remove any with coach idea rm ID")
        }
        return started.backlog
    }

    /// The backlog an edit or removal starts from, under the lock: the file, or the
    /// starter ideas that were offered until now, so changing one keeps the others.
    /// (Adding an idea of one's own starts from the file alone: once the learner has
    /// ideas, the starters stay out of the way, as `Backlog.addStarters` says.)
    func backlogForChange() throws -> Backlog {
        if FileManager.default.fileExists(atPath: backlogFile.path) { return try BacklogStore.load(self) }
        return try BacklogStore.loadOrStart(self, data: try CurriculumLoader.locateData(), now: Date()).backlog
    }
}

extension AppContext {
    func readBacklog() throws -> Backlog { try home.readBacklog() }
}

extension Backlog {
    /// The idea, or a one-line failure naming the closest ids.
    func findOrFail(_ id: String) throws -> Idea {
        do {
            return try find(id)
        } catch let error as BacklogError {
            throw CoachFailure(error.description + (count == 0 ? "; the backlog is empty (coach idea add TITLE …)" : ""))
        }
    }
}
