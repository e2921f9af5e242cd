import CoachCore
import CoachStore
import FoundationEssentials

/// `coach export --format markdown`: the learner's work as a readable learning log and
/// portfolio — what they finished, with their notes and proof-of-work links, the
/// journal week by week, and the side-project backlog ranked with its RICE scores.
struct MarkdownExport {
    let document: HomeExport
    let curriculum: Curriculum
    let today: StudyDay
    let timeZone: TimeZoneRules

    var text: String {
        var lines: [String] = []
        header(&lines)
        tracks(&lines)
        journal(&lines)
        backlog(&lines)
        reviews(&lines)
        answers(&lines)
        drills(&lines)
        // Notes, titles and answers are the learner's text: shown inert when the file is printed.
        return TerminalText.safe(lines.joined(separator: "\n") + "\n")
    }

    // MARK: Sections

    private func header(_ lines: inout [String]) {
        let settings = document.settings
        let journal = document.journal
        let streaks = Streaks(journal: journal, today: today, rules: settings.streakRules)
        let overall = document.progress.count(curriculum)
        let focus = settings.focusTrack.map { curriculum.track(id: $0)?.title ?? $0 } ?? "none"
        let minutes = journal.entries.reduce(0) { $0 + $1.minutes }
        let days = Set(journal.entries.map(\.day)).count
        lines += [
            "# Learning log",
            "",
            "Exported from Coach on \(today). Focus track: \(escaped(focus)). Daily goal: \(settings.dailyGoalMinutes) minutes.",
            "",
            "- Items done: \(overall.done) of \(overall.counted) (\(overall.percent)%)",
            "- Studied: \(hours(minutes)) in \(plural(journal.entries.count, "session")) on \(plural(days, "day"))",
            "- Streak: \(plural(streaks.current, "day")) (longest \(plural(streaks.longest, "day")))",
            "- Reviews: \(document.reviews.reviewCount) done",
            "- Side-project ideas: \(document.backlog.count)",
        ]
    }

    private func tracks(_ lines: inout [String]) {
        lines += ["", "## Tracks"]
        for track in curriculum.tracks {
            let count = document.progress.count(track)
            lines += ["", "### \(escaped(track.title)) — \(count.done) of \(count.counted) done (\(count.percent)%)"]
            let shown = track.items.filter { item in
                guard let entry = document.progress.items[item.id] else { return false }
                return entry.status == .done || entry.note != nil || !entry.proof.isEmpty
            }
            guard !shown.isEmpty else { continue }
            lines.append("")
            for item in shown { itemLines(id: item.id, title: item.title, into: &lines) }
        }
        let known = Set(curriculum.allItemIDs)
        let others = document.progress.items.keys.filter { !known.contains($0) }.sorted()
        if !others.isEmpty {
            lines += ["", "### Items no longer in the curriculum", ""]
            for id in others { itemLines(id: id, title: nil, into: &lines) }
        }
    }

    private func itemLines(id: String, title: String?, into lines: inout [String]) {
        guard let entry = document.progress.items[id] else { return }
        let mark = entry.status == .done ? "[x]" : "[ ]"
        let name = title.map { "\(escaped($0)) (`\(id)`)" } ?? "`\(id)`"
        var line = "- \(mark) \(name)"
        switch entry.status {
        case .done: line += ", done \(StudyDay(entry.done ?? entry.changed, in: timeZone))"
        case .doing: line += ", in progress"
        case .skipped: line += ", skipped"
        case .todo: break
        }
        lines.append(line)
        if let note = entry.note { lines.append("  - Note: " + indented(note)) }
        // A URL becomes a link; a path stays as written.
        for link in entry.proof { lines.append("  - Proof of work: " + (link.contains("://") ? "<\(link)>" : "`\(link)`")) }
    }

    private func journal(_ lines: inout [String]) {
        lines += ["", "## Journal"]
        let entries = document.journal.newestFirst
        guard !entries.isEmpty else {
            lines += ["", "No sessions logged yet."]
            return
        }
        var week: StudyDay?
        for entry in entries {
            let start = CalendarGrid.weekStart(of: entry.day)
            if start != week {
                week = start
                let inWeek = entries.filter { CalendarGrid.weekStart(of: $0.day) == start }
                let minutes = inWeek.reduce(0) { $0 + $1.minutes }
                lines += ["", "### Week of \(start) — \(hours(minutes)) in \(plural(inWeek.count, "session"))", ""]
            }
            var line = "- \(entry.day), \(entry.minutes) min"
            if !entry.items.isEmpty {
                line += ": " + entry.items.map { id in curriculum.item(id: id).map { escaped($0.title) } ?? "`\(id)`" }
                    .joined(separator: ", ")
            }
            if let note = entry.note { line += " — " + indented(note) }
            lines.append(line)
        }
    }

