import CoachCore
import FoundationEssentials

/// The copies folder-sync tools leave when two machines changed a file at once:
/// Syncthing's `progress.sync-conflict-20261202-101010-ABCDEFG.json` and Dropbox's
/// `progress (laptop's conflicted copy 2026-12-02).json`.
enum ConflictCopies {
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
}
