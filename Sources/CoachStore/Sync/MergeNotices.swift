import CoachCore
import FoundationEssentials

/// What merges left in the home for the learner to look at, read at start by the
/// full-screen coach, `coach status` and `coach today`: the `conflicts` each document
/// lists, told in one line ("2 notes kept from both machines: review them").
public enum MergeNotices {
    /// The conflicts the home's documents list; a file that cannot be read has none here
    /// (its own reader says what is wrong with it).
    public static func pending(in home: CoachHome) -> [MergeConflict] {
        DocumentKind.watched.flatMap { kind -> [MergeConflict] in
            guard let data = try? AtomicFile.read(home.file(kind), limit: FileSizeLimit.study) else { return [] }
            return (try? listed(in: data)) ?? []
        }
    }

    /// The one line for the learner, or nil when nothing waits.
    public static func line(for home: CoachHome) -> String? {
        MergeConflicts.summary(pending(in: home))
    }

    /// The conflicts one document lists. Most files have none, and are only searched
    /// for the key, not read.
    static func listed(in data: Data) throws -> [MergeConflict] {
        guard mentionsConflicts(data) else { return [] }
        return MergeConflicts.listed(in: try JSONTree.read(data))
    }

    private static func mentionsConflicts(_ data: Data) -> Bool {
        let key = Array("\"\(DocumentMerge.conflictsKey)\"".utf8)
        return data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= key.count else { return false }
            var index = 0
            let last = bytes.count - key.count
            while index <= last {
                if bytes[index] == key[0], bytes[index + 1] == key[1], key.indices.allSatisfy({ bytes[index + $0] == key[$0] }) {
                    return true
                }
                index += 1
            }
            return false
        }
    }
}
