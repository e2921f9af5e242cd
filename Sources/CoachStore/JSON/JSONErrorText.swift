import Foundation

/// Foundation's JSON errors are long and vary by platform; keep the useful part.
public enum JSONErrorText {
    public static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let debug = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return debug }
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError { return describe(underlying) }
            return context.debugDescription
        }
        return ns.localizedDescription
    }
}
