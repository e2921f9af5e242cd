import CoachCore
import CoachStore
import CoachUI
import Foundation

/// Times one key press handled and redrawn — `reduce` then `render`, as the run loop
/// does — on one screen of a home loaded exactly as the full-screen coach loads it
/// (CoachCommand: curriculum with the learner's own tracks, progress, settings, backlog,
/// journal and reviews through the stores). Nothing is saved: this is the pure engine
/// and view cost; the save effects are counted, not carried out.
struct KeyBench {
    var data: String
    var home: String
    var screen: Screen
    var iterations: Int
    var warmup = 100
    var size: Size
    var seed: UInt64

    static let screens: [String: Screen] = ["today": .today, "tracks": .tracks, "backlog": .backlog, "history": .history]

    init(options: Options) throws {
        data = try options.string("data")
        home = try options.string("home")
        let name = options.optionalString("screen") ?? "tracks"
        guard let screen = KeyBench.screens[name] else {
            throw BenchFailure("--screen expects tracks, backlog, history or today, got \"\(name)\"")
        }
        self.screen = screen
        iterations = max(1, try options.int("iterations", default: 2000))
        size = Size(rows: try options.int("rows", default: 30), cols: try options.int("cols", default: 100))
        seed = UInt64(try options.int("seed", default: 1))
    }

    /// The state the full-screen coach starts from, built as CoachCommand builds it.
    /// Differences: no home lock, no interrupted-session recovery (it writes; generated
    /// homes have no running session), and starter ideas are added in memory only.
    static func loadState(data: String, home: String, size: Size, now: Date) throws -> AppState {
        let environment = ["COACH_DATA": data]
        let dataURL = try CurriculumLoader.locateData(environment: environment)
        let coachHome = CoachHome.resolve(flag: home, environment: environment)
        let curriculum = try CurriculumLoader.load(data: dataURL, userTracks: coachHome.tracksFolder).curriculum
        let progress = try ProgressStore.load(coachHome)
        let settings = try SettingsStore.load(coachHome)
        var backlog: Backlog
        if FileManager.default.fileExists(atPath: coachHome.backlogFile.path) {
            backlog = try BacklogStore.loadOrStart(coachHome, data: dataURL, now: now).backlog
        } else {
            backlog = Backlog()
            backlog.addStarters(try BacklogStore.loadStarterIdeas(data: dataURL), now: now)
        }
        let study = StudyState(journal: try JournalStore.load(coachHome), reviews: try ReviewStore.load(coachHome),
                               timeZone: .current, now: now)
        return AppState(curriculum: curriculum, progress: progress, settings: settings, backlog: backlog, study: study,
                        viewport: size)
    }

    func run() throws {
        let start = Date()
        var state = try KeyBench.loadState(data: data, home: home, size: size, now: start)
        state.screen = screen
        let entriesAtStart = state.progress.items.count

        var mix = ActionMix(screen: screen, random: SeededRandom(seed: seed))
        var total: [UInt64] = []
        var reduceTimes: [UInt64] = []
        var renderTimes: [UInt64] = []
        var byKind: [String: [UInt64]] = [:]
        total.reserveCapacity(iterations)
        var effects = 0
        var saves = 0
        var checksum = 0

        for step in 0..<(warmup + iterations) {
            let action = mix.next(for: state)
            // One second a key: the timer ticks, and a session's checkpoints fall due.
            let time = start.addingTimeInterval(Double(step))
            let t0 = now()
            let result = reduce(&state, action, now: time)
            let t1 = now()
            let frame = render(state, size: size)
            let t2 = now()
            effects += result.count
            saves += result.filter { $0 != .quit }.count
            checksum &+= frame.cells.count &+ frame[size.rows - 1, 0].text.utf8.count
            guard step >= warmup else { continue }
            total.append(t2 - t0)
            reduceTimes.append(t1 - t0)
            renderTimes.append(t2 - t1)
            byKind[ActionMix.label(action), default: []].append(t2 - t0)
        }
        guard state.screen == screen else {
            throw BenchFailure("the key mix left the \(screen.title) screen (now on \(state.screen.title))")
        }

        let all = Stats(total)
        let us = { (ns: Double) in format(ns / 1000, 1) }
        let journal = state.study.journal
        let days = Set(journal.entries.map(\.day)).count
        print("items: \(state.curriculum.allItemIDs.count) in \(state.curriculum.tracks.count) tracks; progress entries: \(entriesAtStart); size \(size.cols)x\(size.rows)")
        print("ideas: \(state.backlog.count); journal: \(journal.entries.count) sessions on \(days) days; reviews: \(state.study.reviews.reviewCount) of \(state.study.reviews.items.count) items")
        print("screen: \(screen.title); \(iterations) key presses (after \(warmup) warm-up), reduce + render, microseconds:")
        print("  total   median \(us(all.median))  p90 \(us(all.percentile(0.9)))  max \(us(all.maximum))")
        let r = Stats(reduceTimes), d = Stats(renderTimes)
        print("  reduce  median \(us(r.median))  p90 \(us(r.percentile(0.9)))  max \(us(r.maximum))")
        print("  render  median \(us(d.median))  p90 \(us(d.percentile(0.9)))  max \(us(d.maximum))")
        print("  by action (count: median / p90 / max):")
        for (kind, samples) in byKind.sorted(by: { $0.key < $1.key }) {
            let s = Stats(samples)
            print("    \(kind.padding(toLength: 16, withPad: " ", startingAt: 0)) \(samples.count): \(us(s.median)) / \(us(s.percentile(0.9))) / \(us(s.maximum))")
        }
        print("effects returned: \(effects) (\(saves) saves, not carried out); checksum \(checksum)")
        print("RESULT median_us=\(us(all.median)) p90_us=\(us(all.percentile(0.9))) max_us=\(us(all.maximum)) reduce_median_us=\(us(r.median)) render_median_us=\(us(d.median)) effects=\(effects)")
    }
}

