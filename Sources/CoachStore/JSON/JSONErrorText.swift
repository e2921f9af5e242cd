import CoachCore
import FoundationEssentials

/// Foundation's JSON errors are long and vary by platform; keep the useful part.
public enum JSONErrorText {
    public static func describe(_ error: Error) -> String {
        if let debug = (error as? CocoaError)?.userInfo["NSDebugDescription"] as? String { return debug }
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError { return describe(underlying) }
            return context.debugDescription
        }
        if let syntax = error as? FastJSONReader.SyntaxError { return "\(syntax.reason)" }
        return ErrorText.describe(error)
    }
}
