import CoachCore

/// Screen 3: the ideas ranked by RICE score, and how the selected one's score is built.
enum BacklogView: View {
    /// Draws into `rect`: the window above the key bar (the table follows `BacklogLayout`).
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout ScreenBuffer) {
        let size = Size(rows: rect.rows + 1, cols: rect.cols)
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
        ListWidget.draw(count: rows.count, cursor: state.backlogScreen.list, in: Rect(row: top, col: 0, rows: listRows, cols: size.cols),
                        into: &buffer) { index, row, buffer in
            let idea = rows[index]
            buffer.put(columns.row(idea, rank: rows.rank(at: index)), row: row, col: 0, style: Style(statusRole(idea.status)))
        }

        let detailTop = top + listRows
        buffer.fill(row: detailTop, col: 0, width: size.cols, with: "─", style: Style(.dim))
        if let idea = state.selectedIdea {
            drawDetail(idea, state: state, into: &buffer, top: detailTop + 1, rows: BacklogLayout.detailRows - 1)
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

/// The ranking's columns, sized to the window: the title takes what is left.
struct Columns {
    let table: TableWidget

    init(width: Int) {
        table = TableWidget([.init("#", width: 4, right: true), .init("Title", width: nil), .init("Reach", width: 8, right: true),
                             .init("Imp", width: 5, right: true), .init("Conf", width: 5, right: true),
                             .init("Effort", width: 7, right: true), .init("Score", width: 9, right: true),
                             .init("Status", width: 8)], width: width - 2)
    }

    var heading: String { " " + table.heading }

    func row(_ idea: Idea, rank: Int) -> String {
        " " + table.line(["\(rank)", idea.title, NumberText.rounded(idea.reach, decimals: 1), NumberText.plain(idea.impact.value),
                          NumberText.confidence(idea.confidence), NumberText.rounded(idea.totalEffort),
                          NumberText.rounded(idea.score), idea.status.rawValue])
    }
}