/// A realistic, seeded mix of key presses for one screen.
///
/// - Tracks: mostly moving through items, changing statuses, paging, opening details and
///   switching tracks.
/// - Backlog: moving and paging through the ranking, cycling a status, and adding an idea:
///   `a`, a few characters typed into the title, then Esc and y to drop it.
/// - History: scrolling the journal.
/// - Today: moving through the plan, starting and pausing the timer, the timer's ticks.
struct ActionMix {
    var screen: Screen
    var random: SeededRandom
    /// Which way track switching (Tracks) and paging (Backlog) walk, turning at the ends.
    var trackStep = 1
    var pageStep = 1

    mutating func next(for state: AppState) -> Action {
        switch screen {
        case .tracks: return nextOnTracks(state)
        case .backlog: return nextOnBacklog(state)
        case .history: return random.chance(0.6) ? .moveDown : .moveUp
        case .today:
            let roll = Int.random(in: 0..<100, using: &random)
            switch roll {
            case 0..<35: return .moveDown
            case 35..<45: return .moveUp
            case 45..<60: return .toggleTimer
            default: return .tick
            }
        }
    }

    mutating func nextOnTracks(_ state: AppState) -> Action {
        if case .detail = state.modal {
            return random.chance(0.5) ? .moveDown : .close
        }
        if state.tracksCursor.pane == .tracks {
            let count = state.curriculum.tracks.count
            if state.tracksCursor.trackList.selected + trackStep < 0 || state.tracksCursor.trackList.selected + trackStep >= count { trackStep = -trackStep }
            return random.chance(0.5) ? .focusRight : (trackStep > 0 ? .moveDown : .moveUp)
        }
        let roll = Int.random(in: 0..<100, using: &random)
        switch roll {
        case 0..<35: return .moveDown
        case 35..<50: return .moveUp
        case 50..<58: return .pageDown
        case 58..<62: return .pageUp
        case 62..<77: return .cycleStatus
        case 77..<80: return .toggleSkip
        case 80..<82: return .undo
        case 82..<92: return .focusLeft
        case 92..<95: return .open
        case 95..<98: return .moveBottom
        default: return .moveTop
        }
    }

    mutating func nextOnBacklog(_ state: AppState) -> Action {
        if let form = state.modal?.ideaForm {
            if form.confirmingDiscard { return .answer(true) }
            return random.chance(0.85) ? .edit(.insert("a")) : .close
        }
        let last = max(0, state.backlogRows.count - 1)
        if state.backlogScreen.list.selected >= last { pageStep = -1 }
        if state.backlogScreen.list.selected == 0 { pageStep = 1 }
        let roll = Int.random(in: 0..<100, using: &random)
        switch roll {
        case 0..<40: return .moveDown
        case 40..<55: return .moveUp
        case 55..<70: return pageStep > 0 ? .pageDown : .pageUp
        case 70..<90: return .cycleIdeaStatus
        default: return .addIdea
        }
    }

    static func label(_ action: Action) -> String {
        // "edit(LineEditor.Edit.insert(...))" → "edit": the case name is the label.
        let name = String(String(describing: action).prefix { $0 != "(" })
        return name == "edit" ? "edit (type a)" : name
    }
}
