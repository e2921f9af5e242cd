import CoachCore
import CoachStore
import Foundation

/// Fills a home with what a learner makes besides progress — a RICE backlog, a journal
/// of study sessions ending today, review histories for the done items and settings
/// with a focus track — each written through the app's own store, so the files are in
/// exactly the format the app reads. Days are the learner's days: `TimeZoneRules.current`,
/// as the app uses.
struct StudyGenerator {
    var random: SeededRandom
    var timeZone = TimeZoneRules.current
    var now = Date()

    var today: StudyDay { StudyDay(now, in: timeZone) }

    // MARK: - Backlog

    /// `count` ideas made as the form and `coach idea add` make them: fields from
    /// `IdeaValidation.check`, ids from `Backlog.add`. Some ideas name track items.
    mutating func backlog(count: Int, itemIDs: [String]) throws -> Backlog {
        var backlog = Backlog()
        // Created over the last three years, oldest first, like a real file grows.
        let span = 3 * 365 * 86_400.0
        for index in 0..<count {
            let created = now.addingTimeInterval(-span + span * Double(index) / Double(max(1, count)))
            let fields = try ideaFields(itemIDs: itemIDs)
            backlog.add(fields, now: created)
        }
        return backlog
    }

    mutating func ideaFields(itemIDs: [String]) throws -> ValidIdeaFields {
        var title = "\(random.pick(IdeaVocabulary.products)) for \(random.pick(IdeaVocabulary.audiences))"
        if random.chance(0.3) { title = "\(random.pick(IdeaVocabulary.adjectives)) \(title.prefix(1).lowercased())\(title.dropFirst())" }
        if random.chance(0.04) { title += " " + random.pick(Vocabulary.international) }
        let note: String? = random.chance(0.4)
            ? (0..<Int.random(in: 1...3, using: &random)).map { _ in random.pick(IdeaVocabulary.notes) }.joined(separator: " ")
            : nil
        let roll = Double.random(in: 0..<1, using: &random)
        let status: IdeaStatus = roll < 0.6 ? .idea : roll < 0.75 ? .active : roll < 0.85 ? .shipped : .dropped
        let reach = Double([10, 25, 50, 100, 200, 500, 1000, 5000][Int.random(in: 0..<8, using: &random)])
        let confidence = Double(Int.random(in: 1...20, using: &random)) / 20
        let effort = [0.25, 0.5, 1, 1.5, 2, 3, 6][Int.random(in: 0..<7, using: &random)]
        var costs = HiddenCosts.zero
        if random.chance(0.5) {
            costs = HiddenCosts(labeling: random.chance(0.5) ? 0.5 : 0, retraining: random.chance(0.3) ? 0.25 : 0,
                                monitoring: random.chance(0.6) ? 0.25 : 0, regulatory: random.chance(0.1) ? 1 : 0)
        }
        let items = itemIDs.isEmpty || !random.chance(0.3)
            ? [] : (0..<Int.random(in: 1...2, using: &random)).map { _ in random.pick(itemIDs) }
        switch IdeaValidation.check(title: title, note: note, status: status, reach: reach, impact: random.pick(Impact.allCases),
                                    confidence: confidence, effort: effort, hiddenCosts: costs, items: Array(Set(items)).sorted()) {
        case .success(let fields): return fields
        case .failure(let problems): throw BenchFailure("generated an invalid idea \"\(title)\": \(problems)")
        }
    }

    // MARK: - Journal

    /// `days` days ending today: most days one session of 20–60 minutes, some two,
    /// some none; sessions touch items and some carry a note. The goal was 30 minutes
    /// for the first half and 45 since.
    mutating func journal(days: Int, itemIDs: [String]) -> Journal {
        var journal = Journal()
        guard days > 0 else { return journal }
        let first = today.adding(days: -(days - 1))
        journal.goals.set(30, from: first)
        if days > 1 { journal.goals.change(from: 30, to: Settings.defaultGoal, on: first.adding(days: days / 2)) }
        for offset in 0..<days {
            let day = first.adding(days: offset)
            let roll = Double.random(in: 0..<1, using: &random)
            let sessions = roll < 0.12 ? 0 : roll < 0.92 ? 1 : 2
            for session in 0..<sessions {
                let hour = session == 0 ? Int.random(in: 7...12, using: &random) : Int.random(in: 17...21, using: &random)
                var start = day.start(in: timeZone).addingTimeInterval(Double(hour * 3600 + Int.random(in: 0..<60, using: &random) * 60))
                // Today's sessions are over by now.
                if start > now { start = now.addingTimeInterval(-3600) }
                let items = itemIDs.isEmpty || !random.chance(0.7)
                    ? [] : (0..<Int.random(in: 1...3, using: &random)).map { _ in random.pick(itemIDs) }
                let note = random.chance(0.3) ? random.pick(Vocabulary.sentences) : nil
                journal.add(JournalEntry(day: day, start: random.chance(0.85) ? start : nil,
                                         minutes: Int.random(in: 20...60, using: &random), items: items, note: note))
            }
        }
        return journal
    }

    // MARK: - Reviews

