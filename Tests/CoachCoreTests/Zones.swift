import CoachCore
import Foundation

/// Zones of the system's tz database for the tests (CoachStore's `SystemTimeZone` reads
/// them for the app), and Foundation's own zone of the same name to check them against.
enum Zones {
    static func named(_ identifier: String) -> TimeZoneRules {
        guard let data = FileManager.default.contents(atPath: "/usr/share/zoneinfo/" + identifier),
              let zone = TimeZoneRules(identifier: identifier, tzif: [UInt8](data))
        else { fatalError("no zone \(identifier) in /usr/share/zoneinfo") }
        return zone
    }

    static func foundation(_ zone: TimeZoneRules) -> TimeZone {
        guard let zone = TimeZone(identifier: zone.identifier) else { fatalError("Foundation has no zone \(zone.identifier)") }
        return zone
    }
}
