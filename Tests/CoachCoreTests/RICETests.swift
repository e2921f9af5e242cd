import CoachCore
import Foundation
import Testing

/// Ideas for the backlog tests, built through the same checks as typed ones.
enum IdeaFixture {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func fields(_ title: String, note: String? = nil, status: IdeaStatus = .idea, reach: Double = 100,
                       impact: Impact = .medium, confidence: Double = 1, effort: Double = 1,
                       costs: HiddenCosts = .zero, items: [String] = []) -> ValidIdeaFields {
        switch IdeaValidation.check(title: title, note: note, status: status, reach: reach, impact: impact,
                                    confidence: confidence, effort: effort, hiddenCosts: costs, items: items) {
        case .success(let fields): return fields
        case .failure(let problems): fatalError("fixture is invalid: \(problems)")
        }
    }

    static func idea(_ id: String, _ title: String, note: String? = nil, status: IdeaStatus = .idea,
                     reach: Double = 100, impact: Impact = .medium, confidence: Double = 1, effort: Double = 1,
                     costs: HiddenCosts = .zero, at date: Date = now) -> Idea {
        Idea(id: id, fields: fields(title, note: note, status: status, reach: reach, impact: impact,
                                    confidence: confidence, effort: effort, costs: costs),
             created: date, updated: date)
    }
}

@Suite("RICE")
struct RICETests {
    @Test func theScoreIsReachTimesImpactTimesConfidenceOverEffort() {
        let idea = IdeaFixture.idea("a", "A", reach: 500, impact: .high, confidence: 0.8, effort: 2)
        #expect(idea.totalEffort == 2)
        #expect(idea.score == 500 * 2 * 0.8 / 2)
        #expect(idea.score == 400)
    }

    @Test func hiddenCostsAreAddedToEffort() {
        let costs = HiddenCosts(labeling: 0.25, retraining: 0.1, monitoring: 0.5, regulatory: 0.15)
        let idea = IdeaFixture.idea("a", "A", reach: 500, impact: .high, confidence: 0.8, effort: 1, costs: costs)
        #expect(costs.total == 0.25 + 0.1 + 0.5 + 0.15)
        #expect(idea.totalEffort == 1 + costs.total)
        #expect(abs(idea.totalEffort - 2) < 1e-12)
        #expect(idea.score == 500 * 2 * 0.8 / idea.totalEffort)
        #expect(abs(idea.score - 400) < 1e-9)

        let without = IdeaFixture.idea("b", "B", reach: 500, impact: .high, confidence: 0.8, effort: 1)
        #expect(without.score == 800, "the same idea without hidden costs scores twice as high")
    }

    @Test func theFormulaFunctionsAgreeWithTheIdea() {
        let costs = HiddenCosts(labeling: 1, retraining: 2, monitoring: 3, regulatory: 4)
        #expect(RICE.totalEffort(effort: 5, hiddenCosts: costs) == 15)
        #expect(RICE.totalEffort(effort: 5, hiddenCosts: .zero) == 5)
        #expect(RICE.score(reach: 30, impact: .minimal, confidence: 0.5, totalEffort: 15) == 30 * 0.25 * 0.5 / 15)
    }

    @Test func impactValuesFollowTheScale() {
        #expect(Impact.allCases.map(\.value) == [3, 2, 1, 0.5, 0.25])
        #expect(Impact.allCases.map(\.name) == ["massive", "high", "medium", "low", "minimal"])
    }

    @Test func impactCyclesUpWithNextAndDownWithPrevious() {
        #expect(Impact.minimal.next == .low)
        #expect(Impact.low.next == .medium)
        #expect(Impact.medium.next == .high)
        #expect(Impact.high.next == .massive)
        #expect(Impact.massive.next == .minimal, "wraps round")
        for impact in Impact.allCases {
            #expect(impact.next.previous == impact)
            #expect(impact.previous.next == impact)
        }
        var step = Impact.medium
        for _ in 0..<5 { step = step.next }
        #expect(step == .medium, "five steps come back")
    }

