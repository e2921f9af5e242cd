/// A question about an item and the key points a good answer makes: one card once the
/// item is done.
public struct RecallPrompt: Equatable, Sendable {
    public var question: String
    public var points: [String]

    public init(question: String, points: [String]) {
        self.question = question
        self.points = points
    }
}

/// What an interview drill asks for: a behavioural answer in STAR form with numbers, or
/// a framed case study.
public enum DrillKind: String, CaseIterable, Sendable {
    case star
    case caseStudy = "case"

    /// What the learner is asked to cover, shown above the answer.
    public var instruction: String {
        switch self {
        case .star: "Answer with Situation, Task, Action, Result, and numbers."
        case .caseStudy: "Frame it: goal, users, AI solution, data, metrics, maintenance, ethics and regulation."
        }
    }
}

/// An interview question or case study, with the rubric of what a strong answer covers.
public struct Drill: Equatable, Sendable {
    public var kind: DrillKind
    public var question: String
    public var rubric: [String]

    public init(kind: DrillKind, question: String, rubric: [String]) {
        self.kind = kind
        self.question = question
        self.rubric = rubric
    }
}
