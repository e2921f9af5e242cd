import CoachCore

/// Screen 3: the ideas ranked by RICE score, and how the selected one's score is built.
enum BacklogView: View {
    /// Draws into `rect`: the window above the key bar (the table follows `BacklogLayout`).
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout ScreenBuffer) {
        let size = Size(rows: rect.rows + 1, cols: rect.cols)
        let rows = state.backlogRows
        buffer.titleBar(screen: "Backlog", right: titleNote(state, room: size.cols - 18))

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
            drawDetail(idea, state: state, into: &buffer, top: detailTop + 1, rows: BacklogLayout.detailRows - 1, cols: rect.cols)
        }
    }

    /// What the list shows and how it is sorted, longest first that fits: a kept filter
    /// shows its text and the key that clears it.
    static func titleNote(_ state: AppState, room: Int) -> String {
        let screen = state.backlogScreen
        let total = state.backlog.count
        let query = screen.query.trimmingWhitespace()
        let order = screen.order
        let count = screen.isFiltered ? "\(state.backlogRows.count) of \(total)" : "\(total) idea\(total == 1 ? "" : "s")"
        let status = order.status.map { " \($0.rawValue)" } ?? ""
        var candidates: [String] = []
        if !query.isEmpty {
            let filter = "/\(DisplayWidth.truncate(query, to: 20))"
            candidates += ["\(filter) · \(count)\(status) · Esc clears · sorted by \(order.sort.label)",
                           "\(filter) · \(count)\(status) · Esc clears · \(order.sort.label)",
                           "\(filter) · \(count) · Esc clears", "\(filter) · Esc clears"]
        } else if order.status != nil {
            candidates += ["\(count)\(status) · Esc shows all · sorted by \(order.sort.label)",
                           "\(count)\(status) · Esc all · \(order.sort.label)", "\(count)\(status)"]
        } else {
            candidates += ["\(count) · sorted by \(order.sort.label)", "\(count) · \(order.sort.label)", count]
        }
        return candidates.first { DisplayWidth.of($0) <= room } ?? candidates.last!
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
    static func drawDetail(_ idea: Idea, state: AppState, into buffer: inout ScreenBuffer, top: Int, rows: Int, cols: Int) {
        let width = cols - 2
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

/// The ranking's columns, sized to the window: the title takes what is left, and when
/// that is too little the figures go, least telling first (reach, impact, confidence,
/// effort), so a narrow window still reads the titles.
struct Columns {
    /// The title keeps at least this much before a figure column is dropped for it.
    static let titleRoom = 24

    enum Field: CaseIterable {
        case rank, title, reach, impact, confidence, effort, score, status
    }

    let fields: [Field]
    let table: TableWidget

    init(width: Int) {
        var fields = Field.allCases
        var table = Self.table(fields, width: width - 2)
        for drop in [Field.reach, .impact, .confidence, .effort] {
            guard let title = fields.firstIndex(of: .title), table.widths[title] < Self.titleRoom else { break }
            fields.removeAll { $0 == drop }
            table = Self.table(fields, width: width - 2)
        }
        self.fields = fields
        self.table = table
    }

    static func table(_ fields: [Field], width: Int) -> TableWidget {
        TableWidget(fields.map(column), width: width)
    }

    static func column(_ field: Field) -> TableWidget.Column {
        switch field {
        case .rank: .init("#", width: 4, right: true)
        case .title: .init("Title", width: nil)
        case .reach: .init("Reach", width: 8, right: true)
        case .impact: .init("Imp", width: 5, right: true)
        case .confidence: .init("Conf", width: 5, right: true)
        case .effort: .init("Effort", width: 7, right: true)
        case .score: .init("Score", width: 9, right: true)
        case .status: .init("Status", width: 8)
        }
    }

    var heading: String { " " + table.heading }

    func row(_ idea: Idea, rank: Int) -> String {
        " " + table.line(fields.map { field in
            switch field {
            case .rank: "\(rank)"
            case .title: idea.title
            case .reach: NumberText.rounded(idea.reach, decimals: 1)
            case .impact: NumberText.plain(idea.impact.value)
            case .confidence: NumberText.confidence(idea.confidence)
            case .effort: NumberText.rounded(idea.totalEffort)
            case .score: NumberText.rounded(idea.score)
            case .status: idea.status.rawValue
            }
        })
    }
}
