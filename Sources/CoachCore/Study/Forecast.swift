import FoundationEssentials

/// The coming days: how many cards fall due on each (after `LoadSmoothing` spread the
/// ones due on days off) and the minutes each day's plan will ask for, days off marked.
/// Built from the state as it is now, as if nothing were studied in between.
public struct Forecast: Equatable, Sendable {
    public struct Day: Equatable, Sendable {
        public var day: StudyDay
        /// Cards planned for this day: on the first day all that are due by then.
        public var cards: Int
        /// Items without prompts due for review (on the older ladder) that day.
        public var ladderReviews: Int
        /// The minutes the day's plan asks for (0 on a day off).
        public var minutes: Int
        public var off: StudyCalendar.Off?
        public var firstDayBack: Bool
    }

    public static let historyDays = 14
    public static let dayRange = 1...90

    public var days: [Day]

    public init(days: [Day]) {
        self.days = days
    }

    public init(curriculum: Curriculum, progress: ProgressBook, reviews: ReviewBook, settings: Settings,
                from first: StudyDay, days count: Int, timeZone: TimeZoneRules) {
        let last = first.adding(days: max(1, count) - 1)
        let calendar = settings.calendar
        let planned = reviews.plannedCards(through: last, curriculum: curriculum, progress: progress, timeZone: timeZone,
                                           scheduler: settings.scheduler, calendar: calendar)
        var cardsOn: [StudyDay: Int] = [:]
        for card in planned { cardsOn[max(first, card.planned), default: 0] += 1 }
        var ladderOn: [StudyDay: Int] = [:]
        for due in reviews.due(on: last, progress: progress, timeZone: timeZone)
        where curriculum.item(id: due.itemID)?.prompts.isEmpty != false {
            var day = max(first, due.due)
            while calendar.isOff(day), day < last { day = day.adding(days: 1) }
            ladderOn[day, default: 0] += 1
        }
        days = (0..<max(1, count)).map { offset in
            let day = first.adding(days: offset)
            let off = calendar.off(day)
            let minutes = off == nil
                ? DailyPlan(curriculum: curriculum, progress: progress, reviews: reviews, settings: settings,
                            day: day, timeZone: timeZone).totalMinutes
                : 0
            return Day(day: day, cards: off == nil ? cardsOn[day] ?? 0 : 0, ladderReviews: off == nil ? ladderOn[day] ?? 0 : 0,
                       minutes: minutes, off: off, firstDayBack: calendar.isFirstDayBack(day))
        }
    }
}
