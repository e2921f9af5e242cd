import ArgumentParser
import CoachCore
import Glibc

// Everything the executable writes goes through `TerminalText`, so no text from a file
// or an argument reaches the terminal raw: `print` here stands in for Swift's in the
// whole module (every command's output), `warn` for stderr, and `main` prints the
// errors swift-argument-parser and the commands raise (arguments they echo included).

/// Swift's `print`, with the text made safe for a terminal.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(TerminalText.safe(text), terminator: terminator)
}

/// One line on stderr, made safe for a terminal.
func warn(_ line: String) {
    StandardStreams.error(TerminalText.safe(line) + "\n")
}

/// An error message made safe, each line cut to a sane length (an argument or a
/// file's contents echoed whole would flood the terminal).
func safeMessage(_ message: String, lineLimit: Int = 500) -> String {
    message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.count > lineLimit
            ? TerminalText.safe(String(line.prefix(lineLimit))) + "… (\(line.count - lineLimit) more characters)"
            : TerminalText.safe(String(line))
    }.joined(separator: "\n")
}

extension CoachCommand {
    /// swift-argument-parser's `main`, with its messages made safe: help goes to stdout,
    /// errors to stderr, and the exit code is the one it would give.
    static func main() {
        do {
            // Before parsing: no argument is worth reading past this, and none is echoed whole.
            for (index, argument) in CommandLine.arguments.dropFirst().enumerated() where argument.utf8.count > TextLimits.argument {
                let count = argument.count
                if count > TextLimits.argument {
                    throw CoachFailure("argument \(index + 1) has \(count) characters; an argument is at most \(TextLimits.argument)")
                }
            }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exitSafely(withError: error)
        }
    }

    /// The parser's way out for `error` (its message and exit code), with the message
    /// made safe for a terminal. `Entry`'s fast paths end through here too.
    static func exitSafely(withError error: Error) -> Never {
        let code = exitCode(for: error)
        let message = safeMessage(fullMessage(for: error))
        if !message.isEmpty {
            let line = message.hasSuffix("\n") ? message : message + "\n"
            if code == .success {
                Swift.print(line, terminator: "")
            } else {
                fflush(nil)
                StandardStreams.error(line)
            }
        }
        fflush(nil)
        Glibc.exit(code.rawValue)
    }
}
