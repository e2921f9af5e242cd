import Foundation
import Testing
@testable import CoachCore

/// Proof of work: links to what the learner made for an item, kept with its progress.
@Suite struct ProofOfWorkTests {
    static func typed(_ text: String) -> [Action] { text.map { .edit(.insert($0)) } }

    @Test func linksAreSplitAtSpacesAndRepeatsDropped() {
        #expect(ProofLinks.parse("  https://github.com/me/rag-demo   ~/notes/rag.md https://github.com/me/rag-demo ")
            == .success(["https://github.com/me/rag-demo", "~/notes/rag.md"]))
        #expect(ProofLinks.parse("   ") == .success([]))
        #expect(ProofLinks.parse("a\tb\nc") == .success(["a", "b", "c"]))
    }

    @Test func tooManyTooLongOrControlCharactersAreRefusedWithTheRule() {
        let eleven = (1...11).map { "https://x.test/\($0)" }.joined(separator: " ")
        guard case .failure(let many) = ProofLinks.parse(eleven) else { Issue.record("11 links accepted"); return }
        #expect(many.message == "proof of work: \(ProofLinks.rule); got 11 links")
        guard case .failure(let long) = ProofLinks.parse(String(repeating: "x", count: 501)) else {
            Issue.record("a 501-character link accepted"); return
        }
        #expect(long.message.hasSuffix("a link has 501 characters"))
        guard case .failure(let control) = ProofLinks.check(["https://x.test/\u{7}"]) else {
            Issue.record("a control character accepted"); return
        }
        #expect(control.message.contains("has a space or a control character"))
        #expect(ProofLinks.problem(with: [String(repeating: "x", count: 500)]) == nil)
        #expect(ProofLinks.problem(with: (1...10).map { "l\($0)" }) == nil)
    }

    @Test func setProofKeepsTheRestOfTheProgress() {
        var book = ProgressBook()
        book.setStatus(.done, of: "a", at: Fixture.now)
        let added = book.setProof(["https://x.test/a"], of: "a", at: Fixture.at(5))
        #expect(added)
        #expect(book.items["a"]?.proof == ["https://x.test/a"])
        #expect(book.items["a"]?.status == .done)
        #expect(book.items["a"]?.changed == Fixture.now, "links do not change the status time")
        let again = book.setProof(["https://x.test/a"], of: "a", at: Fixture.at(9))
        #expect(!again)
        let fresh = book.setProof(["link"], of: "new", at: Fixture.now)
        #expect(fresh)
        #expect(book.status(of: "new") == .todo)
    }

    @Test func pInTheItemsEditsTheLinksAndUndoTakesThemBack() {
        var state = Fixture.itemsState()
        #expect(KeyMap.action(for: .char("p"), in: state) == .editProof)
        Fixture.apply([.editProof], to: &state)
        #expect(state.modals.first == .detail(itemID: "alpha.1", scroll: 0), "the editor opens over the detail")
        #expect(state.modal?.itemEditor?.field == .proof)
        #expect(KeyMap.hints(for: state).first?.label == "links, spaces between")
        let effects = Fixture.apply(Self.typed("https://github.com/me/a  https://me.blog/a") + [.confirm], to: &state)
        #expect(effects == [.save(.progress)])
        #expect(state.progress.items["alpha.1"]?.proof == ["https://github.com/me/a", "https://me.blog/a"])
        #expect(state.message == "Proof of work saved: 2 links")
        #expect(state.modal?.itemEditor == nil)

        // Opened again, the editor holds the links; emptied, it removes them.
        #expect(KeyMap.action(for: .char("p"), in: state) == .editProof)
        Fixture.apply([.editProof], to: &state)
        #expect(state.modal?.itemEditor?.line.text == "https://github.com/me/a https://me.blog/a")
        Fixture.apply(Array(repeating: .edit(.backspace), count: 60) + [.confirm], to: &state)
        #expect(state.progress.items["alpha.1"]?.proof == [])
        #expect(state.message == "Proof of work removed")

        Fixture.apply([.undo], to: &state)
        #expect(state.progress.items["alpha.1"]?.proof == ["https://github.com/me/a", "https://me.blog/a"])
        #expect(state.message == "Undid: proof of work on Alpha 1")
    }

    @Test func aRefusedLinkKeepsTheEditorOpenWithTheReason() {
        var state = Fixture.itemsState()
        let eleven = (1...11).map { "l\($0)" }.joined(separator: " ")
        let effects = Fixture.apply([.editProof] + Self.typed(eleven) + [.confirm], to: &state)
        #expect(effects.isEmpty)
        #expect(state.modal?.itemEditor?.line.text == eleven, "the text stays to be mended")
        #expect(state.message?.hasPrefix("proof of work: up to 10 links") == true)
        Fixture.apply([.close], to: &state)
        #expect(state.message == "Proof of work not changed")
        #expect(state.progress.items["alpha.1"] == nil)
    }

    @Test func proofIsStoredOnlyWhenThereIsSome() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        let plain = ItemProgress(status: .done, changed: Fixture.now)
        #expect(String(decoding: try encoder.encode(plain), as: UTF8.self) == #"{"changed":"2023-11-14T22:13:20Z","status":"done"}"#)
        let proved = ItemProgress(status: .done, changed: Fixture.now, proof: ["https://x.test"])
        let text = String(decoding: try encoder.encode(proved), as: UTF8.self)
        #expect(text == #"{"changed":"2023-11-14T22:13:20Z","proof":["https:\/\/x.test"],"status":"done"}"#)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(ItemProgress.self, from: Data(text.utf8)) == proved)
        let bad = #"{"changed":"2023-11-14T22:13:20Z","proof":["a b"],"status":"done"}"#
        #expect(throws: DecodingError.self) { try decoder.decode(ItemProgress.self, from: Data(bad.utf8)) }
    }
}
