import ArgumentParser
import CoachCore

/// Where the program starts. `coach`, `coach status [--plain] [--json]` (the one a
/// shell prompt runs every time) and `coach idea list` (the one scripts read) are
/// recognised here by hand and run at once: building swift-argument-parser's whole
/// command tree to parse them took about a third of `coach status`'s time, and 15
/// million instructions of `coach idea list`. Anything else — another command, `--help`, completion, a
/// mistake — goes to the parser, so it answers exactly as before.
@main
enum Entry {
    static func main() {
        guard let hot = HotPath(Array(CommandLine.arguments.dropFirst())) else {
            CoachCommand.main()
            return
        }
        do {
            switch hot {
            case .fullScreen(let home, let screen, let benchFirstFrame):
                try CoachCommand.run(homeFlag: home, screen: screen, benchFirstFrame: benchFirstFrame)
            case .status(let home, let plain, let json, let check):
                if check { try StatusCommand.check(homeFlag: home) } else { try StatusCommand.run(homeFlag: home, plain: plain, json: json) }
            case .ideaList(let home, let status, let sort, let json):
                try IdeaListCommand.list(homeFlag: home, status: status, sort: sort, json: json)
            }
        } catch {
            // The parser's own way out: the same message and exit code as through it.
            CoachCommand.exitSafely(withError: error)
        }
    }
}

/// The arguments of a hot path, read only when they are plain: each option at most once,
/// values that cannot be mistaken for options. Nil sends them to the parser.
enum HotPath: Equatable {
    case fullScreen(home: String?, screen: ScreenChoice, benchFirstFrame: Bool)
    case status(home: String?, plain: Bool, json: Bool = false, check: Bool = false)
    case ideaList(home: String?, status: [IdeaStatus] = [], sort: BacklogOrder.Sort = .score, json: Bool = false)

    init?(_ arguments: [String]) {
        if arguments.starts(with: ["idea", "list"]) {
            guard let list = Self.ideaList(arguments.dropFirst(2)) else { return nil }
            self = list
            return
        }
        var rest = arguments[...]
        let isStatus = rest.first == "status"
        if isStatus { rest.removeFirst() }
        var home: String?, screen: ScreenChoice?, plain = false, json = false, bench = false, check = false
        let plainOptions = Self.eachOption(rest) { name, attached, rest in
            switch name {
            case "--home" where home == nil:
                home = attached ?? Self.value(&rest)
                return home != nil
            case "--screen" where screen == nil && !isStatus:
                screen = (attached ?? Self.value(&rest)).flatMap(ScreenChoice.init(rawValue:))
                return screen != nil
            case "--plain" where isStatus && !plain && attached == nil: plain = true
            case "--check" where isStatus && !check && attached == nil: check = true
            case "--json" where isStatus && !json && attached == nil: json = true
            case "--bench-first-frame" where !isStatus && !bench && attached == nil: bench = true
            default: return false
            }
            return true
        }
        guard plainOptions else { return nil }
        self = isStatus ? .status(home: home, plain: plain, json: json, check: check) : .fullScreen(home: home, screen: screen ?? .today, benchFirstFrame: bench)
    }

    /// `idea list [--home DIR] [--status S]... [--sort KEY] [--json]`, with values the
    /// parser reads the same way (anything else is its to answer).
    private static func ideaList(_ arguments: ArraySlice<String>) -> HotPath? {
        var home: String?, status: [IdeaStatus] = [], sort: BacklogOrder.Sort?, json = false
        let plainOptions = Self.eachOption(arguments) { name, attached, rest in
            switch name {
            case "--home" where home == nil:
                home = attached ?? Self.value(&rest)
                return home != nil
            case "--status":
                guard let wanted = (attached ?? Self.value(&rest)).flatMap(IdeaStatus.init(argument:)) else { return false }
                status.append(wanted)
            case "--sort" where sort == nil:
                sort = (attached ?? Self.value(&rest)).flatMap(BacklogOrder.Sort.init(argument:))
                return sort != nil
            case "--json" where !json && attached == nil: json = true
            default: return false
            }
            return true
        }
        return plainOptions ? .ideaList(home: home, status: status, sort: sort ?? .score, json: json) : nil
    }

    /// Hands each option to `take` with its attached value ("--home=dir") and the
    /// arguments after it (to take a value from); false as soon as `take` does not know
    /// one, or cannot read its value.
    private static func eachOption(_ arguments: ArraySlice<String>,
                                   _ take: (String, String?, inout ArraySlice<String>) -> Bool) -> Bool {
        var rest = arguments
        while let argument = rest.popFirst() {
            let (name, attached) = split(argument)
            guard take(name, attached, &rest) else { return false }
        }
        return true
    }

    /// "--home=dir" → ("--home", "dir"); "--home" → ("--home", nil).
    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// The next argument as an option's value, when it cannot be read as anything else.
    private static func value(_ rest: inout ArraySlice<String>) -> String? {
        guard let next = rest.first, !next.isEmpty, !next.hasPrefix("-") else { return nil }
        return rest.popFirst()
    }
}
