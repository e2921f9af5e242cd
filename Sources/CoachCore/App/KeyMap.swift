/// Which action a key means, given what is on screen, and what the key bar and help say
/// about the keys: all read from the one table, `Bindings.all`.
public enum KeyMap {
    public static func action(for key: Key, in state: AppState) -> Action? {
        if key == .resize { return nil }  // the shell turns a resize into .resize(Size)
        // The wheel moves as the arrows do, in whatever answers the keys.
        if key == .wheelUp { return action(for: .up, in: state) }
        if key == .wheelDown { return action(for: .down, in: state) }
        if case .click(let row, let col) = key {
            // A click means something only on a screen's list, with nothing over it.
            return state.modal == nil ? .click(row: row, col: col) : nil
        }
        let context = KeyContext(state)
        for binding in Bindings.all where binding.applies(in: context) {
            if let action = binding.action(for: key) { return action }
        }
        return context.fallback(key)
    }

    /// The keys a key read from the terminal stands for. An Alt key that means nothing
    /// here was an Esc and a key typed so fast (or sent by a script) that they came in
    /// one read: it is those two, to be mapped one after the other.
    public static func keys(for key: Key, in state: AppState) -> [Key] {
        guard case .alt(let character) = key, action(for: key, in: state) == nil else { return [key] }
        return [.escape, .char(character)]
    }

    /// The key bar for what is on screen: the question asked, if any, and the hints.
    public static func keyBar(for state: AppState) -> KeyBar {
        KeyBar(prompt: prompt(for: state), hints: hints(for: state))
    }

    /// The keys shown in the bottom bar for what is on screen now, in table order.
    public static func hints(for state: AppState) -> [Binding.Hint] {
        let context = KeyContext(state)
        return Bindings.all.compactMap { $0.hints[context] }
    }

    /// The question a prompt asks, shown before its answers (and shortened first).
    public static func prompt(for state: AppState) -> KeyBar.Prompt? {
        switch state.modal {
        case .reviewPrompt(let id):
            KeyBar.Prompt(lead: "How did the review of ", subject: state.curriculum.item(id: id)?.title ?? id, tail: " go?")
        case .finishNote: KeyBar.Prompt(lead: "", subject: "Finish the session:", tail: "")
        case .breakEditor: KeyBar.Prompt(lead: "", subject: "Add a break:", tail: "")
        default: nil
        }
    }

    // MARK: Help

    public typealias HelpSection = (section: String, keys: [(key: String, label: String)])

    /// Help for the bindings of `contexts`: moving, their own keys, and the keys of everywhere.
    public static func help(for contexts: [KeyContext]) -> [HelpSection] {
        let shown = Bindings.all.filter { binding in contexts.contains { binding.applies(in: $0) } }
        let title = contexts.first?.title ?? ""
        let sections: [(String, Binding.Group)] = [("Move", .move), (title, .screen), ("Everywhere", .everywhere)]
        return sections.compactMap { name, group in
            let keys = shown.filter { $0.group == group }.map { (key: $0.label, label: $0.help) }
            return keys.isEmpty ? nil : (name, keys)
        }
    }

    /// The help of a screen with nothing open over it.
    public static func help(for screen: Screen) -> [HelpSection] {
        help(for: KeyContext.all(of: screen))
    }

    /// Every screen's help, for checking that help shows no key of another screen.
    public static var help: [HelpSection] {
        Screen.allCases.flatMap { help(for: $0) }
    }

    /// What help (on top of `state`) lists: the keys of the item detail beneath it, or
    /// of the screen.
    public static func helpContexts(_ state: AppState) -> [KeyContext] {
        if state.modals.dropLast().last?.detailItemID != nil {
            return [state.screen == .today ? .todayDetail : .tracksDetail]
        }
        return KeyContext.all(of: state.screen)
    }

    /// The lines of the help box for `state`.
    public static func helpLines(for state: AppState) -> [HelpLine] {
        lines(help(for: helpContexts(state)))
    }

    /// The help of a screen as the lines the help box lists.
    public static func helpLines(for screen: Screen) -> [HelpLine] {
        lines(help(for: screen))
    }

    static func lines(_ sections: [HelpSection]) -> [HelpLine] {
        var lines: [HelpLine] = []
        for section in sections {
            if !lines.isEmpty { lines.append(.gap) }
            lines.append(.heading(section.section))
            lines += section.keys.map { .key($0.key, $0.label) }
        }
        return lines
    }
}

/// The bottom line's content: a question (from a prompt) and the keys that work.
public struct KeyBar: Equatable, Sendable {
    /// "How did the review of <subject> go?": when room is short the subject is cut
    /// first, then only the subject is left.
    public struct Prompt: Equatable, Sendable {
        public var lead: String
        public var subject: String
        public var tail: String

        public init(lead: String, subject: String, tail: String) {
            self.lead = lead
            self.subject = subject
            self.tail = tail
        }

        public var text: String { lead + subject + tail }
    }

    /// The priority of a prompt's answers: they are never dropped.
    public static let answer = 9

    public var prompt: Prompt?
    public var hints: [Binding.Hint]

    public init(prompt: Prompt? = nil, hints: [Binding.Hint]) {
        self.prompt = prompt
        self.hints = hints
    }
}
