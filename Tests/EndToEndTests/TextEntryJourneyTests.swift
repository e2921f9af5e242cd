import Foundation
import Testing

/// Text entry against the real binary: a note of several lines written in place and
/// through `$EDITOR` (a script that appends lines), `coach note`, and a drill answered
/// then undone.
@Suite(.serialized) struct TextEntryJourneyTests {
    static let item = "ai-product.what-is-different"

    /// An editor that appends two lines to the file and notes the file's mode and folder.
    static func appendingEditor(in home: TemporaryHome) throws -> URL {
        let script = home.url.appendingPathComponent("append-editor.sh")
        let log = home.url.appendingPathComponent("editor.log").path
        try """
            #!/bin/sh
            stat -c '%a' "$1" >> '\(log)'
            dirname "$1" >> '\(log)'
            printf 'second line\\nthird line\\n' >> "$1"
            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        return script
    }

    static func editorLog(_ home: TemporaryHome) throws -> [String] {
        try String(contentsOf: home.url.appendingPathComponent("editor.log"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    @Test func aNoteWrittenInPlaceThenThroughTheEditorKeepsEveryLine() throws {
        let home = TemporaryHome()
        let editor = try Self.appendingEditor(in: home)
        let tmux = try Tmux(command: TracksJourneyTests.command(home: home, extra: "VISUAL= EDITOR=\(shellQuoted("sh " + editor.path))"),
                            rows: 24, cols: 80)
        try tmux.openTracks()
        try tmux.send("Enter")
        try tmux.waitFor("n note")
        try tmux.send("n")
        try tmux.waitFor("┌─ Note · ")
        try tmux.type("first line")
        try tmux.send("C-d")
        try tmux.waitFor("Note saved")
        try tmux.send("N")
        try tmux.waitFor(timeout: 10, "the note back from the editor") { $0.contains("Note saved") && $0.contains("third line") }
        try tmux.send("q")
        try tmux.waitForExit()

        let note = try CoachBinary.run(["note", Self.item], home: home.url)
        #expect(note.status == 0, "\(note.stderr)")
        #expect(note.stdout == "first line\nsecond line\nthird line\n")
        let item = try StudyCommandTests.object(["item", Self.item, "--json"], home)
        #expect(item["note"] as? String == "first line\nsecond line\nthird line")
        let log = try Self.editorLog(home)
        #expect(log.first == "600", "the file is the learner's alone")
        #expect(log.count == 2 && !FileManager.default.fileExists(atPath: log[1]), "the private folder is gone afterwards")
    }

    @Test func coachNoteReadsWritesEditsAndClears() throws {
        let home = TemporaryHome()
        let editor = try Self.appendingEditor(in: home)
        let none = try CoachBinary.run(["note", Self.item], home: home.url)
        #expect(none.status == 0 && none.stdout.contains("has no note yet"))
        let write = try CoachBinary.run(["note", Self.item, "Read the paper\ntwice"], home: home.url)
        #expect(write.status == 0, "\(write.stderr)")
        #expect(write.stdout.contains("note saved"))
        let edit = try CoachBinary.run(["note", Self.item, "--edit"], home: home.url,
                                       environment: ["VISUAL": "", "EDITOR": "sh " + editor.path])
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(try CoachBinary.run(["note", Self.item], home: home.url).stdout
                == "Read the paper\ntwice\nsecond line\nthird line\n")
        // An editor that leaves the file alone, or fails, saves nothing and says so.
        let same = try CoachBinary.run(["note", Self.item, "--edit"], home: home.url, environment: ["VISUAL": "true"])
        #expect(same.status == 0 && same.stdout.contains("note not changed"))
        let failed = try CoachBinary.run(["note", Self.item, "--edit"], home: home.url, environment: ["VISUAL": "false"])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("ended with status 1; nothing was saved"))
        #expect(try CoachBinary.run(["note", Self.item], home: home.url).stdout.hasPrefix("Read the paper"))
        let both = try CoachBinary.run(["note", Self.item, "x", "--clear"], home: home.url)
        #expect(both.status != 0 && both.stderr.contains("not more than one"))
        let cleared = try CoachBinary.run(["note", Self.item, "--clear"], home: home.url)
        #expect(cleared.status == 0 && cleared.stdout.contains("note removed"))
        #expect(try CoachBinary.run(["note", Self.item], home: home.url).stdout.contains("has no note yet"))
        let unknown = try CoachBinary.run(["note", "no.such-item"], home: home.url)
        #expect(unknown.status != 0)
    }

    @Test func aDrillAnsweredOnTwoLinesThenUndone() throws {
        let home = TemporaryHome()
        let tmux = try Tmux(command: TracksJourneyTests.command(home: home), rows: 24, cols: 80)
        try tmux.openTracks()
        try tmux.send("/")
        try tmux.waitFor("┌─ Search")
        try tmux.type("STAR format")
        try tmux.waitFor("Answer in STAR format with numbers")
        try tmux.send("Enter")
        try tmux.waitFor(timeout: 5, "the search to close") { !$0.contains("┌─ Search") }
        try tmux.send("Enter")
        try tmux.waitFor("w drill")
        try tmux.send("w")
        try tmux.waitFor("Ctrl-D shows the rubric")
        try tmux.type("At Acme churn was 9%")
        try tmux.send("Enter")
        try tmux.type("I cut it to 6% in a quarter")
        try tmux.waitFor("I cut it to 6% in a quarter")
        try tmux.send("C-d")
        try tmux.waitFor("Tick what your answer covered")
        try tmux.send("Space", "Enter")
        try tmux.waitFor("Drill kept: covered 1 of")
        let kept = try StudyCommandTests.json(["drill", "--json"], home) as? [[String: Any]]
        #expect(kept?.contains { ($0["attempts"] as? [[String: Any]])?.isEmpty == false } == true, "the attempt is on disk")
        try tmux.send("u")
        try tmux.waitFor("Undid: drill attempt on Answer in STAR format with numbers")
        try tmux.send("q")
        try tmux.waitForExit()
        let after = try #require(try StudyCommandTests.json(["drill", "--json"], home) as? [[String: Any]])
        #expect(after.allSatisfy { ($0["attempts"] as? [[String: Any]] ?? []).isEmpty }, "undo took the attempt off disk too")
    }
}
