/// What a cell means; the terminal turns it into colours (or plain attributes under
/// NO_COLOR), so views never name a colour.
public enum Role: UInt8, Equatable, Sendable, CaseIterable {
    case normal, dim, title, heading, accent, good, warn, bad, selection, bar, barEmpty, keyHint
}

public struct Style: Equatable, Sendable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}
