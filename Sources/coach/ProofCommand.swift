import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

/// `coach proof ITEM [LINK …] [--remove LINK …]`: the proof-of-work links of an item,
/// the same links the item detail edits with `p`.
struct ProofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proof",
        abstract: "List, add or remove an item's proof-of-work links (a repo, a write-up).",
        discussion: "With only ITEM, lists the links. Each link is \(ProofLinks.allowed); an item keeps up to \(ProofLinks.maxCount), each without spaces and up to \(ProofLinks.maxLength) characters.")

    @OptionGroup var home: HomeOption
    @Argument(help: "The item id or title, e.g. genai.rag (see coach show TRACK).", completion: Completions.items) var item: String
    @Argument(help: "Links to add: an https:// or http:// address, or the path of a file or folder that exists.") var links: [String] = []
    @Option(help: ArgumentHelp("A link to remove (repeat for several).", valueName: "link")) var remove: [String] = []
    @Flag(help: "Print JSON: an array of the links.") var json = false

    func run() throws {
        var context = try AppContext.load(home: home)
        let item = try context.item(named: self.item)
        var proof = context.progress.items[item.id]?.proof ?? []
        // The links added are checked before the lock is taken, by the rule `p` follows:
        // their shape, then whether each is an address or a path that exists.
        if case .failure(let problem) = ProofLinks.check(links) { throw CoachFailure(problem.message) }
        if let refusal = ProofLinks.refusal(of: links, check: ProofLinkCheck.check(links), kept: proof) {
            throw CoachFailure(refusal.message)
        }
        if !links.isEmpty || !remove.isEmpty {
            // The links are read again under the lock, so one added a moment ago by
            // another command is kept.
            context.progress = try context.home.changeProgress { progress in
                let current = progress.items[item.id]?.proof ?? []
                let unknown = remove.filter { !current.contains($0) && !links.contains($0) }
                guard unknown.isEmpty else {
                    throw CoachFailure("--remove: \(item.id) has no link \(unknown.map { "\"\($0)\"" }.joined(separator: ", "))"
                        + (current.isEmpty ? "" : "; it has: " + current.joined(separator: " ")))
                }
                switch ProofLinks.check((current + links).filter { !remove.contains($0) }) {
                case .failure(let problem): throw CoachFailure(problem.message)
                case .success(let checked): proof = checked
                }
                return progress.setProof(proof, of: item.id, at: Date())
            }
        }
        if json { return try JSONOutput.print(proof) }
        guard !proof.isEmpty else {
            return print("\(item.id) has no proof of work yet; add a link with: coach proof \(item.id) URL")
        }
        print("\(item.id): \(item.title)")
        for link in proof { print("  \(link)") }
    }
}
