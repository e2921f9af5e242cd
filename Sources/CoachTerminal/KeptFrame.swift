import CoachCore
import CoachStore
import CoachUI
import FoundationEssentials

/// The first frame of the full-screen coach, kept between runs so the next start can
/// show it at once, before it has read a file, while it works the same frame out from
/// the files (which takes several times as long as starting curses). The frame is kept
/// under the key of everything it was drawn from (`CacheKey.home`: the day, the zone, the
/// binary and every file's fingerprint) with the screen and the terminal's size, so a
/// kept frame is shown only where the files would draw exactly it; the frame worked out
/// then replaces it, and curses sends nothing for the cells that are the same.
public final class KeptFrame {
    /// Big enough for a frame of a 300-row, 1000-column terminal.
    static let sizeLimit = 1 << 23
    let file: KeptFile
    public let key: CacheKey
    let size: Size
    /// The bytes of the frame `read` found, which `write` need not write again.
    private var found: ArraySlice<UInt8>?

    public init(home: CoachHome, key homeKey: CacheKey, screen: String, size: Size,
                variable: (String) -> String? = ProcessEnvironment.variable) {
        file = KeptFile(kind: "frame", header: "coach first frame 1", sizeLimit: Self.sizeLimit, home: home, variable: variable)
        var key = homeKey
        key.append("screen \(screen)")
        key.append("size \(size.rows)x\(size.cols)")
        self.key = key
        self.size = size
    }

    /// The frame kept under exactly this key, or nil.
    public func read() -> PaintedFrame? {
        guard let bytes = file.read(key: key), let frame = FrameBytes.decode(bytes, size: size) else { return nil }
        found = bytes
        return frame
    }

    /// Keeps the frame for the next start, as best it can (`KeptFile.write`), unless it
    /// is the one already kept.
    public func write(_ frame: ScreenBuffer, now: Date) {
        guard frame.size == size else { return }
        let bytes = FrameBytes.encode(frame)
        guard found.map({ !$0.elementsEqual(bytes) }) ?? true else { return }
        file.write(bytes, key: key, now: now)
    }
}
