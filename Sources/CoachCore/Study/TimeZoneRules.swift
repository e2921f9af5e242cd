import FoundationEssentials

/// A time zone as its offsets from UTC over time: what turns a moment into the learner's
/// day. FoundationEssentials' `TimeZone` knows only fixed offsets (the named zones live in
/// FoundationInternationalization, whose ICU data was 38 MB of a 60 MB binary), so the
/// rules come from the system's tz database instead — the same files the C library reads:
/// a TZif file's transitions, then its POSIX rule for the years after them.
/// Reading the file is CoachStore's (`SystemTimeZone`); this type is only the arithmetic.
public struct TimeZoneRules: Hashable, Sendable {
    /// "Europe/Berlin", "UTC", or the POSIX rule a zone was made from.
    public let identifier: String
    /// Seconds east of UTC before the first transition.
    let initialOffset: Int
    /// Moments (seconds since 1970) at which the offset changes, ascending, and the offset from each.
    let transitions: [Int64]
    let offsets: [Int]
    /// The rule for moments after the last transition; nil keeps the last offset.
    let rule: PosixRule?
    /// Seconds after midnight at which the learner's day begins (`DayStart`): a moment
    /// before it belongs to the day before. `StudyDay(_:in:)` is the one place it is
    /// applied, so every day Coach counts — plan, streak, journal, heatmap — agrees.
    public internal(set) var dayStartSeconds = 0

    public static let utc = TimeZoneRules(identifier: "UTC", fixedOffset: 0)

    /// A zone that is always `seconds` east of UTC.
    public init(identifier: String, fixedOffset seconds: Int) {
        self.identifier = identifier
        initialOffset = seconds
        transitions = []
        offsets = []
        rule = nil
    }

    /// A zone from a POSIX TZ rule such as "CET-1CEST,M3.5.0,M10.5.0/3"; nil if it is not one.
    public init?(identifier: String, posixRule text: String) {
        guard let rule = PosixRule(text) else { return nil }
        self.identifier = identifier
        initialOffset = rule.standardOffset
        transitions = []
        offsets = []
        self.rule = rule.daylight == nil ? nil : rule
    }

    /// A zone from the bytes of a TZif file (RFC 8536, versions 1 to 4); nil if they are not one.
    public init?(identifier: String, tzif bytes: [UInt8]) {
        guard let file = TZif(bytes) else { return nil }
        var rule: PosixRule?
        if let footer = file.footer, !footer.isEmpty {
            guard let parsed = PosixRule(footer) else { return nil }
            rule = parsed
        }
        self.identifier = identifier
        // A fixed zone's file may list no transitions: its rule names the offset.
        initialOffset = file.transitions.isEmpty ? rule?.standardOffset ?? file.initialOffset : file.initialOffset
        transitions = file.transitions
        offsets = file.offsets
        self.rule = rule?.daylight == nil ? nil : rule
    }

    /// Seconds east of UTC at `date`.
    public func secondsFromGMT(for date: Date) -> Int {
        offset(at: Self.seconds(date))
    }

    func offset(at moment: Int64) -> Int {
        if let last = transitions.last, moment >= last {
            return rule?.offset(at: moment) ?? offsets[offsets.count - 1]
        }
        if transitions.isEmpty { return rule?.offset(at: moment) ?? initialOffset }
        // The last transition at or before `moment`.
        var low = 0, high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= moment { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? initialOffset : offsets[low - 1]
    }

    /// The first moment whose wall-clock time in this zone is `local` (seconds since
    /// 1970-01-01 00:00 on the wall clock) or later: `local` itself when it exists (the
    /// earlier of two when clocks go back over it), else the end of the gap it falls in.
    func firstMoment(atOrAfterLocal local: Int64) -> Int64 {
        // Offsets are within ±26 hours (POSIX rules allow ±24:59:59 plus an hour of saving),
        // and zones change at most once in such a window.
        let window: Int64 = 26 * 3_600
        let candidates = [offset(at: local - window), offset(at: local), offset(at: local + window)]
        var best: Int64?
        for candidate in candidates {
            let moment = local - Int64(candidate)
            if offset(at: moment) == candidate, best.map({ moment < $0 }) ?? true { best = moment }
        }
        if let best { return best }
        // In a gap: the wall clock jumps forward over `local`; the day starts at the jump.
        var low = local - window, high = local + window
        while low < high {
            let mid = low + (high - low) / 2
            if mid + Int64(offset(at: mid)) >= local { high = mid } else { low = mid + 1 }
        }
        return low
    }

    static func seconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }
}

