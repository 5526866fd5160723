import Foundation

/// One AWS shared config or credentials file: sections of `key = value`, where a key with an
/// empty value opens indented sub-keys (`lambda =` then `  endpoint_url = ...`), stored as
/// `lambda.endpoint_url`.
public struct ConfigFile: Sendable, Equatable {
    public var sections: [String: [String: String]]

    public init(sections: [String: [String: String]] = [:]) {
        self.sections = sections
    }

    /// Reads `path`; a missing file is an empty one, as for the CLI. A folder, a file over 1 MiB
    /// (`/dev/zero`) or one that gives nothing (a FIFO) is an error, not a trap or a hang.
    public static func load(path: String) throws -> ConfigFile {
        do {
            guard let text = try LocalFile.readText(path) else { return ConfigFile() }
            return try parse(text, path: path)
        } catch let error as LocalFileError {
            throw ConfigError(path: path, line: 0, message: error.problem)
        }
    }

    public static func parse(_ text: String, path: String) throws -> ConfigFile {
        var file = ConfigFile()
        var section: String?
        var parentKey: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.replacingOccurrences(of: "\r", with: "")
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]") else {
                    throw ConfigError(path: path, line: index + 1, message: "a section header must end with ']'")
                }
                let name = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                section = name
                parentKey = nil
                file.sections[name, default: [:]] = file.sections[name] ?? [:]
                continue
            }
            guard let current = section else {
                throw ConfigError(path: path, line: index + 1, message: "a setting comes before any [section]")
            }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw ConfigError(path: path, line: index + 1, message: "expected 'key = value'")
            }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = stripInlineComment(trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces))
            let indented = line.first == " " || line.first == "\t"
            if indented, let parentKey {
                file.sections[current]?["\(parentKey).\(key)"] = value
            } else {
                file.sections[current]?[key] = value
                parentKey = value.isEmpty ? key : nil
            }
        }
        return file
    }

    // The CLI treats " #" or " ;" after a value as the start of a comment.
    private static func stripInlineComment(_ value: String) -> String {
        for marker in [" #", " ;", "\t#", "\t;"] {
            if let range = value.range(of: marker) {
                return value[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            }
        }
        return value
    }
}

/// A config file that cannot be used, with where and why.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(path), line \(line): \(message)" : "\(path) \(message)"
    }
}
