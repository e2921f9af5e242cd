/// Why a file of the home could not be used. Every case names the file; the program
/// prints it in one line and exits non-zero, leaving the file untouched.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The file exists but is not a document we can read; `place` says where.
    case unreadable(file: String, place: String, reason: String)
    /// Written by a newer Coach: never overwrite it.
    case newerVersion(file: String, found: Int, supported: Int)
    /// The disk refused a read or write.
    case io(file: String, reason: String)
    /// Another Coach holds the home's lock.
    case locked(home: String, holder: String)
    /// No curriculum folder was found.
    case curriculumNotFound(searched: [String])
    /// The shipped curriculum has problems; each one names file and JSON path.
    case invalidCurriculum([String])
    /// Another program wrote the file after Coach read it: Coach does not write over it.
    case changedOnDisk(file: String)
    /// A symbolic link where Coach writes: Coach never writes through one.
    case symbolicLink(file: String)
    /// The home folder this process locked is no longer the one at the home's path
    /// (moved or removed and made again): nothing more is written there.
    case lockLost(home: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let place, let reason):
            "cannot read \(file) (\(place)): \(reason). The file was left as it is; fix or move it and try again."
        case .newerVersion(let file, let found, let supported):
            "\(file) has version \(found), newer than this Coach understands (\(supported)). Update Coach; the file was left as it is."
        case .io(let file, let reason):
            "cannot write \(file): \(reason)"
        case .locked(let home, let holder):
            "another Coach is running with this home (\(home))\(holder.isEmpty ? "" : ", \(holder)"); close it first. Read-only commands still work."
        case .curriculumNotFound(let searched):
            "cannot find the curriculum (Data/tracks); looked in: \(searched.joined(separator: ", ")). Set COACH_DATA to the Data folder."
        case .invalidCurriculum(let problems):
            "the curriculum has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n" + problems.joined(separator: "\n")
        case .changedOnDisk(let file):
            "\(file) was changed by another program since Coach read it; Coach did not write over it"
        case .symbolicLink(let file):
            "\(file) is a symbolic link; Coach never writes through links. Move it away (or put the real file there) and try again."
        case .lockLost(let home):
            "the home folder \(home) was moved or replaced while Coach held its lock; nothing more was written. Start Coach again."
        }
    }
}
