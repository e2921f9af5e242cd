import ArgumentParser
import CoachCore
import CoachUI

struct TracksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tracks", abstract: "List the tracks with your progress.")

    @OptionGroup var home: HomeOption
    @Flag(help: "Print JSON.") var json = false

    struct Row: Encodable {
        var id: String
        var title: String
        var done: Int
        var doing: Int
        var skipped: Int
        var total: Int
        var percent: Int
    }

    func run() throws {
        let context = try AppContext.load(home: home)
        let rows = context.curriculum.tracks.map { track in
            let count = context.progress.count(track)
            return Row(id: track.id, title: track.title, done: count.done, doing: count.doing,
                       skipped: count.skipped, total: count.total, percent: count.percent)
        }
        if json { return try JSONOutput.print(rows) }
        let idWidth = max(2, rows.map { $0.id.count }.max() ?? 0)
        let titleWidth = max(5, rows.map { DisplayWidth.of($0.title) }.max() ?? 0)
        for row in rows {
            let counts = "\(row.done)/\(row.total - row.skipped)"
            print("\(DisplayWidth.pad(row.id, to: idWidth))  \(DisplayWidth.pad(row.title, to: titleWidth))  \(pad(counts, 7))  \(pad("\(row.percent)%", 4))")
        }
        let overall = context.progress.count(context.curriculum)
        print("overall: \(overall.done)/\(overall.counted) done, \(overall.percent)%")
    }
}

/// Right-aligns short figures.
func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}
