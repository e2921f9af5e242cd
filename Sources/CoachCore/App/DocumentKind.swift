/// One of the learner's files, as the engine names it. What each one holds is
/// `DocumentValue`; how it is read and written is CoachStore's `DocumentFiles`.
public enum DocumentKind: String, CaseIterable, Hashable, Sendable {
    case progress, settings, backlog, journal, reviews
    /// The running session's timer: written as it goes, removed once it is logged.
    case session

    public var fileName: String { rawValue + ".json" }

    /// The documents that another program may change while Coach runs, so Coach looks
    /// for changes in them. session.json lives only while a session runs, and only
    /// Coach writes it.
    public static let watched: [DocumentKind] = [.progress, .settings, .backlog, .journal, .reviews]

    public var isWatched: Bool { self != .session }
}
