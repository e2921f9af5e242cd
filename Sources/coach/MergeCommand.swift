import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

/// `coach merge BASE OURS THEIRS [PATH]`: git's merge driver for the home's documents
/// (`coach merge %O %A %B %P`). The merge is `DocumentMerge`'s; this reads the three
/// files, writes the result over OURS atomically and says what was kept from both sides.
/// Exit 0: merged cleanly; 1: merged, with both sides' values kept for review; 2: a file
/// could not be read as its document (nothing written).
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge two versions of a home document (git's merge driver: coach merge %O %A %B %P).",
        discussion: """
        Writes the merged document over OURS. Exit status 0: merged; 1: merged, with values \
        of both sides kept for review (listed in the file under "conflicts"); 2: a file is \
        not a document Coach reads (nothing written).
        """)

    @Argument(help: "The common ancestor (git's %O; an empty or missing file for none).") var base: String
    @Argument(help: "This machine's version, overwritten with the merge (git's %A).") var ours: String
    @Argument(help: "The other machine's version (git's %B).") var theirs: String
    @Argument(help: "The document's name in the home (git's %P), e.g. progress.json.") var path: String?

    func run() throws {
        do {
            let oursData = try read(ours, required: true)!
            let theirsData = try read(theirs, required: true)!
            let baseData = try read(base, required: false)
            guard let kind = kind(oursData) else {
                throw MergeError(side: path ?? ours, reason: "not a document of the home (allowed: progress, journal, reviews, backlog, settings)")
            }
            let outcome: MergeOutcome
            do {
                outcome = try DocumentMerge.merge(kind: kind, base: baseData, ours: oursData, theirs: theirsData)
            } catch let error as MergeError {
                let file = ["base": base, "ours": ours, "theirs": theirs][error.side] ?? error.side
                throw MergeError(side: "\(file) (\(kind.fileName))", reason: error.reason)
            }
            try AtomicFile.write(outcome.data, to: URL(fileURLWithPath: ours))
            guard let summary = MergeConflicts.summary(outcome.conflicts) else { return }
            warn("\(path ?? kind.fileName): \(summary)")
            throw ExitCode(1)
        } catch let error as MergeError {
            warn("coach merge: \(error.description)")
            throw ExitCode(2)
        } catch let error as StoreError {
            warn("coach merge: \(error.description)")
            throw ExitCode(2)
        }
    }

    /// The kind from the document's name (%P, then the files' own), else from its content.
    private func kind(_ data: Data) -> DocumentKind? {
        for name in [path, ours, theirs].compactMap({ $0 }) {
            if let kind = DocumentMerge.kind(ofFileNamed: URL(fileURLWithPath: name).lastPathComponent) { return kind }
        }
        if let path, !path.isEmpty { return nil }
        return DocumentMerge.kind(ofDocument: data)
    }

    private func read(_ file: String, required: Bool) throws -> Data? {
        let data = try AtomicFile.read(URL(fileURLWithPath: file), limit: FileSizeLimit.study)
        if data == nil, required { throw MergeError(side: file, reason: "no such file") }
        return data
    }
}
