import CoachCore

/// Screen 2: the track list with progress on the left, the selected track's sections
/// and items on the right.
enum TracksView: View {
    /// Draws into `rect`: the window above the key bar (the panes follow `TracksLayout`).
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout ScreenBuffer) {
        let size = Size(rows: rect.rows + 1, cols: rect.cols)
        let overall = state.overallCount
        buffer.titleBar(screen: "Tracks", right: "\(overall.percent)% overall · \(overall.done)/\(overall.counted) done")

        let leftWidth = TracksLayout.trackPaneWidth(cols: rect.cols, curriculum: state.curriculum)
        let listTop = TracksLayout.listTop
        let listRows = TracksLayout.listRows(size)
        for row in (rect.row + 1)..<rect.bottom {
            buffer.put("│", row: row, col: rect.col + leftWidth, style: Style(.dim))
        }
        drawTrackList(state, into: &buffer, width: leftWidth, top: listTop, rows: listRows)
        drawItems(state, into: &buffer, col: leftWidth + 2, width: size.cols - leftWidth - 3, top: listTop, rows: listRows)
    }

    static func drawTrackList(_ state: AppState, into buffer: inout ScreenBuffer, width: Int, top: Int, rows: Int) {
        let focused = state.tracksCursor.pane == .tracks && state.modal == nil
        buffer.put(" Tracks", row: 1, col: 0, width: width, style: Style(.heading, bold: true, underline: focused))
        let tracks = state.curriculum.tracks
        if tracks.isEmpty {
            buffer.put(" No tracks found", row: top, col: 0, width: width, style: Style(.dim))
            return
        }
        let barWidth = 6
        let percentWidth = 5
        let titleWidth = max(4, width - barWidth - percentWidth - 4)
        ListWidget.draw(count: tracks.count, cursor: state.tracksCursor.trackList,
                        in: Rect(row: top, col: 0, rows: rows, cols: width), focused: focused, into: &buffer) { index, row, buffer in
            let track = tracks[index]
            let count = state.trackCounts[index]
            let selected = index == state.tracksCursor.trackList.selected
            let marker = selected ? "▸" : " "
            let title = state.settings.focusTrack == track.id ? "★ " + track.title : track.title
            // A space at least between the title and its bar; a long title is cut with "…".
            buffer.put(" \(marker) " + DisplayWidth.pad(DisplayWidth.truncate(title, to: titleWidth - 1), to: titleWidth),
                       row: row, col: 0, width: width,
                       style: Style(selected ? .accent : .normal, bold: selected))
            buffer.progressBar(row: row, col: titleWidth + 3, width: barWidth, fraction: count.fraction)
            let percent = "\(count.percent)%"
            buffer.put(String(repeating: " ", count: max(0, percentWidth - percent.count)) + percent,
                       row: row, col: titleWidth + 3 + barWidth, width: percentWidth, style: Style(.dim))
        }
    }

    static func drawItems(_ state: AppState, into buffer: inout ScreenBuffer, col: Int, width: Int, top: Int, rows: Int) {
        guard let track = state.selectedTrack, width > 10 else { return }
        let focused = state.tracksCursor.pane == .items && state.modal == nil
        let count = state.trackCounts[state.tracksCursor.trackList.selected]
        let summary = " \(count.percent)% · \(count.done)/\(count.counted)"
        let barWidth = 10
        let titleWidth = max(1, width - barWidth - DisplayWidth.of(summary) - 1)
        buffer.put(DisplayWidth.truncate(track.title, to: titleWidth), row: 1, col: col,
                   style: Style(.heading, bold: true, underline: focused))
        buffer.progressBar(row: 1, col: col + width - barWidth - DisplayWidth.of(summary), width: barWidth, fraction: count.fraction)
        buffer.put(summary, row: 1, col: col + width - DisplayWidth.of(summary), style: Style(.dim))

        if track.items.isEmpty {
            buffer.put("This track has no items yet", row: top, col: col, width: width, style: Style(.dim))
            return
        }
        // The list's rows are section headings and items; the cursor selects items.
        var rowsOfTrack: [(heading: String?, item: Int)] = []
        var itemIndex = 0
        for section in track.sections {
            rowsOfTrack.append((section.title, -1))
            for _ in section.items {
                rowsOfTrack.append((nil, itemIndex))
                itemIndex += 1
            }
        }
        let items = track.items
        let selectedRow = TracksLayout.rowOfItem(state.tracksCursor.itemList.selected, in: track)
        ListWidget.draw(count: rowsOfTrack.count, cursor: state.tracksCursor.itemList, in: Rect(row: top, col: col, rows: rows, cols: width),
                        focused: focused, selectedRow: selectedRow, into: &buffer) { index, row, buffer in
            if let heading = rowsOfTrack[index].heading {
                buffer.put(heading, row: row, col: col, width: width, style: Style(.heading, bold: true))
            } else {
                let item = items[rowsOfTrack[index].item]
                drawItem(item, status: state.progress.status(of: item.id), time: timeText(item, state.progress),
                         row: row, col: col, width: width, into: &buffer)
            }
        }
    }

    /// The item's estimate ("10h", the learner's own when given), or once time is spent on
    /// it, "3h10 of 10h".
    public static func timeText(_ item: Item, _ progress: ProgressBook) -> String {
        let estimate = progress.estimate(of: item)
        let spent = progress.minutesSpent(on: item.id)
        return spent > 0 ? ItemTime.spentText(spent, of: estimate) : MinutesText.short(estimate)
    }

    static func drawItem(_ item: Item, status: ItemStatus, time: String? = nil, row: Int, col: Int, width: Int,
                         into buffer: inout ScreenBuffer) {
        let minutes = time ?? MinutesText.short(item.minutes)
        let titleWidth = max(1, width - 6 - minutes.count - 1)
        // The title ends a space before the minutes.
        let markStyle = Style(StatusMark.role(status), bold: status == .doing)
        buffer.put("  " + StatusMark.text(status) + " ", row: row, col: col, style: markStyle)
        buffer.put(DisplayWidth.pad(DisplayWidth.truncate(item.title, to: titleWidth - 1), to: titleWidth), row: row, col: col + 6,
                   style: Style(status == .skipped ? .dim : .normal))
        buffer.put(minutes, row: row, col: col + width - minutes.count, style: Style(.dim))
    }
}