    @Test func impactParsesNamesAndNumbers() {
        #expect(Impact(parsing: "massive") == .massive)
        #expect(Impact(parsing: " High ") == .high)
        #expect(Impact(parsing: "MINIMAL") == .minimal)
        #expect(Impact(parsing: "3") == .massive)
        #expect(Impact(parsing: "2") == .high)
        #expect(Impact(parsing: "1") == .medium)
        #expect(Impact(parsing: "1.0") == .medium)
        #expect(Impact(parsing: "0.5") == .low)
        #expect(Impact(parsing: ".5") == .low)
        #expect(Impact(parsing: "0.25") == .minimal)
        for refused in ["4", "0", "1.5", "-1", "", "huge", "nan", "inf", "0x2"] {
            #expect(Impact(parsing: refused) == nil, "\(refused) is off the scale")
        }
        #expect(Impact(value: 0.5) == .low)
        #expect(Impact(value: 0.4) == nil)
    }

    @Test func confidenceBelowHalfIsAMoonshot() {
        #expect(IdeaFixture.idea("a", "A", confidence: 0.49).isMoonshot)
        #expect(IdeaFixture.idea("a", "A", confidence: 0.1).isMoonshot)
        #expect(!IdeaFixture.idea("a", "A", confidence: 0.5).isMoonshot, "exactly 50% is not a moonshot")
        #expect(!IdeaFixture.idea("a", "A", confidence: 1).isMoonshot)
        #expect(RICE.isMoonshot(confidence: 0.499_999))
    }

    // MARK: - Ranking

    @Test func higherScoresRankFirst() {
        let low = IdeaFixture.idea("low", "Low", reach: 10)
        let high = IdeaFixture.idea("high", "High", reach: 1_000)
        let middle = IdeaFixture.idea("middle", "Middle", reach: 100)
        #expect(RICE.ranked([low, high, middle]).map(\.id) == ["high", "middle", "low"])
    }

    @Test func anEqualScoreRanksTheSmallerTotalEffortFirst() {
        // Both score 100: 100 ÷ 1 and 200 ÷ 2. The cheaper one comes first, even with
        // the later title.
        let cheap = IdeaFixture.idea("z", "Zebra", reach: 100, effort: 1)
        let dear = IdeaFixture.idea("a", "Aardvark", reach: 200, effort: 2)
        #expect(cheap.score == dear.score)
        #expect(RICE.ranked([dear, cheap]).map(\.id) == ["z", "a"])
    }

    @Test func hiddenCostsCountAsEffortInTheTieBreak() {
        let withCosts = IdeaFixture.idea("costly", "A", reach: 200, effort: 1, costs: HiddenCosts(labeling: 1))
        let plain = IdeaFixture.idea("plain", "B", reach: 100, effort: 1)
        #expect(withCosts.score == plain.score)
        #expect(RICE.ranked([withCosts, plain]).map(\.id) == ["plain", "costly"])
    }

    @Test func anEqualScoreAndEffortRanksByTitleIgnoringCaseAndAccents() {
        let ideas = [
            IdeaFixture.idea("4", "banana"),
            IdeaFixture.idea("1", "Éclair"),
            IdeaFixture.idea("2", "apple"),
            IdeaFixture.idea("3", "Cherry"),
            IdeaFixture.idea("5", "eclair b"),
        ]
        #expect(RICE.ranked(ideas).map(\.title) == ["apple", "banana", "Cherry", "Éclair", "eclair b"])
    }

    @Test func identicalTitlesFallBackToTheId() {
        let ideas = [IdeaFixture.idea("b", "Same"), IdeaFixture.idea("c", "Same"), IdeaFixture.idea("a", "Same")]
        #expect(RICE.ranked(ideas).map(\.id) == ["a", "b", "c"])
    }

    @Test func theRankingDoesNotDependOnTheInputOrder() {
        var ideas: [Idea] = []
        for index in 0..<60 {
            ideas.append(IdeaFixture.idea("id-\(index)", ["Apple", "apple", "Äpple", "Bee"][index % 4],
                                          reach: Double(index % 3) * 100, effort: Double(1 + index % 2)))
        }
        let expected = RICE.ranked(ideas)
        var generator = SeededRandom(seed: 7)
        for _ in 0..<10 {
            #expect(RICE.ranked(ideas.shuffled(using: &generator)).map(\.id) == expected.map(\.id))
        }
        for (a, b) in zip(expected, expected.dropFirst()) {
            #expect(a.score >= b.score)
            #expect(RICERank(a) < RICERank(b))
        }
    }

