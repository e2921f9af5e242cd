/// The keys of one JSON object read so far, to refuse a key written twice. A document's
/// object has a handful of keys, kept in an array; past `arrayLimit` they go to a Set, so a
/// hostile file with a million keys is still read in linear time. (The first Set of Strings
/// a process makes costs a search of every protocol conformance in the binary, 0.26
/// million instructions: more than reading settings.json itself, at every start.)
struct SeenKeys {
    static let arrayLimit = 16
    private var few: [String] = []
    private var many: Set<String>?

    /// True when `key` was not seen before; it is seen from now on.
    mutating func insert(_ key: String) -> Bool {
        if many != nil { return many!.insert(key).inserted }
        if few.contains(key) { return false }
        few.append(key)
        if few.count > Self.arrayLimit {
            many = Set(few)
            few = []
        }
        return true
    }
}
