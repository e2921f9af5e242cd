import ArgumentParser
import CoachCore
import CoachStore
import CoachUI
import FoundationEssentials
import Glibc

extension BacklogOrder.Sort: ExpressibleByArgument {}

struct IdeaListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the ideas, best score first (open ideas before shipped and dropped ones).",
        discussion: "On first use the backlog starts with the side-project ideas the sources suggest; remove any with coach idea rm ID.")

    @OptionGroup var home: HomeOption
    @Option(help: ArgumentHelp("Only ideas with this status (repeat for several): \(IdeaStatus.allowedList).", valueName: "status"))
    var status: [IdeaStatus] = []
    @Option(help: ArgumentHelp("The order: \(BacklogOrder.Sort.allowedList) (as o cycles on the Backlog screen).",
                               valueName: "key"))
    var sort: BacklogOrder.Sort = .score
    @Flag(help: "Print JSON: an array, in the order listed.") var json = false

    func run() throws {
        try Self.list(homeFlag: home.home, status: status, sort: sort, json: json)
    }

    /// The list, by the parser's way in (`run`) or the hot path's (`Entry`).
    static func list(homeFlag: String?, status: [IdeaStatus], sort: BacklogOrder.Sort, json: Bool) throws {
        let home = CoachHome.resolve(flag: homeFlag)
        let backlog = try home.backlogOfferingStarters()
        KeptUntilExit.keep(backlog)
        let ranked = backlog.ranked
        // Ranks are places in the whole backlog, so they match `coach idea show`.
        let ranks = BacklogOrder(sort: sort).arrange(ranked, keeping: Set(status))
        var output = BufferedOutput()
        defer { output.flush() }
        if json {
            JSONWriter.array(ranks.lazy.map { IdeaJSON(ranked[$0]).fields }) { output.writeJSON($0) }
            return output.write("\n")
        }
        guard !ranks.isEmpty else {
            if backlog.isEmpty {
                output.write("No ideas yet; add one with coach idea add TITLE --reach N --impact medium --confidence 80% --effort N\n")
            } else {
                output.write("No ideas with status \(status.map(\.rawValue).joined(separator: " or ")) (of \(backlog.count)).\n")
            }
            return
        }
        IdeaTable.write(ranks.lazy.map { (rank: $0 + 1, idea: ranked[$0]) }, to: &output)
    }
}

/// One idea in `coach idea list --json`. Numbers are the stored values, unrounded.
struct IdeaJSON {
    var idea: Idea

    init(_ idea: Idea) { self.idea = idea }

    /// Every key, always present (note is null when empty), so each object has the same
    /// shape; listed in sorted order, as the writer prints them.
    var fields: [(String, JSONWriter.Value)] {
        let costs = idea.hiddenCosts
        return [
            ("confidence", .number(idea.confidence)), ("created", .date(idea.created)), ("effort", .number(idea.effort)),
            ("hiddenCosts", .object([("labeling", .number(costs.labeling)), ("monitoring", .number(costs.monitoring)),
                                     ("regulatory", .number(costs.regulatory)), ("retraining", .number(costs.retraining))])),
            ("id", .string(idea.id)), ("impact", .number(idea.impact.value)), ("items", .strings(idea.items)),
            ("note", idea.note.map { .string($0) } ?? .null), ("reach", .number(idea.reach)),
            ("score", .number(idea.score)), ("status", .string(idea.status.rawValue)), ("title", .string(idea.title)),
            ("totalEffort", .number(idea.totalEffort)), ("updated", .date(idea.updated)),
        ]
    }
}

extension IdeaJSON {
    /// `coach idea show --json`: the list's keys with the idea's place in the ranking
    /// (`rank` of `ideas`), in sorted order.
    func showFields(rank: Int, of count: Int) -> [(String, JSONWriter.Value)] {
        let extra: [(String, JSONWriter.Value)] = [("ideas", .number(Double(count))), ("rank", .number(Double(rank)))]
        return (fields + extra).sorted { $0.0 < $1.0 }
    }
}

