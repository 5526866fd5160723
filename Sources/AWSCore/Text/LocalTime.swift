import FoundationEssentials
import Glibc

/// Times in the user's own zone, through the C library (`TZ`, `/etc/localtime`): without ICU,
/// FoundationEssentials knows no zone but fixed offsets.
public enum LocalTime {
    /// `2026-12-04 15:30`.
    public static func minutes(_ date: Date) -> String {
        let raw = date.timeIntervalSince1970
        var seconds = time_t(raw.isFinite ? max(-1e12, min(1e12, raw)).rounded(.down) : 0)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return ISO8601Timestamp.string(date) }
        return String(printf: "%04d-%02d-%02d %02d:%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min)
    }
}
