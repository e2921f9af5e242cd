import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Restore a JSON export (coach export --format json) into an empty home.",
        discussion: "Refuses a home that holds any data (progress, backlog, journal, reviews or settings): an import never merges. The whole file is checked before anything is written.")

    @OptionGroup var home: HomeOption
    @Argument(help: "The JSON export to restore.") var file: String

    func run() throws {
        let home = CoachHome.resolve(flag: self.home.home)
        try storeErrors {
            // The cheap refusal first, then the whole file, then the check again under the lock.
            try HomeExport.requireEmpty(home)
            let url = URL(fileURLWithPath: file)
            guard let data = try AtomicFile.read(url, limit: FileSizeLimit.export) else {
                throw CoachFailure("cannot import \(url.path): there is no such file")
            }
            let document = try HomeExport.decode(data, file: url)
            if let problem = ImportCheck.problem(in: document) {
                throw CoachFailure("cannot import \(url.path) (\(problem)); nothing was written")
            }
            try home.writing { try document.restore(into: home) }
            print("imported \(file) into \(home.path): \(StudyFiles.contents(of: document)); "
                + "focus track \(document.settings.focusTrack ?? "none"), daily goal \(document.settings.dailyGoalMinutes) min")
        }
    }
}