/// The plain table of `coach idea list`. This module is built for size (Package.swift);
/// writing 10,000 rows is where `coach idea list` spends its own time, so these functions
/// are built for speed (at `-Osize` the table cost 1.25 M more instructions).
enum IdeaTable {
    static let titleLimit = 40
    static let header = ["#", "id", "title", "R", "I", "C", "E", "score", "status"]
    /// Left: id, title, status; the figures line up on the right.
    static let leftAligned: Set<Int> = [1, 2, 8]
    /// The columns of figures: the rank, R, I, C, E and the score.
    private static let figureColumns = [0, 3, 4, 5, 6, 7]

    /// What a row keeps until the columns are measured: its texts and the cells they
    /// take, and its figures as bytes in one buffer shared by every row (`FigureBytes`),
    /// so a row makes no String of its own. A row with nothing to make safe for a
    /// terminal, nearly every one, is then written byte by byte, any other through `line`.
    private struct Row {
        let id: String
        let title: String
        let status: String
        let idCells: Int
        let titleCells: Int
        let titleIsASCII: Bool
        let plain: Bool
    }

    /// Every row's figures, one after another, and where each ends.
    private struct FigureBytes {
        var bytes: [UInt8] = []
        var ends: [Int] = []

        @_optimize(speed)
        func figure(_ row: Int, _ index: Int) -> ArraySlice<UInt8> {
            let slot = row * figureColumns.count + index
            return bytes[(slot == 0 ? 0 : ends[slot - 1])..<ends[slot]]
        }
    }

    @_optimize(speed)
    private static func statusText(_ idea: Idea) -> String {
        idea.status.rawValue + (idea.isMoonshot ? " *" : "")
    }

    /// The table, line by line, to `output`.
    @_optimize(speed)
    static func write<Rows: Collection>(_ rows: Rows, to output: inout BufferedOutput) where Rows.Element == (rank: Int, idea: Idea) {
        var widths = header.map(DisplayWidth.of)
        var table: [Row] = []
        table.reserveCapacity(rows.count)
        var figures = FigureBytes()
        figures.bytes.reserveCapacity(rows.count * 32)
        figures.ends.reserveCapacity(rows.count * figureColumns.count)
        var moonshot = false
        // An idea's impact is one of five, so each is written out once.
        let impacts = Impact.allCases
        let impactTexts = impacts.map { Array(NumberText.plain($0.value).utf8) }
        for (rank, idea) in rows {
            for column in figureColumns {
                let start = figures.bytes.count
                switch column {
                case 0: NumberText.appendDigits(Int64(rank), to: &figures.bytes)
                case 3: IdeaFigures.append(idea.reach, to: &figures.bytes)
                case 4: figures.bytes.append(contentsOf: impactTexts[impacts.firstIndex(of: idea.impact)!])
                case 5: IdeaFigures.appendPercent(idea.confidence, to: &figures.bytes)
                case 6: IdeaFigures.append(idea.totalEffort, to: &figures.bytes)
                default: IdeaFigures.append(idea.score, to: &figures.bytes)
                }
                widths[column] = max(widths[column], figures.bytes.count - start)
                figures.ends.append(figures.bytes.count)
            }
            let (idIsASCII, titleIsASCII) = (isPrintableASCII(idea.id), isPrintableASCII(idea.title))
            let row = Row(id: idea.id, title: idea.title, status: statusText(idea),
                          idCells: idIsASCII ? idea.id.utf8.count : DisplayWidth.of(idea.id),
                          titleCells: titleIsASCII ? idea.title.utf8.count : DisplayWidth.of(idea.title),
                          titleIsASCII: titleIsASCII,
                          plain: (idIsASCII || TerminalText.isSafe(idea.id)) && (titleIsASCII || TerminalText.isSafe(idea.title)))
            widths[1] = max(widths[1], row.idCells)
            widths[2] = max(widths[2], row.titleCells)
            if idea.isMoonshot { moonshot = true }
            table.append(row)
        }
        widths[2] = min(widths[2], titleLimit)
        output.write(line(header, widths: widths))
        for (index, row) in table.enumerated() {
            if row.plain {
                output.writeSafe { bytes in
                    for (place, column) in figureColumns.enumerated() {
                        if column == 3 {
                            cell(row.id, cells: row.idCells, ascii: true, width: widths[1], to: &bytes)
                            cell(row.title, cells: row.titleCells, ascii: row.titleIsASCII, width: widths[2], to: &bytes)
                        }
                        let figure = figures.figure(index, place)
                        spaces(widths[column] - figure.count + (column == 0 ? 0 : 2), to: &bytes)
                        bytes.append(contentsOf: figure)
                    }
                    spaces(2, to: &bytes)
                    bytes.append(contentsOf: row.status.utf8)
                    bytes.append(UInt8(ascii: "\n"))
                }
            } else {
                var cells = figureColumns.indices.map { String(decoding: figures.figure(index, $0), as: UTF8.self) }
                cells.insert(contentsOf: [row.id, row.title], at: 1)
                cells.append(row.status)
                output.write(line(cells, widths: widths))
            }
        }
        if moonshot {
            output.write("* moonshot: confidence below 50%\n")
        }
    }

