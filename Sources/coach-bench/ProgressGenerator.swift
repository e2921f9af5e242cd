import CoachCore
import CoachStore
import Foundation

/// Gives a share of the curriculum's items a progress entry, with a realistic mix of
/// statuses, dates and notes, and saves it through `ProgressStore` (the app's format).
struct ProgressGenerator {
    var random: SeededRandom

    mutating func book(for ids: [String], fraction: Double) -> ProgressBook {
        var book = ProgressBook()
        let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z
        for id in ids where fraction >= 1 || random.chance(fraction) {
            let roll = Double.random(in: 0..<1, using: &random)
            let status: ItemStatus = roll < 0.45 ? .done : roll < 0.70 ? .doing : roll < 0.85 ? .todo : .skipped
            let changed = start.addingTimeInterval(Double(Int.random(in: 0..<365 * 86_400, using: &random)))
            var entry = ItemProgress(status: status, changed: changed)
            // Done items carry their date; some reopened ones keep an older one.
            if status == .done { entry.done = changed }
            if status != .done && random.chance(0.1) { entry.done = changed.addingTimeInterval(-86_400 * 7) }
            if random.chance(0.15) {
                entry.note = "Notes: \(random.pick(Vocabulary.sentences)) Repo: https://github.com/learner/\(id.prefix(24))"
            }
            book.items[id] = entry
        }
        return book
    }

    /// Writes `progress.json` into `home` and returns what it holds.
    mutating func write(ids: [String], fraction: Double, home: URL) throws -> ProgressBook {
        let coachHome = CoachHome(url: home)
        try coachHome.prepare()
        let progress = book(for: ids, fraction: fraction)
        try ProgressStore.save(progress, to: coachHome)
        return progress
    }
}
