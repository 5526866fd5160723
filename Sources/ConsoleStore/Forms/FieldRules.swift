import AWSCore
import FoundationEssentials
import LambdaAPI

/// The Lambda API Reference's constraints, checked before any call so that errors appear next
/// to the field instead of coming back from AWS.
public enum FieldRules {
    public static let memory = 128...10_240
    public static let timeout = 1...900
    public static let ephemeralStorage = 512...10_240
    /// The service's limit on all environment keys and values together.
    public static let environmentBytes = 4 * 1024
    public static let batchSize = 1...10_000
    public static let batchingWindow = 0...300

    public static let architectures = ["x86_64", "arm64"]
    public static let tracingModes = ["PassThrough", "Active"]
    public static let logFormats = ["Text", "JSON"]
    public static let logLevels = ["", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"]
    public static let invocationTypes = ["RequestResponse", "Event", "DryRun"]
    /// The runtimes the API accepts for new configuration (deprecated ones cannot be set).
    public static let runtimes = ["nodejs22.x", "nodejs20.x", "nodejs18.x", "python3.13", "python3.12", "python3.11", "python3.10", "python3.9",
                                  "java21", "java17", "java11", "java8.al2", "dotnet8", "ruby3.3", "ruby3.2", "provided.al2023", "provided.al2"]

    /// Checks every field, setting each field's error; true when the form can be sent.
    public static func validate(_ form: inout FormState) -> Bool {
        for index in form.fields.indices {
            form.fields[index].error = check(form.fields[index])
        }
        for group in Set(form.fields.compactMap { if case .pair(let group, _) = $0.kind { group } else { nil } }) {
            checkPairs(group, in: &form)
        }
        return !form.hasErrors
    }

    static func check(_ field: FormField) -> String? {
        let value = field.value.trimmingWhitespace()
        switch field.kind {
        case .text:
            return checkText(field.id, value)
        case .pair:
            return nil
        case .integer(let range, let unit, let optional):
            if value.isEmpty { return optional ? nil : "required: \(range.lowerBound) to \(range.upperBound) \(unit)" }
            guard let number = Int(value) else { return "a whole number, \(range.lowerBound) to \(range.upperBound) \(unit)" }
            return range.contains(number) ? nil : "must be \(range.lowerBound) to \(range.upperBound) \(unit)"
        case .choice(let choices, let labels):
            return choices.contains(field.value) ? nil : "one of \(choices.filter { !$0.isEmpty }.map { labels[$0] ?? $0 }.joined(separator: ", "))"
        case .json:
            if value.isEmpty { return nil }
            // AWSCore's strict parser: Foundation's accepts trailing commas that a function's own
            // JSON parser would refuse.
            do {
                _ = try JSONValue.parse(field.value)
                return nil
            } catch let error as JSONParseError {
                let before = field.value.utf8.prefix(error.offset)
                let line = before.filter { $0 == 10 }.count + 1
                let column = before.count - (before.lastIndex(of: 10).map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
                return "not valid JSON at line \(line), column \(column): \(error.reason)"
            } catch {
                return "not valid JSON"
            }
        case .confirmation(let expected):
            return field.value == expected ? nil : "type \(expected) to confirm"
        }
    }

    /// The reference's length limit (and, where it gives one, pattern) of each text field, by the
    /// field's id. A field without an entry is limited to 4,096 characters: nothing the API takes
    /// as text is longer, and a paste of a megabyte must not be sent.
    static let textLimits: [FieldID: (range: ClosedRange<Int>, rule: String?)] = [
        .description: (0...256, nil), .handler: (0...128, "no spaces"), .qualifier: (0...128, "qualifier"),
        .name: (1...128, "alias"), .version: (0...1_024, "version"), .additionalVersion: (0...1_024, "version"),
        .codeSha256: (0...128, nil), .bucket: (0...63, nil), .key: (0...1_024, nil), .objectVersion: (0...1_024, nil),
        .imageUri: (0...2_048, nil), .sourceArn: (0...1_024, nil), .saveAs: (0...100, "file name"), .custom: (0...200, nil),
        .layers: (0...(5 * 141), nil), .path: (0...4_096, nil),
    ]

    static func checkText(_ id: FieldID, _ value: String) -> String? {
        let (range, rule) = textLimits[id] ?? (0...4_096, nil)
        let length = value.count
        if length > range.upperBound { return "at most \(range.upperBound) characters (this is \(length))" }
        if length < range.lowerBound { return "required" }
        guard !value.isEmpty, let rule else { return nil }
        let bytes = Array(value.utf8)
        func isWord(_ byte: UInt8) -> Bool { isLetter(byte) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95 }
        switch rule {
        case "no spaces" where bytes.contains(where: { $0 == 32 || $0 == 9 }):
            return "no spaces"
        case "alias" where !bytes.allSatisfy(isWord) || bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }):
            return "letters, digits, - and _, not only digits"
        case "version" where value != "$LATEST" && !bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }):
            return "$LATEST or a version number"
        case "qualifier" where value != "$LATEST" && !bytes.allSatisfy(isWord):
            return "$LATEST, a version number or an alias name"
        case "file name" where bytes.contains(where: { $0 == 47 || $0 < 32 }) || value == "." || value == "..":
            return "a name without /"
        default:
            return nil
        }
    }

    /// Environment variable keys: a letter, then letters, digits and underscores; tag keys: any
    /// non-empty text. No key twice; environment variables within 4 KB together.
    static func checkPairs(_ group: PairGroup, in form: inout FormState) {
        var seen: Set<String> = []
        var total = 0
        for index in form.fields.indices where form.fields[index].isPair(of: group) && !form.fields[index].value.isEmpty {
            let parts = form.fields[index].value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).trimmingWhitespace()
            let value = parts.count > 1 ? String(parts[1]) : ""
            total += key.utf8.count + value.utf8.count
            if parts.count < 2 {
                form.fields[index].error = "write KEY=value"
            } else if group == .environment && !isEnvironmentKey(key) {
                form.fields[index].error = "key: a letter, then letters, digits, _"
            } else if group == .tags && (key.isEmpty || key.count > 128 || value.count > 256) {
                form.fields[index].error = "key 1-128 characters, value up to 256"
            } else if group == .tags && key.lowercased().hasPrefix("aws:") {
                form.fields[index].error = "keys starting with aws: are AWS's own"
            } else if group == .tags && !(isTagText(key) && isTagText(value)) {
                form.fields[index].error = "letters, digits, spaces and _ . : / = + - @ only"
            } else if !seen.insert(key).inserted {
                form.fields[index].error = "\(key) is there twice"
            }
        }
        if group == .environment, total > environmentBytes,
           let last = form.fields.lastIndex(where: { $0.isPair(of: group) && !$0.value.isEmpty }) {
            form.fields[last].error = "\(total) bytes in all; the limit is 4 KB"
        }
    }

    /// A time as a user types it: ISO 8601, or seconds since 1970.
    public static func timestamp(_ text: String) -> Double? {
        let trimmed = text.trimmingWhitespace()
        if let seconds = Double(trimmed), seconds.isFinite, seconds > 0 { return seconds }
        return ISO8601Timestamp.parse(trimmed)?.timeIntervalSince1970
    }

    /// What AWS accepts in a tag: letters and digits of any script, spaces, and `_ . : / = + - @`.
    public static func isTagText(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == " " || "_.:/=+-@".unicodeScalars.contains(scalar)
        }
    }

    /// `[a-zA-Z][a-zA-Z0-9_]+`, as the reference gives it.
    public static func isEnvironmentKey(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard bytes.count >= 2, isLetter(bytes[0]) else { return false }
        return bytes.dropFirst().allSatisfy { isLetter($0) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) }

    /// The payload pretty-printed, or as typed when it is not JSON. Through the project's own
    /// parser, so that integers beyond 2^53 keep their digits and no input traps.
    public static func prettyJSON(_ text: String) -> String {
        guard let value = try? JSONValue.parse(text) else { return text }
        return value.prettyPrinted()
    }
}
