import FoundationEssentials

/// The stable ids of records that had none (journal sessions, card ratings, drill
/// attempts): a random 64-bit id in hex for a new record, and for a record of an older
/// file one made from its content, so two machines upgrading the same old file give
/// its records the same ids.
enum RecordIDs {
    /// Sixteen hex digits.
    static func random() -> String {
        StableHash.hex(UInt64.random(in: .min ... .max))
    }

    /// The id of a record of an older file: `kind`, its canonical text and how many
    /// records before it had the same text (two equal ratings of one day stay two).
    static func derived(_ kind: String, content: JSONTree, occurrence: Int) -> String {
        StableHash.hex(StableHash.fnv1a("\(kind)|\(occurrence)|\(content.canonical)"))
    }

    /// The records of an array each with an id under `key`: those without one get
    /// their derived id.
    static func upgraded(_ records: [JSONTree], key: String, kind: String) -> [JSONTree] {
        var seen: [String: Int] = [:]
        return records.map { record in
            guard record[key] == nil else { return record }
            let text = record.canonical
            let occurrence = seen[text, default: 0]
            seen[text] = occurrence + 1
            return record.setting(key, .string(derived(kind, content: record, occurrence: occurrence)))
        }
    }
}
