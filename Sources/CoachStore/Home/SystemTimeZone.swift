import CoachCore
import FoundationEssentials
import Glibc

/// The learner's time zone, found the way the C library finds it: `TZ` (a zone name such
/// as "Europe/Berlin", a path, or a POSIX rule), else /etc/localtime; UTC when neither
/// says. Zone names are files of the tz database under `TZDIR` or /usr/share/zoneinfo.
public enum SystemTimeZone {
    /// Read once per process: a running coach keeps the zone it started in.
    /// `getenv`, not ProcessInfo's environment, which copies every variable into a
    /// dictionary: that was most of the time the zone took at start.
    public static let current: TimeZoneRules = zone(fromTZ: variable("TZ"))

    /// The zone `TZ` names (nil: unset); UTC for what names no zone, as the C library does.
    public static func zone(fromTZ value: String?) -> TimeZoneRules {
        guard var value else {
            return file("/etc/localtime", identifier: localtimeIdentifier() ?? "localtime") ?? .utc
        }
        if value.hasPrefix(":") { value.removeFirst() }
        if value.isEmpty { return .utc }
        if value.hasPrefix("/") { return file(value, identifier: value) ?? .utc }
        return named(value) ?? TimeZoneRules(identifier: value, posixRule: value) ?? .utc
    }

    /// The zone of the tz database called `identifier`, e.g. "America/New_York".
    public static func named(_ identifier: String) -> TimeZoneRules? {
        guard !identifier.isEmpty, !identifier.split(separator: "/").contains("..") else { return nil }
        let folder = variable("TZDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/share/zoneinfo"
        return file(folder + "/" + identifier, identifier: identifier)
    }

    private static func variable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    private static func file(_ path: String, identifier: String) -> TimeZoneRules? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return TimeZoneRules(identifier: identifier, tzif: [UInt8](data))
    }

    /// "Europe/Berlin" from /etc/localtime → /usr/share/zoneinfo/Europe/Berlin.
    /// (A search by bytes: `firstRange(of:)` builds a table for the string search that
    /// costs the start of every command 0.3 million instructions.)
    private static func localtimeIdentifier() -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/etc/localtime") else { return nil }
        let bytes = Array(target.utf8), marker = Array("zoneinfo/".utf8)
        guard bytes.count > marker.count,
              let start = (0...(bytes.count - marker.count)).first(where: { bytes[$0..<($0 + marker.count)].elementsEqual(marker) })
        else { return nil }
        return String(decoding: bytes[(start + marker.count)...], as: UTF8.self)
    }
}

extension TimeZoneRules {
    /// The learner's zone (`SystemTimeZone.current`).
    public static var current: TimeZoneRules { SystemTimeZone.current }
}
