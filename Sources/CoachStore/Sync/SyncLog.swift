import CoachCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The last sync's result, one line in `sync.log` in the home (this machine's only):
/// a background sync has no terminal to say it on, so `coach sync --status` shows it.
public enum SyncLog {
    public static func url(_ home: CoachHome) -> URL { home.url.appendingPathComponent(SyncFiles.logName) }

    /// Keeps "2026-12-02 03:40 UTC: LINE" as the last result.
    public static func record(_ line: String, in home: CoachHome, at now: Date = Date()) {
        let text = "\(timeText(now)): \(line)\n"
        try? AtomicFile.write(Data(text.utf8), to: url(home))
    }

    /// The last result, nil when there is none.
    public static func last(in home: CoachHome) -> String? {
        guard let data = try? AtomicFile.read(url(home), limit: 64 << 10) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingWhitespaceAndNewlines()
        return text.isEmpty ? nil : text
    }

    /// "2026-12-02 03:40 UTC".
    static func timeText(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min)) UTC"
    }
}
