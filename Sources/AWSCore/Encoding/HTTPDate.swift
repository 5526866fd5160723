import FoundationEssentials

/// HTTP's own date, as `Retry-After` may carry one: `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110's
/// IMF-fixdate, the form servers must send). The obsolete forms are not read.
public enum HTTPDate {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func parse(_ text: String) -> Date? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[0].count == 4, fields[0].hasSuffix(","), fields[5] == "GMT" || fields[5] == "UTC",
              let day = Int(fields[1]), let monthIndex = months.firstIndex(where: { $0 == fields[2] }),
              fields[3].count == 4, let year = Int(fields[3]) else { return nil }
        let time = fields[4].split(separator: ":", omittingEmptySubsequences: false)
        guard time.count == 3, time.allSatisfy({ $0.count == 2 }), let hour = Int(time[0]), let minute = Int(time[1]),
              let second = Int(time[2]), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        let days = ISO8601Timestamp.daysSinceEpoch(year: year, month: monthIndex + 1, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
    }
}
