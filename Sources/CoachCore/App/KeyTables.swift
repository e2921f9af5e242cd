/// The README's key tables, written from the bindings (a test compares them with the
/// README, so the README cannot drift from the keys).
public enum KeyTables {
    /// The keys of every screen, then a column per screen for the keys that differ.
    public static func markdown() -> String {
        let screens = Screen.allCases
        let onScreens = Bindings.all.filter { binding in KeyContext.screens.contains { binding.applies(in: $0) } }
        let everywhere = onScreens.filter { binding in KeyContext.screens.allSatisfy { binding.applies(in: $0) } }
        var lines = ["| key | everywhere |", "| --- | --- |"]
        lines += everywhere.map { "| \(keys($0.label)) | \($0.help) |" }
        lines += ["", "| key | " + screens.map(\.title).joined(separator: " | ") + " |",
                  "| --- |" + String(repeating: " --- |", count: screens.count)]
        var labels: [String] = []
        for binding in onScreens where !everywhere.contains(where: { $0.label == binding.label && $0.help == binding.help })
            && !labels.contains(binding.label) {
            labels.append(binding.label)
        }
        for label in labels {
            let cells = screens.map { screen in
                onScreens.first { $0.label == label && KeyContext.all(of: screen).contains(where: $0.applies) }?.help ?? "—"
            }
            lines.append("| \(keys(label)) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// "↑ ↓  k j" → "↑ ↓ `k` `j`": single characters as code, names as they are.
    static func keys(_ label: String) -> String {
        label.split(separator: " ").map { token in
            token.count == 1 && token.first?.isASCII == true ? "`\(token)`" : String(token)
        }.joined(separator: " ")
    }
}
