import FoundationEssentials

/// Reviews that fall due on days off: they come on the study days after them, spread so
/// the first day back is not buried.
///
/// The cards of one item that fell due in one stretch of days off move together (a card
/// group, as the plan lists them). The groups of a stretch are spread over as many study
/// days after it as the stretch had days (at most `longestSpread`): each, the earliest
/// due first, goes to the least loaded of those days counting the cards due there
/// anyway, ties to the earlier day. So no day after a break carries more than the
/// average of those days plus one group. Pure: the same cards and days always give the
/// same plan.
public enum LoadSmoothing {
    public static let longestSpread = 14

    /// The day each card of `cards` is planned for: its due day, or for a card due on a
    /// day off, the study day it was spread to. Keyed by card id.
    public static func plannedDays(of cards: [Card], itemOf: (Card) -> String,
                                   calendar: StudyCalendar) -> [String: StudyDay] {
        var planned: [String: StudyDay] = [:]
        guard !calendar.everyWeekdayOff else {
            for card in cards { planned[card.id] = card.due }
            return planned
        }
        // The stretch each off card fell in, by the stretch's last day.
        struct Stretch { var days: ClosedRange<StudyDay>; var groups: [String: [Card]] = [:] }
        var stretches: [StudyDay: Stretch] = [:]
        var naturalLoad: [StudyDay: Int] = [:]
        for card in cards {
            guard calendar.isOff(card.due) else {
                planned[card.id] = card.due
                naturalLoad[card.due, default: 0] += 1
                continue
            }
            let back = calendar.studyDays(from: card.due, count: 1).first ?? card.due
            guard let run = calendar.daysOff(before: back) else {
                planned[card.id] = card.due
                continue
            }
            stretches[run.upperBound, default: Stretch(days: run)].groups[itemOf(card), default: []].append(card)
        }
        var load = naturalLoad
        for end in stretches.keys.sorted() {
            let stretch = stretches[end]!
            let length = stretch.days.lowerBound.days(to: stretch.days.upperBound) + 1
            let window = calendar.studyDays(from: end.adding(days: 1), count: min(length, longestSpread))
            guard !window.isEmpty else { continue }
            let groups = stretch.groups.map { (item: $0.key, cards: $0.value, due: $0.value.map(\.due).min()!) }
                .sorted { $0.due != $1.due ? $0.due < $1.due : $0.item < $1.item }
            for group in groups {
                var best = window[0]
                for day in window.dropFirst() where load[day, default: 0] < load[best, default: 0] { best = day }
                load[best, default: 0] += group.cards.count
                for card in group.cards { planned[card.id] = best }
            }
        }
        return planned
    }
}

extension ReviewBook {
    /// `dueCards(on:…)` with the days off taken into account: nothing on a day off, and a
    /// card that fell due on days off only from the day `LoadSmoothing` spread it to.
    /// Ordered as `dueCards`, by the chance of recall on `day`.
    public func dueCards(on day: StudyDay, curriculum: Curriculum, progress: ProgressBook, timeZone: TimeZoneRules,
                         scheduler: FSRSScheduler, calendar: StudyCalendar) -> [DueCard] {
        guard !calendar.restDays.isEmpty || !calendar.breaks.isEmpty else {
            return dueCards(on: day, curriculum: curriculum, progress: progress, timeZone: timeZone, scheduler: scheduler)
        }
        guard !calendar.isOff(day) else { return [] }
        return plannedCards(through: day, curriculum: curriculum, progress: progress, timeZone: timeZone,
                            scheduler: scheduler, calendar: calendar)
            .filter { $0.planned <= day }.map(\.due)
    }

    /// Every card due through `last` (counting the cards the spread of the days before
    /// `last` needs), with the day it is planned for. Ordered by the chance of recall on
    /// `last`, then due day and id.
    public func plannedCards(through last: StudyDay, curriculum: Curriculum, progress: ProgressBook,
                             timeZone: TimeZoneRules, scheduler: FSRSScheduler,
                             calendar: StudyCalendar) -> [(due: DueCard, planned: StudyDay)] {
        // The spread of a stretch that ended before `last` may reach past it: the cards due
        // anyway on those later days weigh in, so they are read too.
        let horizon = calendar.studyDays(from: last, count: LoadSmoothing.longestSpread).last ?? last
        let all = dueCards(on: horizon, curriculum: curriculum, progress: progress, timeZone: timeZone,
                           scheduler: scheduler)
        let items = Dictionary(all.map { ($0.card.id, $0.itemID) }, uniquingKeysWith: { a, _ in a })
        let planned = LoadSmoothing.plannedDays(of: all.map(\.card), itemOf: { items[$0.id] ?? $0.id }, calendar: calendar)
        return all.compactMap { due -> (due: DueCard, planned: StudyDay)? in
            let day = planned[due.card.id] ?? due.card.due
            guard day <= last else { return nil }
            var ordered = due
            ordered.retrievability = scheduler.retrievability(of: due.card, on: last)
            return (ordered, day)
        }.sorted { a, b in
            let ra = a.due.retrievability ?? 0, rb = b.due.retrievability ?? 0
            if ra != rb { return ra < rb }
            if a.due.card.due != b.due.card.due { return a.due.card.due < b.due.card.due }
            return a.due.card.id < b.due.card.id
        }
    }
}