    /// A left-aligned cell of safe text that takes `cells` cells, after its two spaces,
    /// laid out as `line` lays it out: padded to `width`, or cut to it as
    /// `DisplayWidth.pad` cuts (an id is never cut: its column is as wide as the widest).
    @_optimize(speed)
    private static func cell(_ text: String, cells: Int, ascii: Bool, width: Int, to bytes: inout [UInt8]) {
        spaces(2, to: &bytes)
        let utf8 = text.utf8
        if cells <= width {
            bytes.append(contentsOf: utf8)
            spaces(width - cells, to: &bytes)
        } else if !ascii {
            bytes.append(contentsOf: DisplayWidth.pad(text, to: width).utf8)
        } else if width > 0 {
            // A native string's bytes are at hand; a prefix of its view is read one by one.
            if utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0[..<(width - 1)]) }) == nil {
                bytes.append(contentsOf: utf8.prefix(width - 1))
            }
            bytes.append(contentsOf: ellipsis)
        }
    }

    private static let blanks = [UInt8](repeating: UInt8(ascii: " "), count: 64)
    private static let ellipsis = Array("…".utf8)

    @_optimize(speed)
    private static func spaces(_ count: Int, to bytes: inout [UInt8]) {
        var left = count
        while left > 0 {
            let run = min(left, blanks.count)
            bytes.append(contentsOf: blanks[..<run])
            left -= run
        }
    }

    @_optimize(speed)
    static func isPrintableASCII(_ text: String) -> Bool {
        ASCIIText.isPrintable(text)
    }

    @_optimize(speed)
    private static func line(_ cells: [String], widths: [Int]) -> String {
        var text = ""
        text.reserveCapacity(160)
        for (column, cell) in cells.enumerated() {
            if column > 0 { text += "  " }
            if column == cells.count - 1 {
                text += cell
            } else if leftAligned.contains(column) {
                text += DisplayWidth.pad(cell, to: widths[column])
            } else {
                text += String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(cell))) + cell
            }
        }
        return text + "\n"
    }
}

struct IdeaShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show every field of an idea and how its score is built.")

    @OptionGroup var home: HomeOption
    @Argument(help: "The idea's id (see coach idea list).", completion: Completions.ideas) var id: String
    @Flag(help: "Print JSON: the idea as idea list --json writes it, with its rank.") var json = false

    func run() throws {
        let context = try AppContext.load(home: home)
        let backlog = try context.home.backlogOfferingStarters()
        let idea = try backlog.findOrFail(id)
        let rank = (backlog.rank(of: id) ?? 0) + 1
        if json {
            var output = BufferedOutput()
            defer { output.flush() }
            return output.writeJSON(JSONWriter.document(IdeaJSON(idea).showFields(rank: rank, of: backlog.count)))
        }
        print(IdeaReport.render(idea, rank: rank, of: backlog.count, context: context), terminator: "")
    }
}