// MARK: The TZif file

/// The parts of a TZif file the offsets need: the 64-bit block when there is one.
struct TZif {
    var initialOffset = 0
    var transitions: [Int64] = []
    var offsets: [Int] = []
    var footer: String?

    init?(_ bytes: [UInt8]) {
        guard let first = Header(bytes, at: 0) else { return nil }
        var start = 0, header = first, timeSize = 4
        if first.version >= 2 {
            // Skip the 32-bit block to the 64-bit one.
            start = 44 + first.dataSize(timeSize: 4)
            guard let second = Header(bytes, at: start) else { return nil }
            header = second
            timeSize = 8
        }
        let data = start + 44
        guard bytes.count >= data + header.dataSize(timeSize: timeSize), header.typeCount > 0 else { return nil }
        func integer(at index: Int, size: Int) -> Int64 {
            var value: UInt64 = 0
            for offset in 0..<size { value = value << 8 | UInt64(bytes[index + offset]) }
            return size == 4 ? Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: value))) : Int64(bitPattern: value)
        }
        let typesStart = data + header.timeCount * timeSize
        let infoStart = typesStart + header.timeCount
        var typeOffsets: [Int] = []
        for type in 0..<header.typeCount {
            typeOffsets.append(Int(integer(at: infoStart + type * 6, size: 4)))
        }
        for index in 0..<header.timeCount {
            let type = Int(bytes[typesStart + index])
            guard type < typeOffsets.count else { return nil }
            transitions.append(integer(at: data + index * timeSize, size: timeSize))
            offsets.append(typeOffsets[type])
        }
        // RFC 8536: moments before the first transition use type 0.
        initialOffset = typeOffsets[0]
        if header.version >= 2 {
            let footerStart = data + header.dataSize(timeSize: timeSize)
            if footerStart < bytes.count, bytes[footerStart] == 0x0A,
               let end = bytes[(footerStart + 1)...].firstIndex(of: 0x0A) {
                footer = String(decoding: bytes[(footerStart + 1)..<end], as: UTF8.self)
            }
        }
    }

    struct Header {
        let version: Int
        let utcCount, standardCount, leapCount, timeCount, typeCount, charCount: Int

        init?(_ bytes: [UInt8], at start: Int) {
            guard bytes.count >= start + 44, bytes[start..<(start + 4)].elementsEqual("TZif".utf8) else { return nil }
            version = bytes[start + 4] == 0 ? 1 : Int(bytes[start + 4]) - Int(UInt8(ascii: "0"))
            func count(_ index: Int) -> Int {
                let at = start + 20 + index * 4
                return Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            }
            (utcCount, standardCount, leapCount, timeCount, typeCount, charCount) =
                (count(0), count(1), count(2), count(3), count(4), count(5))
        }

        func dataSize(timeSize: Int) -> Int {
            timeCount * (timeSize + 1) + typeCount * 6 + charCount + leapCount * (timeSize + 4)
                + standardCount + utcCount
        }
    }
}

// MARK: The POSIX rule

/// "std offset [dst [offset] [,start[/time],end[/time]]]", offsets west of UTC as POSIX
/// writes them, kept here east of UTC.
struct PosixRule: Hashable, Sendable {
    let standardOffset: Int
    let daylight: Daylight?

    struct Daylight: Hashable, Sendable {
        let offset: Int
        let start: DateRule, end: DateRule
        /// Seconds after local midnight (in the time before the change); may be negative or over a day.
        let startTime: Int, endTime: Int
    }

    enum DateRule: Hashable, Sendable {
        /// Jn: day 1...365, 29 February never counted.
        case julian(Int)
        /// n: day 0...365, 29 February counted.
        case zeroBased(Int)
        /// Mm.w.d: weekday d (0 = Sunday) of week w (5 = the last) of month m.
        case monthWeek(month: Int, week: Int, weekday: Int)
    }

