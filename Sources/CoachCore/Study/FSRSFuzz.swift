import FoundationEssentials
import Glibc

/// Interval fuzz: a small spread around the scheduled interval, so cards learnt together
/// do not stay due together forever.
///
/// FSRS draws the fuzz at random; here it is drawn from a seed made of the card's id and
/// the day of the review, so the preview of the four intervals, the review itself and a
/// replay of the same history all land on the same day. The seed is FNV-1a over the id's
/// UTF-8 bytes, not Swift's `Hasher`, which is seeded anew in every process.
public enum FSRSFuzz {
    /// The bands of FSRS's fuzz (py-fsrs `FUZZ_RANGES`): an interval spreads by 1 day plus
    /// 15% of the part of it between 2.5 and 7 days, 10% of the part between 7 and 20, and
    /// 5% of the part beyond 20.
    static let bands: [(start: Double, end: Double, factor: Double)] = [
        (2.5, 7, 0.15), (7, 20, 0.10), (20, .infinity, 0.05),
    ]

    /// The days an interval may be fuzzed to, as FSRS computes them: intervals of 2 days
    /// or less are left alone, no fuzzed interval is shorter than 2 days or beyond
    /// `maximumInterval`.
    public static func range(of interval: Int, maximumInterval: Int) -> ClosedRange<Int> {
        guard interval > 2 else { return min(interval, maximumInterval)...min(interval, maximumInterval) }
        let days = Double(interval)
        var delta = 1.0
        for band in bands {
            delta += band.factor * max(min(days, band.end) - band.start, 0)
        }
        let upper = min(Int((days + delta).rounded(.toNearestOrEven)), maximumInterval)
        let lower = min(max(2, Int((days - delta).rounded(.toNearestOrEven))), upper)
        return lower...upper
    }

    /// `interval` fuzzed for the card `cardID` reviewed on `day`: one of `range(of:)`,
    /// each equally likely across cards and days.
    public static func fuzzed(_ interval: Int, cardID: String, day: StudyDay, maximumInterval: Int) -> Int {
        let range = range(of: interval, maximumInterval: maximumInterval)
        guard range.count > 1 else { return range.lowerBound }
        let unit = Double(seed(cardID: cardID, day: day) >> 11) / Double(1 << 53)  // in [0, 1)
        return min(range.lowerBound + Int(unit * Double(range.count)), range.upperBound)
    }

    /// A well-mixed 64-bit number that depends only on the id and the day.
    static func seed(cardID: String, day: StudyDay) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a offset basis
        for byte in cardID.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        // SplitMix64's finalizer over the hash and the day, so neighbouring days (and ids
        // that differ in one byte) give unrelated draws.
        var z = hash ^ (UInt64(bitPattern: Int64(day.dayNumber)) &* 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
