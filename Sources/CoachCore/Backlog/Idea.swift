import FoundationEssentials

/// Where a side-project idea stands.
public enum IdeaStatus: String, CaseIterable, Codable, Sendable {
    case idea, active, shipped, dropped

    /// `x` on an idea: idea → active → shipped → dropped → idea.
    public var cycled: IdeaStatus {
        switch self {
        case .idea: .active
        case .active: .shipped
        case .shipped: .dropped
        case .dropped: .idea
        }
    }

    /// The step back, for ← in a form.
    public var previous: IdeaStatus {
        switch self {
        case .idea: .dropped
        case .active: .idea
        case .shipped: .active
        case .dropped: .shipped
        }
    }

    /// A status as typed on the command line or in a form: its name, any case.
    public init?(parsing text: String) {
        let name = text.trimmingWhitespaceAndNewlines().lowercased()
        guard let status = IdeaStatus(rawValue: name) else { return nil }
        self = status
    }

    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: "|") }
}

/// RICE impact: a five-step scale, never an arbitrary number, so estimates stay
/// comparable across ideas. Cases run from largest to smallest, as the scale is written.
public enum Impact: String, CaseIterable, Codable, Sendable {
    case massive, high, medium, low, minimal

    public var value: Double {
        switch self {
        case .massive: 3
        case .high: 2
        case .medium: 1
        case .low: 0.5
        case .minimal: 0.25
        }
    }

    public var name: String { rawValue }

    /// One step up, for → in a form; massive wraps round to minimal.
    public var next: Impact {
        switch self {
        case .minimal: .low
        case .low: .medium
        case .medium: .high
        case .high: .massive
        case .massive: .minimal
        }
    }

    /// One step down, for ← in a form; minimal wraps round to massive.
    public var previous: Impact {
        switch self {
        case .massive: .high
        case .high: .medium
        case .medium: .low
        case .low: .minimal
        case .minimal: .massive
        }
    }

    /// The step whose value is exactly `value`; nil for anything off the scale.
    public init?(value: Double) {
        guard let impact = Impact.allCases.first(where: { $0.value == value }) else { return nil }
        self = impact
    }

    /// A name in any case ("High") or one of the five numbers ("2", "0.5", ".25").
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespaceAndNewlines()
        if let named = Impact(rawValue: trimmed.lowercased()) {
            self = named
        } else if let number = NumberText.parse(trimmed), let impact = Impact(value: number) {
            self = impact
        } else {
            return nil
        }
    }

    /// "massive (3), high (2), medium (1), low (0.5), minimal (0.25)", for messages.
    public static var allowedList: String {
        allCases.map { "\($0.name) (\(NumberText.plain($0.value)))" }.joined(separator: ", ")
    }

    // Stored as its number, as the RICE scale is written and as Data/ideas.json has it.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            guard let impact = Impact(value: number) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "impact \(IdeaField.impact.rule); got \(NumberText.plain(number))")
            }
            self = impact
        } else {
            let text = try container.decode(String.self)
            guard let impact = Impact(parsing: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "impact \(IdeaField.impact.rule); got \"\(text)\"")
            }
            self = impact
        }
    }
}

/// The AI work that a plain effort estimate forgets, in person-months. Each is added
/// to effort before the score is computed.
public struct HiddenCosts: Equatable, Codable, Sendable {
    public var labeling: Double
    public var retraining: Double
    public var monitoring: Double
    public var regulatory: Double

    public init(labeling: Double = 0, retraining: Double = 0, monitoring: Double = 0, regulatory: Double = 0) {
        self.labeling = labeling
        self.retraining = retraining
        self.monitoring = monitoring
        self.regulatory = regulatory
    }

    public static let zero = HiddenCosts()

    public var total: Double { labeling + retraining + monitoring + regulatory }

    enum CodingKeys: String, CodingKey {
        case labeling, retraining, monitoring, regulatory
    }

    /// A missing cost is 0, as an empty field is in the form.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        labeling = try container.decodeIfPresent(Double.self, forKey: .labeling) ?? 0
        retraining = try container.decodeIfPresent(Double.self, forKey: .retraining) ?? 0
        monitoring = try container.decodeIfPresent(Double.self, forKey: .monitoring) ?? 0
        regulatory = try container.decodeIfPresent(Double.self, forKey: .regulatory) ?? 0
    }
}

