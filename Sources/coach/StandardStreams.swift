import Glibc

/// Standard output and error without FileHandle (FoundationEssentials has none). Output
/// follows what `print` has buffered, so the order of lines holds; errors are written
/// at once, as stderr always was.
enum StandardStreams {
    static func out(_ bytes: [UInt8], flush: Bool = false) {
        // Straight to the descriptor, without making a String first; what `print` still
        // holds goes out before it, so the order of lines holds.
        fflush(nil)
        bytes.withUnsafeBufferPointer { written(STDOUT_FILENO, $0) }
        if flush { fflush(nil) }
    }

    static func error(_ text: String) {
        var text = text
        text.withUTF8 { written(STDERR_FILENO, $0) }
    }

    private static func written(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        var done = 0
        while done < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if written <= 0 { break }
            done += written
        }
    }
}
