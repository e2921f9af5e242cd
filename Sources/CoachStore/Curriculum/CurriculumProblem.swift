import FoundationEssentials

/// One thing wrong with a curriculum file, located by file and JSON path.
public struct CurriculumProblem: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String { "\(file): \(path): \(message)" }
}