    private func backlog(_ lines: inout [String]) {
        lines += ["", "## Side-project backlog"]
        let ideas = document.backlog.ranked
        guard !ideas.isEmpty else {
            lines += ["", "No ideas yet."]
            return
        }
        lines += [
            "",
            "Ranked by RICE score: reach × impact × confidence ÷ effort, where effort includes the hidden AI costs (person-months).",
            "",
            "| # | Idea | Status | Score | Reach | Impact | Confidence | Effort |",
            "| ---: | --- | --- | ---: | ---: | --- | ---: | ---: |",
        ]
        for (index, idea) in ideas.enumerated() {
            let hidden = idea.hiddenCosts.total
            let effort = NumberText.rounded(idea.effort) + (hidden > 0 ? " + \(NumberText.rounded(hidden)) hidden" : "")
            let moonshot = idea.isMoonshot ? " (moonshot)" : ""
            lines.append("| \(index + 1) | \(cell(idea.title)) | \(idea.status.rawValue) | \(NumberText.rounded(idea.score)) "
                + "| \(NumberText.rounded(idea.reach)) | \(idea.impact.name) (\(NumberText.plain(idea.impact.value))) "
                + "| \(NumberText.confidence(idea.confidence))\(moonshot) | \(effort) |")
        }
        let described = ideas.filter { $0.note != nil || !$0.items.isEmpty }
        guard !described.isEmpty else { return }
        lines.append("")
        for idea in described {
            var line = "- **\(escaped(idea.title))**"
            if let note = idea.note { line += ": " + indented(note) }
            if !idea.items.isEmpty {
                line += " Practises: " + idea.items.map { id in curriculum.item(id: id).map { escaped($0.title) } ?? "`\(id)`" }
                    .joined(separator: ", ") + "."
            }
            lines.append(line)
        }
    }

    private func reviews(_ lines: inout [String]) {
        let reviewed = document.reviews.items.filter { !$0.value.isEmpty }.keys.sorted()
        guard !reviewed.isEmpty else { return }
        lines += ["", "## Reviews", ""]
        for id in reviewed {
            let history = document.reviews.history(of: id)
            let title = curriculum.item(id: id).map { "\(escaped($0.title)) (`\(id)`)" } ?? "`\(id)`"
            var line = "- \(title): \(plural(history.count, "review"))"
            if let last = history.last { line += ", last \(last.rating.rawValue) on \(last.day)" }
            if let state = document.reviews.state(of: id, progress: document.progress, timeZone: timeZone) {
                line += ", next on \(state.due)"
            }
            lines.append(line)
        }
    }

    /// What the learner answered to each card, item by item, newest first: the study
    /// notes they wrote from memory.
    private func answers(_ lines: inout [String]) {
        let answered = document.reviews.log.filter { $0.answer != nil }
        guard !answered.isEmpty else { return }
        lines += ["", "## Recall answers", ""]
        for id in Set(answered.map(\.itemID)).sorted() {
            guard let item = curriculum.item(id: id) else { continue }
            lines.append("### \(escaped(item.title)) (`\(id)`)")
            for entry in document.reviews.entries(of: id) {
                guard let answer = entry.answer, let number = CardID.promptNumber(of: entry.cardID),
                      item.prompts.indices.contains(number - 1)
                else { continue }
                lines += ["", "- \(entry.day), \(entry.rating.name): \(escaped(item.prompts[number - 1].question))",
                          "    " + indented(escaped(answer))]
            }
            lines.append("")
        }
    }

    /// Every drill answered, with what the answer covered: the interview prep book.
    private func drills(_ lines: inout [String]) {
        let attempts = document.reviews.drillAttempts
        guard !attempts.isEmpty else { return }
        lines += ["", "## Interview drills", ""]
        for attempt in attempts.reversed() {
            guard let item = curriculum.item(id: attempt.itemID), item.drills.indices.contains(attempt.drill - 1) else { continue }
            let drill = item.drills[attempt.drill - 1]
            let share = Int((DrillRubric.share(covered: attempt.covered, of: drill) * 100).rounded())
            lines += ["### \(escaped(drill.question))", "",
                      "\(attempt.day) · \(drill.kind == .star ? "STAR" : "case study") · covered \(share)% of the rubric · \(attempt.rating.name)",
                      "", escaped(attempt.answer), ""]
            let missed = drill.rubric.indices.filter { !attempt.covered.contains($0 + 1) }
            if !missed.isEmpty {
                lines.append("Not yet covered:")
                lines += missed.map { "- \(escaped(drill.rubric[$0]))" }
                lines.append("")
            }
        }
    }

    // MARK: Text

    private func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }

    /// "45 min", "3 h 20 min".
    private func hours(_ minutes: Int) -> String {
        guard minutes >= 60 else { return "\(minutes) min" }
        let rest = minutes % 60
        return rest == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(rest) min"
    }

    /// Text that Markdown would otherwise read as markup at the start of a line or as
    /// emphasis; links and URLs are left as they are, so they stay clickable.
    private func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "*_`<>[]".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A table cell: no pipes, no line breaks.
    private func cell(_ text: String) -> String {
        escaped(text).replacingText("|", with: "\\|").replacingText("\n", with: " ")
    }

    /// A note of several lines stays inside its list item.
    private func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ")
    }
}
