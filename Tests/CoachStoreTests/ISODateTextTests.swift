import CoachStore
import Foundation
import Testing

@Suite struct ISODateTextTests {
    @Test func agreesWithFoundationsFormatterOnEveryKindOfDay() {
        let formatter = ISO8601DateFormatter()
        var dates = [0.0, -1, 86_399, 86_400, 951_782_400 /* 2000-02-29 */, 1_700_000_000, -2_208_988_800 /* 1900 */,
                     4_102_444_799 /* 2099-12-31T23:59:59 */, 1_709_164_800 /* 2024-02-29 */]
        var seed: UInt64 = 7
        for _ in 0..<5_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            dates.append(Double(Int64(seed >> 33) % 8_000_000_000) - 2_000_000_000)
        }
        for seconds in dates {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ISODateText.text(of: date) == formatter.string(from: date), "\(seconds)")
        }
    }

    @Test func fractionsOfASecondAreDroppedNotRounded() {
        #expect(ISODateText.text(of: Date(timeIntervalSince1970: 59.9)) == "1970-01-01T00:00:59Z")
        #expect(ISODateText.text(of: Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
    }
}
