@testable import CoachStore
import CoachCore
import Foundation
import Testing

@Suite("SyncFiles")
struct SyncFilesTests {
    @Test func gitignoreKeepsWhatBelongsToOneMachine() {
        let lines = SyncFiles.gitignore.split(separator: "\n").map(String.init)
        for wanted in ["/session.json", "/.lock", "/backups/", "/.coach-tmp-*", "/.coach-change", "/crash.log", "/sync.log",
                       "/.merge_file_*", "*.sync-conflict-*", "*conflicted copy*"] {
            #expect(lines.contains(wanted), "\(wanted)")
        }
        for document in ["progress.json", "settings.json", "backlog.json", "journal.json", "reviews.json", "tracks"] {
            #expect(!lines.contains { $0.contains(document) }, "\(document) is synced")
        }
        #expect(SyncFiles.gitignore.hasSuffix("\n"))
    }

    @Test func gitattributesNameTheDriverForEveryDocument() {
        let lines = SyncFiles.gitattributes.split(separator: "\n").map(String.init)
        #expect(lines == [SyncFiles.gitattributesHeader, "/progress.json merge=coach", "/settings.json merge=coach",
                          "/backlog.json merge=coach", "/journal.json merge=coach", "/reviews.json merge=coach",
                          "/tracks/*.json merge=binary", "/.gitignore merge=union", "/.gitattributes merge=union"])
        #expect(!lines.contains { $0.contains("session.json") })
    }

    @Test func localOnlyPathsAreRecognised() {
        for path in ["session.json", ".lock", "backups/progress.2026-12-01.json", ".coach-tmp-progress.json.1.2",
                     ".coach-change", "crash.log", "sync.log", "progress.sync-conflict-20261201-120000-ABC.json",
                     "journal (Maria's conflicted copy 2026-12-01).json", ".merge_file_a1B2c3"] {
            #expect(SyncFiles.isLocalOnly(path), "\(path)")
        }
        for path in ["progress.json", "journal.json", "tracks/mine.json", ".gitignore", ".gitattributes", "backupsx.json"] {
            #expect(!SyncFiles.isLocalOnly(path), "\(path)")
        }
    }

    @Test func setUpFilesKeepTheLearnersLinesAndAddOnlyWhatIsMissing() {
        #expect(SyncFiles.completed(nil, with: "a\nb\n") == "a\nb\n")
        #expect(SyncFiles.completed("", with: "a\nb\n") == "a\nb\n")
        #expect(SyncFiles.completed("mine\nb", with: "a\nb\n") == "mine\nb\na\n")
        #expect(SyncFiles.completed("b\n a \nmine\n", with: "a\nb\n") == nil, "nothing missing: left alone")
    }

    @Test func theDriverIsCoachOnPathOrThisBinaryQuoted() {
        #expect(SyncFiles.driverCommand(binary: "/usr/local/bin/coach", onPath: true) == "coach merge %O %A %B %P")
        #expect(SyncFiles.driverCommand(binary: "/opt/my tools/coach", onPath: false) == "'/opt/my tools/coach' merge %O %A %B %P")
        #expect(SyncFiles.shellQuoted("/it's/coach") == "'/it'\\''s/coach'")
    }
}

@Suite("SyncErrors")
struct SyncErrorTests {
    func output(_ stderr: String, status: Int32 = 128) -> GitProcess.Output {
        GitProcess.Output(status: status, stdout: [], stderr: stderr)
    }

    @Test func anUnreachableRemoteSaysSoWithGitsWords() {
        let error = SyncError.fromRemote(output("""
            ssh: Could not resolve hostname nowhere.invalid: Name or service not known
            fatal: Could not read from remote repository.

            Please make sure you have the correct access rights
            and the repository exists.
            """), remote: "git@nowhere.invalid:me/coach.git", pushing: false)
        #expect(error == .unreachable(remote: "git@nowhere.invalid:me/coach.git", git: "fatal: Could not read from remote repository."))
        #expect(error.description.hasPrefix("cannot reach the remote git@nowhere.invalid:me/coach.git: fatal: Could not read"))
        let missing = SyncError.fromRemote(output("fatal: '/tmp/none.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n"),
                                           remote: "/tmp/none.git", pushing: false)
        guard case .unreachable = missing else { Issue.record("\(missing)"); return }
    }

