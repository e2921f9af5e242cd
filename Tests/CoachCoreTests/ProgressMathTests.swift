import CoachCore
import Foundation
import Testing

@Suite("progress math")
struct ProgressMathTests {
    static func book(_ statuses: [String: ItemStatus]) -> ProgressBook {
        ProgressBook(items: statuses.mapValues { ItemProgress(status: $0, changed: Fixture.now) })
    }

    /// A track of one section with items "<id>.1" … "<id>.<count>".
    static func track(_ id: String, _ count: Int) -> Track {
        Fixture.track(id, id, sections: [("S", count)])
    }

    @Test func countsEachStatus() {
        let track = Self.track("t", 4)
        let count = Self.book(["t.1": .done, "t.2": .doing, "t.3": .skipped]).count(track)
        #expect(count == ProgressCount(done: 1, doing: 1, skipped: 1, total: 4))
        #expect(count.counted == 3)
    }

    @Test func fractionIsDoneOverItemsMinusSkipped() {
        let track = Self.track("t", 5)
        let count = Self.book(["t.1": .done, "t.2": .done, "t.3": .skipped, "t.4": .skipped]).count(track)
        #expect(count.fraction == 2.0 / 3.0)
        #expect(count.percent == 66, "2/3 rounds down")
    }

    @Test func allSkippedIsZeroNotNaN() {
        let track = Self.track("t", 3)
        let count = Self.book(["t.1": .skipped, "t.2": .skipped, "t.3": .skipped]).count(track)
        #expect(count.counted == 0)
        #expect(!count.fraction.isNaN)
        #expect(count.fraction == 0)
        #expect(count.percent == 0)
    }

    @Test func emptyTrackIsZero() {
        let count = ProgressBook().count(Track(id: "e", title: "E", sections: []))
        #expect(count == ProgressCount())
        #expect(count.fraction == 0)
        #expect(count.percent == 0)
        let emptySection = ProgressBook().count(Track(id: "e", title: "E", sections: [Section(title: "S", items: [])]))
        #expect(emptySection.fraction == 0)
    }

    @Test func percentRoundsDownSoAlmostDoneIsNot100() {
        let track = Self.track("t", 200)
        var statuses: [String: ItemStatus] = [:]
        for n in 1...199 { statuses["t.\(n)"] = .done }
        #expect(Self.book(statuses).count(track).percent == 99)
        statuses["t.200"] = .done
        #expect(Self.book(statuses).count(track).percent == 100)
        #expect(Self.book(statuses).count(track).fraction == 1)
    }

    @Test func percentOfOneThirdIs33() {
        let count = ProgressCount(done: 1, total: 3)
        #expect(count.percent == 33)
    }

    @Test func overallIsTheSumOverTracks() {
        let a = Self.track("a", 3)
        let b = Self.track("b", 4)
        let book = Self.book(["a.1": .done, "a.2": .skipped, "b.1": .done, "b.2": .done, "b.3": .doing])
        let overall = book.count(Curriculum(tracks: [a, b]))
        #expect(overall == ProgressCount(done: 3, doing: 1, skipped: 1, total: 7))
        #expect(overall == book.count(a) + book.count(b))
        #expect(overall.percent == 50)  // 3 / 6
    }

    @Test func progressForUnknownIdsDoesNotCount() {
        let track = Self.track("t", 2)
        let book = Self.book(["t.1": .done, "old.item": .done, "other.skipped": .skipped])
        #expect(book.count(track) == ProgressCount(done: 1, total: 2))
        #expect(book.count(Curriculum(tracks: [track])).percent == 50)
        #expect(book.items.count == 3, "the unknown ids are still in the book")
    }
}
