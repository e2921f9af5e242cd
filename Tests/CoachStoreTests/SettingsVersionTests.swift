import CoachCore
import Foundation
import Testing
@testable import CoachStore

/// settings.json version 2: the day start, rest days, breaks and streak freezes; a
/// version 1 file loads as before and is kept as backups/settings.v1.json when first
/// rewritten.
@Suite struct SettingsVersionTests {
    static let url = URL(fileURLWithPath: "/h/settings.json")

    @Test func theReleaseFileLoadsAndItsFirstRewriteKeepsIt() throws {
        let original = try FileFormat.releaseFile("settings.json")
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            try original.write(to: SettingsStore.file(home))
            var settings = try SettingsStore.load(home)
            #expect(settings == Settings(focusTrack: "ai-product", dailyGoalMinutes: 45))
            #expect(settings.dayStart == .standard && settings.calendar == StudyCalendar() && settings.streakFreezes)
            settings.calendar.restDays = [.sunday]
            try SettingsStore.save(settings, to: home)
            let backup = folder.appendingPathComponent("backups/settings.v1.json")
            #expect(try Data(contentsOf: backup) == original)
            let text = try String(contentsOf: SettingsStore.file(home), encoding: .utf8)
            #expect(text.contains("\"version\" : 2") && text.contains("\"restDays\" : [\n    \"sun\"\n  ]"))
            #expect(FileFormat.problem(with: text) == nil)
            // A later rewrite leaves the kept version 1 alone.
            settings.calendar.restDays = [.saturday]
            try SettingsStore.save(settings, to: home)
            #expect(try Data(contentsOf: backup) == original)
            #expect(try SettingsStore.load(home) == settings)
        }
    }

    @Test func everyNewFieldRoundTrips() throws {
        let settings = Settings(focusTrack: "genai", dailyGoalMinutes: 30, dayStart: DayStart("05:30")!,
                                calendar: StudyCalendar(restDays: [.saturday, .sunday],
                                                        breaks: [StudyBreak("2026-12-20..2026-12-27")!, StudyBreak("2027-01-06")!]),
                                streakFreezes: false)
        let text = SettingsStore.text(of: settings)
        #expect(try SettingsStore.settings(from: Data(text), file: Self.url) == settings)
        let written = String(decoding: text, as: UTF8.self)
        #expect(written.contains("\"dayStart\" : \"05:30\""))
        #expect(written.contains("\"streakFreezes\" : false"))
        #expect(written.contains("\"first\" : \"2026-12-20\""))
        // Sat before Sun: the week as History shows it, Monday first.
        #expect(written.contains("\"sat\",\n    \"sun\""))
    }

    @Test(arguments: [
        (#"{"version": 2, "dayStart": "25:00"}"#, "dayStart", #"expected a time from 00:00 to 23:59, found "25:00""#),
        (#"{"version": 2, "restDays": ["sun", "holiday"]}"#, "restDays[1]",
         #"expected a weekday (sun, mon, tue, wed, thu, fri, sat), found "holiday""#),
        (#"{"version": 2, "restDays": ["sun","mon","tue","wed","thu","fri","sat"]}"#, "restDays",
         "at least one weekday must be a study day"),
        (#"{"version": 2, "breaks": [{"first": "2026-12-27", "last": "2026-12-20"}]}"#, "breaks[0]",
         #"a break must end on or after its first day; got "2026-12-27..2026-12-20""#),
        (#"{"version": 2, "breaks": [{"first": "2026-12-27"}]}"#, "breaks[0]", #"a break needs "first" and "last" days"#),
        (#"{"version": 2, "breaks": [{"first": "2026-02-30", "last": "2026-03-01"}]}"#, "breaks[0].first",
         #"expected a day like 2024-05-01, found "2026-02-30""#),
        (#"{"version": 2, "streakFreezes": "yes"}"#, "streakFreezes", "expected true or false, found text"),
    ])
    func badDaysAreRefusedWithTheirPath(text: String, place: String, reason: String) throws {
        #expect(throws: StoreError.unreadable(file: Self.url.path, place: place, reason: reason)) {
            try SettingsStore.settings(from: Data(text.utf8), file: Self.url)
        }
    }
}
