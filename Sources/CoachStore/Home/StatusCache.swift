import CoachCore
import FoundationEssentials

/// The figures of `coach status`, kept between runs. A shell prompt asks for them before
/// every prompt, and working them out reads and replays the whole journal, the reviews and
/// the curriculum (about 25 million instructions on an ordinary home, 4 ms); between two
/// prompts nothing they come from has usually changed. So the figures are kept in Coach's
/// cache folder (`KeptFile`) under a key naming everything they were worked out from
/// (`CacheKey.home`), and used again only while that key is exactly the same.
public struct StatusCache {
    /// What the status line and `--check` say.
    public struct Figures: Equatable, Sendable {
        public var streak: Int
        public var minutes: Int
        public var goal: Int
        public var due: Int
        public var goalMet: Bool
        /// What merges left for the learner to look at, if anything.
        public var notice: String?

        public init(streak: Int, minutes: Int, goal: Int, due: Int, goalMet: Bool, notice: String?) {
            self.streak = streak
            self.minutes = minutes
            self.goal = goal
            self.due = due
            self.goalMet = goalMet
            self.notice = notice
        }
    }

    public typealias Key = CacheKey

    /// A cache file larger than this is not one of ours.
    static let sizeLimit = 1 << 16
    let file: KeptFile

    public var folder: String? { file.folder }
    public var name: String { file.name }

    public init(home: CoachHome) {
        self.init(home: home, variable: ProcessEnvironment.variable)
    }

    public init(home: CoachHome, environment: [String: String]) {
        self.init(home: home) { environment[$0] }
    }

    init(home: CoachHome, variable: (String) -> String?) {
        file = KeptFile(kind: "status", header: "coach status cache 1", sizeLimit: Self.sizeLimit, home: home, variable: variable)
    }

    /// The key for this home now: when any of it differs, the kept figures are not used.
    public static func key(home: CoachHome, dataFolder: String?, day: String, timeZone: TimeZoneRules) -> Key {
        CacheKey.home(home, dataFolder: dataFolder, day: day, timeZone: timeZone)
    }

    /// The figures kept under exactly this key, or nil.
    public func read(key: Key) -> Figures? {
        guard let bytes = file.read(key: key) else { return nil }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        func text(_ line: ArraySlice<UInt8>) -> String { String(decoding: line, as: UTF8.self) }
        guard lines.count == 3, lines[2].isEmpty else { return nil }
        let numbers = lines[0].split(separator: 0x20).map(text)
        let notice = text(lines[1])
        guard numbers.count == 6, numbers[0] == "figures",
              let streak = Int(numbers[1]), let minutes = Int(numbers[2]), let goal = Int(numbers[3]),
              let due = Int(numbers[4]), let met = Int(numbers[5]), met == 0 || met == 1,
              notice == "notice" || notice.hasPrefix("notice ")
        else { return nil }
        return Figures(streak: streak, minutes: minutes, goal: goal, due: due, goalMet: met == 1,
                       notice: notice == "notice" ? nil : KeptFile.unescaped(notice.dropFirst("notice ".count)))
    }

    /// Keeps the figures under the key, as best it can (`KeptFile.write`).
    public func write(_ figures: Figures, key: Key, now: Date) {
        var bytes = Array("figures \(figures.streak) \(figures.minutes) \(figures.goal) \(figures.due) \(figures.goalMet ? 1 : 0)\n".utf8)
        bytes += Array("notice".utf8)
        if let notice = figures.notice {
            bytes.append(0x20)
            KeptFile.escape(notice.utf8, into: &bytes)
        }
        bytes.append(0x0A)
        file.write(bytes, key: key, now: now)
    }
}
