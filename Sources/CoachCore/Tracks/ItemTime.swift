import FoundationEssentials

/// The limits and the wording of the time kept on an item: minutes spent by day and the
/// learner's own estimate.
public enum ItemTime {
    /// Minutes spent on one item on one day: at most the day.
    public static let minutesRange = 1...1_440
    /// An own estimate: from 5 minutes to 200 hours, the range of the shipped ones and more.
    public static let estimateRange = 5...12_000

    static func spentProblem(day: String, minutes: Int) -> String {
        StudyDay(day) == nil
            ? "\"\(day)\" is not a day (expected YYYY-MM-DD)"
            : "expected minutes from \(minutesRange.lowerBound) to \(minutesRange.upperBound), got \(minutes)"
    }

    public static func estimateProblem(_ minutes: Int) -> String {
        "expected an estimate from \(estimateRange.lowerBound) to \(estimateRange.upperBound) minutes, got \(minutes)"
    }

    /// "3h10 of 10h": the time spent against the estimate.
    public static func spentText(_ spent: Int, of estimate: Int) -> String {
        "\(MinutesText.short(spent)) of \(MinutesText.short(estimate))"
    }

    /// Parses a learner's estimate: minutes ("90") or hours and minutes ("1h30", "2h").
    public static func parseEstimate(_ text: String) -> Result<Int, EstimateProblem> {
        let trimmed = text.trimmingWhitespace().lowercased()
        var minutes: Int?
        if let value = Int(trimmed) {
            minutes = value
        } else if let h = trimmed.firstIndex(of: "h"), let hours = Int(trimmed[..<h]) {
            var rest = trimmed[trimmed.index(after: h)...]
            if rest.hasSuffix("m") { rest = rest.dropLast() }
            if rest.isEmpty {
                minutes = hours * 60
            } else if let extra = Int(rest), (0..<60).contains(extra) {
                minutes = hours * 60 + extra
            }
        } else if trimmed.hasSuffix("m"), let value = Int(trimmed.dropLast()) {
            minutes = value
        }
        guard let minutes else { return .failure(EstimateProblem("expected minutes (90) or hours and minutes (1h30), got \"\(text)\"")) }
        guard estimateRange.contains(minutes) else { return .failure(EstimateProblem(estimateProblem(minutes))) }
        return .success(minutes)
    }

    public struct EstimateProblem: Error, Equatable {
        public var message: String
        init(_ message: String) { self.message = message }
    }
}
