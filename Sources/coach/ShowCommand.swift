import ArgumentParser
import CoachCore
import CoachUI
import FoundationEssentials

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a track's sections and items with their status.")

    @OptionGroup var home: HomeOption
    @Argument(help: "The track id or title (see coach tracks).", completion: Completions.tracks) var track: String
    @Flag(help: "Print JSON.") var json = false

    struct ItemRow: Encodable {
        var id: String
        var section: String
        var title: String
        var minutes: Int
        var status: String
        @OrNull var changed: Date?
        @OrNull var note: String?
        var proof: [String]
        var resources: [ItemCommand.ResourceRow]
    }

    struct TrackReport: Encodable {
        var id: String
        var title: String
        var percent: Int
        var items: [ItemRow]
    }

    func run() throws {
        let context = try AppContext.load(home: home)
        let track = try context.track(named: self.track)
        let count = context.progress.count(track)
        if json {
            let items = track.sections.flatMap { section in
                section.items.map { item in
                    ItemRow(id: item.id, section: section.title, title: item.title, minutes: item.minutes,
                            status: context.progress.status(of: item.id).rawValue,
                            changed: context.progress.items[item.id]?.changed,
                            note: context.progress.items[item.id]?.note,
                            proof: context.progress.items[item.id]?.proof ?? [],
                            resources: item.resources.map(ItemCommand.ResourceRow.init))
                }
            }
            return try JSONOutput.print(TrackReport(id: track.id, title: track.title, percent: count.percent, items: items))
        }
        print("\(track.title) (\(track.id)): \(count.percent)%, \(count.done)/\(count.counted) done")
        let idWidth = track.items.map(\.id.count).max() ?? 0
        for section in track.sections {
            print("")
            print(section.title)
            for item in section.items {
                let mark = StatusMark.text(context.progress.status(of: item.id))
                print("  \(mark) \(column(item.id, idWidth))  \(item.title) (\(MinutesText.short(item.minutes)))")
            }
        }
    }
}
