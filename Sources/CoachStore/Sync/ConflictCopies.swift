import CoachCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The copies folder-sync tools leave when two machines changed a file at once:
/// Syncthing's `progress.sync-conflict-20261202-101010-ABCDEFG.json` and Dropbox's
/// `progress (laptop's conflicted copy 2026-12-02).json`. At start, each is merged into
/// its document by the same rules as `coach merge` (with no common ancestor: what either
/// holds is kept), then moved to `backups/`, and the learner is told in one line.
public enum ConflictCopies {
    /// The document a conflict copy is a copy of; nil for any other name.
    static func document(ofCopyNamed name: String) -> DocumentKind? {
        guard name.hasSuffix(".json") else { return nil }
        for kind in DocumentKind.watched {
            let stem = kind.rawValue
            if name.hasPrefix(stem + ".sync-conflict-") { return kind }
            if name.hasPrefix(stem + " ("), name.contains("conflicted copy"), name.hasSuffix(").json") { return kind }
        }
        return nil
    }

    /// Merges every conflict copy in the home into its document and moves it to
    /// `backups/`. The caller holds the home's lock. Returns the line for the learner, nil
    /// when there was no copy. A copy that is not a document Coach reads is left where it
    /// is, and the line says why.
    public static func absorb(in home: CoachHome) throws -> String? {
        // readdir, not FileManager: this runs before every start's first frame.
        let names = (FolderEntries.names(at: home.path) ?? []).sorted()
        var merged: [String] = [], refused: [String] = []
        for name in names {
            guard let kind = document(ofCopyNamed: name) else { continue }
            let copy = home.url.appendingPathComponent(name)
            do {
                try absorb(copy, into: kind, in: home)
                merged.append(name)
            } catch let error as MergeError {
                refused.append("\(name) (\(error.reason))")
            }
        }
        var parts: [String] = []
        if !merged.isEmpty {
            let copies = merged.count == 1 ? "a sync tool's conflict copy" : "\(merged.count) sync tool conflict copies"
            parts.append("merged \(copies) (\(merged.joined(separator: ", "))); moved to \(Backups.folderName)/")
        }
        if !refused.isEmpty { parts.append("left \(refused.joined(separator: ", ")) as it is") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    private static func absorb(_ copy: URL, into kind: DocumentKind, in home: CoachHome) throws {
        let document = home.file(kind)
        guard let theirs = try AtomicFile.read(copy, limit: FileSizeLimit.study) else { return }
        if let ours = try AtomicFile.read(document, limit: FileSizeLimit.study) {
            let outcome = try DocumentMerge.merge(kind: kind, base: nil, ours: ours, theirs: theirs)
            if outcome.data != ours {
                try Backups.keep(document)
                try AtomicFile.write(outcome.data, to: document)
            }
        } else {
            // The document went; the copy is all there is, once it is known to load.
            let outcome = try DocumentMerge.merge(kind: kind, base: nil, ours: theirs, theirs: theirs)
            try AtomicFile.write(outcome.data, to: document)
        }
        try moveToBackups(copy, in: home)
    }

    /// Into `backups/` under its own name (with a number when one is there already).
    private static func moveToBackups(_ copy: URL, in home: CoachHome) throws {
        let folder = home.url.appendingPathComponent(Backups.folderName)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var target = folder.appendingPathComponent(copy.lastPathComponent)
        var number = 2
        while FileManager.default.fileExists(atPath: target.path) {
            target = folder.appendingPathComponent("\(copy.deletingPathExtension().lastPathComponent)-\(number).json")
            number += 1
        }
        guard rename(copy.path, target.path) == 0 else {
            throw StoreError.io(file: copy.path, reason: "cannot move it to \(Backups.folderName)/: \(String(cString: strerror(errno)))")
        }
    }
}
