import CoachCore
import Foundation
import Testing

@Suite("IdeaValidation")
struct IdeaValidationTests {
    /// An id is any text without spaces, other white space or control characters; the
    /// plain ASCII ones take a shortcut that must answer the same.
    @Test func anIdHasNoSpaceWhiteSpaceOrControl() {
        for good in ["a", "idea-2026-12-03-0042", "starter.one", "~!@#$%^&*()_+{}|:<>?", "café", "名前", "🚀x"] {
            #expect(Idea.isValidID(good), "\(good)")
        }
        for bad in ["", " ", "a b", "a\tb", "a\nb", "a\u{7F}b", "a\u{85}b", "a\u{A0}b", "a\u{2003}b", "é\u{3000}", "\u{1B}[31m"] {
            #expect(!Idea.isValidID(bad), "\(bad.debugDescription)")
        }
    }

    static let valid = IdeaDraft(title: "Movie bot", reach: "500", impact: "high", confidence: "80%", effort: "1.5")

    /// `valid` with one field changed.
    static func draft(_ field: IdeaField, _ text: String) -> IdeaDraft {
        var draft = valid
        draft[field] = text
        return draft
    }

    func fields(_ draft: IdeaDraft, sourceLocation: SourceLocation = #_sourceLocation) -> ValidIdeaFields? {
        switch IdeaValidation.validate(draft) {
        case .success(let fields): return fields
        case .failure(let problems):
            Issue.record("expected valid, got \(problems)", sourceLocation: sourceLocation)
            return nil
        }
    }

    func problems(_ draft: IdeaDraft, knownItems: Set<String>? = nil,
                  sourceLocation: SourceLocation = #_sourceLocation) -> [FieldProblem] {
        switch IdeaValidation.validate(draft, knownItems: knownItems) {
        case .success(let fields):
            Issue.record("expected problems, got \(fields)", sourceLocation: sourceLocation)
            return []
        case .failure(let problems):
            #expect(!problems.all.isEmpty, sourceLocation: sourceLocation)
            return problems.all
        }
    }

    /// The one message for `field` set to `text`, checked to name the field and to be one line.
    func message(_ field: IdeaField, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let found = problems(Self.draft(field, text), sourceLocation: sourceLocation)
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        guard let problem = found.first else { return "" }
        #expect(problem.field == field, sourceLocation: sourceLocation)
        #expect(problem.description.hasPrefix("\(field.name): "), sourceLocation: sourceLocation)
        #expect(!problem.description.contains("\n"), "one line", sourceLocation: sourceLocation)
        return problem.description
    }

    @Test func aValidDraftGivesTrimmedFields() {
        var draft = Self.valid
        draft.title = "  Movie bot \n"
        draft.note = "  hidden costs: feedback loops  "
        draft.items = "genai.rag, agents.tool-use  genai.rag"
        guard let fields = fields(draft) else { return }
        #expect(fields.title == "Movie bot")
        #expect(fields.note == "hidden costs: feedback loops")
        #expect(fields.status == .idea, "an empty status is idea")
        #expect(fields.reach == 500)
        #expect(fields.impact == .high)
        #expect(fields.confidence == 0.8)
        #expect(fields.effort == 1.5)
        #expect(fields.hiddenCosts == .zero, "empty hidden costs are 0")
        #expect(fields.items == ["genai.rag", "agents.tool-use"], "split on commas and spaces, repeats dropped")
    }

    // MARK: - Confidence

    @Test func eightyPercentAndPointEightAreTheSame() {
        let percent = fields(Self.draft(.confidence, "80%"))
        let decimal = fields(Self.draft(.confidence, "0.8"))
        #expect(percent?.confidence == 0.8)
        #expect(percent == decimal)
        #expect(fields(Self.draft(.confidence, " 80 % "))?.confidence == 0.8)
        #expect(fields(Self.draft(.confidence, "100%"))?.confidence == 1)
        #expect(fields(Self.draft(.confidence, "1"))?.confidence == 1)
        #expect(fields(Self.draft(.confidence, "7%"))?.confidence == 0.07)
        #expect(fields(Self.draft(.confidence, "0.5%"))?.confidence == 0.005)
    }

