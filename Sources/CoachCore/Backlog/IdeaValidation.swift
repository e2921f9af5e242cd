import FoundationEssentials
import Glibc

/// The fields of an idea, in form order, with the name the CLI flags and JSON use and
/// the allowed range that every message quotes.
public enum IdeaField: String, CaseIterable, Sendable {
    case title, note, reach, impact, confidence, effort, labeling, retraining, monitoring, regulatory, status, items

    /// As in `--reach` and in the JSON keys.
    public var name: String { rawValue }

    public var label: String {
        switch self {
        case .title: "Title"
        case .note: "Note"
        case .reach: "Reach"
        case .impact: "Impact"
        case .confidence: "Confidence"
        case .effort: "Effort"
        case .labeling: "Labeling"
        case .retraining: "Retraining"
        case .monitoring: "Monitoring"
        case .regulatory: "Regulatory review"
        case .status: "Status"
        case .items: "Items"
        }
    }

    /// What the field accepts, in words.
    public var rule: String {
        switch self {
        case .title: "must be 1 to \(IdeaValidation.titleLimit) characters on one line"
        case .note: "must be at most \(IdeaValidation.noteLimit) characters, without control characters"
        case .reach: "must be a finite number ≥ 0 (people or events per month)"
        case .impact: "must be one of \(Impact.allowedList)"
        case .confidence: "must be more than 0 and at most 1 (80% and 0.8 are the same)"
        case .effort: "must be a finite number > 0 (person-months)"
        case .labeling, .retraining, .monitoring, .regulatory:
            "must be a finite number ≥ 0 (person-months; empty means 0)"
        case .status: "must be one of \(IdeaStatus.allCases.map(\.rawValue).joined(separator: ", "))"
        case .items: "must be track item ids like genai.rag, separated by commas or spaces"
        }
    }

    public var isHiddenCost: Bool { [.labeling, .retraining, .monitoring, .regulatory].contains(self) }
}

/// One thing wrong with one field, said in one line: the field, its range, what came.
public struct FieldProblem: Equatable, Sendable, CustomStringConvertible {
    public var field: IdeaField
    /// "must be …; got 1.5", without the field name, for showing beside the field.
    public var message: String

    public init(field: IdeaField, message: String) {
        self.field = field
        self.message = message
    }

    init(_ field: IdeaField, got: String) {
        self.init(field: field, message: "\(field.rule); got \(got)")
    }

    public var description: String { "\(field.name): \(message)" }
}

/// Everything wrong with a draft, in field order; never empty.
public struct FieldProblems: Error, Equatable, Sendable, CustomStringConvertible {
    public var all: [FieldProblem]

    public init(_ all: [FieldProblem]) {
        self.all = all
    }

    /// The problems of one field, for showing beside it in a form.
    public func of(_ field: IdeaField) -> [FieldProblem] {
        all.filter { $0.field == field }
    }

    public var fields: Set<IdeaField> { Set(all.map(\.field)) }

    /// One problem a line, each starting with its field.
    public var description: String { all.map(\.description).joined(separator: "\n") }
}

/// What the learner typed, field by field, before anything is checked. The form and the
/// CLI both fill one of these and hand it to `IdeaValidation.validate`.
public struct IdeaDraft: Equatable, Sendable {
    public var title: String
    public var note: String
    public var reach: String
    public var impact: String
    public var confidence: String
    public var effort: String
    public var labeling: String
    public var retraining: String
    public var monitoring: String
    public var regulatory: String
    /// Empty means `idea`.
    public var status: String
    /// Item ids separated by commas or spaces.
    public var items: String

    public init(title: String = "", note: String = "", reach: String = "", impact: String = "",
                confidence: String = "", effort: String = "", labeling: String = "", retraining: String = "",
                monitoring: String = "", regulatory: String = "", status: String = "", items: String = "") {
        self.title = title
        self.note = note
        self.reach = reach
        self.impact = impact
        self.confidence = confidence
        self.effort = effort
        self.labeling = labeling
        self.retraining = retraining
        self.monitoring = monitoring
        self.regulatory = regulatory
        self.status = status
        self.items = items
    }