    /// Review histories for the done items of `progress`. With `count`, exactly that many
    /// records, spread round-robin over the done items, each item's reviews following
    /// the ladder from the day it was done; without, each done item has the reviews it
    /// would have had by today, a few days late now and then (so some are due).
    mutating func reviews(progress: ProgressBook, count: Int?) -> ReviewBook {
        var book = ReviewBook()
        let done = progress.items.keys.sorted().compactMap { id -> (String, StudyDay)? in
            guard let entry = progress.items[id], let day = ReviewBook.doneDay(of: entry, in: timeZone) else { return nil }
            return (id, day)
        }
        guard !done.isEmpty else { return book }
        var quota: [Int]
        if let count {
            quota = done.indices.map { count / done.count + ($0 < count % done.count ? 1 : 0) }
        } else {
            quota = Array(repeating: Int.max, count: done.count)
        }
        for (index, (id, doneOn)) in done.enumerated() {
            var state = book.state(of: id, doneOn: doneOn)
            var recorded = 0
            // The natural ladder stops a few days back for some items: those are due now.
            let until = count == nil ? today.adding(days: -Int.random(in: 0...6, using: &random)) : today
            while recorded < quota[index] {
                var day = state.due.adding(days: random.chance(0.3) ? Int.random(in: 1...4, using: &random) : 0)
                if day > until {
                    // Up to today only; an exact count may put several on one day.
                    guard count != nil else { break }
                    day = today
                }
                let roll = Double.random(in: 0..<1, using: &random)
                let rating: ReviewRating = roll < 0.15 ? .hard : roll < 0.85 ? .good : .easy
                state = book.record(rating, for: id, on: day, doneOn: doneOn)
                recorded += 1
            }
        }
        return book
    }

    // MARK: - Writing

    struct Summary {
        var ideas = 0
        var journalDays = 0
        var sessions = 0
        var reviews = 0
        var reviewedItems = 0
        var focus: String?

        var text: String {
            "\(ideas) ideas; \(sessions) sessions over \(journalDays) journal days; \(reviews) reviews of \(reviewedItems) done items; focus \(focus ?? "none")"
        }
    }

    /// Writes backlog.json, journal.json, reviews.json and settings.json through the
    /// stores. `reviews`: nil for the natural ladder, a number for exactly that many.
    mutating func write(home: URL, curriculum: Curriculum, progress: ProgressBook, ideas: Int, journalDays: Int,
                        reviews reviewCount: Int?, focus: String?) throws -> Summary {
        let coachHome = CoachHome(url: home)
        try coachHome.prepare()
        let itemIDs = curriculum.allItemIDs
        var summary = Summary()

        let backlog = try backlog(count: ideas, itemIDs: itemIDs)
        try BacklogStore.save(backlog, to: coachHome)
        summary.ideas = backlog.count

        let journal = journal(days: journalDays, itemIDs: itemIDs)
        try JournalStore.save(journal, to: coachHome)
        summary.journalDays = journalDays
        summary.sessions = journal.entries.count

        let reviews = reviews(progress: progress, count: reviewCount)
        try ReviewStore.save(reviews, to: coachHome)
        summary.reviews = reviews.reviewCount
        summary.reviewedItems = reviews.items.count

        // The focus: the named track, else the curriculum's first.
        let focusTrack = focus ?? curriculum.tracks.first?.id
        if let focusTrack, curriculum.track(id: focusTrack) == nil {
            throw BenchFailure("--focus \(focusTrack): no such track")
        }
        let goal = journal.goals.changes.last?.minutes ?? Settings.defaultGoal
        try SettingsStore.save(Settings(focusTrack: focusTrack, dailyGoalMinutes: goal), to: coachHome)
        summary.focus = focusTrack
        return summary
    }
}

/// Words for side-project ideas of an AI product manager.
enum IdeaVocabulary {
    static let products = [
        "RAG assistant", "Support-ticket triage bot", "Meeting summarizer", "Churn predictor", "Resume screener",
        "Recipe recommender", "Movie recommendation bot", "Invoice extractor", "Sentiment dashboard", "Code review helper",
        "Study flashcard generator", "Release-notes writer", "Feature-request clusterer", "Sales-call coach",
        "Accessibility checker", "Podcast search engine", "Contract clause finder", "Onboarding chatbot",
        "Anomaly alerting service", "Survey insight miner", "Voice note transcriber", "Image alt-text writer",
        "Price-drop forecaster", "Interview practice agent", "Prompt regression tester",
    ]
    static let audiences = [
        "small shops", "product teams", "students", "nurses", "support agents", "job seekers", "home cooks",
        "open-source maintainers", "sales teams", "teachers", "researchers", "city councils", "freelancers",
        "podcasters", "lawyers", "new hires", "data analysts", "non-profits", "parents", "game studios",
    ]
    static let adjectives = ["Multilingual", "Offline", "Privacy-first", "Cheap", "Real-time", "Explainable", "Tiny", "Open"]
    static let notes = [
        "Start from a pre-trained model and a public dataset; measure before fine-tuning.",
        "Hidden cost: someone has to label a few hundred examples to evaluate it honestly.",
        "Monitoring matters: drift in the inputs will quietly make it worse every month.",
        "Ask five people in the audience whether they would use it weekly before building.",
        "A thin prototype in a notebook is enough to learn whether the idea holds.",
        "Regulatory review may apply if it touches health or personal data.",
        "Retraining every quarter keeps it useful; budget for it in the effort.",
        "Good portfolio piece: write up the RICE estimate and what changed after shipping.",
    ]
}