    @Test func confidenceAboveOneIsRefusedWithTheRange() {
        #expect(message(.confidence, "1.5") ==
            "confidence: must be more than 0 and at most 1 (80% and 0.8 are the same); got 1.5")
        #expect(message(.confidence, "150%").hasSuffix("got 150%"))
        #expect(message(.confidence, "101").hasSuffix("got 101"))
    }

    @Test func aBareNumberAboveOneSuggestsAPercentSign() {
        let text = message(.confidence, "80")
        #expect(text.contains("more than 0 and at most 1"))
        #expect(text.contains("got 80"))
        #expect(text.contains("80%"), "the hint says how to write it: \(text)")
        #expect(!message(.confidence, "1.5").contains("%;"), "no hint for a fraction")
    }

    @Test func zeroAndNegativeConfidenceAreRefused() {
        #expect(message(.confidence, "0").hasSuffix("got 0"))
        #expect(message(.confidence, "0%").hasSuffix("got 0%"))
        #expect(message(.confidence, "-0.5").hasSuffix("got -0.5"))
        #expect(message(.confidence, "-5%").hasSuffix("got -5%"))
    }

    @Test func confidenceThatIsNotANumberIsRefused() {
        #expect(message(.confidence, "").hasSuffix("got nothing"))
        #expect(message(.confidence, "high").contains("not a number"))
        #expect(message(.confidence, "%").contains("not a number"))
        #expect(message(.confidence, "80%%").contains("not a number"))
        #expect(message(.confidence, "nan").contains("not a number"))
        #expect(message(.confidence, "nan%").contains("not a number"))
        #expect(message(.confidence, "inf").contains("not finite"))
    }

    // MARK: - Impact

    @Test func impactTakesNamesAndTheirNumbers() {
        #expect(fields(Self.draft(.impact, "massive"))?.impact == .massive)
        #expect(fields(Self.draft(.impact, "High"))?.impact == .high)
        #expect(fields(Self.draft(.impact, "medium"))?.impact == .medium)
        #expect(fields(Self.draft(.impact, "LOW"))?.impact == .low)
        #expect(fields(Self.draft(.impact, "minimal"))?.impact == .minimal)
        #expect(fields(Self.draft(.impact, "3"))?.impact == .massive)
        #expect(fields(Self.draft(.impact, "2"))?.impact == .high)
        #expect(fields(Self.draft(.impact, "1"))?.impact == .medium)
        #expect(fields(Self.draft(.impact, "0.5"))?.impact == .low)
        #expect(fields(Self.draft(.impact, "0.25"))?.impact == .minimal)
    }

    @Test func impactOffTheScaleIsRefusedNamingTheFiveSteps() {
        let text = message(.impact, "4")
        #expect(text == "impact: must be one of massive (3), high (2), medium (1), low (0.5), minimal (0.25); got 4")
        #expect(message(.impact, "0.3").hasSuffix("got 0.3"))
        #expect(message(.impact, "huge").hasSuffix("got \"huge\""))
        #expect(message(.impact, "").hasSuffix("got nothing"))
        #expect(message(.impact, "nan").hasSuffix("got \"nan\""))
    }

    // MARK: - Reach and effort

    @Test func reachTakesAnyFiniteNumberFromZero() {
        #expect(fields(Self.draft(.reach, "0"))?.reach == 0)
        #expect(fields(Self.draft(.reach, "1e6"))?.reach == 1_000_000)
        #expect(fields(Self.draft(.reach, "12.5"))?.reach == 12.5)
        #expect(fields(Self.draft(.reach, ".5"))?.reach == 0.5)
        let negativeZero = fields(Self.draft(.reach, "-0"))?.reach
        #expect(negativeZero == 0)
        #expect(negativeZero?.sign == .plus, "-0 is stored as 0")
    }

    @Test func badReachIsRefusedWithTheRange() {
        let rule = "reach: must be a finite number ≥ 0 (people or events per month); got "
        #expect(message(.reach, "-1") == rule + "-1")
        #expect(message(.reach, "nan") == rule + "nan, which is not a number")
        #expect(message(.reach, "NaN") == rule + "NaN, which is not a number")
        #expect(message(.reach, "inf") == rule + "inf, which is not finite")
        #expect(message(.reach, "-inf") == rule + "-inf, which is not finite")
        #expect(message(.reach, "infinity") == rule + "infinity, which is not finite")
        #expect(message(.reach, "1e999") == rule + "\"1e999\", which is too large")
        #expect(message(.reach, "") == rule + "nothing")
        #expect(message(.reach, "   ") == rule + "nothing")
        #expect(message(.reach, "abc") == rule + "\"abc\", which is not a number")
        #expect(message(.reach, "0x10") == rule + "\"0x10\", which is not a number")
        #expect(message(.reach, "1 000").contains("not a number"))
    }

    @Test func numbersUseAPointWhateverTheLocale() {
        #expect(message(.reach, "1,5").contains("write a point for decimals"))
        #expect(message(.reach, "1,000").contains("no thousands separators"))
        #expect(message(.effort, "0,5").hasPrefix("effort: must be a finite number > 0"))
        #expect(NumberText.parse("1.5") == 1.5)
        #expect(NumberText.parse("1,5") == nil)
        #expect(NumberText.parse("٣") == nil, "only ASCII digits")
    }

    @Test func effortMustBeMoreThanZero() {
        let rule = "effort: must be a finite number > 0 (person-months); got "
        #expect(message(.effort, "0") == rule + "0")
        #expect(message(.effort, "-2") == rule + "-2")
        #expect(message(.effort, "1e-999") == rule + "1e-999", "rounds to 0")
        #expect(message(.effort, "") == rule + "nothing")
        #expect(message(.effort, "nan") == rule + "nan, which is not a number")
        #expect(message(.effort, "inf") == rule + "inf, which is not finite")
        #expect(fields(Self.draft(.effort, "0.01"))?.effort == 0.01)
    }

    // MARK: - Hidden costs

    @Test func hiddenCostsAreZeroWhenEmptyAndAddUp() {
        var draft = Self.valid
        draft.labeling = "0.25"
        draft.retraining = ""
        draft.monitoring = " 0.1 "
        draft.regulatory = "0"
        let costs = fields(draft)?.hiddenCosts
        #expect(costs == HiddenCosts(labeling: 0.25, retraining: 0, monitoring: 0.1, regulatory: 0))
    }

    @Test func aNegativeHiddenCostIsRefused() {
        for field in [IdeaField.labeling, .retraining, .monitoring, .regulatory] {
            #expect(message(field, "-0.1") ==
                "\(field.name): must be a finite number ≥ 0 (person-months; empty means 0); got -0.1")
            #expect(message(field, "nan").hasSuffix("got nan, which is not a number"))
            #expect(message(field, "inf").hasSuffix("got inf, which is not finite"))
            #expect(message(field, "lots").contains("not a number"))
        }
    }

    // MARK: - Title and note

    @Test func anEmptyTitleIsRefused() {
        #expect(message(.title, "") == "title: must be 1 to 200 characters on one line; got nothing")
        #expect(message(.title, "   \t ") == "title: must be 1 to 200 characters on one line; got only spaces")
        #expect(message(.title, "\n") == "title: must be 1 to 200 characters on one line; got only spaces")
    }

    @Test func aTenThousandCharacterTitleIsRefusedNamingTheLimit() {
        let text = message(.title, String(repeating: "x", count: 10_000))
        #expect(text == "title: must be 1 to 200 characters on one line; got 10000 characters")
        #expect(text.count < 100, "the message does not repeat the title")
    }

    @Test func twoHundredCharactersIsTheLimitCountedInCharacters() {
        #expect(fields(Self.draft(.title, String(repeating: "x", count: 200)))?.title.count == 200)
        #expect(message(.title, String(repeating: "x", count: 201)).hasSuffix("got 201 characters"))
        // 200 emoji and accented letters are 200 characters, not 800 bytes.
        #expect(fields(Self.draft(.title, String(repeating: "🚀", count: 200))) != nil)
        #expect(fields(Self.draft(.title, String(repeating: "é", count: 200))) != nil)
        #expect(message(.title, String(repeating: "日", count: 201)).hasSuffix("got 201 characters"))
    }

    @Test func nonASCIITitlesAreAccepted() {
        for title in ["Café recommender", "Détecteur de fraude ✓", "日本語のチャットボット", "Классификатор", "🚀 Launch bot", "Ünïcödé"] {
            #expect(fields(Self.draft(.title, title))?.title == title)
        }
    }

    @Test func aTitleIsOneLine() {
        #expect(message(.title, "first\nsecond").hasSuffix("got a line break or control character"))
        #expect(message(.title, "bell\u{7}").hasSuffix("got a line break or control character"))
        #expect(message(.title, "escape \u{1B}[2J").hasSuffix("got a line break or control character"))
    }

    @Test func aNoteMayHaveLinesButNoEscapes() {
        #expect(fields(Self.draft(.note, "line one\nline two\ttabbed"))?.note == "line one\nline two\ttabbed")
        #expect(fields(Self.draft(.note, "windows\r\nline"))?.note == "windows\nline")
        #expect(fields(Self.draft(.note, "   "))?.note == nil, "an empty note is no note")
        #expect(message(.note, "clear \u{1B}[2J").hasSuffix("got a control character"))
        #expect(message(.note, String(repeating: "n", count: 10_001)).hasSuffix("got 10001 characters"))
        #expect(fields(Self.draft(.note, String(repeating: "n", count: 10_000))) != nil)
    }

    // MARK: - Status and items

    @Test func statusTakesTheFourNames() {
        #expect(fields(Self.draft(.status, "Active"))?.status == .active)
        #expect(fields(Self.draft(.status, "shipped"))?.status == .shipped)
        #expect(fields(Self.draft(.status, " dropped "))?.status == .dropped)
        #expect(message(.status, "done") == "status: must be one of idea, active, shipped, dropped; got \"done\"")
    }

    @Test func itemIdsAreCheckedForShapeAndAgainstTheCurriculum() {
        #expect(message(.items, "genai/rag").hasSuffix("got \"genai/rag\""))
        let known: Set<String> = ["genai.rag", "agents.tool-use", "career.portfolio"]
        var draft = Self.valid
        draft.items = "genai.rag, genai.rgg"
        let found = problems(draft, knownItems: known)
        #expect(found.count == 1)
        #expect(found.first?.field == .items)
        #expect(found.first?.description.contains("genai.rgg") == true)
        #expect(found.first?.description.contains("did you mean genai.rag") == true)
        draft.items = "agents.tool-use"
        #expect(IdeaValidation.validate(draft, knownItems: known).map(\.items) == .success(["agents.tool-use"]))
    }

    // MARK: - All at once

    @Test func everyProblemIsReportedTogetherInFieldOrder() {
        let draft = IdeaDraft(title: " ", note: "ok", reach: "-1", impact: "4", confidence: "1.5", effort: "0",
                              labeling: "-0.1", retraining: "nan", monitoring: "inf", regulatory: "x",
                              status: "done", items: "a/b")
        let found = problems(draft)
        #expect(found.map(\.field) == [.title, .reach, .impact, .confidence, .effort,
                                       .labeling, .retraining, .monitoring, .regulatory, .status, .items])
        for problem in found {
            #expect(problem.description.hasPrefix(problem.field.name + ": "))
            #expect(problem.message.contains(problem.field.rule), "names the range: \(problem)")
            #expect(!problem.description.contains("\n"))
        }
        guard case .failure(let all) = IdeaValidation.validate(draft) else { return }
        #expect(all.description.split(separator: "\n").count == found.count, "one line per problem")
        #expect(all.of(.reach).count == 1)
        #expect(all.of(.note).isEmpty)
        #expect(all.fields.contains(.confidence))
    }

    // MARK: - Nothing infinite gets through

    @Test func aScoreTooLargeToComputeIsRefused() {
        var draft = Self.valid
        draft.reach = "1e308"
        draft.impact = "massive"
        draft.confidence = "1"
        draft.effort = "1e-300"
        let found = problems(draft)
        #expect(found.map(\.field) == [.effort])
        #expect(found.first?.message.contains("too large to compute") == true)
    }

    @Test func aTotalEffortTooLargeToAddUpIsRefused() {
        var draft = Self.valid
        draft.effort = "1e308"
        draft.labeling = "1e308"
        let found = problems(draft)
        #expect(found.map(\.field) == [.effort])
    }

    @Test func typedValuesAreCheckedWithTheSameRanges() {
        func refused(_ result: Result<ValidIdeaFields, FieldProblems>) -> [IdeaField] {
            if case .failure(let problems) = result { return problems.all.map(\.field) }
            return []
        }
        #expect(refused(IdeaValidation.check(title: "A", reach: .nan, impact: .low, confidence: 0.5, effort: 1)) == [.reach])
        #expect(refused(IdeaValidation.check(title: "A", reach: .infinity, impact: .low, confidence: 0.5, effort: 1)) == [.reach])
        #expect(refused(IdeaValidation.check(title: "A", reach: 1, impact: .low, confidence: .nan, effort: 1)) == [.confidence])
        #expect(refused(IdeaValidation.check(title: "A", reach: 1, impact: .low, confidence: 0.5, effort: -.infinity)) == [.effort])
        #expect(refused(IdeaValidation.check(title: "", reach: 1, impact: .low, confidence: 2, effort: 0,
                                             hiddenCosts: HiddenCosts(monitoring: .nan))) == [.title, .confidence, .effort, .monitoring])
        let message = IdeaValidation.check(title: "A", reach: 1, impact: .low, confidence: 1.5, effort: 1)
        if case .failure(let problems) = message {
            #expect(problems.description == "confidence: must be more than 0 and at most 1 (80% and 0.8 are the same); got 1.5")
        }
    }

    @Test func decodingAnIdeaGoesThroughTheSameChecks() throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        func json(confidence: String, impact: String = "2", costs: String = "") -> Data {
            Data(#"{"id": "bot", "title": " Bot ", "status": "active", "reach": 500, "impact": \#(impact), "confidence": \#(confidence), "effort": 1, \#(costs) "created": "2023-11-14T22:13:20Z", "updated": "2023-11-14T22:13:20Z"}"#.utf8)
        }
        let idea = try decoder.decode(Idea.self, from: json(confidence: "0.8", costs: #""hiddenCosts": {"labeling": 0.5},"#))
        #expect(idea.title == "Bot")
        #expect(idea.impact == .high)
        #expect(idea.hiddenCosts == HiddenCosts(labeling: 0.5), "missing costs are 0")
        #expect(idea.items.isEmpty)
        #expect(try decoder.decode(Idea.self, from: json(confidence: "0.8", impact: "\"massive\"")).impact == .massive)
        #expect(throws: DecodingError.self) { try decoder.decode(Idea.self, from: json(confidence: "1.5")) }
        #expect(throws: DecodingError.self) { try decoder.decode(Idea.self, from: json(confidence: "0.8", impact: "4")) }

        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        #expect(try decoder.decode(Idea.self, from: encoder.encode(idea)) == idea, "encoding round-trips")
    }

    // MARK: - Drafts from ideas

    @Test func anIdeaAsADraftValidatesBackToTheSameFields() {
        let costs = HiddenCosts(labeling: 0.25, retraining: 0.1, monitoring: 1.0 / 3, regulatory: 0)
        for confidence in [0.8, 0.07, 1.0 / 3, 1, 0.123_456_789] {
            let idea = Idea(id: "x", fields: IdeaFixture.fields("Café ☕", note: "two\nlines", status: .shipped,
                                                               reach: 1e-5, impact: .minimal, confidence: confidence,
                                                               effort: 12_345.678, costs: costs, items: ["genai.rag"]),
                            created: IdeaFixture.now, updated: IdeaFixture.now)
            let draft = IdeaDraft(idea)
            #expect(fields(draft) == idea.fields, "\(draft)")
        }
        let idea = IdeaFixture.idea("x", "Bot", reach: 500, impact: .high, confidence: 0.8, effort: 1.5)
        let draft = IdeaDraft(idea)
        #expect(draft.reach == "500")
        #expect(draft.impact == "high")
        #expect(draft.confidence == "80%")
        #expect(draft.effort == "1.5")
        #expect(draft.labeling == "0")
        #expect(draft.status == "idea")
    }

    @Test func theDraftSubscriptReachesEveryField() {
        var draft = IdeaDraft()
        for field in IdeaField.allCases { draft[field] = field.name }
        for field in IdeaField.allCases { #expect(draft[field] == field.name) }
        #expect(draft.title == "title")
        #expect(draft.regulatory == "regulatory")
        #expect(Set(IdeaField.allCases.map(\.label)).count == IdeaField.allCases.count)
    }
}
