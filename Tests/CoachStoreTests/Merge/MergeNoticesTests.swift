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
}
