/// An item's summary and resources, packed into one buffer of bytes.
///
/// A large curriculum has 10,000 items, each with a summary and a few resources, and as
/// Strings each text is an allocation of its own with 40 bytes or so of header and
/// rounding. Packed, an item's text is one array (the large home's curriculum takes
/// 10.5 MB rather than 14), and a String is made only when a screen or a command reads
/// it, one item at a time.
///
/// The layout: the summary's length and bytes, then for each resource its kind (its
/// place in `ResourceKind.allCases`), its title's length and bytes, and its address's
/// length plus one and bytes (0: no address). Lengths are LEB128 varints. The layout is
/// only ever read back by this type, so two packs are equal exactly when their texts are.
struct ItemText: Equatable, Sendable {
    private var bytes: [UInt8]
    /// Made once: `allCases` makes a new array each time it is asked.
    private static let kinds = ResourceKind.allCases

    init(summary: String, resources: [Resource]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(summary.utf8.count + resources.reduce(0) { $0 + $1.title.utf8.count + ($1.url?.utf8.count ?? 0) + 6 } + 2)
        Self.append(summary.utf8, to: &bytes)
        for resource in resources {
            bytes.append(UInt8(Self.kinds.firstIndex(of: resource.kind)!))
            Self.append(resource.title.utf8, to: &bytes)
            if let url = resource.url {
                Self.appendLength(url.utf8.count + 1, to: &bytes)
                bytes.append(contentsOf: url.utf8)
            } else {
                bytes.append(0)
            }
        }
        self.bytes = bytes
    }

    var summary: String {
        bytes.withUnsafeBufferPointer { bytes in
            var place = 0
            return Self.text(bytes, at: &place)
        }
    }

    var resources: [Resource] {
        bytes.withUnsafeBufferPointer { bytes in
            var place = 0
            let summaryLength = Self.length(bytes, at: &place)
            place += summaryLength
            var resources: [Resource] = []
            while place < bytes.count {
                let kind = Self.kinds[Int(bytes[place])]
                place += 1
                let title = Self.text(bytes, at: &place)
                let urlLength = Self.length(bytes, at: &place)
                var url: String?
                if urlLength > 0 {
                    url = String(decoding: UnsafeBufferPointer(rebasing: bytes[place..<(place + urlLength - 1)]), as: UTF8.self)
                    place += urlLength - 1
                }
                resources.append(Resource(title: title, kind: kind, url: url))
            }
            return resources
        }
    }

    private static func append(_ text: String.UTF8View, to bytes: inout [UInt8]) {
        appendLength(text.count, to: &bytes)
        bytes.append(contentsOf: text)
    }

    private static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
        var rest = UInt(length)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private static func length(_ bytes: UnsafeBufferPointer<UInt8>, at place: inout Int) -> Int {
        var length = 0, shift = 0
        while true {
            let byte = bytes[place]
            place += 1
            length |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return length }
            shift += 7
        }
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, at place: inout Int) -> String {
        let count = length(bytes, at: &place)
        defer { place += count }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[place..<(place + count)]), as: UTF8.self)
    }
}
