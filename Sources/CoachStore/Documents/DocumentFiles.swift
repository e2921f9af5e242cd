import CoachCore
import FoundationEssentials

/// The registry of the home's documents: which store reads and writes each kind. The
/// one place in CoachStore that switches on a document's kind; the run loop, the file
/// watch and the save queue only pass kinds and values through it.
///
/// Each store (ProgressStore, SettingsStore, BacklogStore, JournalStore, ReviewStore,
/// SessionStore) is one file holding its document's version, reader and writer; its
/// path is `CoachHome.file(kind)`, named by `DocumentKind.fileName`.
public enum DocumentFiles {
    /// The document as it is on disk now, read by its store.
    public static func read(_ kind: DocumentKind, from home: CoachHome) throws -> DocumentValue {
        switch kind {
        case .progress: .progress(try ProgressStore.load(home))
        case .settings: .settings(try SettingsStore.load(home))
        case .backlog: .backlog(try BacklogStore.load(home))
        case .journal: .journal(try JournalStore.load(home))
        case .reviews: .reviews(try ReviewStore.load(home))
        case .session: .session(try SessionStore.load(home))
        }
    }

    /// Writes the document with its store (a session that ended removes its file).
    public static func write(_ value: DocumentValue, to home: CoachHome) throws {
        switch value {
        case .progress(let book): try ProgressStore.save(book, to: home)
        case .settings(let settings): try SettingsStore.save(settings, to: home)
        case .backlog(let backlog): try BacklogStore.save(backlog, to: home)
        case .journal(let journal): try JournalStore.save(journal, to: home)
        case .reviews(let reviews): try ReviewStore.save(reviews, to: home)
        case .session(let timer?): try SessionStore.save(timer, to: home)
        case .session(nil): try SessionStore.clear(home)
        }
    }
}
