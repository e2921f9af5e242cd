/// An optional field of `--json` output that is written as `null` when it is absent,
/// rather than left out: the shapes the README documents keep every key, so a script
/// can read `.note` without first asking whether it is there.
@propertyWrapper
struct OrNull<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
