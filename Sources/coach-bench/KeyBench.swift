import CoachCore
import CoachStore
import CoachUI
import Foundation

/// Times one key press handled and redrawn — `reduce` then `render`, as the run loop
/// does — on a home loaded exactly as the app loads it. Nothing is saved: this is the
/// pure engine and view cost.
struct KeyBench {
    var data: String
    var home: String
    var iterations: Int
    var warmup = 100
    var size: Size
    var seed: UInt64

    init(options: Options) throws {
        data = try options.string("data")
        home = try options.string("home")
        iterations = max(1, try options.int("iterations", default: 2000))
        size = Size(rows: try options.int("rows", default: 30), cols: try options.int("cols", default: 100))
        seed = UInt64(try options.int("seed", default: 1))
    }

    func run() throws {
        let environment = ["COACH_DATA": data]
        let curriculum = try CurriculumLoader.load(data: CurriculumLoader.locateData(environment: environment))
        let coachHome = CoachHome.resolve(flag: home, environment: environment)
        let progress = try ProgressStore.load(coachHome)
        var state = AppState(curriculum: curriculum, progress: progress, viewport: size)
        let entriesAtStart = progress.items.count
        let fixedDate = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

        var mix = ActionMix(random: SeededRandom(seed: seed))
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
            let t0 = now()
            let result = reduce(&state, action, now: fixedDate)
            let t1 = now()
            let frame = render(state, size: size)
            let t2 = now()
            effects += result.count
            saves += result.filter { $0 == .saveProgress }.count
            checksum &+= frame.cells.count &+ frame[size.rows - 1, 0].text.utf8.count
            guard step >= warmup else { continue }
            total.append(t2 - t0)
            reduceTimes.append(t1 - t0)
            renderTimes.append(t2 - t1)
            byKind[ActionMix.label(action), default: []].append(t2 - t0)
        }

        let all = Stats(total)
        let us = { (ns: Double) in format(ns / 1000, 1) }
        print("items: \(curriculum.allItemIDs.count) in \(curriculum.tracks.count) tracks; progress entries: \(entriesAtStart); size \(size.cols)x\(size.rows)")
        print("\(iterations) key presses (after \(warmup) warm-up), reduce + render, microseconds:")
        print("  total   median \(us(all.median))  p90 \(us(all.percentile(0.9)))  max \(us(all.maximum))")
        let r = Stats(reduceTimes), d = Stats(renderTimes)
        print("  reduce  median \(us(r.median))  p90 \(us(r.percentile(0.9)))  max \(us(r.maximum))")
        print("  render  median \(us(d.median))  p90 \(us(d.percentile(0.9)))  max \(us(d.maximum))")
        print("  by action (count: median / p90):")
        for (kind, samples) in byKind.sorted(by: { $0.key < $1.key }) {
            let s = Stats(samples)
            print("    \(kind.padding(toLength: 12, withPad: " ", startingAt: 0)) \(samples.count): \(us(s.median)) / \(us(s.percentile(0.9)))")
        }
        print("effects returned: \(effects) (\(saves) saves, not carried out); checksum \(checksum)")
        print("RESULT median_us=\(us(all.median)) p90_us=\(us(all.percentile(0.9))) max_us=\(us(all.maximum)) reduce_median_us=\(us(r.median)) render_median_us=\(us(d.median)) effects=\(effects)")
    }
}

/// A realistic, seeded mix of key presses: mostly moving through items, changing
/// statuses, paging, opening details and switching tracks.
struct ActionMix {
    var random: SeededRandom
    /// Which way track switching walks, turning at the ends.
    var trackStep = 1

    mutating func next(for state: AppState) -> Action {
        if case .detail = state.overlay {
            return random.chance(0.5) ? .moveDown : .close
        }
        if state.tracks.pane == .tracks {
            let count = state.curriculum.tracks.count
            if state.tracks.track + trackStep < 0 || state.tracks.track + trackStep >= count { trackStep = -trackStep }
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

    static func label(_ action: Action) -> String {
        // "edit(LineEditor.Edit.insert(...))" → "edit": the case name is the label.
        String(String(describing: action).prefix { $0 != "(" })
    }
}
