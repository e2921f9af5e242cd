import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

/// Shell completion of ids: the script swift-argument-parser generates calls
/// `coach ---completion …` for these arguments, and the answers come from the home the
/// command line names (`--home`, else `$COACH_HOME` …). Only what is needed is read: the
/// curriculum for track and item ids, the backlog for idea ids. Nothing is written, and
/// a home that cannot be read completes nothing rather than printing an error.
enum Completions {
    static let tracks = CompletionKind.custom { words, _, prefix in
        matching(prefix, curriculum(words)?.tracks.map(\.id) ?? [])
    }

    static let items = CompletionKind.custom { words, _, prefix in
        matching(prefix, curriculum(words)?.allItemIDs ?? [])
    }

    static let ideas = CompletionKind.custom { words, _, prefix in
        let home = CoachHome.resolve(flag: homeFlag(in: words))
        return matching(prefix, (try? home.backlogOfferingStarters(announce: false))?.ranked.map(\.id) ?? [])
    }

    /// The ids that start with what is typed so far.
    static func matching(_ prefix: String, _ ids: [String]) -> [String] {
        prefix.isEmpty ? ids : ids.filter { $0.hasPrefix(prefix) }
    }

    static func curriculum(_ words: [String]) -> Curriculum? {
        let home = CoachHome.resolve(flag: homeFlag(in: words))
        guard let data = try? CurriculumLoader.locateData() else { return nil }
        return try? CurriculumLoader.load(data: data, userTracks: home.tracksFolder).curriculum
    }

    /// The value of `--home DIR` or `--home=DIR` among the words typed.
    static func homeFlag(in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word == "--home", index + 1 < words.count { return words[index + 1] }
            if word.hasPrefix("--home=") { return String(word.dropFirst("--home=".count)) }
        }
        return nil
    }
}
