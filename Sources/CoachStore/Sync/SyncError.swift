import CoachCore

/// Why a sync stopped, in one line that says what to do. Git's own words (a remote's
/// refusal, an authentication failure) are passed through, made safe for a terminal
/// by whoever prints them.
public enum SyncError: Error, Equatable, CustomStringConvertible {
    case noGit
    /// The home is not a git repository yet.
    case notSetUp(home: String)
    case noRemote(home: String)
    case unreachable(remote: String, git: String)
    case authentication(remote: String, git: String)
    case pushRejected(git: String)
    /// A merge, rebase or cherry-pick that someone started by hand is not finished.
    case midMerge(home: String, what: String)
    /// Files in the index that git could not merge (a conflict left by a hand-made merge).
    case unmerged(home: String, files: [String])
    case notOnBranch(home: String)
    /// `--init` with a remote other than the one the home already syncs with.
    case otherRemote(home: String, existing: String)
    /// The remote holds something Coach does not write into the home (a link, a submodule).
    case refusedEntry(path: String, reason: String)
    /// A merge gave a document Coach cannot read: nothing was changed.
    case unreadableMerge(file: String, reason: String)
    case cancelled
    /// Anything else git refused, with its message.
    case failed(String)

    public var description: String {
        switch self {
        case .noGit:
            "git is not installed (coach sync uses it): install it (sudo apt-get install git) and try again"
        case .notSetUp(let home):
            "\(home) does not sync yet: set it up with coach sync --init REMOTE (any git remote: a bare repository, GitHub, a server)"
        case .noRemote(let home):
            "\(home) has no git remote to sync with: add one with coach sync --init REMOTE"
        case .unreachable(let remote, let git):
            "cannot reach the remote \(remote): \(git). Nothing was lost: your changes are committed here and go with the next sync."
        case .authentication(let remote, let git):
            "the remote \(remote) refused the login: \(git). Check your key or token (git -C HOME fetch shows the same)."
        case .pushRejected(let git):
            "the remote refused the push: \(git). Run coach sync again; if it keeps failing, look at the remote (its branch may be protected)."
        case .midMerge(let home, let what):
            "\(home) is in the middle of a git \(what) started by hand: finish it (git -C \(home) \(what) --continue) or undo it (git -C \(home) \(what) --abort), then sync"
        case .unmerged(let home, let files):
            "\(home) has files git could not merge (\(files.joined(separator: ", "))): fix them and commit (git -C \(home) commit), then sync"
        case .notOnBranch(let home):
            "\(home) is not on a branch (a detached HEAD): check out your branch (git -C \(home) checkout main), then sync"
        case .otherRemote(let home, let existing):
            "\(home) already syncs with \(existing); to change it: git -C \(home) remote set-url origin NEW"
        case .refusedEntry(let path, let reason):
            "the remote has \(path), \(reason); Coach writes only plain files into your home, so nothing was changed"
        case .unreadableMerge(let file, let reason):
            "merging \(file) gave a file Coach cannot read (\(reason)); nothing was changed"
        case .cancelled:
            "the sync was stopped; the next one carries on from what is on disk"
        case .failed(let message):
            message
        }
    }

    /// The failure of a git command that talks to the remote (fetch, push), named by
    /// what git said: an unreachable remote, a refused login, a rejected push.
    public static func fromRemote(_ output: GitProcess.Output, remote: String, pushing: Bool) -> SyncError {
        let said = gitMessage(output.stderr)
        let lower = output.stderr.lowercased()
        let authentication = ["permission denied", "authentication failed", "could not read username",
                              "could not read password", "invalid username or password", "access denied",
                              "403", "401", "host key verification failed", "terminal prompts disabled"]
        let unreachable = ["could not resolve host", "could not resolve hostname", "connection refused", "connection timed out",
                           "network is unreachable", "no route to host", "could not connect", "failed to connect",
                           "does not appear to be a git repository", "not found", "no such file or directory",
                           "operation timed out", "unable to access", "connection reset", "temporary failure in name resolution"]
        if authentication.contains(where: lower.contains) { return .authentication(remote: remote, git: said) }
        if pushing, lower.contains("[rejected]") || lower.contains("[remote rejected]") || lower.contains("failed to push") {
            return .pushRejected(git: said)
        }
        if unreachable.contains(where: lower.contains) { return .unreachable(remote: remote, git: said) }
        return .failed("git \(pushing ? "push" : "fetch") failed (exit \(output.status)): \(said)")
    }

    /// Git's message in one line: its `fatal:`/`error:` lines first (they say why), the
    /// hints left out, at most 300 characters.
    public static func gitMessage(_ stderr: String) -> String {
        let lines = stderr.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty && !$0.hasPrefix("hint:") }
        let important = lines.filter { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") || $0.contains("[rejected]")
            || $0.contains("[remote rejected]") || $0.hasPrefix("remote:") || $0.hasPrefix("ERROR:") }
        let chosen = important.isEmpty ? lines : important
        let joined = chosen.joined(separator: "; ")
        if joined.isEmpty { return "no message" }
        return joined.count > 300 ? String(joined.prefix(300)) + "…" : joined
    }
}
