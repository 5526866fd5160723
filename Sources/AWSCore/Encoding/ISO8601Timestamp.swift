import Foundation

/// The one reader of ISO 8601 times, as AWS and the AWS CLI write them: `2026-11-25T10:00:00Z`,
/// with or without fractional seconds, with `Z`, `+00:00`, `+0000` or (older CLIs' SSO cache)
/// `UTC`. Byte by byte: a Calendar or a formatter per timestamp was a visible share of decoding
/// a page of functions.
public enum ISO8601Timestamp {
    public static func parse(_ text: String) -> Date? {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 19, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"), utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: " "),
              utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard index < utf8.count, utf8[index] >= 48, utf8[index] <= 57 else { return nil }
                value = value * 10 + Int(utf8[index] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else { return nil }
        var index = 19
        var fraction = 0.0
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < utf8.count, utf8[index] >= 48, utf8[index] <= 57 {
                fraction += Double(utf8[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offset = 0
        let zone = String(decoding: utf8[index...], as: UTF8.self)
        if let sign = zone.first, sign == "+" || sign == "-" {
            let digits = zone.dropFirst().replacingOccurrences(of: ":", with: "")
            guard digits.count == 4, digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
            offset = (sign == "-" ? -1 : 1) * ((value / 100) * 3600 + (value % 100) * 60)
        } else if !["", "Z", "z", "UTC"].contains(zone) {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        let seconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds - offset) + fraction)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
