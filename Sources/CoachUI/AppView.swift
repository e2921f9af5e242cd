import CoachCore

/// The whole frame for a state: the screen, then any overlay on top.
public func render(_ state: AppState, size: Size) -> ScreenBuffer {
    var buffer = ScreenBuffer(size: size)
    guard size.isBigEnough else {
        TooSmallView.draw(into: &buffer)
        return buffer
    }
    switch state.screen {
    case .tracks: TracksView.draw(state, into: &buffer)
    case .backlog: BacklogView.draw(state, into: &buffer)
    }
    switch state.overlay {
    case .help: HelpView.draw(into: &buffer)
    case .detail(let id, let scroll): ItemDetailView.draw(state, itemID: id, scroll: scroll, into: &buffer)
    case nil: break
    }
    if let search = state.search { SearchView.draw(state, search, into: &buffer) }
    if let form = state.ideaForm { IdeaFormView.draw(form, into: &buffer) }
    buffer.keyBar(KeyMap.hints(for: state), message: state.message, row: size.rows - 1)
    return buffer
}

/// Below 60×16 the layouts break, so one line asks for more room instead.
enum TooSmallView {
    static func draw(into buffer: inout ScreenBuffer) {
        let size = buffer.size
        let need = Size.minimum
        let text = "Enlarge the window to \(need.cols)×\(need.rows) (now \(size.cols)×\(size.rows))"
        let shown = DisplayWidth.truncate(text, to: size.cols)
        let col = max(0, (size.cols - DisplayWidth.of(shown)) / 2)
        buffer.put(shown, row: size.rows / 2, col: col, style: Style(.accent, bold: true))
    }
}
