import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

/// The RICE flags shared by `coach idea add` and `coach idea edit`.
///
/// Every value is taken as text and handed to `IdeaValidation` unread, so `80%`, `nan`,
/// `inf` and `-1` reach the one place that decides what an idea may hold, and every
/// problem is reported at once rather than one parse error at a time. Values are read
/// unconditionally: `--reach -1` means reach "-1", not a flag named `-1`.
struct IdeaFlags: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("People or events reached per month (a number ≥ 0).", valueName: "n"))
    var reach: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("\(Impact.allowedList); a name or its number.", valueName: "impact"))
    var impact: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("How sure the estimates are: more than 0, at most 1; 80% and 0.8 are the same.", valueName: "c"))
    var confidence: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Person-months of work, without the hidden AI costs (a number > 0).", valueName: "n"))
    var effort: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Hidden cost: person-months of data labeling (default 0).", valueName: "n"))
    var labeling: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Hidden cost: person-months of retraining (default 0).", valueName: "n"))
    var retraining: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Hidden cost: person-months of monitoring (default 0).", valueName: "n"))
    var monitoring: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Hidden cost: person-months of regulatory review (default 0).", valueName: "n"))
    var regulatory: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("A free-text note (\"\" removes it).", valueName: "text"))
    var note: String?

    @Option(help: ArgumentHelp("\(IdeaStatus.allowedList) (default idea).", valueName: "status"))
    var status: String?

    @Option(name: .customLong("item"), help: ArgumentHelp(
        "A track item the idea would practise (repeat it, or separate ids with commas; on edit it replaces the list, --item \"\" clears it).",
        valueName: "id"))
    var items: [String] = []

    /// Writes the flags that were given over `draft`; the others keep what it had.
    func apply(to draft: inout IdeaDraft) {
        if let reach { draft.reach = reach }
        if let impact { draft.impact = impact }
        if let confidence { draft.confidence = confidence }
        if let effort { draft.effort = effort }
        if let labeling { draft.labeling = labeling }
        if let retraining { draft.retraining = retraining }
        if let monitoring { draft.monitoring = monitoring }
        if let regulatory { draft.regulatory = regulatory }
        if let note { draft.note = note }
        if let status { draft.status = status }
        if !items.isEmpty { draft.items = items.joined(separator: ", ") }
    }

    /// Whether any flag was given, so `edit` can say when there is nothing to change.
    var isEmpty: Bool {
        [reach, impact, confidence, effort, labeling, retraining, monitoring, regulatory, note, status]
            .allSatisfy { $0 == nil } && items.isEmpty
    }
}

/// Validates a draft, turning the problems into one line each that names the flag the
/// learner typed (`--confidence: must be …; got 1.5`).
enum IdeaInput {
    /// `titleFlag` is how the title was given: "title" for `add`'s argument, "--title" for `edit`.
    static func validate(_ draft: IdeaDraft, knownItems: Set<String>, titleFlag: String) throws -> ValidIdeaFields {
        switch IdeaValidation.validate(draft, knownItems: knownItems) {
        case .success(let fields):
            return fields
        case .failure(let problems):
            throw IdeaInputProblems(lines: problems.all.map { "\(flag(for: $0.field, titleFlag: titleFlag)): \($0.message)" })
        }
    }

    static func flag(for field: IdeaField, titleFlag: String) -> String {
        switch field {
        case .title: titleFlag
        case .items: "--item"
        default: "--\(field.name)"
        }
    }
}

/// Every problem with the typed flags, one line each; ArgumentParser prints it after
/// "Error: " and exits non-zero.
struct IdeaInputProblems: Error, CustomStringConvertible {
    let lines: [String]

    /// Each line after the first repeats the "Error: " that ArgumentParser puts before
    /// the first, so every line stands on its own (and greps alike).
    var description: String { lines.joined(separator: "\nError: ") }
}

extension IdeaStatus: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
