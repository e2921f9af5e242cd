/// The rule for proof-of-work links, the same in the item detail and on the command
/// line: where the learner's work lives — a URL, or a path — as they typed it.
public enum ProofLinks {
    public static let maxCount = 10
    public static let maxLength = 500
    public static let rule = "up to \(maxCount) links (a URL or a path), separated by spaces, each up to \(maxLength) characters"

    /// The links of a text typed in the detail: split at white space, repeats dropped.
    public static func parse(_ text: String) -> Result<[String], ProofProblem> {
        check(text.split(whereSeparator: { $0.isWhitespace }).map(String.init))
    }

    /// `links` in their order, repeats dropped, or what is wrong with them.
    public static func check(_ links: [String]) -> Result<[String], ProofProblem> {
        var kept: [String] = []
        for link in links where !kept.contains(link) { kept.append(link) }
        if let problem = problem(with: kept) { return .failure(ProofProblem(message: problem)) }
        return .success(kept)
    }

    /// Why `links` cannot be stored, or nil.
    public static func problem(with links: [String]) -> String? {
        if links.count > maxCount { return "proof of work: \(rule); got \(links.count) links" }
        for link in links {
            if link.isEmpty || link.unicodeScalars.contains(where: { $0.properties.isWhitespace || TextChecks.isControl($0) }) {
                return "proof of work: \(rule); \"\(link)\" has a space or a control character"
            }
            if link.count > maxLength {
                return "proof of work: \(rule); a link has \(link.count) characters"
            }
        }
        return nil
    }
}

public struct ProofProblem: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
