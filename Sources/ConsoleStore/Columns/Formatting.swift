import FoundationEssentials
import Glibc

/// Human forms of numbers and times for cells.
public enum Formatting {
    /// "3 min ago", "5 h ago", "12 d ago".
    public static func relative(_ date: Date?, now: Date) -> String {
        guard let date else { return "" }
        let seconds = max(0, now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "\(Int(seconds)) s ago"
        case ..<3600: return "\(Int(seconds / 60)) min ago"
        case ..<86_400: return "\(Int(seconds / 3600)) h ago"
        case ..<(86_400 * 365): return "\(Int(seconds / 86_400)) d ago"
        default: return "\(Int(seconds / (86_400 * 365))) y ago"
        }
    }

    /// "1.2 MB", "340 KB", "12 B".
    /// "90 s", "30 min", "6 h" for a number of seconds (AWS's event ages and the like).
    public static func duration(seconds: Int) -> String {
        if seconds >= 3600, seconds % 3600 == 0 { return "\(seconds / 3600) h" }
        if seconds >= 120, seconds % 60 == 0 { return "\(seconds / 60) min" }
        return "\(seconds) s"
    }

    public static func bytes(_ count: Int64?) -> String {
        guard let count else { return "" }
        let value = Double(count)
        if value >= 10_737_418_240 { return String(printf: "%.1f GB", value / 1_073_741_824) }
        if value >= 1_048_576 { return String(printf: "%.1f MB", value / 1_048_576) }
        if value >= 1024 { return String(printf: "%.0f KB", value / 1024) }
        return "\(count) B"
    }

    /// "1,310".
    public static func count(_ value: Int) -> String {
        var digits = String(value)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits = String(digits.dropLast(3))
        }
        return digits + out
    }

    /// "12:04:05.123" in UTC, for log lines.
    public static func clock(_ milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(printf: "%02d:%02d:%02d.%03d", parts.tm_hour, parts.tm_min, parts.tm_sec, Int(milliseconds % 1000))
    }

    /// A bar of `width` cells, `fraction` of it filled, and the percentage.
    public static func weightBar(_ fraction: Double, width: Int) -> (filled: String, rest: String, label: String) {
        let clamped = max(0, min(1, fraction))
        let cells = Int((clamped * Double(width)).rounded())
        return (String(repeating: "█", count: cells), String(repeating: "·", count: width - cells),
                String(printf: "%5.1f%%", clamped * 100))
    }

    /// The eight levels of a sparkline, lowest first.
    public static let sparkLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One cell a point, scaled to the series' own highest: ▁ is nothing (or no point), the
    /// other seven levels share the rest, so any non-zero value shows above the floor.
    public static func sparkline(_ values: [Double?]) -> String {
        let highest = values.compactMap { $0 }.filter(\.isFinite).max() ?? 0
        return String(values.map { value -> Character in
            guard let value, value.isFinite, value > 0, highest > 0 else { return value == nil ? " " : sparkLevels[0] }
            let level = 1 + Int((value / highest * Double(sparkLevels.count - 2)).rounded())
            return sparkLevels[min(sparkLevels.count - 1, max(1, level))]
        })
    }

    /// "950", "1.2k", "34k", "1.2M": a figure in at most five cells.
    public static func compact(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        let magnitude = abs(value)
        if magnitude < 1_000 { return magnitude == magnitude.rounded() ? String(Int(value)) : String(printf: "%.1f", value) }
        for (limit, suffix) in [(1e6, "k"), (1e9, "M"), (1e12, "G")] where magnitude < limit {
            let scaled = value / (limit / 1_000)
            return String(printf: abs(scaled) < 10 ? "%.1f" : "%.0f", scaled) + suffix
        }
        return String(printf: "%.0e", value)
    }

    /// "850 ms", "3.2 s", "4 min".
    public static func milliseconds(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value < 1_000 { return String(printf: value < 10 ? "%.1f ms" : "%.0f ms", value) }
        if value < 60_000 { return String(printf: "%.1f s", value / 1_000) }
        return String(printf: "%.0f min", value / 60_000)
    }
}
