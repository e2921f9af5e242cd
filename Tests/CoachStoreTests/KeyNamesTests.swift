@testable import CoachStore
import Foundation
import Testing

/// `nextKey(_:among:)` tells a key by its length and its first 16 bytes read as two
/// words: every length around the word edges, keys that differ only past a word or
/// only in length, a key read where fewer than 16 bytes follow, and names longer than
/// the words hold.
struct KeyNamesTests {
    static let names = ["a", "id", "reach", "updated", "created1", "confident", "hiddenCosts", "abcdefghijklmno",
                        "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopqrstuvwxyz"]

    /// The names each key of `json` (one object) was found to be; nil for none.
    static func found(_ json: String) -> [Int?]? {
        let names = FastJSONReader.KeyNames(Self.names)
        return try? FastJSONReader.read(Data(json.utf8), grammar: .complete) { reader throws(FastJSONReader.Unsupported) in
            var object = try reader.beginObject()
            var found: [Int?] = []
            while let key = try reader.nextKey(&object, among: names) {
                found.append(key.name)
                try reader.skipValue()
            }
            return found
        }
    }

    @Test func everyNameIsFoundAsItselfWhereverTheObjectEnds() {
        for (index, name) in Self.names.enumerated() {
            // Plenty of bytes after the key, and none but the closing ones.
            #expect(Self.found("{\"\(name)\": 1, \"x\": \"\(String(repeating: "z", count: 40))\"}") == [index, nil], "\(name)")
            #expect(Self.found("{\"\(name)\":1}") == [index], "\(name)")
            #expect(Self.found("{\"\(name)\":0}\n") == [index], "\(name)")
        }
    }

    @Test func keysThatAreNearlyANameAreNone() {
        for key in ["", "b", "i", "ids", "reac", "reachh", "Reach", "updatee", "created", "created2", "confidenc",
                    "hiddenCostz", "abcdefghijklmn", "abcdefghijklmnp", "abcdefghijklmnoq", "abcdefghijklmnopr",
                    "abcdefghijklmnopqrstuvwxy", "abcdefghijklmnopqrstuvwxyzz", "abcdefghijklmnoPq"] {
            #expect(Self.found("{\"\(key)\": true, \"pad\": \"................\"}") == [nil, nil], "\(key)")
            #expect(Self.found("{\"\(key)\":0}") == [nil], "\(key)")
        }
    }

    @Test func escapedKeysAreDecodedBeforeTheyAreMatched() {
        #expect(Self.found("{\"re\\u0061ch\": 1, \"caf\\u00e9\": 2}") == [2, nil])
    }
}
