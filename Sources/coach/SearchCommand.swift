import ArgumentParser
import CoachCore
import CoachUI

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find tracks and items by words in their titles, summaries and resources.")

    @OptionGroup var home: HomeOption
    @Argument(help: "Words that must all appear (case and accents do not matter).") var words: [String]
    @Flag(help: "Print JSON.") var json = false

    struct Row: Encodable {
        var track: String
        @OrNull var item: String?
        var title: String
        @OrNull var status: String?
        var matched: String
    }

    func run() throws {
        let context = try AppContext.load(home: home)
        let query = words.joined(separator: " ")
        guard !query.trimmingWhitespace().isEmpty else {
            throw CoachFailure("give at least one word to search for, e.g. coach search prompt")
        }
        let rows = CurriculumSearch(context.curriculum).search(query).map { hit -> Row in
            let track = context.curriculum.tracks[hit.track]
            guard let index = hit.item else {
                return Row(track: track.id, item: nil, title: track.title, status: nil, matched: hit.matched)
            }
            let item = track.items[index]
            return Row(track: track.id, item: item.id, title: item.title,
                       status: context.progress.status(of: item.id).rawValue, matched: hit.matched)
        }
        if json { return try JSONOutput.print(rows) }
        guard !rows.isEmpty else {
            // Nothing found is an answer, not a mistake: exit 0, as `--json` does with [].
            return print("Nothing matches \(TerminalText.quoted(query)); try fewer or shorter words")
        }
        let idWidth = rows.map { ($0.item ?? $0.track).count }.max() ?? 0
        for row in rows {
            let mark = row.status.flatMap(ItemStatus.init(rawValue:)).map(StatusMark.text) ?? "   "
            let id = column(row.item ?? row.track, idWidth)
            print("\(mark) \(id)  \(row.title)  (\(row.matched))")
        }
    }
}
