import CoachCore
import FoundationEssentials

/// Everything a kept result was worked out from, as bytes, and when the newest of those
/// files last changed: a kept result is used again only under exactly the same key.
/// (Bytes, not a String: the key is built before every shell prompt, and String's
/// character-wise splitting and joining of these lines cost more than the rest.)
public struct CacheKey: Equatable {
    public private(set) var bytes: [UInt8]
    public private(set) var newestChange: Double

    public init(lines: [String], newestChange: Double) {
        bytes = []
        self.newestChange = newestChange
        for line in lines { append(line) }
    }

    /// One more thing the result depends on (a screen, a terminal size).
    public mutating func append(_ line: String) {
        bytes.append(contentsOf: line.utf8)
        bytes.append(0x0A)
    }

    /// What the home's figures and screens are worked out from: the day, the time zone,
    /// the binary, and the fingerprint of every document, of the change record and of
    /// the own and shipped track folders.
    public static func home(_ home: CoachHome, dataFolder: String?, day: String, timeZone: TimeZoneRules) -> CacheKey {
        let base = home.path
        var files = FileFingerprints()
        files.add("binary", file: "/proc/self/exe")
        for kind in DocumentKind.allCases { files.add(kind.fileName, file: base + "/" + kind.fileName) }
        files.add(WriteAheadRecord.fileName, file: base + "/" + WriteAheadRecord.fileName)
        files.add("own tracks", folder: base + "/tracks")
        if let dataFolder { files.add("data \(dataFolder)", folder: dataFolder + "/tracks") }
        let lines = ["day \(day)", "zone \(timeZone.identifier) \(timeZone.dayStartSeconds)", "home \(base)"] + files.lines
        return CacheKey(lines: lines, newestChange: files.newestChange)
    }
}
