import Foundation

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
    public static func bytes(_ count: Int64?) -> String {
        guard let count else { return "" }
        let value = Double(count)
        if value >= 1_048_576 { return String(format: "%.1f MB", value / 1_048_576) }
        if value >= 1024 { return String(format: "%.0f KB", value / 1024) }
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
        return String(format: "%02d:%02d:%02d.%03d", parts.tm_hour, parts.tm_min, parts.tm_sec, Int(milliseconds % 1000))
    }

    /// A bar of `width` cells, `fraction` of it filled, and the percentage.
    public static func weightBar(_ fraction: Double, width: Int) -> (filled: String, rest: String, label: String) {
        let clamped = max(0, min(1, fraction))
        let cells = Int((clamped * Double(width)).rounded())
        return (String(repeating: "█", count: cells), String(repeating: "·", count: width - cells),
                String(format: "%5.1f%%", clamped * 100))
    }
}
