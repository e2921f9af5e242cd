import CoachCore
import FoundationEssentials
import Glibc

/// The shell's half of the proof-of-work rule (`ProofLinks`): which links are usable,
/// found out here because it takes a look at the disk. A link is usable when it is a web
/// address (`WebAddress`) or the path of a file or folder that exists (`~/` is the
/// user's home; a relative path is taken from the folder Coach runs in). The TUI and
/// `coach proof` both ask this.
public enum ProofLinkCheck {
    public static func check(_ links: [String], environment: [String: String] = ProcessInfo.processInfo.environment)
        -> LinkCheck {
        LinkCheck(links: links, usable: Set(links.filter { isUsable($0, environment: environment) }))
    }

    public static func isUsable(_ link: String, environment: [String: String]) -> Bool {
        let lower = link.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return WebAddress.isValid(link) }
        // Any other scheme (ftp:, mailto:, javascript:) is not a path either.
        if let colon = link.firstIndex(of: ":"), link[..<colon].allSatisfy({ $0.isLetter }), link[..<colon].count > 1 {
            return false
        }
        return exists(path(of: link, environment: environment))
    }

    /// The path `link` names, with a leading `~/` as the home folder.
    static func path(of link: String, environment: [String: String]) -> String {
        guard link == "~" || link.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return link }
        return home + link.dropFirst()
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}