/// `coach idea show`: one field a line, like `task info`, with the score built term by term.
enum IdeaReport {
    static func render(_ idea: Idea, rank: Int, of count: Int, context: AppContext) -> String {
        let breakdown = idea.breakdown
        var rows: [(String, String)] = [
            ("ID", idea.id),
            ("Title", idea.title),
            ("Status", idea.status.rawValue),
            ("Rank", "\(rank) of \(count)"),
            ("Score", NumberText.rounded(breakdown.score)),
        ]
        if breakdown.isMoonshot {
            rows.append(("Moonshot", "yes: confidence \(IdeaFigures.percent(idea.confidence)) is below 50%, so the estimates are mostly hope"))
        }
        let terms = breakdown.factors + breakdown.effortParts
        let valueWidth = terms.map { NumberText.plain($0.value).count }.max() ?? 0
        for term in terms {
            rows.append((term.label, column(NumberText.plain(term.value), valueWidth) + "  " + term.detail))
        }
        rows.append(("Total effort", breakdown.effortSum + "  person-months"))
        rows.append(("Score built", "Reach × Impact × Confidence ÷ Total effort"))
        rows.append(("", "= " + breakdown.equation))
        let idWidth = idea.items.map { DisplayWidth.of($0) }.max() ?? 0
        for (index, id) in idea.items.enumerated() {
            let label = index == 0 ? "Items" : ""
            let paddedID = DisplayWidth.pad(id, to: idWidth)
            if let item = context.curriculum.item(id: id) {
                let status = context.progress.status(of: id)
                rows.append((label, "\(StatusMark.text(status)) \(paddedID)  \(item.title) (\(status.rawValue))"))
            } else {
                rows.append((label, "[?] \(paddedID)  (not in the curriculum)"))
            }
        }
        if idea.items.isEmpty { rows.append(("Items", "none")) }
        let labelWidth = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        if let note = idea.note {
            for (index, line) in TextWrap.wrap(note, width: max(20, 80 - labelWidth - 2)).enumerated() {
                rows.append((index == 0 ? "Note" : "", line))
            }
        }
        rows.append(("Created", IdeaTime.text(idea.created)))
        rows.append(("Updated", IdeaTime.text(idea.updated)))
        return rows.map { row -> String in
            var line = DisplayWidth.pad(row.0, to: labelWidth) + "  " + row.1
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}

/// "2024-05-01 09:30" in the learner's time zone.
enum IdeaTime {
    static func text(_ date: Date, timeZone: TimeZoneRules = .current) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let local = seconds + timeZone.secondsFromGMT(for: date)
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let minute = (local - day * 86_400) / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(StudyDay(dayNumber: day)) \(two(minute / 60)):\(two(minute % 60))"
    }
}

/// Standard output in 64 KB writes: one `print` per line costs a system call each.
struct BufferedOutput {
    private var buffer: [UInt8] = []

    /// Text, made safe for a terminal.
    @_optimize(speed)
    mutating func write(_ text: String) {
        write(bytes: TerminalText.safe(text).utf8)
    }

    /// A whole piece of JSON (an idea), its steering characters written as JSON escapes.
    @_optimize(speed)
    mutating func writeJSON(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if TerminalText.isSafe(text) { write(bytes: bytes) } else { write(bytes: TerminalText.safeJSON(text).utf8) }
    }

    @_optimize(speed)
    mutating func write(bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Bytes with nothing in them to make safe (printable ASCII, or text that
    /// `TerminalText.isSafe` passes), added by `body`.
    @_optimize(speed)
    mutating func writeSafe(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= 1 << 16 { flush() }
    }

    @_optimize(speed)
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        StandardStreams.out(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
