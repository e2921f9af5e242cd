import Foundation
import Testing

/// The command line as scripts use it: the version, JSON shapes that keep every key the
/// README documents, commands that only look and so never write, completion of ids,
/// and plain tables that line up whatever they hold.
@Suite struct CommandLineShapesTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    @discardableResult
    static func coach(_ arguments: [String], _ home: TemporaryHome, environment: [String: String] = [:],
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> CoachBinary.Result {
        let result = try CoachBinary.run(arguments, home: home.url, environment: environment)
        #expect(result.status == 0, "coach \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    @Test func versionIsPrinted() throws {
        let result = try Self.coach(["--version"], TemporaryHome())
        #expect(result.stdout.hasPrefix("coach "))
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stdout.contains("."))
    }

    // MARK: - JSON shapes

    /// The README's table of JSON shapes: each command and the keys it lists.
    static func documentedShapes() throws -> [(command: String, keys: [String])] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "### JSON output").dropFirst().first)
        let rows = section.components(separatedBy: "\n").prefix { !$0.hasPrefix("#") }.filter { $0.hasPrefix("| `coach ") }
        return rows.map { row in
            let cells = row.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let command = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let keys = cells[2].components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            return (command, keys)
        }
    }

    /// A home where every array the shapes name has something in it.
    static func fullHome() throws -> TemporaryHome {
        let home = TemporaryHome()
        try coach(["check", "genai.prompt-engineering"], home)
        try coach(["check", "career.interview-star"], home)
        try coach(["check", "ai-product.one-page-prd"], home)
        try coach(["review", "ai-product.one-page-prd", "--rating", "good"], home)
        try coach(["review", "genai.prompt-engineering", "--card", "1", "--rating", "good", "--answer", "an answer"], home)
        try coach(["proof", "genai.prompt-engineering", "https://github.com/me/prompts"], home)
        try coach(["log", "--minutes", "20", "--note", "read", "--item", "genai.prompt-engineering"], home)
        try coach(["settings", "--focus", "genai"], home)
        try coach(["idea", "add", "Tutor", "--reach", "100", "--impact", "high", "--confidence", "80%", "--effort", "2"], home)
        return home
    }

    /// The runs of each documented command: a documented `a[].b` must be found in at
    /// least one run with `a` not empty, and in every element there.
    static let runs: [String: [[String]]] = [
        "coach tracks --json": [["tracks", "--json"]],
        "coach show TRACK --json": [["show", "genai", "--json"]],
        "coach item ID --json": [["item", "genai.prompt-engineering", "--json"], ["item", "career.interview-star", "--json"],
                                 ["item", "ai-product.one-page-prd", "--json"]],
        "coach search WORDS --json": [["search", "prompt", "--json"]],
        "coach today --json": [["today", "--json"]],
        "coach status --json": [["status", "--json"]],
        "coach stats --json": [["stats", "--json"]],
        "coach journal --json": [["journal", "--json"]],
        "coach idea list --json": [["idea", "list", "--json"]],
        "coach idea show ID --json": [["idea", "show", "tutor", "--json"]],
        "coach proof ITEM --json": [["proof", "genai.prompt-engineering", "--json"]],
    ]

    /// Whether `path` ("a[].b", "a.b", "[].c") is in `value`: nil when an array on the
    /// way is empty or an object on the way is null (nothing to look at), else whether
    /// every element has it.
    static func has(_ path: [String], in value: Any) -> Bool? {
        guard let first = path.first else { return true }
        if value is NSNull { return nil }
        if first.hasSuffix("[]") {
            let key = String(first.dropLast(2))
            let array: Any? = key.isEmpty ? value : (value as? [String: Any])?[key]
            guard let elements = array as? [Any] else { return false }
            if elements.isEmpty { return nil }
            if path.count == 1 { return true }
            let answers = elements.map { has(Array(path.dropFirst()), in: $0) }
            if answers.contains(false) { return false }
            return answers.contains(true) ? true : nil
        }
        guard let object = value as? [String: Any], let next = object[first] else { return false }
        return has(Array(path.dropFirst()), in: next)
    }

    /// "cards[].reviews[].day" → ["cards[]", "reviews[]", "day"].
    static func steps(_ key: String) -> [String] {
        var steps: [String] = []
        for part in key.components(separatedBy: ".") {
            var rest = part
            while let range = rest.range(of: "[]"), range.upperBound != rest.endIndex {
                steps.append(String(rest[..<range.upperBound]))
                rest = String(rest[range.upperBound...])
            }
            steps.append(rest)
        }
        return steps.filter { !$0.isEmpty }
    }

    @Test func everyDocumentedJSONKeyIsThereEvenWhenItHasNoValue() throws {
        let shapes = try Self.documentedShapes()
        #expect(Set(shapes.map(\.command)) == Set(Self.runs.keys), "the README documents exactly these shapes")
        let home = try Self.fullHome()
        for shape in shapes {
            let outputs = try (Self.runs[shape.command] ?? []).map { arguments in
                try JSONSerialization.jsonObject(with: Data(try Self.coach(arguments, home).stdout.utf8), options: [.fragmentsAllowed])
            }
            #expect(!shape.keys.isEmpty, "\(shape.command) lists its keys")
            for key in shape.keys {
                let answers = outputs.map { Self.has(Self.steps(key), in: $0) }
                #expect(!answers.contains(false) && answers.contains(true), "\(shape.command): \(key) missing")
            }
        }
        // A field without a value is null, not left out: a fresh item has no dates or note.
        let fresh = try JSONSerialization.jsonObject(with: Data(try Self.coach(["item", "genai.rag", "--json"], home).stdout.utf8))
            as? [String: Any]
        for key in ["changed", "done", "note", "review"] { #expect(fresh?[key] is NSNull, "\(key)") }
        let ladder = try Self.coach(["item", "ai-product.one-page-prd"], home).stdout
        #expect(ladder.contains("Review: due "), "\(ladder)")
        #expect(ladder.contains("; last 20"), "\(ladder)")
    }

    // MARK: - Looking writes nothing

    static let readOnly: [[String]] = [
        ["tracks"], ["tracks", "--json"], ["show", "genai"], ["show", "genai", "--json"], ["search", "prompt"],
        ["search", "qqqzzz", "--json"], ["today"], ["today", "--json"], ["status"], ["status", "--json"], ["stats"],
        ["stats", "--json"], ["journal"], ["journal", "--json"], ["idea", "list"], ["idea", "list", "--json"],
        ["idea", "show", "starter.lead-scoring"], ["item", "genai.prompt-engineering"], ["proof", "genai.prompt-engineering"],
    ]

    /// Every file under `url` with its bytes and modification time.
    static func snapshot(_ url: URL) -> [String: String] {
        var files: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: url.path) else { return files }
        while let name = walker.nextObject() as? String {
            let path = url.appendingPathComponent(name).path
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { "\($0.hashValue)" } ?? "folder"
            files[name] = "\(bytes) \(String(describing: attributes?[.modificationDate]))"
        }
        return files
    }

    @Test func readOnlyCommandsNeverCreateTheHomeOrWriteAFile() throws {
        let parent = TemporaryHome()
        let missing = parent.url.appendingPathComponent("not-yet")
        for arguments in Self.readOnly {
            let result = try CoachBinary.run(arguments + ["--home", missing.path], home: parent.url)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: missing.path), "coach \(arguments.joined(separator: " ")) made the home")
        }
        let empty = TemporaryHome()
        for arguments in Self.readOnly {
            let result = try CoachBinary.run(arguments, home: empty.url)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let left = try FileManager.default.contentsOfDirectory(atPath: empty.url.path)
            #expect(left.isEmpty, "coach \(arguments.joined(separator: " ")) wrote \(left)")
        }
        // And on a home in use, nothing is rewritten.
        let used = try Self.fullHome()
        let before = Self.snapshot(used.url)
        for arguments in Self.readOnly where arguments != ["idea", "show", "starter.lead-scoring"] {
            try Self.coach(arguments, used)
        }
        #expect(Self.snapshot(used.url) == before)
    }

    // MARK: - Items by title

    @Test func checkAndItemTakeATitleAndSuggestOnNoMatch() throws {
        let home = TemporaryHome()
        let checked = try Self.coach(["check", "prompt ENGINEERING"], home)
        #expect(checked.stdout.hasPrefix("genai.prompt-engineering: todo → done"))
        let item = try Self.coach(["item", "Prompt engineering"], home).stdout
        #expect(item.hasPrefix("Prompt engineering (genai.prompt-engineering)\nGenerative AI › "))
        #expect(item.contains("· done"))
        #expect(item.contains("changed 20"), "the dates")
        #expect(item.contains("    https://"), "resources with their whole addresses")
        #expect(item.contains("#1 "), "the cards and their review state")

        for arguments in [["check", "Prompt enginering"], ["item", "prompt engneering"]] {
            let result = try CoachBinary.run(arguments, home: home.url)
            #expect(result.status != 0)
            #expect(result.stderr.hasPrefix("Error: unknown item \"\(arguments[1])\"; did you mean "), "\(result.stderr)")
            #expect(result.stderr.contains("genai.prompt-engineering"))
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        let nothing = try CoachBinary.run(["check", "qqqzzzxx"], home: home.url)
        #expect(nothing.stderr.contains("coach search WORDS"), "\(nothing.stderr)")
    }

    // MARK: - Completion

    /// What the bash script swift-argument-parser generates asks for `coach SUB… ARG`
    /// with `typed` as the word under the cursor.
    static func complete(_ path: [String], _ argument: String, typed: String, home: TemporaryHome) throws -> [String] {
        let words = ["coach"] + path + [typed]
        let result = try CoachBinary.run(["---completion"] + path + ["--", argument, "\(words.count - 1)", "\(typed.count)"] + words,
                                         home: home.url)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func completionOffersTrackItemAndIdeaIdsFromTheHome() throws {
        let home = TemporaryHome()
        let script = try Self.coach(["--generate-completion-script", "bash"], home).stdout
        #expect(script.contains("---completion show -- positional@0"))
        #expect(script.contains("---completion idea show -- positional@0"))

        let tracks = try Self.complete(["show"], "positional@0", typed: "gen", home: home)
        #expect(tracks == ["genai"])
        let items = try Self.complete(["check"], "positional@0", typed: "genai.prompt", home: home)
        #expect(items.contains("genai.prompt-engineering"))
        #expect(items.allSatisfy { $0.hasPrefix("genai.prompt") })
        #expect(try Self.complete(["item"], "positional@0", typed: "career.interview-st", home: home) == ["career.interview-star"])
        #expect(try Self.complete(["settings"], "--focus", typed: "ai-", home: home) == ["ai-product"])

        try Self.coach(["idea", "add", "Zeta tutor", "--reach", "1", "--impact", "low", "--confidence", "50%", "--effort", "1"], home)
        #expect(try Self.complete(["idea", "show"], "positional@0", typed: "ze", home: home) == ["zeta-tutor"])
        #expect(try Self.complete(["idea", "rm"], "positional@0", typed: "", home: home) == ["zeta-tutor"])
    }

    // MARK: - The journal's columns

    @Test func journalColumnsLineUpWhateverTheRowsHold() throws {
        let home = TemporaryHome()
        try Self.coach(["log", "--minutes", "5", "--note", "日本語のメモ", "--item", "genai.prompt-engineering", "genai.rag",
                        "genai.llm-basics", "genai.hallucinations", "genai.diffusion"], home)
        try Self.coach(["log", "--minutes", "120", "--note", "plain"], home)
        try Self.coach(["log", "--minutes", "45", "--item", "genai.gans", "--note", "🙂 emoji"], home)
        let lines = try Self.coach(["journal"], home).stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        // Each column starts at the same cell on every row: the header's.
        let header = lines[0]
        func cell(_ text: String, of name: String) -> Int { displayWidth(String(text[..<text.range(of: name)!.lowerBound])) }
        let notes = cell(header, of: "note")
        for line in lines.dropFirst() {
            let note = ["日本語のメモ", "plain", "🙂 emoji"].first { line.contains($0) }!
            #expect(cell(line, of: note) == notes, "\(lines.joined(separator: "\n"))")
        }
        #expect(lines.contains { $0.contains("…") }, "a long list of items is cut with … to its column")
    }
}

/// Terminal cells of `text`: two for CJK and emoji, one otherwise (enough for the tests).
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v)
        return total + (wide ? 2 : 1)
    }
}
