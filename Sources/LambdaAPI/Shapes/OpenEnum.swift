import AWSCore
import Foundation

/// A string enumeration that AWS extends over time (runtimes, states, reasons): known values have
/// names, and a value this build has never heard of still decodes instead of failing the page.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible, JSONValueDecodable where RawValue == String {
    init(rawValue: String)
}

extension OpenEnum {
    public init(json: JSONValue) throws {
        self.init(rawValue: try String(json: json))
    }

    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A point in time as Lambda sends it: ISO 8601 text ("2024-05-01T12:00:00.000+0000") in function
/// configurations, epoch seconds in event source mappings. The original text is kept for display
/// and round trips.
public struct AWSTimestamp: Codable, Hashable, Sendable, Comparable, CustomStringConvertible, JSONValueDecodable {
    public var date: Date
    private var text: String?

    public init(_ date: Date) {
        self.date = date
    }

    public init?(text: String) {
        guard let date = Self.parse(text) else { return nil }
        self.date = date
        self.text = text
    }

    public init(json: JSONValue) throws {
        switch json {
        case .number(let seconds):
            date = Date(timeIntervalSince1970: seconds)
        case .string(let text):
            guard let date = Self.parse(text) else {
                throw JSONShapeError(path: [], expected: "a timestamp", found: "\"\(text)\"")
            }
            self.date = date
            self.text = text
        default:
            throw JSONShapeError(path: [], expected: "a timestamp", found: "another type")
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            date = Date(timeIntervalSince1970: seconds)
        } else {
            let text = try container.decode(String.self)
            guard let date = Self.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a timestamp: \(text)")
            }
            self.date = date
            self.text = text
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let text { try container.encode(text) } else { try container.encode(date.timeIntervalSince1970) }
    }

    public var description: String { text ?? ISO8601DateFormatter().string(from: date) }

    public static func < (lhs: AWSTimestamp, rhs: AWSTimestamp) -> Bool { lhs.date < rhs.date }
    public static func == (lhs: AWSTimestamp, rhs: AWSTimestamp) -> Bool { lhs.date == rhs.date }
    public func hash(into hasher: inout Hasher) { hasher.combine(date) }

    /// Parses ISO 8601 with or without fractional seconds, with "Z", "+00:00" or "+0000".
    static func parse(_ text: String) -> Date? {
        if let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        let utf8 = Array(text.utf8)
        guard utf8.count >= 19 else { return nil }
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
        if index < utf8.count, utf8[index] == UInt8(ascii: "+") || utf8[index] == UInt8(ascii: "-") {
            let sign = utf8[index] == UInt8(ascii: "-") ? -1 : 1
            let rest = String(decoding: utf8[(index + 1)...], as: UTF8.self).replacingOccurrences(of: ":", with: "")
            guard rest.count == 4, let value = Int(rest) else { return nil }
            offset = sign * ((value / 100) * 3600 + (value % 100) * 60)
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        let seconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds - offset) + fraction)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil): a
    /// Calendar round trip per timestamp was a visible share of decoding a page.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