    /// The idea's fields as text, to edit them: validating this draft unchanged gives
    /// the same fields back.
    public init(_ idea: Idea) {
        self.init(title: idea.title,
                  note: idea.note ?? "",
                  reach: NumberText.plain(idea.reach),
                  impact: idea.impact.name,
                  confidence: NumberText.confidence(idea.confidence),
                  effort: NumberText.plain(idea.effort),
                  labeling: NumberText.plain(idea.hiddenCosts.labeling),
                  retraining: NumberText.plain(idea.hiddenCosts.retraining),
                  monitoring: NumberText.plain(idea.hiddenCosts.monitoring),
                  regulatory: NumberText.plain(idea.hiddenCosts.regulatory),
                  status: idea.status.rawValue,
                  items: idea.items.joined(separator: ", "))
    }

    /// One field's text by name, so a form can walk the fields in order.
    public subscript(field: IdeaField) -> String {
        get {
            switch field {
            case .title: title
            case .note: note
            case .reach: reach
            case .impact: impact
            case .confidence: confidence
            case .effort: effort
            case .labeling: labeling
            case .retraining: retraining
            case .monitoring: monitoring
            case .regulatory: regulatory
            case .status: status
            case .items: items
            }
        }
        set {
            switch field {
            case .title: title = newValue
            case .note: note = newValue
            case .reach: reach = newValue
            case .impact: impact = newValue
            case .confidence: confidence = newValue
            case .effort: effort = newValue
            case .labeling: labeling = newValue
            case .retraining: retraining = newValue
            case .monitoring: monitoring = newValue
            case .regulatory: regulatory = newValue
            case .status: status = newValue
            case .items: items = newValue
            }
        }
    }
}

/// Fields that passed every check. Only `IdeaValidation` makes them, and only they
/// make an `Idea`: that is how nothing out of range is ever stored.
public struct ValidIdeaFields: Equatable, Sendable {
    /// Trimmed, 1 to 200 characters, one line.
    public let title: String
    /// Trimmed; nil when empty.
    public let note: String?
    public let status: IdeaStatus
    public let reach: Double
    public let impact: Impact
    public let confidence: Double
    public let effort: Double
    public let hiddenCosts: HiddenCosts
    /// Distinct, in the order given.
    public let items: [String]

    init(title: String, note: String?, status: IdeaStatus, reach: Double, impact: Impact,
         confidence: Double, effort: Double, hiddenCosts: HiddenCosts, items: [String]) {
        self.title = title
        self.note = note
        self.status = status
        self.reach = reach
        self.impact = impact
        self.confidence = confidence
        self.effort = effort
        self.hiddenCosts = hiddenCosts
        self.items = items
    }

    public var totalEffort: Double { RICE.totalEffort(effort: effort, hiddenCosts: hiddenCosts) }

    /// The same fields with another status, for cycling it.
    public func with(status: IdeaStatus) -> ValidIdeaFields {
        ValidIdeaFields(title: title, note: note, status: status, reach: reach, impact: impact,
                        confidence: confidence, effort: effort, hiddenCosts: hiddenCosts, items: items)
    }
}

/// The one place that decides what an idea may hold. Every problem is reported at once,
/// in field order, each naming its field and the allowed range.
public enum IdeaValidation {
    public static let titleLimit = 200
    public static let noteLimit = 10_000

