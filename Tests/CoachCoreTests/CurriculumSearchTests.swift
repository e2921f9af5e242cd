@testable import CoachCore
import Testing

@Suite struct CurriculumSearchTests {
    static let curriculum = Curriculum(tracks: [
        Track(id: "genai", title: "Generative AI", sections: [
            Section(title: "S", items: [
                Item(id: "genai.vectors", title: "Vector databases", summary: "Pinecone, Weaviate and Chroma.", minutes: 60,
                     resources: [Resource(title: "Attention Is All You Need", kind: .paper)]),
                Item(id: "genai.prompts", title: "Prompt engineering", summary: "Écrire de bons prompts.", minutes: 30),
            ]),
        ]),
        Track(id: "soft", title: "Soft Skills", sections: [
            Section(title: "S", items: [Item(id: "soft.story", title: "Storytelling", summary: "Tell it.", minutes: 30)]),
        ]),
    ])

    let search = CurriculumSearch(Self.curriculum)

    @Test func matchesTitlesSummariesAndResourcesNamingTheField() {
        #expect(search.search("vector") == [CurriculumSearch.Hit(track: 0, item: 0, matched: "title")])
        #expect(search.search("weaviate") == [CurriculumSearch.Hit(track: 0, item: 0, matched: "summary")])
        #expect(search.search("attention") == [CurriculumSearch.Hit(track: 0, item: 0, matched: "resource: Attention Is All You Need")])
        #expect(search.search("soft") == [CurriculumSearch.Hit(track: 1, item: nil, matched: "track")])
    }

    @Test func ignoresCaseAndAccents() {
        #expect(search.search("ECRIRE").map(\.item) == [1])
        #expect(search.search("écrire").map(\.item) == [1])
        #expect(search.search("PROMPT").map(\.item) == [1])
    }

    @Test func everyWordMustMatchSomewhereInTheEntry() {
        #expect(search.search("vector chroma").map(\.item) == [0])
        #expect(search.search("vector storytelling").isEmpty)
    }

    static let ranking = Curriculum(tracks: [
        Track(id: "data", title: "Data", sections: [
            Section(title: "S", items: [
                Item(id: "data.storage", title: "Storage engines", summary: "How storage lays out pages.", minutes: 30),
                Item(id: "data.ragtime", title: "Ragtime for engineers", summary: "A rhythm.", minutes: 30),
                Item(id: "data.rag", title: "Retrieval-augmented generation (RAG)", summary: "Fetch, then answer.", minutes: 30),
                Item(id: "data.notes", title: "Field notes", summary: "When RAG goes wrong.", minutes: 30),
            ]),
        ]),
    ])

    @Test func wholeWordsRankBeforeWordStartsAndSubstringsAreOnlyAFallback() {
        let search = CurriculumSearch(Self.ranking)
        // RAG in the title, then RAG in a summary, then a word that starts with rag;
        // "storage" holds "rag" only inside a word, so it is left out.
        #expect(search.search("rag").map(\.item) == [2, 3, 1])
        #expect(search.search("rag").map(\.matched) == ["title", "summary", "title"])
        // With no word starting so, a word's inside is found.
        #expect(search.search("orag").map(\.item) == [0])
        #expect(search.search("RAG fetch").map(\.item) == [2])
    }

    @Test func emptyQueryFindsNothingAndLimitCaps() {
        #expect(search.search("   ").isEmpty)
        #expect(search.search("a", limit: 2).count == 2)
    }
}
