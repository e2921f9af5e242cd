import Foundation
import Testing
@testable import CoachCore

/// Proof of work: links to what the learner made for an item, kept with its progress.
@Suite struct ProofOfWorkTests {
    static func typed(_ text: String) -> [Action] { text.map { .edit(.insert($0)) } }

    @Test func linksAreSplitAtCommasAndLineBreaksAndRepeatsDropped() {
        #expect(ProofLinks.parse("  https://github.com/me/rag-demo ,  ~/notes/rag.md\nhttps://github.com/me/rag-demo, ")
            == .success(["https://github.com/me/rag-demo", "~/notes/rag.md"]))
        #expect(ProofLinks.parse("   ") == .success([]))
        #expect(ProofLinks.parse(" , \n ,") == .success([]))
        #expect(ProofLinks.parse("a,b\nc\r\nd") == .success(["a", "b", "c", "d"]))
    }

    @Test func aSpaceInsideAnEntryIsRefusedNotSplit() {
        guard case .failure(let problem) = ProofLinks.parse("https://a.test https://b.test") else {
            Issue.record("two links between spaces accepted as one"); return
        }
        #expect(problem.message == "proof of work: \"https://a.test https://b.test\" has a space or a control character; \(ProofLinks.rule)")
        #expect(ProofLinks.rule.contains("separated by commas or new lines (not spaces)"))
    }

    @Test func tooManyTooLongOrControlCharactersAreRefusedWithTheRule() {
        let eleven = (1...11).map { "https://x.test/\($0)" }.joined(separator: ",")
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

    @Test func aLinkThatIsNeitherAnAddressNorAPathIsRefusedWithWhatIsAllowed() {
        let check = LinkCheck(links: ["https://x.test", "notaurl", "./gone"], usable: ["https://x.test"])
        #expect(ProofLinks.refusal(of: check.links, check: check)?.message
            == "proof of work: \"notaurl\" is not a link; each must be an https:// or http:// address, or the path of a file or folder that exists")
        #expect(ProofLinks.refusal(of: check.links, check: check, kept: ["notaurl", "./gone"]) == nil,
                "links the item has already stay")
        #expect(ProofLinks.refusal(of: [], check: LinkCheck(links: [], usable: [])) == nil)
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

    /// The shell's answer to `.checkLinks`, as `ProofLinkCheck` would give it: `usable`
    /// are the links that are addresses or paths that exist.
    static func answer(_ effects: [Effect], usable: Set<String>) -> Action? {
        guard case .checkLinks(let links)? = effects.first else { return nil }
        return .linksChecked(LinkCheck(links: links, usable: usable))
    }

    @Test func pInTheItemsEditsTheLinksAndUndoTakesThemBack() throws {
        var state = Fixture.itemsState()
        #expect(KeyMap.action(for: .char("p"), in: state) == .editProof)
        Fixture.apply([.editProof], to: &state)
        #expect(state.modals.first == .detail(itemID: "alpha.1", scroll: 0), "the editor opens over the detail")
        #expect(state.modal?.itemEditor?.field == .proof)
        #expect(KeyMap.hints(for: state).first?.label == "links, commas between")
        let asked = Fixture.apply(Self.typed("https://github.com/me/a,  https://me.blog/a") + [.confirm], to: &state)
        #expect(asked == [.checkLinks(["https://github.com/me/a", "https://me.blog/a"])], "the shell is asked first")
        #expect(state.modal?.itemEditor != nil, "nothing is saved before the answer")
        let answer = try #require(Self.answer(asked, usable: ["https://github.com/me/a", "https://me.blog/a"]))
        let effects = Fixture.apply([answer], to: &state)
        #expect(effects == [.save(.progress)])
        #expect(state.progress.items["alpha.1"]?.proof == ["https://github.com/me/a", "https://me.blog/a"])
        #expect(state.message == "Proof of work saved: 2 links")
        #expect(state.modal?.itemEditor == nil)

        // Opened again, the editor holds the links, a comma between; emptied, it removes them.
        #expect(KeyMap.action(for: .char("p"), in: state) == .editProof)
        Fixture.apply([.editProof], to: &state)
        #expect(state.modal?.itemEditor?.line.text == "https://github.com/me/a, https://me.blog/a")
        let emptied = Fixture.apply(Array(repeating: .edit(.backspace), count: 60) + [.confirm], to: &state)
        #expect(emptied == [.checkLinks([])])
        Fixture.apply([try #require(Self.answer(emptied, usable: []))], to: &state)
        #expect(state.progress.items["alpha.1"]?.proof == [])
        #expect(state.message == "Proof of work removed")

        Fixture.apply([.undo], to: &state)
        #expect(state.progress.items["alpha.1"]?.proof == ["https://github.com/me/a", "https://me.blog/a"])
        #expect(state.message == "Undid: proof of work on Alpha 1")
    }

    @Test func aRefusedLinkKeepsTheEditorOpenWithTheReasonBesideTheField() throws {
        var state = Fixture.itemsState()
        let eleven = (1...11).map { "l\($0)" }.joined(separator: ",")
        let effects = Fixture.apply([.editProof] + Self.typed(eleven) + [.confirm], to: &state)
        #expect(effects.isEmpty)
        #expect(state.modal?.itemEditor?.line.text == eleven, "the text stays to be mended")
        #expect(state.modal?.itemEditor?.problem?.hasPrefix("proof of work: up to 10 links") == true)
        Fixture.apply([.edit(.backspace)], to: &state)
        #expect(state.modal?.itemEditor?.problem == nil, "mending it clears the reason")

        // A text that is not a link: the shell says so, and the editor keeps it.
        Fixture.apply(Array(repeating: .edit(.backspace), count: 40), to: &state)
        let asked = Fixture.apply(Self.typed("https://x.test/a, notaurl") + [.confirm], to: &state)
        #expect(asked == [.checkLinks(["https://x.test/a", "notaurl"])])
        let refused = Fixture.apply([try #require(Self.answer(asked, usable: ["https://x.test/a"]))], to: &state)
        #expect(refused.isEmpty)
        #expect(state.modal?.itemEditor?.problem?.contains("\"notaurl\" is not a link; each must be an https://") == true)
        #expect(state.progress.items["alpha.1"] == nil)

        // An answer about text that has changed since is not taken for the new text.
        Fixture.apply([.edit(.backspace)], to: &state)
        #expect(Fixture.apply([try #require(Self.answer(asked, usable: ["https://x.test/a", "notaurl"]))], to: &state).isEmpty)
        #expect(state.progress.items["alpha.1"] == nil)

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
