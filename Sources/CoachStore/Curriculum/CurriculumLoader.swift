import CoachCore
import FoundationEssentials

/// Finds and reads the curriculum: `Data/tracks/*.json`, in file-name order.
public enum CurriculumLoader {
    /// Where the `Data` folder is: `COACH_DATA`, else next to an install
    /// (`PREFIX/bin/coach` → `PREFIX/share/coach`), else the source tree above the binary
    /// (`.build/release/coach`, `swift run`), else the current folder.
    public static func locateData() throws -> URL {
        URL(filePath: try locateDataPath(), directoryHint: .isDirectory)
    }

    /// The same, as text: the keys of kept results are made from it before every first
    /// frame and `coach status`, where the first `URL.path` of a process would cost more
    /// than the search itself.
    public static func locateDataPath() throws -> String {
        try locateData(override: ProcessEnvironment.variable("COACH_DATA"), executable: executablePath(),
                       currentFolder: FileManager.default.currentDirectoryPath)
    }

    public static func locateData(environment: [String: String], executable: URL = executableURL(),
                                  currentFolder: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws -> URL {
        let found = try locateData(override: environment["COACH_DATA"], executable: executable.path, currentFolder: currentFolder.path)
        return URL(filePath: found, directoryHint: .isDirectory)
    }

    static func locateData(override: String?, executable: String, currentFolder: String) throws -> String {
        if let override, !override.isEmpty {
            let path = PathText.absolute(override)
            guard hasTracks(path) else {
                throw StoreError.curriculumNotFound(searched: ["COACH_DATA=\(override) (no tracks/*.json there)"])
            }
            return path
        }
        // Paths as text: URL's path arithmetic cost the start of every command more than
        // the search itself. String + String only: Substring + String is the generic
        // `+`, whose first call looks its types up at run time (0.2 million instructions).
        var candidates: [String] = []
        var folder = executable
        func up() { folder = String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]) }
        up()
        let bin = folder
        up()
        candidates.append(folder + "/share/coach")
        folder = bin
        for _ in 0..<6 {
            candidates.append(folder + "/Data")
            up()
        }
        candidates.append(currentFolder + "/Data")
        if let found = candidates.first(where: hasTracks) { return found }
        throw StoreError.curriculumNotFound(searched: candidates)
    }

    public static func executableURL() -> URL {
        URL(filePath: executablePath(), directoryHint: .notDirectory)
    }

    static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return PathText.absolute(CommandLine.arguments[0])
    }

    static func hasTracks(_ data: String) -> Bool {
        (FolderEntries.names(at: data + "/tracks") ?? []).contains { $0.hasSuffix(".json") }
    }

    /// Reads every track file of `data/tracks`. Any problem in the shipped curriculum is
    /// fatal, and all of them are reported together.
    public static func load(data: URL) throws -> Curriculum {
        let builtIn = try readFolder(data.appendingPathComponent("tracks"), required: true)
        let problems = builtIn.problems + CurriculumParser.duplicateIDs(in: builtIn.tracks)
        guard problems.isEmpty else { throw StoreError.invalidCurriculum(problems.map(\.description)) }
        return Curriculum(tracks: builtIn.tracks.map(\.track))
    }

    /// The shipped curriculum plus the learner's own tracks from `userTracks`
    /// (`$COACH_HOME/tracks/*.json`), loaded after it. A bad or clashing file of the
    /// learner's is left out and reported in `warnings`, by path and field, while
    /// everything else loads.
    public static func load(data: URL, userTracks: URL) throws -> (curriculum: Curriculum, warnings: [String]) {
        let builtIn = try load(data: data)
        let own = try readFolder(userTracks, required: false)
        var warnings = own.problems.map(\.description)
        var accepted = builtIn.tracks.map { (file: "the built-in curriculum", track: $0) }
        let badFiles = Set(own.problems.map(\.file))
        for candidate in own.tracks where !badFiles.contains(candidate.file) {
            let clashes = CurriculumParser.duplicateIDs(in: accepted + [candidate]).filter { $0.file == candidate.file }
            if clashes.isEmpty {
                accepted.append(candidate)
            } else {
                warnings += clashes.map { "\($0.description); this file was not loaded, rename its ids" }
            }
        }
        return (Curriculum(tracks: accepted.map(\.track)), warnings)
    }

    private static func readFolder(_ folder: URL, required: Bool) throws -> (tracks: [(file: String, track: Track)], problems: [CurriculumProblem]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".json") }
                .sorted()
        } catch {
            if required { throw StoreError.curriculumNotFound(searched: [folder.path]) }
            return ([], [])
        }
        var tracks: [(file: String, track: Track)] = []
        var problems: [CurriculumProblem] = []
        for name in names {
            let file = folder.appendingPathComponent(name)
            let bytes: Data
            do {
                guard let read = try AtomicFile.read(file, limit: FileSizeLimit.track) else { continue }
                bytes = read
            } catch {
                // A shipped file that cannot be read stops Coach; a learner's own is
                // reported and left out, like a file with bad contents.
                if required { throw error }
                problems.append(CurriculumProblem(file: file.path, path: "$", message: TerminalText.safe("\(error)")))
                continue
            }
            let result = CurriculumParser.parseTrack(bytes, file: file.path)
            problems += result.problems
            if let track = result.track { tracks.append((file.path, track)) }
        }
        return (tracks, problems)
    }
}
