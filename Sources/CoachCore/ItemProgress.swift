import Foundation

public enum ItemStatus: String, CaseIterable, Codable, Sendable {
    case todo, doing, done, skipped

    /// Space on an item: todo → doing → done → todo. A skipped item comes back as todo.
    public var cycled: ItemStatus {
        switch self {
        case .todo: .doing
        case .doing: .done
        case .done, .skipped: .todo
        }
    }

    /// `s` on an item: skip it, or bring a skipped item back.
    public var skipToggled: ItemStatus {
        self == .skipped ? .todo : .skipped
    }

    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: "|") }
}

/// What the learner has done with one item. Stored by item id, so it survives any
/// reordering or editing of the curriculum.
public struct ItemProgress: Equatable, Codable, Sendable {
    public var status: ItemStatus
    /// When the status last changed.
    public var changed: Date
    /// When the item was last marked done; kept when it is reopened, for the record.
    public var done: Date?
    public var note: String?

    public init(status: ItemStatus, changed: Date, done: Date? = nil, note: String? = nil) {
        self.status = status
        self.changed = changed
        self.done = done
        self.note = note
    }
}

/// Every item's progress, keyed by item id. Ids the curriculum no longer has are kept.
public struct ProgressBook: Equatable, Sendable {
    public var items: [String: ItemProgress]

    public init(items: [String: ItemProgress] = [:]) {
        self.items = items
    }

    public func status(of id: String) -> ItemStatus {
        items[id]?.status ?? .todo
    }

    /// The single rule for changing an item's status, used by the TUI and the CLI.
    /// Returns false when nothing changed.
    @discardableResult
    public mutating func setStatus(_ status: ItemStatus, of id: String, at now: Date) -> Bool {
        guard self.status(of: id) != status else { return false }
        var entry = items[id] ?? ItemProgress(status: .todo, changed: now)
        entry.status = status
        entry.changed = now
        if status == .done { entry.done = now }
        items[id] = entry
        return true
    }

    /// Sets or clears (empty text) an item's note. Returns false when nothing changed.
    @discardableResult
    public mutating func setNote(_ text: String, of id: String, at now: Date) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let note: String? = trimmed.isEmpty ? nil : trimmed
        guard items[id]?.note != note else { return false }
        var entry = items[id] ?? ItemProgress(status: .todo, changed: now)
        entry.note = note
        items[id] = entry
        return true
    }
}
