import Foundation

/// Writes a large, realistic curriculum in the shape of `Data/tracks/*.json`: tracks of
/// four sections, items with ~200-character summaries and one to three resources.
struct CurriculumGenerator {
    var tracks: Int
    var itemsPerTrack: Int
    var sectionsPerTrack = 4
    var random: SeededRandom

    /// The file layout `CurriculumParser` reads.
    struct TrackFile: Encodable {
        var id: String
        var title: String
        var summary: String
        var sections: [SectionFile]
    }

    struct SectionFile: Encodable {
        var title: String
        var items: [ItemFile]
    }

    struct ItemFile: Encodable {
        var id: String
        var title: String
        var summary: String
        var minutes: Int
        var resources: [ResourceFile]
    }

    struct ResourceFile: Encodable {
        var title: String
        var kind: String
        var url: String?
    }

    /// Writes `data/tracks/NN-<id>.json` and returns every item id, in order.
    mutating func write(to data: URL) throws -> [String] {
        let folder = data.appendingPathComponent("tracks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        let digits = max(2, String(tracks).count)
        var ids: [String] = []
        for number in 1...max(1, tracks) where tracks > 0 {
            let track = makeTrack(number)
            ids += track.sections.flatMap { $0.items.map(\.id) }
            let name = String(repeating: "0", count: digits - String(number).count) + "\(number)-\(track.id).json"
            try (encoder.encode(track) + Data("\n".utf8)).write(to: folder.appendingPathComponent(name), options: .atomic)
        }
        return ids
    }

    mutating func makeTrack(_ number: Int) -> TrackFile {
        let area = Vocabulary.areas[(number - 1) % Vocabulary.areas.count]
        let id = "\(slug(area))-\(number)"
        var sections: [SectionFile] = []
        var itemNumber = 0
        for s in 0..<sectionsPerTrack {
            // Spread the items evenly; the first sections take the remainder.
            let count = itemsPerTrack / sectionsPerTrack + (s < itemsPerTrack % sectionsPerTrack ? 1 : 0)
            var items: [ItemFile] = []
            for _ in 0..<count {
                itemNumber += 1
                items.append(makeItem(trackID: id, number: itemNumber))
            }
            sections.append(SectionFile(title: "\(s + 1). \(Vocabulary.sectionNames[s % Vocabulary.sectionNames.count]) — \(area)", items: items))
        }
        return TrackFile(id: id, title: "\(area) \(number)", summary: summary(about: area), sections: sections)
    }

    mutating func makeItem(trackID: String, number: Int) -> ItemFile {
        let topic = random.pick(Vocabulary.topics)
        var title = "\(random.pick(Vocabulary.verbs)) \(topic)"
        if random.chance(0.4) { title += " \(random.pick(Vocabulary.qualifiers))" }
        // A few titles carry accents, CJK and emoji, as real ones may: display width costs.
        if random.chance(0.05) { title += " " + random.pick(Vocabulary.international) }
        let id = "\(trackID).\(slug(topic))-\(number)"
        let resources = (0..<Int.random(in: 1...3, using: &random)).map { _ in makeResource() }
        return ItemFile(id: id, title: title, summary: summary(about: topic),
                        minutes: 5 * Int.random(in: 3...24, using: &random), resources: resources)
    }

    mutating func makeResource() -> ResourceFile {
        let kind = random.pick(Vocabulary.kinds)
        let title = "\(random.pick(Vocabulary.resourceTitles)): \(random.pick(Vocabulary.topics))"
        let url = random.chance(0.85) ? "https://\(random.pick(Vocabulary.hosts))/\(slug(title))" : nil
        return ResourceFile(title: title, kind: kind, url: url)
    }

    /// About 200 characters of plausible prose, cut at a word.
    mutating func summary(about topic: String) -> String {
        var text = "\(random.pick(Vocabulary.openers)) \(topic.lowercased())."
        while text.count < 200 {
            text += " " + random.pick(Vocabulary.sentences)
        }
        var cut = String(text.prefix(205))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut.hasSuffix(".") ? cut : cut + "."
    }

    func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                out.unicodeScalars.append(scalar)
                dash = false
            } else if !dash && !out.isEmpty {
                out += "-"
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(40))
    }
}

/// Words the generator draws from: the vocabulary of AI product management.
enum Vocabulary {
    static let areas = [
        "AI Product", "Data Science", "Generative AI", "Agents", "Soft Skills",
        "Engineering Foundations", "Product Management Foundations", "Career",
        "Machine Learning Ops", "Responsible AI",
    ]
    static let sectionNames = ["Foundations", "Practice", "Going deeper", "Ship it"]
    static let verbs = [
        "Understand", "Practise", "Compare", "Evaluate", "Design", "Measure", "Explain",
        "Prototype", "Review", "Plan", "Write about", "Interview on",
    ]
    static let topics = [
        "prompt engineering", "retrieval-augmented generation", "fine-tuning", "embeddings",
        "vector databases", "evaluation metrics", "precision and recall", "A/B testing",
        "the RICE score", "user research", "model monitoring", "data labeling",
        "transformers", "tokenization", "hallucinations", "guardrails", "agent tool use",
        "cost per query", "latency budgets", "stakeholder alignment", "roadmaps",
        "SQL for product managers", "Python notebooks", "statistics basics",
        "regression", "classification", "clustering", "recommendation systems",
        "privacy and consent", "bias audits", "model cards", "the product brief",
        "portfolio projects", "system design interviews", "storytelling with data",
    ]
    static let qualifiers = [
        "in practice", "for product managers", "with a worked example", "at scale",
        "for a side project", "step by step", "from first principles", "in production",
    ]
    static let international = ["— résumé", "(データ分析)", "🚀", "naïve Bayes", "für Einsteiger", "📈 metrics"]
    static let openers = [
        "Learn the core ideas behind", "A hands-on look at", "Why product teams care about",
        "Get comfortable with", "Build intuition for", "Work through the trade-offs of",
    ]
    static let sentences = [
        "Read the overview, then try it on a small dataset of your own.",
        "Write a one-page note on what surprised you and share it.",
        "Focus on what a product manager must decide, not on the maths.",
        "Compare two approaches and list when each one wins.",
        "Sketch how you would explain it to an engineer and to an executive.",
        "Keep the notebook in your portfolio as proof of work.",
        "Find one shipped product that uses it and describe how.",
        "Estimate the cost and the risk before you promise a date.",
    ]
    static let kinds = ["book", "course", "paper", "video", "article", "podcast", "website", "newsletter"]
    static let resourceTitles = [
        "A practical guide", "Lecture notes", "Field manual", "Deep dive", "Crash course",
        "Case study", "Weekly digest", "Explainer",
    ]
    static let hosts = ["example.com", "learn.example.org", "papers.example.net", "video.example.com"]
}
