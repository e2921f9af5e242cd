/// A key (or a few keys that go together, like ↑ ↓) and what it does where it applies.
/// The key map, the key bar, the `?` help and the README's key tables all read these.
public struct Binding: Sendable {
    /// Where help and the README list it.
    public enum Group: Sendable {
        case move, screen, everywhere
    }

    /// What the key bar shows for it: short, and how much it matters when the bar is
    /// too narrow for every hint (the lowest go first).
    public struct Hint: Equatable, Sendable {
        public var key: String
        public var label: String
        public var priority: Int

        public init(_ key: String, _ label: String, _ priority: Int) {
            self.key = key
            self.label = label
            self.priority = priority
        }
    }

    /// The keys as help and the README write them: "↑ ↓  k j".
    public let label: String
    /// Each key and its action; empty for what is typed into a field, or "any other key".
    public let keys: [(key: Key, action: Action)]
    public let contexts: [KeyContext]
    public let group: Group
    /// The longer text, for help and the README.
    public let help: String
    /// The key bar's hint in each context; a context missing here shows none.
    public let hints: [KeyContext: Hint]

    /// `hint` is the bar's hint in every context of the binding, except where `hintIn`
    /// says otherwise (nil there: no hint).
    init(_ label: String, _ keys: [(Key, Action)], in contexts: [KeyContext], _ group: Group = .screen, help: String,
         hint: Hint? = nil, hintIn: [KeyContext: Hint?] = [:]) {
        self.label = label
        self.keys = keys.map { (key: $0.0, action: $0.1) }
        self.contexts = contexts
        self.group = group
        self.help = help
        var hints: [KeyContext: Hint] = [:]
        for context in contexts {
            if let special = hintIn[context] { hints[context] = special } else { hints[context] = hint }
        }
        self.hints = hints
    }

    public func action(for key: Key) -> Action? {
        keys.first { $0.key == key }?.action
    }

    public func applies(in context: KeyContext) -> Bool {
        contexts.contains(context)
    }
}
