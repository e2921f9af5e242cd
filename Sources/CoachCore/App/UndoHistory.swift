/// Undo, several steps deep, one step per user action.
public struct UndoHistory: Equatable, Sendable {
    public static let depth = 100
    public private(set) var steps: [UndoStep] = []

    public init() {}

    public mutating func record(_ step: UndoStep) {
        steps.append(step)
        if steps.count > Self.depth { steps.removeFirst(steps.count - Self.depth) }
    }

    public mutating func pop() -> UndoStep? {
        steps.popLast()
    }

    /// Forgets the steps whose change matches, e.g. all about a file read back from disk.
    mutating func removeSteps(where matches: (UndoStep.Change) -> Bool) {
        steps.removeAll { matches($0.change) }
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
        /// An idea as it was before (nil: it did not exist).
        case idea(id: String, before: Idea?)
        /// The settings as they were before (focus track, goal).
        case settings(before: Settings)
        /// An item's reviews as they were before a rating.
        case review(itemID: String, before: [Review])
        /// A card as it was before a rating (nil: not stored yet), the rating, and the
        /// answer that was typed.
        case card(before: Card?, entry: CardReviewEntry, answer: String)
        /// A drill attempt that was recorded.
        case drillAttempt(DrillAttempt)
    }
}