    /// Checks text as typed. `knownItems`, when given, also refuses item ids the
    /// curriculum does not have (with suggestions); without it any well-formed id passes.
    public static func validate(_ draft: IdeaDraft, knownItems: Set<String>? = nil) -> Result<ValidIdeaFields, FieldProblems> {
        var checker = Checker()
        let title = checker.title(draft.title)
        let note = checker.note(draft.note)
        let reach = checker.number(draft.reach, .reach).flatMap { checker.reach($0, typed: draft.reach) }
        let impact = checker.impact(draft.impact)
        let confidence = checker.confidence(draft.confidence)
        let effort = checker.number(draft.effort, .effort).flatMap { checker.effort($0, typed: draft.effort) }
        let labeling = checker.cost(draft.labeling, .labeling)
        let retraining = checker.cost(draft.retraining, .retraining)
        let monitoring = checker.cost(draft.monitoring, .monitoring)
        let regulatory = checker.cost(draft.regulatory, .regulatory)
        let status = checker.status(draft.status)
        let items = checker.items(splitItems(draft.items), known: knownItems)
        return checker.finish(title: title, note: note, status: status, reach: reach, impact: impact,
                              confidence: confidence, effort: effort,
                              costs: (labeling, retraining, monitoring, regulatory), items: items)
    }

    /// Checks values that are already typed: a file, a starter idea, a test fixture.
    /// The same ranges as `validate`.
    public static func check(title: String, note: String? = nil, status: IdeaStatus = .idea, reach: Double,
                             impact: Impact, confidence: Double, effort: Double,
                             hiddenCosts: HiddenCosts = .zero, items: [String] = []) -> Result<ValidIdeaFields, FieldProblems> {
        var checker = Checker()
        let checkedTitle = checker.title(title)
        let checkedNote = checker.note(note ?? "")
        let checkedReach = checker.reach(reach, typed: nil)
        let checkedConfidence = checker.confidenceRange(confidence, typed: nil)
        let checkedEffort = checker.effort(effort, typed: nil)
        let labeling = checker.costRange(hiddenCosts.labeling, .labeling, typed: nil)
        let retraining = checker.costRange(hiddenCosts.retraining, .retraining, typed: nil)
        let monitoring = checker.costRange(hiddenCosts.monitoring, .monitoring, typed: nil)
        let regulatory = checker.costRange(hiddenCosts.regulatory, .regulatory, typed: nil)
        let checkedItems = checker.items(items, known: nil)
        return checker.finish(title: checkedTitle, note: checkedNote, status: status, reach: checkedReach,
                              impact: impact, confidence: checkedConfidence, effort: checkedEffort,
                              costs: (labeling, retraining, monitoring, regulatory), items: checkedItems)
    }

    /// "genai.rag, agents.mcp" or "genai.rag agents.mcp" → the ids.
    public static func splitItems(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
    }
}

/// Collects problems while each field is read; `finish` builds the fields only when
/// there were none.
private struct Checker {
    var problems: [FieldProblem] = []

    mutating func fail(_ field: IdeaField, got: String) {
        problems.append(FieldProblem(field, got: got))
    }

    mutating func title(_ raw: String) -> String? {
        // Nearly every title: nothing to trim away but spaces, one character a byte, no
        // control character to look for.
        if !raw.isEmpty, TextChecks.isPlainASCII(raw, limit: IdeaValidation.titleLimit) { return raw }
        let title = TextChecks.trimmed(raw)
        if title.isEmpty {
            fail(.title, got: raw.isEmpty ? "nothing" : "only spaces")
            return nil
        }
        // Counting characters walks grapheme clusters; the byte count is an upper bound.
        if title.utf8.count > IdeaValidation.titleLimit, title.count > IdeaValidation.titleLimit {
            fail(.title, got: "\(title.count) characters")
            return nil
        }
        // A title is one row of a table: a line break or an escape would break the screen.
        if TextChecks.hasControl(title, allowingLineBreaks: false) {
            fail(.title, got: "a line break or control character")
            return nil
        }
        return title
    }

