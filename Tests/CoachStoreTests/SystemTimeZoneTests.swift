import CoachCore
import CoachStore
import Foundation
import Testing

/// `TZ` as the C library reads it: a name, ":name", a path, a POSIX rule; UTC otherwise.
@Suite("SystemTimeZone")
struct SystemTimeZoneTests {
    static let summer = Date(timeIntervalSince1970: 1_719_835_200)  // 2024-07-01T12:00:00Z

    @Test func readsTZAsTheCLibraryDoes() {
        #expect(SystemTimeZone.zone(fromTZ: "Europe/Berlin").secondsFromGMT(for: Self.summer) == 7_200)
        #expect(SystemTimeZone.zone(fromTZ: ":America/New_York").secondsFromGMT(for: Self.summer) == -14_400)
        #expect(SystemTimeZone.zone(fromTZ: "/usr/share/zoneinfo/Asia/Kolkata").secondsFromGMT(for: Self.summer) == 19_800)
        #expect(SystemTimeZone.zone(fromTZ: "EST5EDT,M3.2.0,M11.1.0").secondsFromGMT(for: Self.summer) == -14_400)
        #expect(SystemTimeZone.zone(fromTZ: "Europe/Berlin").identifier == "Europe/Berlin")
        for utc in ["", "UTC", "Nowhere/Else", "../../etc/passwd"] {
            #expect(SystemTimeZone.zone(fromTZ: utc).secondsFromGMT(for: Self.summer) == 0, "\(utc)")
        }
        #expect(SystemTimeZone.named("../etc/passwd") == nil)
    }
}
