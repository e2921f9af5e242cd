import CoachCore
import Foundation
import Testing
@testable import CoachUI

/// Twenty weeks of study up to 2026-11-23 (a Monday), against a 45-minute goal.
enum HistoryFixtures {
    static func day(_ text: String) -> StudyDay {
        guard let day = StudyDay(text) else { fatalError("bad day \(text)") }
        return day
    }

    static let today = day("2026-11-23")
    static let goals = GoalHistory(changes: [.init(from: day("2026-01-01"), minutes: 45)])

    static let notes: [String?] = [
        "Read about RAG evaluation",
        "Wrote a one-page PRD for an AI feature",
        nil,
        "Prompt patterns, café notes 日本語 and a long note that will not fit on one line of the journal",
    ]

    /// From Monday 13 July: Mon 45, Tue 20, Wed –, Thu 60, Fri 30, Sat –, Sun 100 each
    /// week until October's end; then 50 a day in November but for the 10th; 20 today;
    /// and one session before the heatmap's first day.
    static func journal(today: StudyDay = today) -> Journal {
        var journal = Journal(goals: goals)
        journal.add(JournalEntry(day: day("2026-06-30"), minutes: 90, note: "Before the heatmap"))
        let weekly = [45, 20, 0, 60, 30, 0, 100]
        var date = day("2026-07-13")
        var index = 0
        while date <= today {
            let minutes: Int
            if date == today { minutes = 20 }
            else if date < day("2026-11-01") { minutes = weekly[CalendarGrid.row(of: date)] }
            else { minutes = date == day("2026-11-10") ? 0 : 50 }
            if minutes > 0 {
                journal.add(JournalEntry(day: date, minutes: minutes, items: ["genai.rag", "genai.evals"],
                                         note: notes[index % notes.count]))
                index += 1
            }
            date = date.adding(days: 1)
        }
        return journal
    }

    static let tracks: [(title: String, count: ProgressCount)] = [
        ("AI Product", ProgressCount(done: 3, total: 12)),
        ("Data Science", ProgressCount(total: 10)),
        ("Generative AI", ProgressCount(done: 7, doing: 1, total: 14)),
        ("Agents", ProgressCount(done: 1, total: 8)),
        ("Soft Skills", ProgressCount(done: 5, total: 5)),
        ("Engineering Foundations", ProgressCount(done: 2, skipped: 1, total: 9)),
        ("Product Management Foundations", ProgressCount(done: 4, total: 6)),
        ("Career", ProgressCount()),
    ]

    static let itemTitles = ["genai.rag": "Retrieval-augmented generation", "genai.evals": "Evals"]

    static func model(journal: Journal = journal(), today: StudyDay = today, scroll: Int = 0,
                      tracks: [(title: String, count: ProgressCount)] = tracks) -> HistoryModel {
        HistoryModel(journal: journal, today: today, trackProgress: tracks, journalList: ListCursor(selected: scroll, scroll: scroll), itemTitles: itemTitles)
    }

    static func render(_ model: HistoryModel, rows: Int = 24, cols: Int = 80) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: Size(rows: rows, cols: cols))
        HistoryView.draw(model, in: Rect(buffer.size, top: 1, bottom: rows - 1), into: &buffer)
        return buffer
    }
}

@Suite struct HistoryViewTests {
    typealias F = HistoryFixtures