    /// Trimmed; "" stands for no note.
    mutating func note(_ raw: String) -> String? {
        // Most notes, the same way.
        if TextChecks.isPlainASCII(raw, limit: IdeaValidation.noteLimit) { return raw }
        // Line ends pasted from Windows or old Macs become plain line breaks.
        let unified = TextChecks.hasByte(0x0D, in: raw)
            ? raw.replacingText("\r\n", with: "\n").replacingText("\r", with: "\n")
            : raw
        let note = TextChecks.trimmed(unified)
        if note.utf8.count > IdeaValidation.noteLimit, note.count > IdeaValidation.noteLimit {
            fail(.note, got: "\(note.count) characters")
            return nil
        }
        // Line breaks and tabs are fine in a note; terminal escapes are not.
        if TextChecks.hasControl(note, allowingLineBreaks: true) {
            fail(.note, got: "a control character")
            return nil
        }
        return note
    }

    mutating func status(_ raw: String) -> IdeaStatus? {
        if raw.trimmingWhitespaceAndNewlines().isEmpty { return .idea }
        guard let status = IdeaStatus(parsing: raw) else {
            fail(.status, got: Shown.text(raw))
            return nil
        }
        return status
    }

    mutating func impact(_ raw: String) -> Impact? {
        guard let impact = Impact(parsing: raw) else {
            let trimmed = raw.trimmingWhitespaceAndNewlines()
            if trimmed.isEmpty {
                fail(.impact, got: "nothing")
            } else if let number = NumberText.parse(trimmed), number.isFinite {
                fail(.impact, got: trimmed)
            } else {
                fail(.impact, got: Shown.text(raw))
            }
            return nil
        }
        return impact
    }

    /// Reads a decimal number (POSIX: "." for decimals, whatever the locale), reporting
    /// why text is not one. Returns finite numbers only.
    mutating func number(_ raw: String, _ field: IdeaField) -> Double? {
        let text = raw.trimmingWhitespaceAndNewlines()
        if text.isEmpty {
            fail(field, got: "nothing")
            return nil
        }
        let lower = text.lowercased()
        if ["nan", "+nan", "-nan"].contains(lower) {
            fail(field, got: "\(text), which is not a number")
            return nil
        }
        if ["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"].contains(lower) {
            fail(field, got: "\(text), which is not finite")
            return nil
        }
        guard let value = NumberText.parse(text) else {
            if text.contains(",") {
                fail(field, got: "\(Shown.text(text)) (write a point for decimals and no thousands separators, e.g. 1500 or 0.8)")
            } else {
                fail(field, got: "\(Shown.text(text)), which is not a number")
            }
            return nil
        }
        guard value.isFinite else {
            fail(field, got: "\(Shown.text(text)), which is too large")
            return nil
        }
        return value
    }

    /// `typed` is the text as the learner wrote it, for the message; nil for values.
    mutating func reach(_ value: Double, typed: String?) -> Double? {
        guard value.isFinite, value >= 0 else {
            fail(.reach, got: Shown.value(value, typed))
            return nil
        }
        return value + 0 // -0 becomes 0
    }

    mutating func effort(_ value: Double, typed: String?) -> Double? {
        guard value.isFinite, value > 0 else {
            fail(.effort, got: Shown.value(value, typed))
            return nil
        }
        return value
    }

    mutating func cost(_ raw: String, _ field: IdeaField) -> Double? {
        if raw.trimmingWhitespaceAndNewlines().isEmpty { return 0 }
        return number(raw, field).flatMap { costRange($0, field, typed: raw) }
    }

    mutating func costRange(_ value: Double, _ field: IdeaField, typed: String?) -> Double? {
        guard value.isFinite, value >= 0 else {
            fail(field, got: Shown.value(value, typed))
            return nil
        }
        return value + 0
    }

