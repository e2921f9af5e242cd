/// Undo, several steps deep, one step per user action; and redo of what undo took back,
/// until a new change makes that future a different one.
public struct UndoHistory: Equatable, Sendable {
    public static let depth = 100
    public private(set) var steps: [UndoStep] = []
    /// What undo took back, as steps that do it again; the last one is redone first.
    public private(set) var redoSteps: [UndoStep] = []

    public init() {}

    /// A new change: it can be undone, and what was undone before can no longer be redone.
    public mutating func record(_ step: UndoStep) {
        push(step)
        redoSteps.removeAll()
    }

    public mutating func pop() -> UndoStep? {
        steps.popLast()
    }

    /// After an undo: the step that does the change again.
    mutating func recordRedo(_ step: UndoStep) {
        redoSteps.append(step)
        if redoSteps.count > Self.depth { redoSteps.removeFirst(redoSteps.count - Self.depth) }
    }

    mutating func popRedo() -> UndoStep? {
        redoSteps.popLast()
    }

    /// After a redo: the step that undoes it again, keeping the rest of the redo steps.
    mutating func recordRedone(_ step: UndoStep) {
        push(step)
    }

    private mutating func push(_ step: UndoStep) {
        steps.append(step)
        if steps.count > Self.depth { steps.removeFirst(steps.count - Self.depth) }
    }

    /// Forgets the steps whose change matches, e.g. all about a file read back from disk.
    mutating func removeSteps(where matches: (UndoStep.Change) -> Bool) {
        steps.removeAll { matches($0.change) }
        redoSteps.removeAll { matches($0.change) }
    }
}

public struct UndoStep: Equatable, Sendable {
    /// What the user did, as the undo message names it: "Transformers → done".
    public var label: String
    public var change: Change

    public enum Change: Equatable, Sendable {
        /// An item's progress as it was before (nil: it had none).
        case progress(itemID: String, before: ItemProgress?)
        /// A journal entry that was deleted, or as it was before an edit.
        case journalEntry(JournalEntry)
        /// A journal entry that was not there before (a redo of its deletion).
        case journalEntryAbsent(JournalEntry)
        /// An idea as it was before (nil: it did not exist).
        case idea(id: String, before: Idea?)
        /// The settings as they were before (focus track, goal).
        case settings(before: Settings)
        /// An item's reviews as they were before a rating.
        case review(itemID: String, before: [Review])
        /// A card as it was before a rating (nil: not stored yet), the rating, and the
        /// answer that was typed.
        case card(before: Card?, entry: CardReviewEntry, answer: String)
        /// A card's rating to give again (a redo): the card after it, and its entry.
        case cardRating(after: Card?, entry: CardReviewEntry, answer: String)
        /// A drill attempt that was recorded.
        case drillAttempt(DrillAttempt)
        /// A drill attempt that undo took back, to record again (a redo).
        case drillAttemptTakenBack(DrillAttempt)
    }
}
