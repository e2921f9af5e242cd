import Foundation
import Testing

/// The real binary in tmux at 80×24: a resource's address is shown whole, `o` starts
/// the opener ($BROWSER: a script that writes down what it was given) and `y` puts the
/// address on the clipboard through OSC 52, which tmux takes into its paste buffer.
@Suite(.serialized) struct LinksJourneyTests {
    static let short = "https://example.com/attention-is-all-you-need"
    static let long = "https://example.com/courses/" + String(repeating: "machine-learning/", count: 6) + "syllabus.html"

    /// An own track (the last on the Tracks screen) with one item and two resources.
    static func homeWithResources() throws -> TemporaryHome {
        let home = TemporaryHome()
        let folder = home.url.appendingPathComponent("tracks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let track = """
        {"id": "zz-links", "title": "Zz Links", "sections": [{"title": "Start", "items": [
          {"id": "zz-links.read", "title": "Read the paper", "summary": "Short.", "minutes": 20, "resources": [
            {"title": "The paper", "kind": "paper", "url": "\(short)"},
            {"title": "The course", "kind": "course", "url": "\(long)"}]}]}]}
        """
        try Data(track.utf8).write(to: folder.appendingPathComponent("links.json"))
        return home
    }

    @Test func oOpensTheSelectedResourceAndYCopiesItThroughTmux() throws {
        let home = try Self.homeWithResources()
        let browser = home.url.deletingLastPathComponent().appendingPathComponent("browser-\(UUID().uuidString)")
        let opened = URL(fileURLWithPath: browser.path + ".opened")
        defer {
            try? FileManager.default.removeItem(at: browser)
            try? FileManager.default.removeItem(at: opened)
        }
        try Data("#!/bin/sh\nprintf '%s' \"$1\" > '\(opened.path).tmp' && mv '\(opened.path).tmp' '\(opened.path)'\n".utf8)
            .write(to: browser)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)

        // The clipboard option is set before Coach draws: it waits for the Enter below.
        let command = TracksJourneyTests.command(home: home, extra: "BROWSER=\(shellQuoted(browser.path))")
        let tmux = try Tmux(command: "read _; " + command, rows: 24, cols: 80)
        try tmux.tmux(["set-option", "-g", "set-clipboard", "on"])
        try tmux.send("Enter")
        try tmux.openTracks()
        try tmux.send("G", "l", "Enter")
        let detail = try tmux.waitFor("[course] The course")
        // The long address, wrapped in the box: every character of it is on screen.
        let shown = detail.split(separator: "\n").map { line in
            line.replacingOccurrences(of: "│", with: "").trimmingCharacters(in: .whitespaces)
        }.joined()
        #expect(shown.contains(Self.long), "\(detail)")

        try tmux.send("o")
        try tmux.waitFor("Choose a resource first")
        try tmux.send("j", "o")
        try tmux.waitFor("Opened \(Self.short) with")
        var waited = 0
        while !FileManager.default.fileExists(atPath: opened.path), waited < 200 {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 1
        }
        #expect(try String(contentsOf: opened, encoding: .utf8) == Self.short)
        #expect(try tmux.screen().contains("┌─ Read the paper"), "the screen is Coach's still")

        try tmux.send("j", "y")
        try tmux.waitFor("Copied to the clipboard:")
        var buffer = ""
        waited = 0
        while buffer != Self.long, waited < 100 {
            buffer = (try? tmux.tmux(["show-buffer"])) ?? ""
            if buffer != Self.long { Thread.sleep(forTimeInterval: 0.05) }
            waited += 1
        }
        #expect(buffer == Self.long, "OSC 52 reached tmux with the whole address")
        try tmux.send("Escape", "q")
        try tmux.waitForExit()
    }

    @Test func aMissingOpenerIsSaidInOneLine() throws {
        let home = try Self.homeWithResources()
        let tmux = try Tmux(command: TracksJourneyTests.command(home: home, extra: "BROWSER=/nonexistent/browser"),
                            rows: 24, cols: 80)
        try tmux.openTracks()
        try tmux.send("G", "l", "Enter")
        try tmux.waitFor("[paper] The paper")
        try tmux.send("j", "o")
        let screen = try tmux.waitFor("Cannot open the link")
        #expect(screen.contains("/nonexistent/browser"))
        try tmux.send("Escape", "q")
        try tmux.waitForExit()
    }
}
