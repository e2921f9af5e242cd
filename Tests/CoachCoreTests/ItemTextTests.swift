@testable import CoachCore
import Foundation
import Testing

/// An item keeps its summary and resources packed in one buffer (`ItemText`); what goes
/// in must come out the same, for any text, and items are equal exactly when their
/// texts are.
struct ItemTextTests {
    static let resources = [
        Resource(title: "Lecture notes: tokenization", kind: .paper, url: "https://learn.example.org/notes"),
        Resource(title: "A book with no address", kind: .book),
        Resource(title: "", kind: .person, url: ""),
        Resource(title: String(repeating: "é", count: 200) + " 🚀 日本語", kind: .newsletter,
                 url: "https://example.com/" + String(repeating: "a", count: 20_000)),
    ]

    @Test func summariesAndResourcesComeBackAsTheyWent() {
        for summary in ["", "Short.", String(repeating: "long summary ", count: 40), "line\nbreak\tand \u{0} zero", "e\u{301} 👩‍👩‍👧"] {
            for count in 0...Self.resources.count {
                let resources = Array(Self.resources.prefix(count))
                let item = Item(id: "t.i", title: "T", summary: summary, minutes: 5, resources: resources)
                #expect(item.summary == summary)
                #expect(item.resources == resources)
                #expect(item.summary.utf8.elementsEqual(summary.utf8), "the bytes themselves, not an equivalent text")
            }
        }
        for kind in ResourceKind.allCases {
            let item = Item(id: "t.i", title: "T", summary: "", minutes: 5, resources: [Resource(title: kind.rawValue, kind: kind)])
            #expect(item.resources == [Resource(title: kind.rawValue, kind: kind)])
        }
    }

    @Test func changingOneKeepsTheOther() {
        var item = Item(id: "t.i", title: "T", summary: "Before", minutes: 5, resources: Self.resources)
        item.summary = "After"
        #expect(item.summary == "After")
        #expect(item.resources == Self.resources)
        item.resources.removeFirst()
        #expect(item.resources == Array(Self.resources.dropFirst()))
        #expect(item.summary == "After")
    }

    @Test func itemsAreEqualExactlyWhenTheirTextsAre() {
        let item = Item(id: "t.i", title: "T", summary: "S", minutes: 5, resources: Self.resources)
        #expect(item == Item(id: "t.i", title: "T", summary: "S", minutes: 5, resources: Self.resources))
        #expect(item != Item(id: "t.i", title: "T", summary: "S ", minutes: 5, resources: Self.resources))
        #expect(item != Item(id: "t.i", title: "T", summary: "S", minutes: 5, resources: Array(Self.resources.dropLast())))
        // A summary that spells out the start of a resource is still a summary.
        let lookalike = Item(id: "t.i", title: "T", summary: "S\u{3}\u{0}", minutes: 5)
        #expect(lookalike != Item(id: "t.i", title: "T", summary: "S", minutes: 5, resources: [Resource(title: "", kind: .paper)]))
        #expect(lookalike.resources.isEmpty)
    }
}

/// Progress keeps an item's note, proof, time spent and estimate apart from its status
/// and dates; each can be set alone, and an entry with none of them is as small as it gets.
struct ItemProgressExtrasTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func eachFieldIsSetAloneAndTheOthersStay() throws {
        var entry = ItemProgress(status: .doing, changed: Self.now)
        #expect(entry.note == nil && entry.proof.isEmpty && entry.spent.isEmpty && entry.estimate == nil)
        entry.note = "a note"
        entry.proof = ["https://github.com/me/thing"]
        let day = try #require(StudyDay("2024-05-01"))
        entry.spent[day, default: 0] += 25
        entry.spent[day, default: 0] += 5
        entry.estimate = 90
        #expect(entry == ItemProgress(status: .doing, changed: Self.now, note: "a note", proof: ["https://github.com/me/thing"],
                                      spent: [day: 30], estimate: 90))
        entry.note = nil
        entry.proof = []
        entry.spent = [:]
        #expect(entry != ItemProgress(status: .doing, changed: Self.now))
        entry.estimate = nil
        #expect(entry == ItemProgress(status: .doing, changed: Self.now), "with nothing extra left, it is a plain entry again")
        #expect(MemoryLayout<ItemProgress>.stride <= 40)
    }

    @Test func aCopyIsAValue() {
        var first = ItemProgress(status: .done, changed: Self.now, note: "kept")
        let second = first
        first.note = "changed"
        #expect(second.note == "kept")
        #expect(first.note == "changed")
    }
}
