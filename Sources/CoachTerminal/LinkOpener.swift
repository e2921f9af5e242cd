import CoachCore
import FoundationEssentials
import Glibc

/// Starts the system's opener on a link: `$BROWSER` when it is set (a command, or several
/// separated by colons, `%s` standing for the link), else `xdg-open`, else `open`. The
/// opener runs in a session of its own with /dev/null for its input and output, so it
/// never reads the keys or writes over the screen, and it outlives nothing of ours: it
/// is reaped in the background.
public enum LinkOpener {
    /// The commands to try, in order, each as its words with the link in place.
    public static func commands(for link: String, environment: [String: String]) -> [[String]] {
        if let browser = environment["BROWSER"], !browser.trimmingWhitespace().isEmpty {
            return browser.split(separator: ":").compactMap { entry in
                var words = entry.split(separator: " ").map(String.init)
                guard !words.isEmpty else { return nil }
                if words.contains(where: { $0.contains("%s") }) {
                    words = words.map { $0.replacingText("%s", with: link) }
                } else {
                    words.append(link)
                }
                return words
            }
        }
        return [["xdg-open", link], ["open", link]]
    }

    public static func open(_ link: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> LinkOpening {
        let commands = commands(for: link, environment: environment)
        for words in commands {
            if DetachedProcess.start(words) { return .opened(link: link, opener: words[0]) }
        }
        let tried = commands.map { $0[0] }.joined(separator: ", ")
        return .failed("Cannot open the link: no opener could be started (tried \(tried)); set $BROWSER, or y copies it")
    }
}
