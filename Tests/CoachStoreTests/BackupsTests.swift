import CoachCore
import Foundation
import Testing
@testable import CoachStore

/// The rotating backups: the first save of a day keeps the file it replaces, later
/// saves that day keep nothing more, and only the newest seven days of each file stay.
@Suite struct BackupsTests {
    /// Noon UTC: the same calendar day in every time zone from UTC−11 to UTC+11.
    static func noon(daysAfter days: Int) -> Date {
        Date(timeIntervalSince1970: 1_763_899_200 + Double(days) * 86_400)  // 2025-11-23 12:00 UTC
    }

    @Test func theDayIsTheLocalCalendarDay() {
        #expect(Backups.day(of: Self.noon(daysAfter: 0)) == "2025-11-23")
        #expect(Backups.day(of: Self.noon(daysAfter: 9)) == "2025-12-02")
        #expect(Backups.day(of: Self.noon(daysAfter: 39)) == "2026-01-01")
    }

    @Test func onlyDatedCopiesOfTheDocumentCount() {
        #expect(Backups.isBackup("progress.2025-11-23.json", of: "progress"))
        #expect(!Backups.isBackup("progress.json", of: "progress"))
        #expect(!Backups.isBackup("progress.2025-11-23.json.bak", of: "progress"))
        #expect(!Backups.isBackup("progress.notadate!.json", of: "progress"))
        #expect(!Backups.isBackup("backlog.2025-11-23.json", of: "progress"))
        #expect(!Backups.isBackup("progress.extra.2025-11-23.json", of: "progress"))
    }

    @Test func theFirstSaveOfADayKeepsTheFileItReplaces() throws {
        try withTemporaryFolder { folder in
            let file = try writeFile("monday\n", to: "progress.json", in: folder)
            let backups = folder.appendingPathComponent("backups")
            try Backups.keep(file, now: Self.noon(daysAfter: 0))
            try AtomicFile.write(Data("tuesday\n".utf8), to: file)
            #expect(Backups.list("progress", in: backups) == ["progress.2025-11-23.json"])
            #expect(try String(contentsOf: backups.appendingPathComponent("progress.2025-11-23.json"), encoding: .utf8) == "monday\n")

            // A second save the same day keeps the first backup as it was.
            try Backups.keep(file, now: Self.noon(daysAfter: 0))
            try AtomicFile.write(Data("wednesday\n".utf8), to: file)
            #expect(try String(contentsOf: backups.appendingPathComponent("progress.2025-11-23.json"), encoding: .utf8) == "monday\n")
            #expect(try String(contentsOf: file, encoding: .utf8) == "wednesday\n")
        }
    }

    @Test func aFileThatDoesNotExistYetHasNothingToKeep() throws {
        try withTemporaryFolder { folder throws in
            try Backups.keep(folder.appendingPathComponent("progress.json"), now: Self.noon(daysAfter: 0))
            #expect(try names(in: folder).isEmpty)
        }
    }

    @Test func theNewestSevenDaysOfEachFileAreKept() throws {
        try withTemporaryFolder { folder in
            let progress = try writeFile("p0", to: "progress.json", in: folder)
            let backlog = try writeFile("b0", to: "backlog.json", in: folder)
            let backups = folder.appendingPathComponent("backups")
            try writeFile("mine", to: "backups/notes.txt", in: folder)
            try Backups.keep(backlog, now: Self.noon(daysAfter: 0))
            for day in 0..<10 {
                try Backups.keep(progress, now: Self.noon(daysAfter: day))
                try AtomicFile.write(Data("p\(day + 1)".utf8), to: progress)
            }
            let kept = Backups.list("progress", in: backups)
            #expect(kept.count == Backups.kept)
            #expect(kept.first == "progress.2025-11-26.json")
            #expect(kept.last == "progress.2025-12-02.json")
            #expect(try String(contentsOf: backups.appendingPathComponent("progress.2025-12-02.json"), encoding: .utf8) == "p9")
            #expect(Backups.list("backlog", in: backups) == ["backlog.2025-11-23.json"], "other files' backups stay")
            #expect(try names(in: backups).contains("notes.txt"), "what is not a backup is left alone")
        }
    }

    @Test func storesKeepBackupsButNotTheRunningSession() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            try ProgressStore.save(ProgressBook(), to: home)
            try ProgressStore.save(ProgressBook(), to: home)
            try BacklogStore.save(Backlog(), to: home)
            try BacklogStore.save(Backlog(), to: home)
            try SessionStore.save(SessionTimer(started: fixedDate), to: home)
            try SessionStore.save(SessionTimer(started: fixedDate), to: home)
            let today = Backups.day(of: Date())
            #expect(try names(in: folder.appendingPathComponent("backups")) == ["backlog.\(today).json", "progress.\(today).json"])
        }
    }
}
