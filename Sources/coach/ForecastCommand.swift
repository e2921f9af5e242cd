import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

/// `coach forecast [--days N] [--json]`: the coming days' cards and planned minutes, as
/// History shows them.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "The next days: cards coming due and the minutes each day's plan asks for.",
        discussion: "Counted from your files as they are now, as if nothing were studied in between; rest days and breaks are marked and plan nothing. Cards that fall due on days off are counted on the day they are spread to.")

    @OptionGroup var home: HomeOption
    @Option(help: ArgumentHelp("How many days, \(Forecast.dayRange.lowerBound)–\(Forecast.dayRange.upperBound) (default \(Forecast.historyDays)).", valueName: "N"))
    var days: String?
    @Flag(help: "Print JSON (the shape is in the README).") var json = false

    struct Row: Encodable {
        var day: String
        var weekday: String
        var cards: Int
        var ladderReviews: Int
        var minutes: Int
        /// "rest", "break" or null.
        var off: String?
        var firstDayBack: Bool

        enum CodingKeys: String, CodingKey { case day, weekday, cards, ladderReviews, minutes, off, firstDayBack }

        /// Every key in every row: `off` is null on a study day, never left out.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(day, forKey: .day)
            try container.encode(weekday, forKey: .weekday)
            try container.encode(cards, forKey: .cards)
            try container.encode(ladderReviews, forKey: .ladderReviews)
            try container.encode(minutes, forKey: .minutes)
            try container.encode(off, forKey: .off)
            try container.encode(firstDayBack, forKey: .firstDayBack)
        }
    }

    func run() throws {
        let count = try Self.dayCount(days)
        let context = try AppContext.load(home: home)
        try context.recoverInterruptedSession()
        let reviews = try context.loadReviews()
        let forecast = Forecast(curriculum: context.curriculum, progress: context.progress, reviews: reviews,
                                settings: context.settings, from: context.today, days: count, timeZone: context.timeZone)
        if json {
            return try JSONOutput.print(forecast.days.map { day in
                Row(day: "\(day.day)", weekday: day.day.weekday.shortName, cards: day.cards, ladderReviews: day.ladderReviews,
                    minutes: day.minutes, off: Self.offName(day.off), firstDayBack: day.firstDayBack)
            })
        }
        for line in ForecastText.lines(forecast, barWidth: 20) { print(line) }
    }

    static func offName(_ off: StudyCalendar.Off?) -> String? {
        switch off {
        case .restDay?: "rest"
        case .onBreak?: "break"
        case nil: nil
        }
    }

    static func dayCount(_ text: String?) throws -> Int {
        guard let text else { return Forecast.historyDays }
        let range = Forecast.dayRange
        guard let value = Int(text.trimmingWhitespace()), range.contains(value) else {
            throw CoachFailure("--days must be a whole number from \(range.lowerBound) to \(range.upperBound); got \(TerminalText.quoted(text))")
        }
        return value
    }
}
