/// Where a key binding applies: a screen (Tracks has two panes), an overlay, or a text
/// field or question. What is on top of the state decides which one is in force.
public enum KeyContext: String, CaseIterable, Sendable {
    case today, trackList, itemList, backlog, history
    /// The item detail, opened from Today or from Tracks: it keeps that screen's item keys.
    case todayDetail, tracksDetail
    case help, messageLog, search, backlogFilter, noteEditor, proofEditor, ideaForm, itemPicker, discardChanges, deleteIdea
    case reviewPrompt, finishNote, entryForm, deleteEntry, fileConflict, breakEditor
    /// The own estimate being typed; the y/n to log the estimate of an item done with no time.
    case estimateEditor, logEstimate
    /// A finished session's minutes shared among its items.
    case sessionSplit
    /// A recall card: the answer being typed, then the key points shown and a rating asked.
    case cardQuestion, cardRating
    /// An interview drill: the answer being written, then the rubric being ticked.
    case drillAnswer, drillRubric

    /// The screens themselves, with nothing open over them.
    public static let screens: [KeyContext] = [.today, .trackList, .itemList, .backlog, .history]
    public static let details: [KeyContext] = [.todayDetail, .tracksDetail]

    /// The one in force: the top modal's, else the screen's.
    public init(_ state: AppState) {
        switch state.modal {
        case nil: self = Self.screen(state.screen, pane: state.tracksCursor.pane)
        case .help: self = .help
        case .messages: self = .messageLog
        case .detail: self = state.screen == .today ? .todayDetail : .tracksDetail
        case .itemEditor(let editor): self = editor.field == .proof ? .proofEditor : .estimateEditor
        case .noteEditor(let editor): self = editor.confirmingDiscard ? .discardChanges : .noteEditor
        case .logEstimate: self = .logEstimate
        case .sessionSplit: self = .sessionSplit
        case .search: self = .search
        case .backlogFilter: self = .backlogFilter
        case .ideaForm(let form): self = form.confirmingDiscard ? .discardChanges : .ideaForm
        case .itemPicker: self = .itemPicker
        case .deleteIdea: self = .deleteIdea
        case .reviewPrompt: self = .reviewPrompt
        case .finishNote: self = .finishNote
        case .breakEditor: self = .breakEditor
        case .entryForm: self = .entryForm
        case .deleteEntry: self = .deleteEntry
        case .fileConflict: self = .fileConflict
        case .cardReview(let session):
            self = session.confirmingDiscard ? .discardChanges : session.revealed ? .cardRating : .cardQuestion
        case .drill(let session):
            self = session.confirmingDiscard ? .discardChanges : session.revealed ? .drillRubric : .drillAnswer
        }
    }

    public static func screen(_ screen: Screen, pane: Pane = .tracks) -> KeyContext {
        switch screen {
        case .today: .today
        case .tracks: pane == .tracks ? .trackList : .itemList
        case .backlog: .backlog
        case .history: .history
        }
    }

    /// The contexts a screen's help and README column cover (both panes of Tracks).
    public static func all(of screen: Screen) -> [KeyContext] {
        screen == .tracks ? [.trackList, .itemList] : [Self.screen(screen)]
    }

    /// The heading of this context's own keys in help.
    public var title: String {
        switch self {
        case .today: "Today"
        case .trackList, .itemList: "Tracks"
        case .backlog: "Backlog"
        case .history: "History"
        case .todayDetail, .tracksDetail: "Item detail"
        case .help: "Help"
        case .messageLog: "Messages"
        case .search: "Search"
        case .backlogFilter: "Filter"
        case .noteEditor: "Note"
        case .proofEditor: "Proof of work"
        case .ideaForm: "Idea form"
        case .itemPicker: "Link items"
        case .discardChanges, .deleteIdea, .deleteEntry, .logEstimate: "Question"
        case .estimateEditor: "Your estimate"
        case .sessionSplit: "Share the session"
        case .reviewPrompt: "Review"
        case .finishNote: "Finish the session"
        case .breakEditor: "Add a break"
        case .entryForm: "Session"
        case .fileConflict: "File changed on disk"
        case .cardQuestion, .cardRating: "Recall card"
        case .drillAnswer, .drillRubric: "Interview drill"
        }
    }

    /// What a key bound to nothing does here: in a text field it is typed, in help it
    /// closes help (like less and htop); elsewhere nothing.
    func fallback(_ key: Key) -> Action? {
        switch self {
        case .help: .close
        case .search, .backlogFilter, .proofEditor, .estimateEditor, .ideaForm, .itemPicker, .finishNote, .entryForm, .breakEditor:
            LineEditor.edit(for: key).map { .edit($0) }
        case .noteEditor, .cardQuestion, .drillAnswer:
            TextEditor.edit(for: key).map { .edit($0) }
        default: nil
        }
    }
}
