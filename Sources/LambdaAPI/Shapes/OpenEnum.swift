import AWSCore
import FoundationEssentials

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

    public var description: String { text ?? ISO8601Timestamp.string(date) }

    public static func < (lhs: AWSTimestamp, rhs: AWSTimestamp) -> Bool { lhs.date < rhs.date }
    public static func == (lhs: AWSTimestamp, rhs: AWSTimestamp) -> Bool { lhs.date == rhs.date }
    public func hash(into hasher: inout Hasher) { hasher.combine(date) }

    /// Seconds since 1970 (as Lambda writes some times), or ISO 8601 (AWSCore's one parser).
    static func parse(_ text: String) -> Date? {
        if let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        return ISO8601Timestamp.parse(text)
    }
}
