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
        let home = CoachHome.resolve(flag: self.home.home)
        let backlog = try home.backlogOfferingStarters()
        let wanted = Set(status)
        let ranked = backlog.ranked
        // Ranks are places in the whole backlog, so they match `coach idea show`.
        let ranks = BacklogOrder(sort: sort).arrange(ranked.indices.filter { wanted.isEmpty || wanted.contains(ranked[$0].status) }) {
            ranked[$0]
        }
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

/// The plain table of `coach idea list`.
enum IdeaTable {
    static let titleLimit = 40
    static let header = ["#", "id", "title", "R", "I", "C", "E", "score", "status"]
    /// Left: id, title, status; the figures line up on the right.
    static let leftAligned: Set<Int> = [1, 2, 8]

    static func cells(_ rank: Int, _ idea: Idea) -> [String] {
        ["\(rank)", idea.id, idea.title, IdeaFigures.text(idea.reach), NumberText.plain(idea.impact.value),
         IdeaFigures.percent(idea.confidence), IdeaFigures.text(idea.totalEffort), IdeaFigures.text(idea.score),
         idea.status.rawValue + (idea.isMoonshot ? " *" : "")]
    }

    /// The table, line by line, to `output`. Each row's cells are made once and kept
    /// until the columns are measured (about 200 bytes a row); a row of printable ASCII,
    /// nearly every one, is then written byte by byte, any other through `line`.
    static func write<Rows: Collection>(_ rows: Rows, to output: inout BufferedOutput) where Rows.Element == (rank: Int, idea: Idea) {
        var widths = header.map(DisplayWidth.of)
        var table: [(cells: [String], ascii: Bool)] = []
        table.reserveCapacity(rows.count)
        var moonshot = false
        for row in rows {
            let cells = cells(row.rank, row.idea)
            let ascii = cells.allSatisfy(isPrintableASCII)
            for (column, cell) in cells.enumerated() {
                widths[column] = max(widths[column], ascii ? cell.utf8.count : DisplayWidth.of(cell))
            }
            if row.idea.isMoonshot { moonshot = true }
            table.append((cells, ascii))
        }
        widths[2] = min(widths[2], titleLimit)
        output.write(line(header, widths: widths))
        for row in table {
            if row.ascii { output.writeASCIIRow(row.cells, widths: widths, leftAligned: leftAligned) }
            else { output.write(line(row.cells, widths: widths)) }
        }
        if moonshot {
            output.write("* moonshot: confidence below 50%\n")
        }
    }

    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

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

/// Figures for people to read: two decimals, or enough for two significant digits
/// when the number is small (0.0012, not 0).
enum IdeaFigures {
    static func text(_ value: Double) -> String {
        guard value != 0, abs(value) < 1 else { return NumberText.rounded(value) }
        let decimals = max(2, Int((-log10(abs(value))).rounded(.down)) + 2)
        return NumberText.rounded(value, decimals: decimals)
    }

    static func percent(_ confidence: Double) -> String {
        NumberText.rounded(confidence * 100, decimals: 1) + "%"
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
    mutating func write(_ text: String) {
        write(bytes: TerminalText.safe(text).utf8)
    }

    /// A whole piece of JSON (an idea), its steering characters written as JSON escapes.
    mutating func writeJSON(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if TerminalText.isSafe(text) { write(bytes: bytes) } else { write(bytes: TerminalText.safeJSON(text).utf8) }
    }

    mutating func write(bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// A table row whose cells are all printable ASCII, laid out as `IdeaTable.line` lays
    /// it out (the same bytes, nothing in them to make safe) without building the line.
    mutating func writeASCIIRow(_ cells: [String], widths: [Int], leftAligned: Set<Int>) {
        for (column, cell) in cells.enumerated() {
            if column > 0 { spaces(2) }
            let count = cell.utf8.count
            if column == cells.count - 1 {
                buffer.append(contentsOf: cell.utf8)
            } else if leftAligned.contains(column) {
                let width = widths[column]
                if count <= width {
                    buffer.append(contentsOf: cell.utf8)
                    spaces(width - count)
                } else if width > 0 {
                    // `DisplayWidth.truncate`: the first width - 1 characters and "…".
                    buffer.append(contentsOf: cell.utf8.prefix(width - 1))
                    buffer.append(contentsOf: "…".utf8)
                }
            } else {
                spaces(widths[column] - count)
                buffer.append(contentsOf: cell.utf8)
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 16 { flush() }
    }

    private mutating func spaces(_ count: Int) {
        if count > 0 { buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        StandardStreams.out(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
