import CoachCore
import Foundation
import Testing

@Suite("ProgressBook.setStatus")
struct ProgressBookTests {
    @Test func anUnknownItemIsTodo() {
        #expect(ProgressBook().status(of: "anything") == .todo)
    }

    @Test func firstChangeCreatesAnEntryStampedWithNow() throws {
        var book = ProgressBook()
        let created = book.setStatus(.doing, of: "a", at: Fixture.at(10))
        #expect(created)
        let entry = try #require(book.items["a"])
        #expect(entry == ItemProgress(status: .doing, changed: Fixture.at(10), done: nil, note: nil))
    }

    @Test func doneSetsTheDoneDateAndReopeningKeepsIt() throws {
        var book = ProgressBook()
        book.setStatus(.doing, of: "a", at: Fixture.at(1))
        let markedDone = book.setStatus(.done, of: "a", at: Fixture.at(2))
        #expect(markedDone)
        #expect(book.items["a"]?.done == Fixture.at(2))
        #expect(book.items["a"]?.changed == Fixture.at(2))

        let wasReopened = book.setStatus(.todo, of: "a", at: Fixture.at(3))
        #expect(wasReopened)
        let reopened = try #require(book.items["a"])
        #expect(reopened.status == .todo)
        #expect(reopened.changed == Fixture.at(3))
        #expect(reopened.done == Fixture.at(2))

        let doneAgain = book.setStatus(.done, of: "a", at: Fixture.at(4))
        #expect(doneAgain)
        #expect(book.items["a"]?.done == Fixture.at(4), "done again: the newest date")
    }

    @Test func noChangeReturnsFalseAndKeepsTheTimeStamp() {
        var book = ProgressBook()
        book.setStatus(.doing, of: "a", at: Fixture.at(1))
        let changedAgain = book.setStatus(.doing, of: "a", at: Fixture.at(2))
        #expect(!changedAgain)
        #expect(book.items["a"]?.changed == Fixture.at(1))
    }

    @Test func settingTodoOnAnItemWithoutProgressIsNoChange() {
        var book = ProgressBook()
        let changed = book.setStatus(.todo, of: "a", at: Fixture.now)
        #expect(!changed)
        #expect(book.items.isEmpty)
    }

    @Test func theNoteSurvivesStatusChanges() {
        var book = ProgressBook(items: ["a": ItemProgress(status: .todo, changed: Fixture.at(0), note: "my note")])
        book.setStatus(.skipped, of: "a", at: Fixture.at(1))
        #expect(book.items["a"]?.note == "my note")
        #expect(book.items["a"]?.done == nil)
    }

    @Test func otherIdsAreKept() {
        let kept = ItemProgress(status: .done, changed: Fixture.at(0), done: Fixture.at(0))
        var book = ProgressBook(items: ["removed.from.curriculum": kept])
        book.setStatus(.doing, of: "a", at: Fixture.at(1))
        #expect(book.items["removed.from.curriculum"] == kept)
        #expect(book.items.count == 2)
    }

    @Test func statusCycleAndSkipRules() {
        #expect(ItemStatus.todo.cycled == .doing)
        #expect(ItemStatus.doing.cycled == .done)
        #expect(ItemStatus.done.cycled == .todo)
        #expect(ItemStatus.skipped.cycled == .todo)
        #expect(ItemStatus.todo.skipToggled == .skipped)
        #expect(ItemStatus.doing.skipToggled == .skipped)
        #expect(ItemStatus.done.skipToggled == .skipped)
        #expect(ItemStatus.skipped.skipToggled == .todo)
        #expect(ItemStatus.allowedList == "todo|doing|done|skipped")
    }
}
