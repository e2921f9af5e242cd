/// The largest file Coach reads, per kind of document: far above any real home (the
/// large home of scripts/bench, 10,000 items, 10,000 ideas and ten years of journal, has
/// a 5.8 MB backlog, 1.6 MB of progress, 1.0 MB of reviews, a 0.8 MB journal and track
/// files of 0.4 MB at most), low enough that a hostile file is refused at once instead
/// of costing seconds and a gigabyte. The README lists them.
public enum FileSizeLimit {
    /// backlog.json, read by its own streaming reader (and the default).
    public static let document = 64 << 20
    /// progress, reviews, journal: read whole when their fast path gives up, so kept lower.
    public static let study = 16 << 20
    /// settings.json and session.json hold a few lines.
    public static let small = 1 << 20
    /// One track file of the curriculum, shipped or the learner's own.
    public static let track = 16 << 20
    /// An export read by `coach import`: every document of a home in one file.
    public static let export = 64 << 20

    /// "the file is 70.0 MB; files of this kind are read up to 64 MB …"
    static func describe(_ size: Int, over limit: Int) -> String {
        "the file is \(megabytes(size)), over the \(megabytes(limit)) this kind of file may be; it was not read (a real one is far smaller)"
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10) >> 20
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
