/// The add/edit form of the Backlog screen: one text field per idea field, checked as
/// you type, saved only when every field is valid.
public struct IdeaForm: Equatable, Sendable {
    /// The idea being edited; nil when adding a new one.
    public let editing: String?
    public private(set) var editors: [IdeaField: LineEditor]
    public private(set) var focus: IdeaField = .title
    /// The problem of each field that is invalid now, shown beside it.
    public private(set) var problems: [IdeaField: String] = [:]
    /// Esc with typed input asks before dropping it.
    public var confirmingDiscard = false
    private let original: IdeaDraft

    public static let fields = IdeaField.allCases
    /// Fields chosen from a fixed scale with ← →, not typed.
    public static let scaleFields: Set<IdeaField> = [.impact, .status]

    public init(editing idea: Idea?, knownItems: Set<String>) {
        let draft = idea.map(IdeaDraft.init) ?? IdeaDraft(impact: Impact.medium.name, status: IdeaStatus.idea.rawValue)
        editing = idea?.id
        original = draft
        editors = Dictionary(uniqueKeysWithValues: Self.fields.map { ($0, LineEditor(draft[$0], limit: Self.limit(of: $0))) })
        if idea != nil { revalidate(knownItems: knownItems) }
    }

    public var draft: IdeaDraft {
        var draft = IdeaDraft()
        for field in Self.fields { draft[field] = editors[field]?.text ?? "" }
        return draft
    }

    public var isChanged: Bool { draft != original }

    /// How long a field may grow: a title is short, everything else a line.
    public static func limit(of field: IdeaField) -> Int {
        switch field {
        case .title: IdeaValidation.titleLimit
        case .note: IdeaValidation.noteLimit
        default: TextLimits.line
        }
    }

    public func editor(_ field: IdeaField) -> LineEditor { editors[field] ?? LineEditor() }

    /// The Items field as these ids (the picker adds, Backspace takes the last).
    mutating func setItems(_ ids: [String], knownItems: Set<String>) {
        editors[.items] = LineEditor(ids.joined(separator: ", "), limit: Self.limit(of: .items))
        revalidate(knownItems: knownItems)
    }

    public mutating func moveFocus(by step: Int) {
        let fields = Self.fields
        let index = fields.firstIndex(of: focus) ?? 0
        focus = fields[(index + step + fields.count) % fields.count]
    }

    /// A key typed into the focused field; ← → step through a scale field's values.
    public mutating func apply(_ edit: LineEditor.Edit, knownItems: Set<String>) {
        if Self.scaleFields.contains(focus) {
            guard edit == .left || edit == .right else { return }
            let text = editor(focus).text
            let next: String
            if focus == .impact {
                let impact = Impact(parsing: text) ?? .medium
                next = (edit == .right ? impact.next : impact.previous).name
            } else {
                let status = IdeaStatus(parsing: text) ?? .idea
                next = (edit == .right ? status.cycled : status.previous).rawValue
            }
            editors[focus] = LineEditor(next, limit: Self.limit(of: focus))
        } else {
            editors[focus, default: LineEditor(limit: Self.limit(of: focus))].apply(edit)
        }
        revalidate(knownItems: knownItems)
    }

    /// Validates the whole draft; on failure, shows each problem beside its field.
    public mutating func validate(knownItems: Set<String>) -> ValidIdeaFields? {
        switch IdeaValidation.validate(draft, knownItems: knownItems) {
        case .success(let fields):
            problems = [:]
            return fields
        case .failure(let failure):
            problems = Dictionary(failure.all.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
            if let first = Self.fields.first(where: { problems[$0] != nil }) { focus = first }
            return nil
        }
    }

    /// Live checking while typing: problems are shown only for fields already typed in,
    /// so a new form does not open as a wall of errors.
    private mutating func revalidate(knownItems: Set<String>) {
        guard case .failure(let failure) = IdeaValidation.validate(draft, knownItems: knownItems) else {
            problems = [:]
            return
        }
        var shown: [IdeaField: String] = [:]
        for problem in failure.all where shown[problem.field] == nil {
            if editing != nil || !editor(problem.field).text.isEmpty {
                shown[problem.field] = problem.message
            }
        }
        problems = shown
    }
}
