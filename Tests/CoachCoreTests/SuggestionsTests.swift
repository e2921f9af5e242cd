import CoachCore
import Testing

@Suite("Suggestions")
struct SuggestionsTests {
    static let ids = [
        "genai.prompt-engineering", "genai.rag", "genai.fine-tuning",
        "agents.tool-use", "ai-product.evals", "career.portfolio",
    ]

    @Test func aTypoSuggestsTheClosestId() {
        #expect(Suggestions.closest(to: "genai.promt-engineering", among: Self.ids).first == "genai.prompt-engineering")
        #expect(Suggestions.closest(to: "career.portfolo", among: Self.ids) == ["career.portfolio"])
    }

    @Test func aTypoInTheLastPartAloneIsFound() {
        #expect(Suggestions.closest(to: "evls", among: Self.ids) == ["ai-product.evals"])
    }

    @Test func substringAndPrefixOfTheLastPartMatch() {
        #expect(Suggestions.closest(to: "rag", among: Self.ids) == ["genai.rag"])
        #expect(Suggestions.closest(to: "TOOL", among: Self.ids) == ["agents.tool-use"], "case does not matter")
        #expect(Suggestions.closest(to: "portf", among: Self.ids) == ["career.portfolio"])
    }

    @Test func garbageSuggestsNothing() {
        #expect(Suggestions.closest(to: "zzzzqqqqxxxx", among: Self.ids).isEmpty)
        #expect(Suggestions.closest(to: "", among: Self.ids).isEmpty)
        #expect(Suggestions.closest(to: "rag", among: []).isEmpty)
    }

    @Test func limitIsRespectedAndTiesAreAlphabetical() {
        let all = Suggestions.closest(to: "genai", among: Self.ids, limit: 10)
        #expect(all == ["genai.fine-tuning", "genai.prompt-engineering", "genai.rag"])
        #expect(Suggestions.closest(to: "genai", among: Self.ids, limit: 2) == ["genai.fine-tuning", "genai.prompt-engineering"])
        #expect(Suggestions.closest(to: "genai", among: Self.ids).count == 3)
        #expect(Suggestions.closest(to: "genai", among: Self.ids, limit: 0).isEmpty)
    }

    @Test func closerMatchesComeFirst() {
        // x.abcaaa sorts first by name but is 3 edits away; the others are 1.
        let ids = ["x.abcaaa", "x.abcdex", "x.abcdef"]
        #expect(Suggestions.closest(to: "abcdeg", among: ids) == ["x.abcdef", "x.abcdex", "x.abcaaa"])
    }

    @Test func editDistanceBasics() {
        #expect(Suggestions.editDistance("", "") == 0)
        #expect(Suggestions.editDistance("abc", "abc") == 0)
        #expect(Suggestions.editDistance("", "abc") == 3)
        #expect(Suggestions.editDistance("abc", "") == 3)
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.editDistance("sitting", "kitten") == 3)
        #expect(Suggestions.editDistance("flaw", "lawn") == 2)
        #expect(Suggestions.editDistance("ab", "ba") == 2)
        #expect(Suggestions.editDistance("café", "cafe") == 1, "counts characters, not bytes")
        #expect(Suggestions.editDistance("🚀a", "a") == 1)
    }
}
