import FoundationEssentials
import Glibc

/// An error as one short phrase for a message line. FoundationEssentials has no
/// `localizedDescription`, and Foundation's said little more ("The file doesn’t exist.",
/// "NSCocoaErrorDomain error 256"): the system's own words for the errno say what happened.
public enum ErrorText {
    public static func describe(_ error: Error) -> String {
        if let posix = error as? POSIXError { return text(of: posix.code.rawValue) }
        if let cocoa = error as? CocoaError {
            if let posix = cocoa.underlying as? POSIXError { return text(of: posix.code.rawValue) }
            switch cocoa.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: return text(of: ENOENT)
            case .fileReadNoPermission, .fileWriteNoPermission: return text(of: EACCES)
            case .fileWriteOutOfSpace: return text(of: ENOSPC)
            case .fileWriteVolumeReadOnly: return text(of: EROFS)
            case .fileWriteFileExists: return text(of: EEXIST)
            default: return "error \(cocoa.code.rawValue)"
            }
        }
        return "\(error)"
    }

    /// "No such file or directory" for ENOENT.
    public static func text(of errno: Int32) -> String {
        strerror(errno).map { String(cString: $0) } ?? "error \(errno)"
    }
}
