import AWSCore
import FoundationEssentials

/// A log event as the live tail shows it: its time, the version from its stream name
/// (`2026/11/25/[3]abc…` is version 3), its level, and for JSON logs the level and message first.
public struct TailLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case start, end, report, message }

    public var timestamp: Int64
    public var id: String
    public var stream: String
    public var version: String?
    public var kind: Kind
    /// ERROR, WARN, INFO, DEBUG... when the line says.
    public var level: String?
    /// What is shown: the message, or a JSON log line compacted.
    public var text: String
    /// From an invocation's LogResult: shown at once, replaced when CloudWatch delivers the same line.
    public var provisional = false

    public init(_ line: LogLine) {
        timestamp = line.timestamp
        id = line.id
        stream = line.stream
        version = Self.version(ofStream: line.stream)
        let message = line.message.trimmingNewlines()
        kind = message.hasPrefix("START RequestId") ? .start : message.hasPrefix("END RequestId") ? .end
            : message.hasPrefix("REPORT RequestId") ? .report : .message
        if message.first == "{", let json = try? JSONValue.parse(message), case .object(let members) = json {
            // LoggingConfig.LogFormat=JSON: level and message first, the rest compact after them.
            level = (json["level"]?.stringValue ?? json["log.level"]?.stringValue)?.uppercased()
            let body = json["message"].map { $0.stringValue ?? $0.serialized } ?? ""
            let rest = members.filter { !["level", "message", "timestamp", "time"].contains($0.key) }
            text = [level, body.isEmpty ? nil : body, rest.isEmpty ? nil : JSONValue.object(rest).serialized].compactMap { $0 }.joined(separator: " ")
        } else {
            level = Self.level(in: message)
            text = message.replacing("\t", with: "  ")
        }
    }

    static func version(ofStream stream: String) -> String? {
        guard let open = stream.firstIndex(of: "["), let close = stream[open...].firstIndex(of: "]") else { return nil }
        return String(stream[stream.index(after: open)..<close])
    }

    /// The level a text line names: `[ERROR]`, `ERROR`, `level=error`...
    static func level(in message: String) -> String? {
        let head = message.prefix(200).uppercased()
        for level in ["ERROR", "FATAL", "WARN", "INFO", "DEBUG"] where head.contains(level) { return level == "FATAL" ? "ERROR" : level }
        return head.contains("TASK TIMED OUT") ? "ERROR" : nil
    }

    public var isError: Bool { level == "ERROR" }
    public var isWarning: Bool { level == "WARN" }
}
