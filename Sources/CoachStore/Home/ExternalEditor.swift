import CoachCore
import FoundationEssentials
import Glibc

/// The learner's own editor (`$VISUAL`, else `$EDITOR`, else `vi`) on a text: written
/// to a file only they can read (0600, in a fresh 0700 folder, never through a
/// symbolic link), the editor run on it and waited for, the file read back and removed.
/// The caller hands the terminal over first (the full-screen program) or runs it as is
/// (`coach note --edit`).
public enum ExternalEditor {
    /// The command to run: the variable's text is a shell command line, so
    /// `EDITOR="code --wait"` works as it does for git.
    public static func command(environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingWhitespace(), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Runs the editor on `text`; `.changed` only when the file was saved different.
    public static func edit(_ text: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> ExternalEditOutcome {
        let command = command(environment: environment)
        let base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/coach-edit-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            return .failed("could not make a private folder in \(base) (\(String(cString: strerror(errno))))")
        }
        let folder = String(cString: made)
        let path = folder + "/text.md"
        defer { removeFolder(folder) }
        let written = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        guard write(written, to: path) else {
            return .failed("could not write \(path) (\(String(cString: strerror(errno))))")
        }
        let status = run(command, on: path)
        guard status == 0 else {
            if status == 127 { return .failed("could not start the editor \"\(command)\" (set $VISUAL or $EDITOR)") }
            return .failed("the editor \"\(command)\" ended with status \(status); nothing was saved")
        }
        guard let back = read(path) else {
            return .failed("could not read the file back (\(String(cString: strerror(errno)))); nothing was saved")
        }
        guard back != written else { return .unchanged }
        // Editors end the file with a line break; the text itself does not.
        var result = back
        while result.hasSuffix("\n") { result.removeLast() }
        return result == text ? .unchanged : .changed(result)
    }

    /// `sh -c 'COMMAND "$1"' sh PATH`, on this terminal, waited for; its exit status
    /// (127: it could not start, 128 + n: killed by signal n).
    static func run(_ command: String, on path: String) -> Int32 {
        let arguments = ["/bin/sh", "-c", "\(command) \"$1\"", "sh", path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return 127 }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// A new file of `text`, 0600; refuses a name that exists already (a link included).
    private static func write(_ text: String, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let count = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    /// The file's text, never through a link; at most four times what a text holds
    /// (more is left out).
    private static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let most = 4 * TextLimits.text * 4
        while bytes.count < most {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes.prefix(most), as: UTF8.self)
    }

    /// The folder and whatever the editor left in it (a backup, a swap file).
    private static func removeFolder(_ folder: String) {
        if let directory = opendir(folder) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name != ".", name != ".." { unlink(folder + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(folder)
    }
}
