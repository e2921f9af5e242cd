@testable import CoachStore
import Foundation
import Testing

/// The quick look for `"conflicts"` that spares a full read of every document without
/// them: it must find the key wherever it is, and nothing that only looks like it.
struct MergeNoticesTests {
    static func mentions(_ text: String) -> Bool {
        MergeNotices.mentionsConflicts(Data(text.utf8))
    }

    @Test func findsTheKeyAtTheStartTheEndAndBetweenLookalikes() {
        #expect(Self.mentions("\"conflicts\""))
        #expect(Self.mentions("{\"conflicts\" : []}"))
        #expect(Self.mentions("{\"version\" : 1, \"conflicts\""))
        #expect(Self.mentions("cc\"c\"conflict \"conflictss\" \"conflicts\" c"))
        // Ten years of study, the key last: the search runs to the end of a long file.
        let long = String(repeating: "{\"title\" : \"conflict, scheduling, cost\"},\n", count: 20_000)
        #expect(Self.mentions(long + "\"conflicts\" : []"))
        #expect(!Self.mentions(long))
    }

    @Test func nothingThatOnlyLooksLikeTheKey() {
        #expect(!Self.mentions(""))
        #expect(!Self.mentions("conflicts"))
        #expect(!Self.mentions("\"conflicts"))
        #expect(!Self.mentions("conflicts\""))
        #expect(!Self.mentions("\"conflict\" \"Conflicts\" \"conflictsx\""))
        #expect(!Self.mentions("c"))
    }

    /// Read from a file a few bytes at a time, the key is found wherever it falls across
    /// the chunks, and a file without it (or none at all) mentions nothing.
    @Test func aFileIsSearchedChunkByChunkWithTheKeyAcrossTheirEdges() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("backlog.json").path
            let key = "\"conflicts\""
            for chunk in [1, 2, 5, 11, 12, 64] {
                for offset in 0..<30 {
                    let text = String(repeating: "c", count: offset) + key + " \"conflict\""
                    try writeFile(text, to: "backlog.json", in: folder)
                    #expect(MergeNotices.fileMentionsConflicts(path, chunk: chunk), "chunk \(chunk), offset \(offset)")
                    let without = String(repeating: "\"conflict", count: offset) + "conflicts\" \"Conflicts\""
                    try writeFile(without, to: "backlog.json", in: folder)
                    #expect(!MergeNotices.fileMentionsConflicts(path, chunk: chunk), "chunk \(chunk), offset \(offset)")
                }
            }
            #expect(!MergeNotices.fileMentionsConflicts(folder.appendingPathComponent("missing.json").path))
        }
    }
}