    @Test func rendersTheWholeScreenAt80x24() {
        let lines = F.render(F.model()).lines
        #expect(lines == [
            "",
            " Streak 21 days · longest 21 days                  85h40 logged in 102 sessions",
            "",
            " Last 20 weeks · Jul – Nov 2026                Minutes per week  goal 5h15/week",
            "         Aug       Sep     Oct     Nov         Sep 7  █████████████░░░░░   4h15",
            " Mon ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ░   Sep 14 █████████████░░░░░   4h15",
            " Tue ░ ░ ░ ░ ░ ░ ░ ░ ░ ░ ░ ░ ░ ░ ░ ░ ▓   ▓     Sep 21 █████████████░░░░░   4h15",
            " Wed                                 ▓ ▓ ▓     Sep 28 █████████████░░░░░   4h15",
            " Thu ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓     Oct 5  █████████████░░░░░   4h15",
            " Fri ▒ ▒ ▒ ▒ ▒ ▒ ▒ ▒ ▒ ▒ ▒ ▒ ▒ ▒ ▒ ▒ ▓ ▓ ▓     Oct 12 █████████████░░░░░   4h15",
            " Sat                                 ▓ ▓ ▓     Oct 19 █████████████░░░░░   4h15",
            " Sun █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ ▓ ▓ ▓ ▓     Oct 26 ██████████░░░░░░░░   3h25",
            "     ░ <½ goal  ▒ <goal  ▓ goal  █ 2× goal     Nov 2  ██████████████████   5h50",
            "                                               Nov 9  ███████████████░░░     5h",
            " Progress per track                            Nov 16 ██████████████████   5h50",
            " AI Product                  ██░░░░░░░░  25%   Nov 23 █░░░░░░░░░░░░░░░░░    20m",
            " Data Science                ░░░░░░░░░░   0%",
            " Generative AI               █████░░░░░  50%   Journal               1–5 of 102",
            " Agents                      █░░░░░░░░░  12%   Nov 23    20m  Read about RAG e…",
            " Soft Skills                 ██████████ 100%   Nov 22    50m  Prompt patterns,…",
            " Engineering Foundations     ██░░░░░░░░  25%   Nov 21    50m  Retrieval-augmen…",
            " Product Management Foundat… ██████░░░░  66%   Nov 20    50m  Wrote a one-page…",
            " Career                      ░░░░░░░░░░   0%   Nov 19    50m  Read about RAG e…",
            "",
        ])
    }

    @Test func aWideWindowHasBiggerCellsLongerBarsAndMoreJournal() {
        let lines = F.render(F.model(), rows: 48, cols: 160).lines
        #expect(lines[1].hasPrefix(" Streak 21 days · longest 21 days "))
        #expect(lines[1].hasSuffix(" 85h40 logged in 102 sessions"))
        #expect(lines[4] == "           Aug            Sep         Oct         Nov              Sep 7  "
            + String(repeating: "█", count: 36) + String(repeating: "░", count: 14) + "   4h15")
        #expect(lines[5] == " Mon" + String(repeating: " ▓▓", count: 19) + " ░░   Sep 14 "
            + String(repeating: "█", count: 36) + String(repeating: "░", count: 14) + "   4h15")
        #expect(lines[15].hasPrefix(" AI Product                        ███░░░░░░░░░░░░  25%  3/12      Nov 23 ██░░"))
        #expect(lines[17].hasSuffix("Journal" + String(repeating: " ", count: 74) + "1–29 of 102"))
        #expect(lines[18] == " Agents                            █░░░░░░░░░░░░░░  12%  1/8       2026-11-23    20m  Read about RAG evaluation")
        #expect(lines[19].hasSuffix("2026-11-22    50m  Prompt patterns, café notes 日本語 and a long note that will not fit on …"))
        #expect(lines[46].hasSuffix("2026-10-22     1h  Read about RAG evaluation"), "29 journal lines, to the last row")
        #expect(lines[47].isEmpty)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 160 })
    }

    @Test func heatmapCellsCarryTheirLevelsRoleAndTodayIsMarked() {
        let buffer = F.render(F.model())
        // Columns start at 5, two cells apart; rows at 5 (Mon) to 11 (Sun).
        let today = buffer[5, 5 + 19 * 2]
        #expect(today.text == "░" && today.style.reverse && today.style.role == .bar)
        #expect(!buffer[5, 5 + 18 * 2].style.reverse)
        #expect(buffer[5, 5].style.role == .good, "45 minutes: the goal")
        #expect(buffer[9, 5].style.role == .bar, "30 minutes: under the goal")
        #expect(buffer[7, 5].style.role == .barEmpty, "nothing logged")
        #expect(buffer[11, 5].text == "█")
        // Tuesday to Sunday of today's week are in the future: blank and unstyled.
        #expect((6...11).allSatisfy { buffer[$0, 5 + 19 * 2] == .blank })
    }

    @Test func heatmapTodayIsMarkedEvenWithNothingLogged() {
        let buffer = F.render(F.model(journal: Journal(), tracks: []))
        let today = buffer[5, 5 + 19 * 2]
        #expect(today.text == " " && today.style.reverse)
    }

    @Test func monthAndYearBoundary() {
        let today = F.day("2027-01-05")
        let lines = F.render(F.model(journal: F.journal(today: today), today: today)).lines
        #expect(lines[3].hasPrefix(" Last 20 weeks · Aug 2026 – Jan 2027 "))
        #expect(lines[4].hasPrefix("       Sep     Oct     Nov       Dec     Jan   Oct 19 "))
        // Tuesday 2027-01-05 is today; Wednesday onwards of that week is blank.
        #expect(lines[6].hasPrefix(" Tue ░ ░ ░ ░ ░ ░ ░ ░ ░ ░ ▓   ▓ ▓ ▓ ▓ ▓ ▓ ▓ ░   "))
        #expect(lines[7].hasPrefix(" Wed                     ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓ ▓     "))
        // The week of 28 December holds New Year's Day: seven days of 50 minutes.
        #expect(lines[14].hasSuffix("Dec 28 ██████████████████   5h50"))
        #expect(lines[15].hasSuffix("Jan 4  ███░░░░░░░░░░░░░░░   1h10"))
        #expect(lines[18].hasSuffix("Jan 5    20m  Prompt patterns, …"))
    }

    @Test func emptyHistory() {
        let lines = F.render(F.model(journal: Journal(), tracks: [])).lines
        #expect(lines[1] == " Streak 0 days · longest 0 days")
        #expect(lines[5] == " Mon" + String(repeating: " ", count: 43) + "Sep 14 ░░░░░░░░░░░░░░░░░░     0m")
        #expect(lines[4] == "         Aug       Sep     Oct     Nov         Sep 7  ░░░░░░░░░░░░░░░░░░     0m")
        #expect(lines[15] == " No tracks loaded                              Nov 23 ░░░░░░░░░░░░░░░░░░     0m")
        #expect(Array(lines[17...20]) == [
            "                                               Journal",
            "                                               No sessions logged yet: press s",
            "                                               on Today to time one, or run",
            "                                               coach log --minutes N.",
        ])
    }

    @Test func zeroGoalNeverBreaksTheScreen() {
        var journal = Journal(goals: GoalHistory(changes: [.init(from: F.day("2026-01-01"), minutes: 0)]))
        journal.add(JournalEntry(day: F.day("2026-11-20"), minutes: 5, note: "Short"))
        let lines = F.render(F.model(journal: journal)).lines
        #expect(lines[3].hasSuffix("Minutes per week"), "no weekly goal to show")
        #expect(lines[9].hasPrefix(" Fri ") && lines[9].contains("▓"), "any minutes reach a zero goal")
        #expect(lines[14].hasSuffix("Nov 16 ██████████████████     5m"))
        #expect(lines[15].hasSuffix("Nov 23 ░░░░░░░░░░░░░░░░░░     0m"))
        #expect(!lines.joined().lowercased().contains("nan"))
    }

    @Test func daysAreShadedByTheGoalOfTheirDay() {
        // 60 minutes every day; the goal was 90 until November, 45 since.
        let goals = GoalHistory(changes: [.init(from: F.day("2026-01-01"), minutes: 90), .init(from: F.day("2026-11-01"), minutes: 45)])
        var minutes: [StudyDay: Int] = [:]
        var day = F.day("2026-10-26")
        while day <= F.today { minutes[day] = 60; day = day.adding(days: 1) }
        let model = HistoryModel(today: F.today, minutesByDay: minutes, goals: goals,
                                 streaks: Streaks(minutes: minutes, goals: goals, today: F.today),
                                 trackProgress: [], journal: [])
        let lines = F.render(model).lines
        #expect(lines[10].hasPrefix(" Sat                               ▒ ▓ ▓ ▓"), "31 Oct: 60 of 90; 7 Nov on: 60 of 45")
        #expect(lines[11].hasPrefix(" Sun                               ▓ ▓ ▓ ▓"), "1 Nov: the new goal")
    }

    @Test func journalScrollsAndStopsAtTheLastPage() {
        let second = F.render(F.model(scroll: 3)).lines
        #expect(second[17].hasSuffix("Journal               4–8 of 102"))
        #expect(second[18].hasSuffix("Nov 20    50m  Wrote a one-page…"))
        let last = F.render(F.model(scroll: 10_000)).lines
        #expect(last[17].hasSuffix("98–102 of 102"))
        #expect(last[22].hasSuffix("Jun 30   1h30  Before the heatm…"))
        let negative = F.render(F.model(scroll: -4)).lines
        #expect(negative[17].hasSuffix("1–5 of 102"))
        #expect(ListCursor(selected: 7, scroll: 7).first(height: 5, total: 3) == 0)
        #expect(ListCursor(selected: 7, scroll: 7).first(height: 5, total: 10) == 5)
        #expect(ListCursor(selected: 2, scroll: 2).first(height: 0, total: 10) == 2)
    }

    @Test func theSelectedJournalRowIsDrawnReversed() {
        var model = F.model(scroll: 0)
        model.journalList = ListCursor(selected: 2, scroll: 0)
        let buffer = F.render(model)
        let col = buffer.lines[18].count - 5
        #expect(!buffer[18, col].style.reverse)
        #expect(buffer[20, col].style.reverse, "the third row shown is the selected one")
        #expect(!buffer[21, col].style.reverse)
        // Selected below the window: the window follows it.
        model.journalList = ListCursor(selected: 9, scroll: 0)
        let scrolled = F.render(model).lines
        #expect(scrolled[17].hasSuffix("6–10 of 102"))
    }

    @Test func anEntryWithoutANoteShowsItsItems() {
        let lines = F.render(F.model(), rows: 48, cols: 160).lines
        #expect(lines[20].hasSuffix("2026-11-21    50m  Retrieval-augmented generation, Evals"))
    }

    @Test func tracksThatDoNotFitAreCounted() {
        let many = (1...12).map { (title: "Track \($0)", count: ProgressCount(done: $0, total: 12)) }
        let lines = F.render(F.model(tracks: many)).lines
        #expect(lines[21].hasPrefix(" Track 7 "))
        #expect(lines[22].hasPrefix(" … 5 more tracks "))
    }

    @Test func narrowWindowStacksInOrderOfPriority() {
        let small = F.render(F.model(), rows: 16, cols: 60).lines
        #expect(small[1] == " Streak 21 days · longest 21 days")
        #expect(small[4] == "         Aug       Sep     Oct     Nov")
        #expect(small[11] == " Sun █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ ▓ ▓ ▓ ▓")
        #expect(small.allSatisfy { DisplayWidth.of($0) <= 60 })
        let tall = F.render(F.model(), rows: 24, cols: 60).lines
        #expect(tall[14] == " Minutes per week                            goal 5h15/week")
        // The newest weeks are kept when not all twelve fit.
        #expect(tall[15].hasPrefix(" Oct 5  "))
        #expect(tall[22] == " Nov 23 ██░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░    20m")
    }
}