    init?(_ text: String) {
        var scanner = Scanner(Array(text.utf8))
        guard scanner.skipName(), let standard = scanner.offset() else { return nil }
        standardOffset = -standard
        if scanner.atEnd {
            daylight = nil
            return
        }
        guard scanner.skipName() else { return nil }
        let saving = scanner.atEnd || scanner.peek == UInt8(ascii: ",") ? standard - 3_600 : scanner.offset()
        guard let saving else { return nil }
        var start = DateRule.monthWeek(month: 3, week: 2, weekday: 0), end = DateRule.monthWeek(month: 11, week: 1, weekday: 0)
        var startTime = 7_200, endTime = 7_200
        if !scanner.atEnd {
            guard scanner.take(","), let first = scanner.dateRule() else { return nil }
            start = first
            if scanner.take("/") { guard let time = scanner.time() else { return nil }; startTime = time }
            guard scanner.take(","), let second = scanner.dateRule() else { return nil }
            end = second
            if scanner.take("/") { guard let time = scanner.time() else { return nil }; endTime = time }
            guard scanner.atEnd else { return nil }
        }
        daylight = Daylight(offset: -saving, start: start, end: end, startTime: startTime, endTime: endTime)
    }

    func offset(at moment: Int64) -> Int {
        guard let daylight else { return standardOffset }
        // The changes of the years around the moment, in order; the last one before it holds.
        let year = StudyDay(dayNumber: Int(floorDivide(moment, 86_400))).year
        var latest: (at: Int64, offset: Int)?
        for candidate in (year - 1)...(year + 1) {
            let starts = Int64(daylight.start.dayNumber(in: candidate) * 86_400 + daylight.startTime - standardOffset)
            let ends = Int64(daylight.end.dayNumber(in: candidate) * 86_400 + daylight.endTime - daylight.offset)
            for change in [(at: starts, offset: daylight.offset), (at: ends, offset: standardOffset)]
            where change.at <= moment && (latest.map { change.at >= $0.at } ?? true) {
                latest = change
            }
        }
        return latest?.offset ?? standardOffset
    }

    private func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : (a - b + 1) / b
    }

    /// Reads the rule's text byte by byte.
    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[index] }

        mutating func take(_ character: Character) -> Bool {
            guard let peek, peek == character.asciiValue else { return false }
            index += 1
            return true
        }

        /// "CET" or "<+0330>": at least three letters, or anything in angle brackets.
        mutating func skipName() -> Bool {
            if take("<") {
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { return false }
                index = close + 1
                return true
            }
            let start = index
            while let peek, (peek | 0x20) >= UInt8(ascii: "a"), (peek | 0x20) <= UInt8(ascii: "z") { index += 1 }
            return index - start >= 3
        }

        mutating func number() -> Int? {
            let start = index
            var value = 0
            while let peek, peek >= UInt8(ascii: "0"), peek <= UInt8(ascii: "9"), index - start < 4 {
                value = value * 10 + Int(peek - UInt8(ascii: "0"))
                index += 1
            }
            return index > start ? value : nil
        }

        /// [+|-]hh[:mm[:ss]] in seconds.
        mutating func time() -> Int? {
            var sign = 1
            if take("-") { sign = -1 } else { _ = take("+") }
            guard let hours = number() else { return nil }
            var seconds = hours * 3_600
            if take(":") {
                guard let minutes = number() else { return nil }
                seconds += minutes * 60
                if take(":") {
                    guard let rest = number() else { return nil }
                    seconds += rest
                }
            }
            return sign * seconds
        }

        mutating func offset() -> Int? { time() }

        mutating func dateRule() -> DateRule? {
            if take("J") { return number().flatMap { (1...365).contains($0) ? .julian($0) : nil } }
            if take("M") {
                guard let month = number(), take("."), let week = number(), take("."), let weekday = number(),
                      (1...12).contains(month), (1...5).contains(week), (0...6).contains(weekday)
                else { return nil }
                return .monthWeek(month: month, week: week, weekday: weekday)
            }
            return number().flatMap { (0...365).contains($0) ? .zeroBased($0) : nil }
        }
    }
}

extension PosixRule.DateRule {
    /// The day (days since 1970-01-01) this rule names in `year`.
    func dayNumber(in year: Int) -> Int {
        let newYear = StudyDay(valid: year, 1, 1).dayNumber
        switch self {
        case .julian(let day):
            let leap = StudyDay.daysIn(month: 2, year: year) == 29
            return newYear + day - 1 + (leap && day >= 60 ? 1 : 0)
        case .zeroBased(let day):
            return newYear + day
        case .monthWeek(let month, let week, let weekday):
            let first = StudyDay(valid: year, month, 1)
            let firstWeekday = first.weekday.rawValue - 1
            var day = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
            let length = StudyDay.daysIn(month: month, year: year)
            while day > length { day -= 7 }
            return first.dayNumber + day - 1
        }
    }
}
