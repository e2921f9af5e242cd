import CoachCore
import FoundationEssentials

/// The fast path of `ProgressStore.load`: reads progress.json straight from its bytes in
/// one pass (JSONDecoder needs about 35 ms for the 10,000 entries of a large home, most of
/// it for a first pass that reads only "version" and for the date formatter).
///
/// It reads a plain, valid file of a supported version and gives up on anything else — a
/// syntax error, a wrong type, an unknown status, a bad date, a missing field, a repeated
/// key or item id, a `null`, a version out of range, anything `FastJSONReader` does not
/// take. Then `ProgressStore` runs the JSONDecoder path, which gives the same book for
/// every file this one reads and the exact error for the others.
enum ProgressDecoding {
    static func items(in data: Data, supported: Int) -> [String: ItemProgress]? {
        FastJSONReader.read(data) { json throws(FastJSONReader.Unsupported) in
            try json.progressDocument(supported: supported)
        }
    }
}

private extension FastJSONReader {
    /// `ProgressStore.FileContents`: {"version": 1, "items": {id: entry, ...}}, keys in any order.
    mutating func progressDocument(supported: Int) throws(Unsupported) -> [String: ItemProgress] {
        try versionedItems(supported: supported) { json throws(Unsupported) in try json.progressItems() }.items
    }

    mutating func progressItems() throws(Unsupported) -> [String: ItemProgress] {
        var items: [String: ItemProgress] = [:]
        var object = try beginObject()
        while let id = try nextStringKey(&object) {
            // JSONDecoder keeps the first of two equal ids (Swift's String equality, so
            // also two spellings of one text); the exact path decides those.
            guard items.updateValue(try itemProgress(), forKey: id) == nil else { throw Unsupported() }
        }
        return items
    }

    /// `ItemProgress` as its Decodable reads it: status and changed required, done, note
    /// and proof optional (a `null`, or proof its rule refuses, gives up).
    mutating func itemProgress() throws(Unsupported) -> ItemProgress {
        var status: ItemStatus?, changed: Date?, done: Date?, note: String?, proof: [String]?
        var seenDone = false, seenNote = false
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "status") {
                guard status == nil, let value = ItemStatus(rawValue: try string()) else { throw Unsupported() }
                status = value
            } else if self.key(key, is: "changed") {
                guard changed == nil else { throw Unsupported() }
                changed = try isoDate()
            } else if self.key(key, is: "done") {
                guard !seenDone else { throw Unsupported() }
                seenDone = true
                done = try isoDate()
            } else if self.key(key, is: "note") {
                guard !seenNote else { throw Unsupported() }
                seenNote = true
                note = try string()
            } else if self.key(key, is: "proof") {
                guard proof == nil else { throw Unsupported() }
                var links: [String] = []
                var array = try beginArray()
                while try nextElement(&array) { links.append(try string()) }
                guard ProofLinks.problem(with: links) == nil else { throw Unsupported() }
                proof = links
            } else {
                try skipValue()
            }
        }
        guard let status, let changed else { throw Unsupported() }
        return ItemProgress(status: status, changed: changed, done: done, note: note, proof: proof ?? [])
    }
}
