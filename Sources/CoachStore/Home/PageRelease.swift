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
        // Only whole pages inside the buffer: the one at its start may hold other data.
        let page = Self.pageSize
        let first = (UInt(bitPattern: base) + page - 1) / page * page
        let last = (UInt(bitPattern: base) + UInt(read.count)) / page * page
        guard last > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(start, Int(last - first), MADV_DONTNEED)
    }
}
