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

    @Test func emptyQueryFindsNothingAndLimitCaps() {
        #expect(search.search("   ").isEmpty)
        #expect(search.search("t", limit: 2).count == 2)
    }
}
