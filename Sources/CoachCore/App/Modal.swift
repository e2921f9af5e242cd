/// Something open over the screen that takes the keys first: an overlay, a text field,
/// a form or a question. They stack: help opens over the item detail, a y/n over a
/// form, a file conflict over anything. The one on top is the one that answers, so the
/// order of precedence is the order in which they opened, and it lives only here.
public enum Modal: Equatable, Sendable {
    /// `?`: the keys of what is beneath, scrolled by its cursor when they do not fit.
    case help(ListCursor)
    /// `M`: the last messages in full, scrolled by its cursor.
    case messages(ListCursor)
    /// Enter on an item: its summary, status and resources. `resources` is the selected
    /// resource, once ↓ has reached them (nil while the text above is read).
    case detail(itemID: String, scroll: Int, resources: ListCursor? = nil)
    /// The proof-of-work links of the item detail beneath, being edited.
    case itemEditor(ItemTextEditor)
    /// The note of the item detail beneath, being written in place.
    case noteEditor(NoteEditor)
    /// `/` on Tracks: the search box and its results.
    case search(SearchState)
    /// `/` on Backlog: the filter being typed.
    case backlogFilter(LineEditor)
    /// The add/edit form of an idea (with its own "drop the changes?" question).
    case ideaForm(IdeaForm)
    /// Over the idea form: the curriculum items to link, filtered as you type.
    case itemPicker(ItemPicker)
    /// The idea waiting for a y/n before it is deleted.
    case deleteIdea(id: String)
    /// The planned review of an item without prompts, waiting for hard/good/easy.
    case reviewPrompt(itemID: String)
    /// The planned review of an item's cards: question, typed answer, points, rating.
    case cardReview(CardSession)
    /// An interview drill: the answer being written, then the rubric to tick.
    case drill(DrillSession)
    /// An item marked done with no time spent on it, asking y/n whether to log its estimate.
    case logEstimate(itemID: String, minutes: Int)
    /// A finished session's minutes being shared among the items studied in it.
    case sessionSplit(SessionSplit)
    /// The note typed when finishing the session.
    case finishNote(LineEditor)
    /// A journal entry's minutes and note being edited on History.
    case entryForm(JournalEntryForm)
    /// The journal entry waiting for y/n before it is deleted.
    case deleteEntry(id: Int)
    /// History's `b`: a break being typed, FIRST..LAST.
    case breakEditor(LineEditor)
    /// A file whose save was refused because another program changed it, waiting for
    /// r (take the file on disk) or o (write this one over it).
    case fileConflict(DocumentKind)

    /// True while keys go into a text field or a form, where `u` and `q` are letters.
    public var isTyping: Bool {
        switch self {
        case .itemEditor, .noteEditor, .itemPicker, .search, .backlogFilter, .ideaForm, .finishNote, .entryForm, .breakEditor: true
        case .help, .messages, .detail, .deleteIdea, .reviewPrompt, .deleteEntry, .fileConflict, .logEstimate, .sessionSplit: false
        case .cardReview(let session): !session.revealed || session.confirmingDiscard
        case .drill(let session): !session.revealed || session.confirmingDiscard
        }
    }

    /// Help and the item detail are views over the screen: a screen key (`1`–`4`, Tab)
    /// closes them and switches. The others are questions to answer first.
    public var isOverlay: Bool {
        switch self {
        case .help, .messages, .detail: true
        default: false
        }
    }

    // What each case holds, for the code (and tests) that read one kind.

    public var detailItemID: String? {
        if case .detail(let id, _, _) = self { id } else { nil }
    }

    public var itemEditor: ItemTextEditor? {
        if case .itemEditor(let editor) = self { editor } else { nil }
    }

    public var noteEditor: NoteEditor? {
        if case .noteEditor(let editor) = self { editor } else { nil }
    }

    public var search: SearchState? {
        if case .search(let search) = self { search } else { nil }
    }

    public var itemPicker: ItemPicker? {
        if case .itemPicker(let picker) = self { picker } else { nil }
    }

    public var ideaForm: IdeaForm? {
        if case .ideaForm(let form) = self { form } else { nil }
    }

    public var cardSession: CardSession? {
        if case .cardReview(let session) = self { session } else { nil }
    }

    public var entryForm: JournalEntryForm? {
        if case .entryForm(let form) = self { form } else { nil }
    }
}

extension AppState {
    /// What answers the keys now: the modal on top, nil when the screen itself does.
    public var modal: Modal? { modals.last }

    public var isTyping: Bool { modal?.isTyping ?? false }

    /// Opens `modal` over whatever is open.
    public mutating func open(_ modal: Modal) {
        modals.append(modal)
    }

    /// Closes the modal on top: what was beneath answers again.
    mutating func closeModal() {
        _ = modals.popLast()
    }

    /// Puts the top modal's changed value back (a letter typed into a field).
    mutating func replaceModal(_ modal: Modal) {
        if modals.isEmpty { modals.append(modal) } else { modals[modals.count - 1] = modal }
    }

    /// The item detail open anywhere in the stack (an editor or help may be over it).
    public var openDetail: (itemID: String, scroll: Int)? {
        for modal in modals.reversed() {
            if case .detail(let id, let scroll, _) = modal { return (id, scroll) }
        }
        return nil
    }

    /// The file waiting for "keep the file on disk or yours?", wherever it is in the stack.
    public var fileConflict: DocumentKind? {
        for modal in modals {
            if case .fileConflict(let document) = modal { return document }
        }
        return nil
    }
}
