import FoundationEssentials

/// Mouse clicks on the lists of the screens (Today's plan, tracks, items, ideas, the journal): a click selects
/// the row under it, and a click on the row already selected opens it, as Enter does.
extension AppState {
    mutating func click(row: Int, col: Int, now: Date) -> [Effect] {
        switch screen {
        case .today: clickToday(row: row, now: now)
        case .tracks: clickTracks(row: row, col: col, now: now)
        case .backlog: clickBacklog(row: row, now: now)
        case .history: clickHistory(row: row, col: col)
        }
    }

    private mutating func clickToday(row: Int, now: Date) -> [Effect] {
        let count = study.plan?.entries.count ?? 0
        let height = TodayLayout.planRows(entries: count, viewport: viewport)
        guard let index = study.planList.index(atLine: row - TodayLayout.planHeading - 1, height: height, count: count)
        else { return [] }
        if index == study.planList.selected { return reduceToday(.open, now: now) }
        study.planList.selected = index
        return []
    }

    private mutating func clickHistory(row: Int, col: Int) -> [Effect] {
        guard let journal = HistoryLayout(viewport, trackCount: curriculum.tracks.count, forecast: historyShowsForecast).journal,
              col >= journal.col, col < journal.col + journal.width else { return [] }
        let count = study.journal.entries.count
        guard let index = study.journalList.index(atLine: row - journal.firstRow, height: journal.rows, count: count)
        else { return [] }
        if index == study.journalList.selected { return reduceHistory(.editEntry) }
        study.journalList.selected = index
        return []
    }

    private mutating func clickTracks(row: Int, col: Int, now: Date) -> [Effect] {
        let line = row - TracksLayout.listTop
        guard line >= 0, line < TracksLayout.listRows(viewport) else { return [] }
        let divider = TracksLayout.trackPaneWidth(cols: viewport.cols, curriculum: curriculum)
        if col < divider {
            guard let index = tracksCursor.trackList.index(atLine: line, height: TracksLayout.listRows(viewport),
                                                           count: curriculum.tracks.count) else { return [] }
            if index == tracksCursor.trackList.selected, tracksCursor.pane == .tracks { return reduceTracks(.open, now: now) }
            tracksCursor.pane = .tracks
            selectTrack(index)
        } else if col > divider, let track = selectedTrack,
                  let index = TracksLayout.itemAtRow(tracksCursor.itemList.scroll + line, in: track) {
            if index == tracksCursor.itemList.selected, tracksCursor.pane == .items { return reduceTracks(.open, now: now) }
            tracksCursor.pane = .items
            tracksCursor.itemList.selected = index
        }
        keepSelectionVisible()
        return []
    }

    private mutating func clickBacklog(row: Int, now: Date) -> [Effect] {
        let line = row - BacklogLayout.listTop
        guard line >= 0, line < BacklogLayout.listRows(viewport) else { return [] }
        guard let index = backlogScreen.list.index(atLine: line, height: BacklogLayout.listRows(viewport),
                                                   count: backlogRows.count) else { return [] }
        if index == backlogScreen.list.selected { return reduceBacklog(.editIdea, now: now) }
        backlogScreen.list.selected = index
        clampBacklogSelection()
        return []
    }
}
