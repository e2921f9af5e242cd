import CoachCore
import Foundation

/// progress.json: every item's status, time stamps and note, keyed by item id.
public enum ProgressStore {
    public static let version = 1

    struct FileContents: Codable {
        var version: Int
        var items: [String: ItemProgress]
    }

    /// The progress of the home; empty when the file does not exist yet.
    public static func load(_ home: CoachHome) throws -> ProgressBook {
        guard let data = try AtomicFile.read(home.progressFile, limit: FileSizeLimit.study) else { return ProgressBook() }
        return try book(from: data, file: home.progressFile)
    }

    /// The book `data`, read from `url`, holds.
    static func book(from data: Data, file url: URL) throws -> ProgressBook {
        if let items = ProgressDecoding.items(in: data, supported: version) { return ProgressBook(items: items) }
        // Not a plain, valid file of a version we read: JSONDecoder decides, and its error
        // says what and where.
        let document = try JSONFile.decode(FileContents.self, from: data, file: url, supported: version)
        return ProgressBook(items: document.items)
    }

    public static func save(_ progress: ProgressBook, to home: CoachHome) throws {
        try JSONFile.save(FileContents(version: version, items: progress.items), to: home.progressFile)
    }
}
