import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Hands the memory pages of a buffer that is read once, front to back, back to the
/// system as the reading goes, a megabyte at a time: a large file's bytes then never
/// sit in memory beside everything built from them. The pages handed back read as
/// zeros afterwards, so the buffer must not be read again.
struct PageRelease {
    /// How far from the buffer's start the reader was at the last hand-back.
    private var done = 0
    private static let step = 1 << 20
    private static let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))

    /// `read` starts where the buffer starts and ends where the reader is.
    mutating func handBack(_ read: UnsafeBufferPointer<UInt8>) {
        guard let base = read.baseAddress, read.count - done >= Self.step else { return }
        done = read.count
        Self.advise(MADV_DONTNEED, UnsafeRawPointer(base), count: read.count)
    }

    /// `madvise` over the whole pages inside `count` bytes from `start`: the pages at
    /// either end may hold other data.
    static func advise(_ advice: Int32, _ start: UnsafeRawPointer, count: Int) {
        let page = pageSize
        let first = (UInt(bitPattern: start) + page - 1) / page * page
        let last = (UInt(bitPattern: start) + UInt(count)) / page * page
        guard last > first, let pages = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(pages, Int(last - first), advice)
    }
}