    @Test func aRefusedLoginIsAnAuthenticationFailure() {
        let ssh = SyncError.fromRemote(output("git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n"),
                                       remote: "git@github.com:me/coach.git", pushing: false)
        guard case .authentication(_, let said) = ssh else { Issue.record("\(ssh)"); return }
        #expect(said == "fatal: Could not read from remote repository.")
        let https = SyncError.fromRemote(output("remote: Invalid username or password.\nfatal: Authentication failed for 'https://example.com/me/coach.git/'\n"),
                                         remote: "https://example.com/me/coach.git", pushing: true)
        guard case .authentication(_, let words) = https else { Issue.record("\(https)"); return }
        #expect(words == "remote: Invalid username or password.; fatal: Authentication failed for 'https://example.com/me/coach.git/'")
        let prompt = SyncError.fromRemote(output("fatal: could not read Username for 'https://example.com': terminal prompts disabled\n"),
                                          remote: "https://example.com/x", pushing: false)
        guard case .authentication = prompt else { Issue.record("\(prompt)"); return }
    }

    @Test func aRejectedPushIsNamed() {
        let error = SyncError.fromRemote(output("""
            To /tmp/remote.git
             ! [rejected]        main -> main (fetch first)
            error: failed to push some refs to '/tmp/remote.git'
            hint: Updates were rejected because the remote contains work that you do
            """, status: 1), remote: "/tmp/remote.git", pushing: true)
        #expect(error == .pushRejected(git: "! [rejected]        main -> main (fetch first); error: failed to push some refs to '/tmp/remote.git'"))
        let hook = SyncError.fromRemote(output(" ! [remote rejected] main -> main (pre-receive hook declined)\nerror: failed to push some refs\n", status: 1),
                                        remote: "r", pushing: true)
        guard case .pushRejected = hook else { Issue.record("\(hook)"); return }
        let fetch = SyncError.fromRemote(output("error: failed to push some refs\n", status: 1), remote: "r", pushing: false)
        guard case .failed(let text) = fetch else { Issue.record("\(fetch)"); return }
        #expect(text == "git fetch failed (exit 1): error: failed to push some refs")
    }

    @Test func gitsMessageIsOneLineWithoutHintsAndCut() {
        #expect(SyncError.gitMessage("hint: do this\nfatal: that\n") == "fatal: that")
        #expect(SyncError.gitMessage("something odd\r\nmore\n") == "something odd; more")
        #expect(SyncError.gitMessage("") == "no message")
        let long = SyncError.gitMessage("fatal: " + String(repeating: "x", count: 400))
        #expect(long.count == 301 && long.hasSuffix("…"))
    }

    @Test func everyErrorIsOneLineThatSaysWhatToDo() {
        let errors: [SyncError] = [.noGit, .notSetUp(home: "/h"), .noRemote(home: "/h"), .unreachable(remote: "r", git: "g"),
                                   .authentication(remote: "r", git: "g"), .pushRejected(git: "g"), .midMerge(home: "/h", what: "merge"),
                                   .unmerged(home: "/h", files: ["progress.json"]), .notOnBranch(home: "/h"),
                                   .otherRemote(home: "/h", existing: "e"), .refusedEntry(path: "p", reason: "a symbolic link"),
                                   .unreadableMerge(file: "f", reason: "r"), .cancelled, .failed("x")]
        for error in errors { #expect(!error.description.contains("\n"), "\(error)") }
        #expect(SyncError.noGit.description.contains("install"))
        #expect(SyncError.midMerge(home: "/h", what: "merge").description.contains("git -C /h merge --abort"))
    }

    @Test func theDriversWordsAreKeptAndGitsOwnLeftOut() {
        let lines = HomeSync.driverLines("Auto-merging progress.json\nCONFLICT (content): Merge conflict in progress.json\ncoach: 2 notes kept from both machines: review them\n\n")
        #expect(lines == ["2 notes kept from both machines: review them"])
    }
}
