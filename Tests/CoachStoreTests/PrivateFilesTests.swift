import CoachCore
import Foundation
import Testing
@testable import CoachStore

/// The learner's files are private and never written through a link. The umask is the
/// process's, so these tests run one at a time and put it back.
@Suite(.serialized) struct PrivateFilesTests {
    private func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
    }

    private func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) rethrows -> T {
        let old = umask(mask)
        defer { umask(old) }
        return try body()
    }

    @Test(arguments: [mode_t(0o000), mode_t(0o022)])
    func theHomeIs0700AndNewFiles0600WhateverTheUmask(mask: mode_t) throws {
        try withTemporaryFolder { folder in
            try withUmask(mask) {
                let home = CoachHome(url: folder.appendingPathComponent("a/b/home"))
                try home.prepare()
                #expect(try mode(home.url) == 0o700)
                try ProgressStore.save(ProgressBook(), to: home)
                #expect(try mode(home.progressFile) == 0o600)
                try ProgressStore.save(ProgressBook(), to: home)
                #expect(try mode(home.progressFile) == 0o600)
                #expect(try mode(home.url.appendingPathComponent(Backups.folderName)) == 0o700)
                let lock = try HomeLock.acquire(home)
                withExtendedLifetime(lock) {}
                #expect(try mode(home.lockFile) & 0o077 == 0)
            }
        }
    }

    @Test func aSaveKeepsAModeTheLearnerNarrowedAndNeverWidens() throws {
        try withTemporaryFolder { folder in
            try withUmask(0o000) {
                let url = folder.appendingPathComponent("journal.json")
                try AtomicFile.write(Data("1".utf8), to: url)
                chmod(url.path, 0o400)
                try AtomicFile.write(Data("2".utf8), to: url)
                #expect(try mode(url) == 0o400)
                chmod(url.path, 0o644)
                try AtomicFile.write(Data("3".utf8), to: url)
                #expect(try mode(url) == 0o600)
                #expect(try AtomicFile.read(url) == Data("3".utf8))
            }
        }
    }

    /// Each document, with a save that writes it.
    static let documents: [(DocumentKind, @Sendable (CoachHome) throws -> Void)] = [
        (.progress, { try ProgressStore.save(ProgressBook(), to: $0) }),
        (.settings, { try SettingsStore.save(Settings(), to: $0) }),
        (.backlog, { try BacklogStore.save(Backlog(), to: $0) }),
        (.journal, { try JournalStore.save(Journal(), to: $0) }),
        (.reviews, { try ReviewStore.save(ReviewBook(), to: $0) }),
    ]

    @Test func aLinkPlantedAsTheSessionFileOrTheChangeRecordIsRefused() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder.appendingPathComponent("home"))
            try home.prepare()
            let victim = try writeFile("precious", to: "victim", in: folder)
            try FileManager.default.createSymbolicLink(at: SessionStore.file(home), withDestinationURL: victim)
            #expect(throws: StoreError.symbolicLink(file: SessionStore.file(home).path)) {
                try SessionStore.save(SessionTimer.start(at: fixedDate), to: home)
            }
            let record = home.url.appendingPathComponent(WriteAheadRecord.fileName)
            try FileManager.default.createSymbolicLink(at: record, withDestinationURL: victim)
            #expect(throws: StoreError.symbolicLink(file: record.path)) { _ = try HomeLock.acquire(home, wait: 0) }
            #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        }
    }

    @Test func aLinkPlantedAsADocumentIsRefusedNamingItAndItsTargetUntouched() throws {
        for (document, save) in Self.documents {
            try withTemporaryFolder { folder in
                let home = CoachHome(url: folder.appendingPathComponent("home"))
                try home.prepare()
                let victim = try writeFile("precious", to: "victim", in: folder)
                try FileManager.default.createSymbolicLink(at: home.file(document), withDestinationURL: victim)
                #expect(throws: StoreError.symbolicLink(file: home.file(document).path), "\(document)") { try save(home) }
                #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
                #expect(try names(in: home.url).filter { $0.hasPrefix(".coach-tmp") }.isEmpty)
            }
        }
    }

    @Test func aLinkPlantedAsTheBackupsFolderIsRefusedAndNothingIsLinkedIntoItsTarget() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder.appendingPathComponent("home"))
            try home.prepare()
            try JournalStore.save(Journal(), to: home)
            let elsewhere = folder.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: false)
            try FileManager.default.createSymbolicLink(at: home.url.appendingPathComponent(Backups.folderName), withDestinationURL: elsewhere)
            #expect(throws: StoreError.symbolicLink(file: home.url.appendingPathComponent(Backups.folderName).path)) {
                try JournalStore.save(Journal(), to: home)
            }
            #expect(try names(in: elsewhere).isEmpty)
        }
    }

    @Test func aLinkPlantedAsTheDaysBackupIsLeftAloneAndItsTargetUntouched() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder.appendingPathComponent("home"))
            try home.prepare()
            try ProgressStore.save(ProgressBook(), to: home)
            let victim = try writeFile("precious", to: "victim", in: folder)
            let backups = home.url.appendingPathComponent(Backups.folderName)
            try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: backups.appendingPathComponent("progress.\(Backups.day(of: Date())).json"),
                                                       withDestinationURL: victim)
            try ProgressStore.save(ProgressBook(), to: home)
            #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        }
    }

    @Test func aLinkPlantedAsTheTemporaryFileIsNeverWrittenThrough() throws {
        try withTemporaryFolder { folder in
            let victim = try writeFile("precious", to: "victim", in: folder)
            let home = folder.appendingPathComponent("home")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: false)
            let name = "\(AtomicFile.temporaryMarker)progress.json.1.2"
            try FileManager.default.createSymbolicLink(at: home.appendingPathComponent(name), withDestinationURL: victim)
            let fd = open(home.path, O_RDONLY | O_DIRECTORY)
            defer { close(fd) }
            #expect(throws: StoreError.self) {
                _ = try AtomicFile.createTemporary(name, in: fd, mode: 0o600, for: home.appendingPathComponent("progress.json"))
            }
            // A killed save's leftovers are removed as links, never followed.
            AtomicFile.removeLeftovers(inFolder: home.path)
            #expect(try names(in: home).isEmpty)
            #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        }
    }
}
