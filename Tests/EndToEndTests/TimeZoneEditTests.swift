import Foundation
import Testing

/// A session's day belongs to the zone it was logged in: UTC+14 and UTC−11 are always on
/// different calendar days, so a session logged today in the one is "tomorrow" in the
/// other — and editing it there without touching its day must still work.
@Suite struct TimeZoneEditTests {
    @Test func aSessionLoggedEastCanBeEditedWestWithoutADate() throws {
        let home = TemporaryHome()
        let east = ["TZ": "Pacific/Kiritimati"], west = ["TZ": "Pacific/Pago_Pago"]
        let logged = try CoachBinary.run(["log", "--minutes", "30", "--note", "east"], home: home.url, environment: east)
        #expect(logged.status == 0, "\(logged.stderr)")
        let edited = try CoachBinary.run(["journal", "edit", "1", "--minutes", "40"], home: home.url, environment: west)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.contains("40 min"), "\(edited.stdout)")
        // A new day is still checked against today where the learner is now.
        let tomorrowEast = try CoachBinary.run(["journal", "edit", "1", "--note", "x"], home: home.url, environment: west)
        #expect(tomorrowEast.status == 0, "\(tomorrowEast.stderr)")
        let future = try CoachBinary.run(["journal", "edit", "1", "--date", "2999-01-01"], home: home.url, environment: west)
        #expect(future.status != 0)
        #expect(future.stderr.contains("--date"), "\(future.stderr)")
    }
}