/// A side-project idea with its raw RICE estimates (never just the score).
///
/// An `Idea` is made only from `ValidIdeaFields`, which only validation hands out, so
/// every idea in memory or on disk is within the ranges: no NaN, no infinity.
public struct Idea: Equatable, Sendable, Identifiable {
    public let id: String
    public private(set) var title: String
    public private(set) var note: String?
    public private(set) var status: IdeaStatus
    /// People (or events) reached per month.
    public private(set) var reach: Double
    public private(set) var impact: Impact
    /// 0 < confidence ≤ 1.
    public private(set) var confidence: Double
    /// Person-months, without the hidden costs.
    public private(set) var effort: Double
    public private(set) var hiddenCosts: HiddenCosts
    /// Ids of the track items the idea would practise.
    public private(set) var items: [String]
    public private(set) var created: Date
    /// When any field last changed.
    public private(set) var updated: Date

    public init(id: String, fields: ValidIdeaFields, created: Date, updated: Date) {
        self.id = id
        title = fields.title
        note = fields.note
        status = fields.status
        reach = fields.reach
        impact = fields.impact
        confidence = fields.confidence
        effort = fields.effort
        hiddenCosts = fields.hiddenCosts
        items = fields.items
        self.created = created
        self.updated = updated
    }

    /// Ids are typed as CLI arguments: not empty, no spaces or control characters.
    public static func isValidID(_ id: String) -> Bool {
        if ASCIIText.isVisible(id) { return !id.isEmpty }
        return !id.isEmpty && !id.unicodeScalars.contains {
            $0.value <= 0x20 || TextChecks.isControl($0) || ($0.value >= 0x80 && $0.properties.isWhitespace)
        }
    }

    /// The editable fields as they are now, e.g. to change one of them and validate again.
    public var fields: ValidIdeaFields {
        ValidIdeaFields(title: title, note: note, status: status, reach: reach, impact: impact,
                        confidence: confidence, effort: effort, hiddenCosts: hiddenCosts, items: items)
    }

    /// Replaces the editable fields; `updated` moves only when something changed.
    @discardableResult
    mutating func apply(_ fields: ValidIdeaFields, at now: Date) -> Bool {
        guard fields != self.fields else { return false }
        self = Idea(id: id, fields: fields, created: created, updated: now)
        return true
    }
}

extension Idea: Codable {
    enum CodingKeys: String, CodingKey {
        case id, title, note, status, reach, impact, confidence, effort, hiddenCosts, items, created, updated
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encode(status, forKey: .status)
        try container.encode(reach, forKey: .reach)
        try container.encode(impact, forKey: .impact)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(effort, forKey: .effort)
        try container.encode(hiddenCosts, forKey: .hiddenCosts)
        try container.encode(items, forKey: .items)
        try container.encode(created, forKey: .created)
        try container.encode(updated, forKey: .updated)
    }

    /// Decoding goes through the same checks as typing, so a hand-edited file cannot
    /// smuggle in a value the form would refuse.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        guard Idea.isValidID(id) else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: container,
                                                   debugDescription: "id must not be empty or contain spaces; got \"\(id)\"")
        }
        let title = try container.decode(String.self, forKey: .title)
        let note = try container.decodeIfPresent(String.self, forKey: .note)
        let status = try container.decode(IdeaStatus.self, forKey: .status)
        let reach = try container.decode(Double.self, forKey: .reach)
        let impact = try container.decode(Impact.self, forKey: .impact)
        let confidence = try container.decode(Double.self, forKey: .confidence)
        let effort = try container.decode(Double.self, forKey: .effort)
        let hiddenCosts = try container.decodeIfPresent(HiddenCosts.self, forKey: .hiddenCosts) ?? .zero
        let items = try container.decodeIfPresent([String].self, forKey: .items) ?? []
        let result = IdeaValidation.check(title: title, note: note, status: status, reach: reach, impact: impact,
                                          confidence: confidence, effort: effort, hiddenCosts: hiddenCosts, items: items)
        switch result {
        case .success(let fields):
            self.init(id: id, fields: fields,
                      created: try container.decode(Date.self, forKey: .created),
                      updated: try container.decode(Date.self, forKey: .updated))
        case .failure(let problems):
            let first = problems.all[0]
            let key = CodingKeys(rawValue: first.field.name) ?? .hiddenCosts
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath + [key], debugDescription: first.description))
        }
    }
}
