/// Done, skipped and total counts, and the progress fraction done ÷ (items − skipped).
public struct ProgressCount: Equatable, Sendable {
    public var done: Int
    public var doing: Int
    public var skipped: Int
    public var total: Int

    public init(done: Int = 0, doing: Int = 0, skipped: Int = 0, total: Int = 0) {
        self.done = done
        self.doing = doing
        self.skipped = skipped
        self.total = total
    }

    /// Items that count towards progress.
    public var counted: Int { total - skipped }

    /// 0...1; a track whose every item is skipped (or that has none) counts as 0, never NaN.
    public var fraction: Double {
        counted > 0 ? Double(done) / Double(counted) : 0
    }

    /// Whole percent, rounded down so 99.6% never shows as a finished 100%.
    public var percent: Int { Int((fraction * 100).rounded(.down)) }

    public static func + (a: ProgressCount, b: ProgressCount) -> ProgressCount {
        ProgressCount(done: a.done + b.done, doing: a.doing + b.doing,
                      skipped: a.skipped + b.skipped, total: a.total + b.total)
    }

    public static func - (a: ProgressCount, b: ProgressCount) -> ProgressCount {
        ProgressCount(done: a.done - b.done, doing: a.doing - b.doing,
                      skipped: a.skipped - b.skipped, total: a.total - b.total)
    }
}

extension ProgressBook {
    public func count(_ track: Track) -> ProgressCount {
        var count = ProgressCount()
        for section in track.sections {
            for item in section.items {
                count.total += 1
                switch status(of: item.id) {
                case .done: count.done += 1
                case .doing: count.doing += 1
                case .skipped: count.skipped += 1
                case .todo: break
                }
            }
        }
        return count
    }

    public func count(_ curriculum: Curriculum) -> ProgressCount {
        curriculum.tracks.reduce(ProgressCount()) { $0 + count($1) }
    }
}
