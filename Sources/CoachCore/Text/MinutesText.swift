/// Minutes as a study estimate reads best: "45m", "1h", "1h30".
public enum MinutesText {
    public static func short(_ minutes: Int) -> String {
        if minutes < 60 { return "\(minutes)m" }
        let rest = minutes % 60
        return rest == 0 ? "\(minutes / 60)h" : "\(minutes / 60)h\(rest < 10 ? "0" : "")\(rest)"
    }
}
