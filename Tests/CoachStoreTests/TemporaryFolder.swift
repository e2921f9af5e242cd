import Foundation

/// Runs `body` with a fresh, empty folder of its own and removes the folder afterwards.
@discardableResult
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("coach-store-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// Writes `text` to `folder/relativePath`, creating the folders on the way.
@discardableResult
func writeFile(_ text: String, to relativePath: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url
}

func names(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
}

let fixedDate = Date(timeIntervalSince1970: 1_700_000_000)
