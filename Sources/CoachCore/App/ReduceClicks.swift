import FoundationEssentials

/// Mouse clicks on the lists of the Today, Tracks and Backlog screens: a click selects
/// the row under it, and a click on the row already selected opens it, as Enter does.
extension AppState {
    mutating func click(row: Int, col: Int, now: Date) -> [Effect] {
        switch screen {
        case .today: clickToday(row: row, now: now)
        case .tracks: clickTracks(row: row, col: col, now: now)
        case .backlog: clickBacklog(row: row, now: now)
        case .history: []
        }
    }

    private mutating func clickToday(row: Int, now: Date) -> [Effect] {
        let count = study.plan?.entries.count ?? 0
        let window = TodayLayout.planWindow(entries: count, selected: study.selected, heading: TodayLayout.planHeading,
                                            bottom: viewport.rows - 1)
        let line = row - TodayLayout.planHeading - 1
        guard line >= 0, line < window.rows else { return [] }
        let index = window.first + line
        if index == study.selected { return reduceToday(.open, now: now) }
        study.selected = index
        return []
    }

    private mutating func clickTracks(row: Int, col: Int, now: Date) -> [Effect] {
        let line = row - TracksLayout.listTop
        guard line >= 0, line < TracksLayout.listRows(viewport) else { return [] }
        let divider = TracksLayout.trackPaneWidth(viewport)
        if col < divider {
            let index = tracks.trackScroll + line
            guard curriculum.tracks.indices.contains(index) else { return [] }
            if index == tracks.track, tracks.pane == .tracks { return reduceTracks(.open, now: now) }
            tracks.pane = .tracks
            move(by: index - tracks.track)
        } else if col > divider, let track = selectedTrack,
                  let index = TracksLayout.itemAtRow(tracks.itemScroll + line, in: track) {
            if index == tracks.item, tracks.pane == .items { return reduceTracks(.open, now: now) }
            tracks.pane = .items
            move(by: index - tracks.item)
        }
        keepSelectionVisible()
        return []
    }

    private mutating func clickBacklog(row: Int, now: Date) -> [Effect] {
        let line = row - BacklogLayout.listTop
        guard line >= 0, line < BacklogLayout.listRows(viewport) else { return [] }
        let index = backlogScreen.scroll + line
        guard index < backlogRows.count else { return [] }
        if index == backlogScreen.selected { return reduceBacklog(.editIdea, now: now) }
        backlogScreen.selected = index
        clampBacklogSelection()
        return []
    }
}
