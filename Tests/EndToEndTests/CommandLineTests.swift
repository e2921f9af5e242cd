import Foundation
import Testing

/// The subcommands and the refusals, run as a user would from a shell.
@Suite struct CommandLineTests {
    @Test func refusesWhenOutputIsNotATerminal() throws {
        let home = TemporaryHome()
        let result = try CoachBinary.run([], home: home.url)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains("needs a terminal"))
        #expect(result.stderr.contains("tracks, show, check"))
    }

    @Test func tracksListsTheShippedTracks() throws {
        let home = TemporaryHome()
        let plain = try CoachBinary.run(["tracks"], home: home.url)
        #expect(plain.status == 0, "\(plain.stderr)")
        for title in ["AI Product", "Data Science", "Generative AI", "Agents", "Soft Skills"] {
            #expect(plain.stdout.contains(title))
        }
        let json = try CoachBinary.run(["tracks", "--json"], home: home.url)
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.contains { $0["id"] as? String == "genai" } == true)
    }

    @Test func checkSetsStatusAndShowReportsIt() throws {
        let home = TemporaryHome()
        let items = try TracksJourneyTests.firstItems(home: home)
        let id = items[0].id
        let check = try CoachBinary.run(["check", id, "--status", "doing"], home: home.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("todo → doing"))
        #expect(try home.statuses()[id] == "doing")
        let done = try CoachBinary.run(["check", id], home: home.url)
        #expect(done.stdout.contains("doing → done"))
        let show = try CoachBinary.run(["show", "ai-product"], home: home.url)
        #expect(show.stdout.contains("[x] \(id)"))
    }

    @Test func unknownIdsGetSuggestions() throws {
        let home = TemporaryHome()
        let items = try TracksJourneyTests.firstItems(home: home)
        let typo = String(items[0].id.dropLast())
        let result = try CoachBinary.run(["check", typo], home: home.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown item \"\(typo)\""))
        #expect(result.stderr.contains(items[0].id))
        let track = try CoachBinary.run(["show", "genia"], home: home.url)
        #expect(track.status != 0)
        #expect(track.stderr.contains("did you mean genai"))
    }

    @Test func badStatusIsRefusedWithTheAllowedValues() throws {
        let home = TemporaryHome()
        let items = try TracksJourneyTests.firstItems(home: home)
        let result = try CoachBinary.run(["check", items[0].id, "--status", "finished"], home: home.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("todo"))
        #expect(result.stderr.contains("skipped"))
    }

    @Test func corruptProgressIsNamedAndNeverOverwritten() throws {
        let home = TemporaryHome()
        let garbage = Data("{\"version\": 1, \"items\": {\"x\": {\"status\": 5".utf8)
        try garbage.write(to: home.progressFile)
        let result = try CoachBinary.run(["check", "ai-product.anything"], home: home.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains(home.progressFile.path))
        #expect(try Data(contentsOf: home.progressFile) == garbage)
    }

    @Test func newerVersionIsRefused() throws {
        let home = TemporaryHome()
        let future = Data("{\"version\": 7, \"items\": {}, \"shiny\": true}\n".utf8)
        try future.write(to: home.progressFile)
        let result = try CoachBinary.run(["tracks"], home: home.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("version 7"))
        #expect(try Data(contentsOf: home.progressFile) == future)
    }

    @Test func leftoverTemporaryFilesAreCleanedByTheNextWriterOnly() throws {
        let home = TemporaryHome()
        let leftover = home.url.appendingPathComponent(".coach-tmp-progress.json.123.456")
        try Data("half".utf8).write(to: leftover)
        // A reader leaves it: it could be another process's save in flight.
        _ = try CoachBinary.run(["tracks"], home: home.url)
        #expect(FileManager.default.fileExists(atPath: leftover.path))
        let items = try TracksJourneyTests.firstItems(home: home)
        _ = try CoachBinary.run(["check", items[0].id], home: home.url)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }
}
