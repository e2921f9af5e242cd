import CoachCore
import Foundation

/// progress.json: every item's status, time stamps and note, keyed by item id.
public enum ProgressStore {
    public static let version = 1

    struct Document: Codable {
        var version: Int
        var items: [String: ItemProgress]
    }

    /// The progress of the home; empty when the file does not exist yet.
    public static func load(_ home: CoachHome) throws -> ProgressBook {
        guard let document = try JSONDocument.load(Document.self, from: home.progressFile, supported: version) else {
            return ProgressBook()
        }
        return ProgressBook(items: document.items)
    }

    public static func save(_ progress: ProgressBook, to home: CoachHome) throws {
        try JSONDocument.save(Document(version: version, items: progress.items), to: home.progressFile)
    }
}
