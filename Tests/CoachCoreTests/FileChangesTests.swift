import Foundation
import Testing
@testable import CoachCore

/// Files another program changed while Coach runs: read back in place of what is in
/// memory, or, when a save was refused, a question with r / o / q.
@Suite struct FileChangesTests {
    static func done(_ ids: String...) -> ProgressBook {
        var book = ProgressBook()
        for id in ids { _ = book.setStatus(.done, of: id, at: Fixture.now) }
        return book
    }

    @Test func progressReadBackIsCountedAndItsUndoStepsGo() {
        var state = Fixture.itemsState()
        Fixture.apply([.cycleStatus, .showScreen(.backlog)], to: &state)
        _ = ReduceBacklogTests.addIdea("Kept", reach: "10", effort: "1", to: &state)
        #expect(state.undo.steps.count == 2)

        let effects = reduce(&state, .reloaded(.progress(Self.done("alpha.1", "alpha.2", "beta.1"))), now: Fixture.now)
        #expect(effects.isEmpty, "reading back saves nothing: the file already says it")
        #expect(state.progress.items["alpha.1"]?.status == .done)
        #expect(state.trackCounts[0].done == 2)
        #expect(state.trackCounts[1].done == 1)
        #expect(state.overallCount.done == 3)
        #expect(state.undo.steps.map(\.label) == ["add Kept"], "the progress step described the old file")
        #expect(state.message == "progress.json was changed by another program: Coach now shows it as it is on disk")
    }

    @Test func aBacklogReadBackClearsTheFilterAndAQuestionAboutAGoneIdea() {
        var state = ReduceBacklogTests.backlogState()
        _ = ReduceBacklogTests.addIdea("Café bot", reach: "100", effort: "1", to: &state)
        _ = ReduceBacklogTests.addIdea("Other", reach: "900", effort: "1", to: &state)
        Fixture.apply([.openSearch] + ReduceBacklogTests.typed("cafe") + [.confirm, .deleteIdea], to: &state)
        #expect(state.modal == .deleteIdea(id: "cafe-bot"))

        var onDisk = Backlog()
        onDisk.add(IdeaFixture.fields("Other"), now: Fixture.now)
        Fixture.apply([.reloaded(.backlog(onDisk))], to: &state)
        #expect(state.backlog.rankedIDs == ["other"])
        #expect(state.backlogScreen.filtered == nil)
        #expect(state.modal == nil, "the idea it asked about is gone")
        #expect(state.backlogScreen.list.selected == 0)
        #expect(state.undo.steps.isEmpty)
    }

    @Test func settingsJournalAndReviewsAreReadBackToo() {
        var state = Fixture.state()
        var settings = Settings()
        settings.focusTrack = "beta"
        Fixture.apply([.reloaded(.settings(settings))], to: &state)
        #expect(state.settings.focusTrack == "beta")

        let journal = Journal(entries: [JournalEntry(id: 1, day: state.study.today, minutes: 40)])
        Fixture.apply([.reloaded(.journal(journal))], to: &state)
        #expect(state.study.journal == journal)
        #expect(state.study.minutesToday == 40, "minutes per day are counted again")

        let reviews = ReviewBook(items: ["alpha.1": [Review(day: state.study.today, rating: .good)]])
        Fixture.apply([.reloaded(.reviews(reviews))], to: &state)
        #expect(state.study.reviews == reviews)
        #expect(state.message?.hasPrefix("reviews.json was changed") == true)
    }

    @Test func aRefusedSaveAsksAndOnlyRAndOAndQAnswer() {
        var state = Fixture.state()
        Fixture.apply([.saveRefused(.progress)], to: &state)
        #expect(state.fileConflict == .progress)
        #expect(KeyMap.action(for: .char("r"), in: state) == .resolveConflict(keepMine: false))
        #expect(KeyMap.action(for: .char("o"), in: state) == .resolveConflict(keepMine: true))
        #expect(KeyMap.action(for: .char("q"), in: state) == .quit)
        #expect(KeyMap.action(for: .char(" "), in: state) == nil)
        #expect(KeyMap.action(for: .char("u"), in: state) == nil)
        #expect(KeyMap.hints(for: state).map(\.key) == ["r", "o", "q"])

        // A second refusal while asking does not change the question.
        Fixture.apply([.saveRefused(.backlog)], to: &state)
        #expect(state.fileConflict == .progress)
    }

    @Test func theAnswerBecomesAReloadOrAnOverwrite() {
        var state = Fixture.state()
        Fixture.apply([.saveRefused(.journal)], to: &state)
        #expect(reduce(&state, .resolveConflict(keepMine: false), now: Fixture.now) == [.reload(.journal)])
        #expect(state.fileConflict == nil)
        Fixture.apply([.saveRefused(.backlog)], to: &state)
        #expect(reduce(&state, .resolveConflict(keepMine: true), now: Fixture.now) == [.overwrite(.backlog)])
        #expect(reduce(&state, .resolveConflict(keepMine: true), now: Fixture.now).isEmpty, "nothing asked, nothing to do")
    }

    @Test func readingTheFileBackAnswersTheQuestion() {
        var state = Fixture.state()
        Fixture.apply([.saveRefused(.progress)], to: &state)
        Fixture.apply([.reloaded(.progress(ProgressBook()))], to: &state)
        #expect(state.fileConflict == nil)
    }

    @Test func everyDocumentHasItsFileAndEveryOneButTheSessionIsWatched() {
        #expect(DocumentKind.allCases.map(\.fileName)
            == ["progress.json", "settings.json", "backlog.json", "journal.json", "reviews.json", "session.json"])
        #expect(DocumentKind.watched == DocumentKind.allCases.filter(\.isWatched))
        #expect(DocumentKind.watched.count == 5 && !DocumentKind.session.isWatched)
    }

    @Test func aSaveWritesTheDocumentAsItIsInMemory() {
        var state = Fixture.itemsState()
        #expect(reduce(&state, .cycleStatus, now: Fixture.now) == [.save(.progress)])
        #expect(state.document(.progress) == .progress(state.progress))
        #expect(state.document(.journal) == .journal(state.study.journal))
        #expect(state.document(.session) == .session(nil))
        for kind in DocumentKind.allCases { #expect(state.document(kind).kind == kind) }
    }

    @Test func aFailedReadBackAsksAgainWithTheReason() {
        var state = Fixture.state()
        Fixture.apply([.reloadFailed(.journal, "journal.json: line 3: not valid JSON")], to: &state)
        #expect(state.fileConflict == .journal)
        #expect(state.message == "journal.json: line 3: not valid JSON")
    }

    @Test func aFailedSaveIsSaidUnlessAQuestionIsOpen() {
        var state = Fixture.state()
        Fixture.apply([.saveFailed("progress.json: disk full")], to: &state)
        #expect(state.message == "Not saved: progress.json: disk full. Coach retries with the next change and at quit.")
        Fixture.apply([.saveRefused(.backlog), .saveFailed("journal.json: disk full")], to: &state)
        #expect(state.message?.contains("journal.json") != true, "the question about backlog.json stays on screen")
    }
}
