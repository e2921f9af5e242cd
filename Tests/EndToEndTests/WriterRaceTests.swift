import Foundation
import Testing

/// Two command-line writers started together on the same home: both must finish (the
/// second waits for the first's lock rather than being refused) and both changes must
/// be on disk. Every writer reads what it changes under the lock, so neither undoes the
/// other's change.
@Suite(.serialized) struct WriterRaceTests {
    struct Kind: CustomStringConvertible, Sendable {
        let description: String
        /// Commands run one after the other before the pair.
        let setup: [[String]]
        let first: [String]
        let second: [String]
        /// True when the home holds both changes.
        let bothLanded: @Sendable (URL) -> Bool
    }

    static func text(_ home: URL, _ name: String) -> String {
        (try? String(contentsOf: home.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    static func json(_ home: URL, _ name: String) -> [String: Any] {
        guard let data = try? Data(contentsOf: home.appendingPathComponent(name)) else { return [:] }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    static func status(_ home: URL, _ id: String) -> String? {
        ((json(home, "progress.json")["items"] as? [String: Any])?[id] as? [String: Any])?["status"] as? String
    }

    static let a = "ai-product.what-is-different", b = "genai.llm-basics"

    static let kinds: [Kind] = [
        Kind(description: "check", setup: [], first: ["check", a], second: ["check", b]) {
            status($0, a) == "done" && status($0, b) == "done"
        },
        Kind(description: "proof", setup: [], first: ["proof", a, "https://example.com/one"],
             second: ["proof", a, "https://example.com/two"]) {
            let proof = ((json($0, "progress.json")["items"] as? [String: Any])?[a] as? [String: Any])?["proof"] as? [String] ?? []
            return Set(proof) == ["https://example.com/one", "https://example.com/two"]
        },
        Kind(description: "idea add", setup: [],
             first: ["idea", "add", "First", "idea", "--reach", "10", "--impact", "high", "--confidence", "50%", "--effort", "1"],
             second: ["idea", "add", "Second", "idea", "--reach", "20", "--impact", "low", "--confidence", "80%", "--effort", "2"]) {
            let text = text($0, "backlog.json")
            return text.contains("\"First idea\"") && text.contains("\"Second idea\"")
        },
        Kind(description: "log", setup: [], first: ["log", "--minutes", "10", "--note", "first pair"],
             second: ["log", "--minutes", "20", "--note", "second pair"]) {
            let text = text($0, "journal.json")
            return text.contains("first pair") && text.contains("second pair")
        },
        Kind(description: "review", setup: [["check", a], ["check", b]],
             first: ["review", a, "--rating", "good"], second: ["review", b, "--rating", "easy"]) {
            let text = text($0, "reviews.json")
            return text.contains("\"\(a)\"") && text.contains("\"\(b)\"")
        },
        Kind(description: "settings", setup: [], first: ["settings", "--focus", "genai"], second: ["settings", "--goal", "60"]) {
            let settings = json($0, "settings.json")
            let goals = (json($0, "journal.json")["goals"] as? [[String: Any]]) ?? []
            return settings["focusTrack"] as? String == "genai" && settings["dailyGoalMinutes"] as? Int == 60
                && goals.last?["minutes"] as? Int == 60
        },
    ]

    @Test func everyChangeAcknowledgedByBothWritersOfAPairIsOnDisk() throws {
        let pairsPerKind = Torture.count(ci: 7, full: 100)
        var tried = 0, lost = 0, refused = 0
        var failures: [String] = []
        for kind in Self.kinds {
            for _ in 0..<pairsPerKind {
                let home = TemporaryHome()
                for command in kind.setup {
                    let result = try CoachBinary.run(command, home: home.url)
                    #expect(result.status == 0, "\(command): \(result.stderr)")
                }
                // Alternate which one starts first.
                let (one, two) = tried % 2 == 0 ? (kind.first, kind.second) : (kind.second, kind.first)
                let x = try Torture.Started(one, home: home.url)
                let y = try Torture.Started(two, home: home.url)
                let (rx, ry) = (x.finish(), y.finish())
                tried += 1
                if rx.status != 0 || ry.status != 0 {
                    refused += 1
                    failures.append("\(kind): \(rx.stderr) \(ry.stderr)")
                } else if !kind.bothLanded(home.url) {
                    lost += 1
                    failures.append("\(kind): a change acknowledged with exit 0 is missing")
                }
            }
        }
        Torture.report("writer-pairs", tried: tried, passed: tried - lost - refused, extra: "lost \(lost) refused \(refused)")
        #expect(lost == 0, "\(failures.prefix(3))")
        #expect(refused == 0, "\(failures.prefix(3))")
    }
}
