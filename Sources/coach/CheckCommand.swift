import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Set an item's status (default: done).")

    @OptionGroup var home: HomeOption
    @Argument(help: "The item id or title, e.g. genai.prompt-engineering (see coach show TRACK).", completion: Completions.items) var item: String
    @Option(help: ArgumentHelp("The new status: \(ItemStatus.allowedList).", valueName: "status"))
    var status: ItemStatus = .done

    func run() throws {
        var context = try AppContext.load(home: home)
        let item = try context.item(named: self.item)
        var before = context.progress.status(of: item.id)
        context.progress = try context.home.changeProgress { progress in
            before = progress.status(of: item.id)
            return progress.setStatus(status, of: item.id, at: Date())
        }
        print("\(item.id): \(before.rawValue) → \(status.rawValue)  \(item.title)")
    }
}

extension ItemStatus: ExpressibleByArgument {}
