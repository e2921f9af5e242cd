import CoachCore

/// Screen 3: the ideas ranked by RICE score, and how the selected one's score is built.
enum BacklogView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let size = buffer.size
        let rows = state.backlogRows
        let filterNote = state.backlogScreen.filtered.map { "\($0.count) of \(state.backlog.count) match" }
        buffer.titleBar(screen: "Backlog", right: filterNote ?? "\(state.backlog.count) idea\(state.backlog.count == 1 ? "" : "s") · ranked by RICE")

        let columns = Columns(width: size.cols)
        buffer.put(columns.heading, row: 1, col: 0, style: Style(.heading, bold: true))
        let top = BacklogLayout.listTop
        let listRows = BacklogLayout.listRows(size)
        if rows.isEmpty {
            let text = state.backlog.isEmpty ? "No ideas yet: press a to add your first side project." : "No idea matches the filter; Esc clears it."
            buffer.put(text, row: top, col: 1, style: Style(.dim))
        }
        for (offset, index) in (state.backlogScreen.scroll..<rows.count).prefix(listRows).enumerated() {
            let idea = rows[index]
            let row = top + offset
            buffer.put(columns.row(idea, rank: rows.rank(at: index)), row: row, col: 0, style: Style(statusRole(idea.status)))
            if index == state.backlogScreen.selected {
                buffer.restyle(row: row, col: 0, width: size.cols) { $0.reverse = true }
            }
        }

        let detailTop = top + listRows
        buffer.fill(row: detailTop, col: 0, width: size.cols, with: "─", style: Style(.dim))
        if let idea = state.selectedIdea {
            drawDetail(idea, state: state, into: &buffer, top: detailTop + 1, rows: BacklogLayout.detailRows - 1)
        }
        if let editor = state.backlogScreen.filterEditor {
            buffer.fill(row: detailTop, col: 0, width: size.cols)
            buffer.put("/", row: detailTop, col: 1, style: Style(.accent, bold: true))
            buffer.textField(editor, row: detailTop, col: 3, width: size.cols - 4)
        }
        if let id = state.pendingDelete, let idea = state.backlog[id] {
            buffer.fill(row: detailTop, col: 0, width: size.cols)
            buffer.put("Delete \"\(idea.title)\"? y/n", row: detailTop, col: 1, style: Style(.bad, bold: true))
        }
    }

    static func statusRole(_ status: IdeaStatus) -> Role {
        switch status {
        case .idea: .normal
        case .active: .warn
        case .shipped: .good
        case .dropped: .dim
        }
    }

    /// The score term by term, like `task info`: every input that goes into it.
    static func drawDetail(_ idea: Idea, state: AppState, into buffer: inout ScreenBuffer, top: Int, rows: Int) {
        let width = buffer.size.cols - 2
        let breakdown = idea.breakdown
        var lines: [(String, Style)] = [
            (idea.title + (idea.isMoonshot ? "   ☄ moonshot: confidence below 50%" : ""), Style(.heading, bold: true)),
            ("Score  \(breakdown.equation)   (reach × impact × confidence ÷ total effort)", .plain),
            ("Effort \(breakdown.effortSum) person-months (effort + labeling + retraining + monitoring + regulatory)", Style(.dim)),
        ]
        if let note = idea.note, !note.isEmpty {
            lines.append(("Note   " + note.replacingText("\n", with: " "), .plain))
        }
        if !idea.items.isEmpty {
            let titles = idea.items.map { state.curriculum.item(id: $0)?.title ?? $0 }
            lines.append(("Practises " + titles.joined(separator: ", "), Style(.dim)))
        }
        lines.append(("Status \(idea.status.rawValue) · updated \(DateText.day(idea.updated, timeZone: state.study.timeZone))", Style(.dim)))
        for (offset, line) in lines.prefix(rows).enumerated() {
            buffer.put(DisplayWidth.truncate(line.0, to: width), row: top + offset, col: 1, style: line.1)
        }
    }
}

/// The table's columns, sized to the window: the title takes what is left.
struct Columns {
    let width: Int
    static let numbers = [("#", 4), ("Reach", 8), ("Imp", 5), ("Conf", 5), ("Effort", 7), ("Score", 9), ("Status", 8)]

    var titleWidth: Int { max(8, width - 2 - Self.numbers.reduce(0) { $0 + $1.1 + 1 }) }

    var heading: String {
        let (rank, rest) = (Self.numbers[0], Self.numbers.dropFirst())
        var line = " " + right(rank.0, rank.1) + " " + DisplayWidth.pad("Title", to: titleWidth)
        for (name, w) in rest { line += " " + (name == "Status" ? DisplayWidth.pad(name, to: w) : right(name, w)) }
        return line
    }

    func row(_ idea: Idea, rank: Int) -> String {
        var line = " " + right("\(rank)", 4) + " " + DisplayWidth.pad(idea.title, to: titleWidth)
        line += " " + right(NumberText.rounded(idea.reach, decimals: 1), 8)
        line += " " + right(NumberText.plain(idea.impact.value), 5)
        line += " " + right(NumberText.confidence(idea.confidence), 5)
        line += " " + right(NumberText.rounded(idea.totalEffort), 7)
        line += " " + right(NumberText.rounded(idea.score), 9)
        line += " " + DisplayWidth.pad(idea.status.rawValue, to: 8)
        return line
    }

    private func right(_ text: String, _ width: Int) -> String {
        let cut = DisplayWidth.truncate(text, to: width)
        return String(repeating: " ", count: max(0, width - DisplayWidth.of(cut))) + cut
    }
}
