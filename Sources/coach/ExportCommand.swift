import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write everything you made: progress with notes, backlog, journal, reviews, settings.",
        discussion: """
            Markdown is a readable learning log and portfolio. JSON is one document that \
            coach import FILE restores into an empty home.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case markdown, json
    }

    @OptionGroup var home: HomeOption
    @Option(help: ArgumentHelp("markdown or json (default: from the --output file's extension, else markdown).", valueName: "format"))
    var format: Format?
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let context = try AppContext.load(home: home)
        try context.recoverInterruptedSession()
        let document = try storeErrors { try HomeExport.load(from: context.home, exportedAt: Date()) }
        let format = self.format ?? (output.map { $0.lowercased().hasSuffix(".json") } == true ? .json : .markdown)
        let data: Data
        switch format {
        case .json: data = Data(TerminalText.safeJSON(String(decoding: try document.encoded(), as: UTF8.self)).utf8)
        case .markdown: data = Data(MarkdownExport(document: document, curriculum: context.curriculum,
                                                   today: context.today, timeZone: context.timeZone).text.utf8)
        }
        guard let output else {
            StandardStreams.out([UInt8](data))
            return
        }
        let url = URL(fileURLWithPath: output)
        try storeErrors { try AtomicFile.write(data, to: url) }
        print("wrote the \(format.rawValue) export to \(url.path): \(StudyFiles.contents(of: document))")
    }
}