    @Test func theOrderOfRanksIsTheOrderOfLessThan() {
        var ideas: [Idea] = []
        for index in 0..<200 {
            ideas.append(IdeaFixture.idea("id-\(index % 97)-\(index)", ["Apple", "apple", "Äpple", "Bee"][index % 4],
                                          reach: Double(index % 5) * 100, effort: Double(1 + index % 3)))
        }
        var generator = SeededRandom(seed: 11)
        for _ in 0..<5 {
            let ranks = ideas.shuffled(using: &generator).map(RICERank.init)
            let order = RICERank.order(of: ranks)
            #expect(order.map { ranks[$0].id } == ranks.sorted(by: <).map(\.id))
        }
    }

    // MARK: - Breakdown

    @Test func theBreakdownShowsEveryTerm() {
        let costs = HiddenCosts(labeling: 0.25, retraining: 0, monitoring: 0.1, regulatory: 0)
        let idea = IdeaFixture.idea("a", "A", reach: 500, impact: .high, confidence: 0.8, effort: 1, costs: costs)
        let breakdown = idea.breakdown
        #expect(breakdown.factors.map(\.label) == ["Reach", "Impact", "Confidence"])
        #expect(breakdown.factors.map(\.value) == [500, 2, 0.8])
        #expect(breakdown.impact.detail == "high")
        #expect(breakdown.confidence.detail == "80%")
        #expect(breakdown.effortParts.map(\.label) == ["Effort", "Labeling", "Retraining", "Monitoring", "Regulatory review"])
        #expect(breakdown.effortParts.map(\.value) == [1, 0.25, 0, 0.1, 0])
        #expect(breakdown.effortParts.allSatisfy { $0.detail == "person-months" })
        #expect(breakdown.totalEffort == idea.totalEffort)
        #expect(breakdown.score == idea.score)
        #expect(!breakdown.isMoonshot)
        #expect(breakdown.equation == "500 × 2 × 0.8 ÷ 1.35 = 592.59")
        #expect(breakdown.effortSum == "1 + 0.25 + 0 + 0.1 + 0 = 1.35")
    }

    @Test func theBreakdownFlagsAMoonshot() {
        let breakdown = IdeaFixture.idea("a", "A", reach: 10, impact: .massive, confidence: 0.3, effort: 4).breakdown
        #expect(breakdown.isMoonshot)
        #expect(breakdown.confidence.detail == "30%, moonshot")
        #expect(breakdown.equation == "10 × 3 × 0.3 ÷ 4 = 2.25")
    }

    // MARK: - Statuses and numbers

    @Test func statusCyclesThroughAllFourAndBack() {
        #expect(IdeaStatus.idea.cycled == .active)
        #expect(IdeaStatus.active.cycled == .shipped)
        #expect(IdeaStatus.shipped.cycled == .dropped)
        #expect(IdeaStatus.dropped.cycled == .idea)
        for status in IdeaStatus.allCases { #expect(status.cycled.previous == status) }
        #expect(IdeaStatus(parsing: " Shipped ") == .shipped)
        #expect(IdeaStatus(parsing: "done") == nil)
        #expect(IdeaStatus.allowedList == "idea|active|shipped|dropped")
    }

    @Test func numbersAreWrittenShortAndReadBack() {
        #expect(NumberText.plain(3) == "3")
        #expect(NumberText.plain(0.5) == "0.5")
        #expect(NumberText.plain(1500) == "1500")
        #expect(NumberText.plain(-0.0) == "0")
        #expect(NumberText.plain(1e20) == "1e+20")
        #expect(NumberText.rounded(592.592_592) == "592.59")
        #expect(NumberText.rounded(1200) == "1200")
        #expect(NumberText.rounded(0.1 + 0.2) == "0.3")
        #expect(NumberText.confidence(0.8) == "80%")
        #expect(NumberText.confidence(0.07) == "7%")
        #expect(NumberText.confidence(1) == "100%")
        for value in [0.8, 0.07, 1.0 / 3, 0.123_456_789, 1e-9] {
            let text = NumberText.confidence(value)
            let back = text.hasSuffix("%") ? NumberText.parse(String(text.dropLast()))! / 100 : NumberText.parse(text)!
            #expect(back == value, "\(value) → \(text)")
        }
        for value in [0.0, 1, 0.25, 1e-5, 123_456.789, 1e20, 2.5e-300] {
            #expect(NumberText.parse(NumberText.plain(value)) == value)
        }
    }
}
