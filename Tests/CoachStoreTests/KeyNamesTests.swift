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
    static func found(_ json: String, among names: [String] = Self.names) -> [Int?]? {
        let names = FastJSONReader.KeyNames(names)
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

    /// The reader guesses that the next key is the name that sorts after the last one, as
    /// the house format writes them (`"name" : `); a guess is only a shortcut, so keys in
    /// any order, spacing or likeness to the guess are found as themselves.
    @Test func keysAreFoundWhateverTheOrderAndTheSpacing() {
        let sorted = Self.names.sorted()
        let places = sorted.map { Self.names.firstIndex(of: $0) }
        for separator in [" : ", ":", " :", ": ", "\n  :\t"] {
            let json = "{\n" + sorted.map { "  \"\($0)\"\(separator)1" }.joined(separator: ",\n") + "\n}"
            #expect(Self.found(json) == places, "\(separator)")
            let reversed = "{" + sorted.reversed().map { "\"\($0)\"\(separator)1" }.joined(separator: ",") + "}"
            #expect(Self.found(reversed) == places.reversed(), "\(separator)")
        }
        // After "hiddenCosts" the guess is "id": a longer key, a shorter one and an unknown
        // one in its place are what they are, and the guess after them is still right.
        #expect(Self.found("{\"hiddenCosts\" : 1, \"ids\" : 2, \"id\" : 3, \"reach\" : 4}") == [6, nil, 1, 2])
        #expect(Self.found("{\"created1\" : 1, \"a\" : 2, \"confident\" : 3}") == [4, 0, 5])
        #expect(Self.found("{\"abcdefghijklmnop\" : 1, \"abcdefghijklmnopq\" : 2, \"abcdefghijklmnopqrstuvwxyz\" : 3}") == [8, 9, 10])
        // A guess that runs past the end of the data is no match.
        #expect(Self.found("{\"a\" : 0, \"abcdefghijklmno\":0}") == [0, 7])
    }

    /// Each name is matched by a slot of its own, for lists of any length.
    @Test func manyNamesAreEachFoundAndNothingElse() {
        let names = (0..<200).map { "key\($0)" } + ["", "x"]
        let json = "{" + (names + ["key200", "Key1", "key01"]).map { "\"\($0)\": 0" }.joined(separator: ", ") + "}"
        #expect(Self.found(json, among: names) == names.indices.map { $0 } + [nil, nil, nil])
    }

    @Test func escapedKeysAreDecodedBeforeTheyAreMatched() {
        #expect(Self.found("{\"re\\u0061ch\": 1, \"caf\\u00e9\": 2}") == [2, nil])
    }
}
