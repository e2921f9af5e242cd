/// The rule for proof-of-work links, the same in the item detail and on the command
/// line: where the learner's work lives — a web address, or a file or folder — one link
/// per entry. Whether a text is a usable address or an existing path is decided by the
/// shell (the engine has no disk) and handed in as a `LinkCheck`.
public enum ProofLinks {
    public static let maxCount = 10
    public static let maxLength = 500
    /// What a link may be, said beside the field and by `coach proof`.
    public static let allowed = "an https:// or http:// address, or the path of a file or folder that exists"
    public static let rule = "up to \(maxCount) links, separated by commas or new lines (not spaces), each up to \(maxLength) characters"

    /// The links of a text typed in the detail: one per entry, entries separated by
    /// commas or line breaks, white space around them dropped. A space inside an entry
    /// stays, so it is refused rather than silently splitting one link in two.
    public static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0.isNewline })
            .map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }

    /// The links of a typed text, repeats dropped, or what is wrong with their shape.
    public static func parse(_ text: String) -> Result<[String], ProofProblem> {
        check(split(text))
    }

    /// `links` in their order, repeats dropped, or what is wrong with them.
    public static func check(_ links: [String]) -> Result<[String], ProofProblem> {
        var kept: [String] = []
        for link in links where !kept.contains(link) { kept.append(link) }
        if let problem = problem(with: kept) { return .failure(ProofProblem(message: problem)) }
        return .success(kept)
    }

    /// Why `links` cannot be stored, whatever they point at, or nil.
    public static func problem(with links: [String]) -> String? {
        if links.count > maxCount { return "proof of work: \(rule); got \(links.count) links" }
        for link in links {
            if link.isEmpty || link.unicodeScalars.contains(where: { $0.properties.isWhitespace || TextChecks.isControl($0) }) {
                return "proof of work: \(TerminalText.quoted(link)) has a space or a control character; \(rule)"
            }
            if link.count > maxLength {
                return "proof of work: \(rule); a link has \(link.count) characters"
            }
        }
        return nil
    }

    /// The first of `links` that is neither a web address nor an existing path, as the
    /// refusal the learner reads; nil when all are usable. Links the item has already
    /// (`kept`) stay usable, so a moved file never blocks editing the others.
    public static func refusal(of links: [String], check: LinkCheck, kept: [String] = []) -> ProofProblem? {
        guard let bad = links.first(where: { !check.usable.contains($0) && !kept.contains($0) }) else { return nil }
        return ProofProblem(message: "proof of work: \(TerminalText.quoted(bad)) is not a link; each must be \(allowed)")
    }
}

/// Which links are usable, as the shell found them: web addresses by their shape, paths
/// by looking on disk.
public struct LinkCheck: Equatable, Sendable {
    public var links: [String]
    public var usable: Set<String>

    public init(links: [String], usable: Set<String>) {
        self.links = links
        self.usable = usable
    }
}

public struct ProofProblem: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
