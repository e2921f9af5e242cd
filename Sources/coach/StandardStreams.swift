import Glibc

/// Standard output and error without FileHandle (FoundationEssentials has none). Output
/// goes through `print`'s own buffer, so the order of lines holds; errors are written
/// at once, as stderr always was.
enum StandardStreams {
    static func out(_ bytes: [UInt8], flush: Bool = false) {
        print(String(decoding: bytes, as: UTF8.self), terminator: "")
        if flush { fflush(nil) }
    }

    static func error(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let written = write(STDERR_FILENO, bytes.baseAddress! + done, bytes.count - done)
                if written <= 0 { break }
                done += written
            }
        }
    }
}