    /// "80%" or "0.8". A bare whole number from 2 to 100 is most likely a percentage
    /// without its sign, so the message says how to write it rather than guessing
    /// (1.5 could as well be a slip for 0.15, so it gets no hint).
    mutating func confidence(_ raw: String) -> Double? {
        let text = raw.trimmingWhitespaceAndNewlines()
        if text.hasSuffix("%") {
            let digits = String(text.dropLast()).trimmingWhitespace()
            if digits.isEmpty || digits.hasSuffix("%") {
                fail(.confidence, got: "\(Shown.text(text)), which is not a number")
                return nil
            }
            guard let percent = number(digits, .confidence) else { return nil }
            return confidenceRange(percent / 100, typed: text)
        }
        guard let value = number(text, .confidence) else { return nil }
        if value > 1, value <= 100, value == value.rounded() {
            fail(.confidence, got: "\(text); for a percentage write \(text)%")
            return nil
        }
        return confidenceRange(value, typed: text)
    }

    mutating func confidenceRange(_ value: Double, typed: String?) -> Double? {
        guard value.isFinite, value > 0, value <= 1 else {
            fail(.confidence, got: Shown.value(value, typed))
            return nil
        }
        return value
    }

    /// Item ids: letters, digits and . - _ only, so they work as CLI arguments.
    mutating func items(_ ids: [String], known: Set<String>?) -> [String]? {
        var result: [String] = []
        result.reserveCapacity(ids.count)
        var failed = false
        for id in ids {
            let valid = !id.isEmpty && (id.utf8.allSatisfy(TextChecks.isIDByte) || id.unicodeScalars.allSatisfy(TextChecks.isIDScalar))
            if !valid {
                fail(.items, got: Shown.text(id))
                failed = true
                continue
            }
            if let known, !known.contains(id) {
                let close = Suggestions.closest(to: id, among: Array(known).sorted())
                let hint = close.isEmpty ? "" : " (did you mean \(close.joined(separator: ", "))?)"
                problems.append(FieldProblem(field: .items,
                                             message: "must be ids of track items; got unknown \"\(id)\"\(hint)"))
                failed = true
                continue
            }
            // An idea links a handful of items: a linear look beats hashing them.
            if !result.contains(id) { result.append(id) }
        }
        return failed ? nil : result
    }

    /// The checks across fields: the sum and the score must be finite too, which the
    /// single ranges cannot promise at their extremes (1e308 + 1e308; 1e300 ÷ 1e-300).
    mutating func finish(title: String?, note: String?, status: IdeaStatus?, reach: Double?, impact: Impact?,
                         confidence: Double?, effort: Double?,
                         costs: (Double?, Double?, Double?, Double?), items: [String]?) -> Result<ValidIdeaFields, FieldProblems> {
        guard problems.isEmpty, let title, let status, let reach, let impact, let confidence, let effort,
              let labeling = costs.0, let retraining = costs.1, let monitoring = costs.2, let regulatory = costs.3,
              let items
        else { return .failure(FieldProblems(problems)) }
        let hidden = HiddenCosts(labeling: labeling, retraining: retraining, monitoring: monitoring, regulatory: regulatory)
        let total = RICE.totalEffort(effort: effort, hiddenCosts: hidden)
        if !total.isFinite {
            fail(.effort, got: "\(NumberText.plain(effort)), which with the hidden costs adds up to more than can be computed")
            return .failure(FieldProblems(problems))
        }
        let score = RICE.score(reach: reach, impact: impact, confidence: confidence, totalEffort: total)
        if !score.isFinite {
            fail(.effort, got: "\(NumberText.plain(effort)), which is too small for a reach of \(NumberText.plain(reach)): the score would be too large to compute")
            return .failure(FieldProblems(problems))
        }
        return .success(ValidIdeaFields(title: title, note: note.flatMap { $0.isEmpty ? nil : $0 }, status: status,
                                        reach: reach, impact: impact, confidence: confidence, effort: effort,
                                        hiddenCosts: hidden, items: items))
    }
}

