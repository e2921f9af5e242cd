import FoundationEssentials

/// Paths as text, made absolute and standard by their bytes alone, so the home, the
/// curriculum's folder and the folders saves go to are compared spelled one way. (URL's
/// `standardizedFileURL` does the same, but its first use in a process costs a search of
/// every protocol conformance in the binary, on the way to every first frame.)
enum PathText {
    /// `path` from the current folder when it is relative, then standardized.
    static func absolute(_ path: String) -> String {
        standardized(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
    }

    /// "/a/./b/../c/" → "/a/c", as URL's `standardizedFileURL` spells it (links are not
    /// followed).
    static func standardized(_ absolute: String) -> String {
        var segments: [ArraySlice<UInt8>] = []
        let bytes = Array(absolute.utf8)
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "/") { end += 1 }
            let segment = bytes[start..<end]
            if segment.elementsEqual([UInt8(ascii: ".")]) || segment.isEmpty {
                // nothing: "//" and "/./" name the same folder
            } else if segment.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                if !segments.isEmpty { segments.removeLast() }
            } else {
                segments.append(segment)
            }
            start = end + 1
        }
        var result: [UInt8] = []
        for segment in segments {
            result.append(UInt8(ascii: "/"))
            result.append(contentsOf: segment)
        }
        return result.isEmpty ? "/" : String(decoding: result, as: UTF8.self)
    }
}
