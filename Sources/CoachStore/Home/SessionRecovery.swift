import CoachCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A session timer that an earlier run left in session.json — Coach quit, crashed or was
/// killed while a session was under way — logged in the journal with the minutes it is
/// known to have run, so no study time is lost. Every command that reads the journal
/// calls this first, and so does the full-screen coach when it starts.
public enum SessionRecovery {
    /// Logs the saved timer (`Journal.logInterrupted`, which never logs the same
    /// session twice), saves the journal, then removes session.json. Returns the new
    /// entry; nil when there was no saved timer, it ran under 30 seconds, or it was
    /// logged already (a crash between logging and clearing) — the file is cleared then
    /// too.
    ///
    /// The timer in session.json is another run's only while no Coach holds the home's
    /// lock: a running full-screen coach saves its live session there. So a caller that
    /// holds the lock passes it (`holding:`), and this goes ahead; without one, this
    /// takes the lock for the moment it needs and does nothing (nil) when another Coach
    /// holds it — or when the home is read-only, where nothing could be written and
    /// the file stays for a later run.
    @discardableResult
    public static func recoverInterruptedSession(home: CoachHome, timeZone: TimeZoneRules,
                                                 holding lock: HomeLock? = nil) throws -> JournalEntry? {
        // The common case costs one failed stat: no session was left behind.
        guard access(home.path(inside: SessionStore.kind.fileName), F_OK) == 0 else { return nil }
        if let lock {
            return try withExtendedLifetime(lock) { try logSavedTimer(home: home, timeZone: timeZone) }
        }
        let ownLock: HomeLock
        do {
            ownLock = try HomeLock.acquire(home)
        } catch StoreError.locked {
            return nil
        } catch StoreError.io {
            return nil
        }
        return try withExtendedLifetime(ownLock) { try logSavedTimer(home: home, timeZone: timeZone) }
    }

    private static func logSavedTimer(home: CoachHome, timeZone: TimeZoneRules) throws -> JournalEntry? {
        guard let timer = try SessionStore.load(home) else { return nil }
        var journal = try JournalStore.load(home)
        let entry = journal.logInterrupted(timer, timeZone: timeZone)
        if let entry {
            // The minutes go to the items studied, as finishing would have credited them.
            try WriteAheadRecord.together(in: home) {
                try JournalStore.save(journal, to: home)
                var progress = try ProgressStore.load(home)
                if progress.credit(timer.split(minutes: entry.minutes, at: timer.lastSeen), on: entry.day, at: timer.lastSeen) {
                    try ProgressStore.save(progress, to: home)
                }
            }
        }
        try SessionStore.clear(home)
        return entry
    }
}