/// Checks that run for every idea of a 10,000-idea file at load, so they avoid
/// Unicode property tables and Foundation where plain ASCII answers the question.
enum TextChecks {
    /// General category Cc: C0, DEL and C1.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether `text` has a control character (Cc), read from its UTF-8: C0 and DEL are
    /// single bytes, C1 is 0xC2 followed by 0x80–0x9F. Line breaks and tabs may be allowed.
    static func hasControl(_ text: String, allowingLineBreaks: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() {
                if byte < 0x20 {
                    if allowingLineBreaks, byte == 0x0A || byte == 0x09 { continue }
                    return true
                }
                if byte == 0x7F { return true }
                if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
            }
            return false
        }
    }

    /// Printable ASCII within `limit` bytes, with no space at either end: a text that
    /// trimming, counting characters and looking for control characters leave as it is.
    static func isPlainASCII(_ text: String, limit: Int) -> Bool {
        text.utf8.count <= limit && text.utf8.first != 0x20 && text.utf8.last != 0x20 && ASCIIText.isPrintable(text)
    }

    /// Whether `text` has `byte` in its UTF-8, read in place (the generic `utf8.contains`
    /// costs several times as much on a 10,000-idea file's notes).
    static func hasByte(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(byte) }
    }

    /// ASCII letters, digits, ".", "-" and "_".
    static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F: true
        default: false
        }
    }

    /// Letters, digits, ".", "-" and "_".
    static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F: return true
        case 0..<0x80: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// Trimmed of white space and line breaks; without Foundation when both ends are
    /// visible ASCII, as they almost always are.
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last,
           (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return text
        }
        return text.trimmingWhitespaceAndNewlines()
    }
}

/// How a refused value appears after "got" in a message: short, on one line.
private enum Shown {
    static let limit = 40

    /// Control characters are shown as visible escapes (`TerminalText`, the one rule).
    static func text(_ raw: String) -> String {
        let cut = raw.count > limit ? String(raw.prefix(limit)) : raw
        return "\"\(TerminalText.oneLine(cut, limit: limit))\(cut.count < raw.count ? "…" : "")\""
    }

    /// The value as typed when there is typed text, else as a number.
    static func value(_ value: Double, _ typed: String?) -> String {
        if let typed {
            let trimmed = typed.trimmingWhitespaceAndNewlines()
            let cut = trimmed.count > limit ? String(trimmed.prefix(limit)) : trimmed
            return TerminalText.oneLine(cut, limit: limit) + (cut.count < trimmed.count ? "…" : "")
        }
        return NumberText.plain(value)
    }
}

/// Numbers as text, both ways, the same in every locale: "." for decimals, no grouping.
/// (Swift's own conversions ignore the locale; printf-style formatting would not once
/// ncurses has called setlocale.)
public enum NumberText {
    /// A decimal number: optional sign, digits with an optional point, optional
    /// exponent. "1e999" gives infinity (callers refuse it); "nan", "inf", hex,
    /// separators and anything else give nil.
    public static func parse(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            return i - start
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        var mantissa = digits()
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == bytes.count else { return nil }
        return Double(text)
    }

    /// The shortest text that reads back as the same number: 3, 0.5, 1500, 1e-05.
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// At most `decimals` decimals, trailing zeros dropped: 592.59, 1200, 0.5.
    public static func rounded(_ value: Double, decimals: Int = 2) -> String {
        let scale = pow(10, Double(max(0, decimals)))
        let rounded = (value * scale).rounded() / scale
        return plain(rounded.isFinite ? rounded : value)
    }

    /// A confidence as the learner would type it: "80%" when that reads back exactly,
    /// else the decimal.
    public static func confidence(_ value: Double) -> String {
        let percent = ((value * 100) * 1e6).rounded() / 1e6
        let text = plain(percent)
        if let back = parse(text), back / 100 == value { return "\(text)%" }
        return plain(value)
    }
}
