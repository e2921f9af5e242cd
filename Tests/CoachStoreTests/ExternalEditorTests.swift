import CoachCore
import CoachStore
import Foundation
import Testing

/// The learner's editor on a private file: which command, what comes back, what is left.
@Suite struct ExternalEditorTests {
    /// A script editor in a folder of its own; `body` is its shell text ($1 is the file).
    /// The command has a word after the program, as `EDITOR="code --wait"` does.
    static func editor(_ body: String) throws -> (command: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coach-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("editor.sh")
        try ("#!/bin/sh\n" + body + "\n").write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        // Run through sh, not exec'd: a script just written may still be open for
        // writing in a process another test forked at that moment (ETXTBSY).
        return ("sh \(script.path)", folder)
    }

    @Test func visualBeforeEditorBeforeVi() {
        #expect(ExternalEditor.command(environment: ["VISUAL": "nano", "EDITOR": "ed"]) == "nano")
        #expect(ExternalEditor.command(environment: ["VISUAL": " ", "EDITOR": "ed"]) == "ed")
        #expect(ExternalEditor.command(environment: [:]) == "vi")
    }

    @Test func aChangedFileComesBackWithoutItsLastLineBreak() throws {
        let (command, folder) = try Self.editor("""
            stat -c '%a' "$1" > '\(FileManager.default.temporaryDirectory.path)/coach-editor-mode-$$'
            printf 'more\\n' >> "$1"
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(ExternalEditor.edit("first\nsecond", environment: ["EDITOR": command]) == .changed("first\nsecond\nmore"))
        #expect(ExternalEditor.edit("", environment: ["EDITOR": command]) == .changed("more"))
    }

    @Test func theFileIsPrivateAndItsFolderIsGoneAfterwards() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("coach-editor-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: log) }
        let (command, folder) = try Self.editor("""
            stat -c '%a' "$1" > '\(log.path)'
            stat -c '%a' "$(dirname "$1")" >> '\(log.path)'
            dirname "$1" >> '\(log.path)'
            touch "$1.swp"
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(ExternalEditor.edit("text", environment: ["EDITOR": command, "TMPDIR": folder.path]) == .unchanged)
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.prefix(2) == ["600", "700"])
        #expect(lines.count == 3 && lines[2].hasPrefix(folder.path + "/coach-edit-"), "in TMPDIR")
        #expect(!FileManager.default.fileExists(atPath: lines[2]), "removed, with what the editor left in it")
    }

    @Test func anEditorEndingWithAnErrorOrMissingSavesNothing() throws {
        guard case .failed(let reason) = ExternalEditor.edit("x", environment: ["EDITOR": "false"]) else {
            Issue.record("false must fail")
            return
        }
        #expect(reason == "the editor \"false\" ended with status 1; nothing was saved")
        guard case .failed(let missing) = ExternalEditor.edit("x", environment: ["EDITOR": "no-such-editor-here"]) else {
            Issue.record("a missing editor must fail")
            return
        }
        #expect(missing.contains("could not start the editor \"no-such-editor-here\""))
        #expect(ExternalEditor.edit("same", environment: ["EDITOR": "true"]) == .unchanged)
    }

    @Test func aLinkPutInPlaceOfTheFileIsNotFollowed() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("coach-secret-\(UUID().uuidString)")
        try "secret".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let (command, folder) = try Self.editor("rm \"$1\"; ln -s '\(secret.path)' \"$1\"")
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .failed(let reason) = ExternalEditor.edit("mine", environment: ["EDITOR": command]) else {
            Issue.record("a link must not be read")
            return
        }
        #expect(reason.contains("could not read the file back"))
    }
}
