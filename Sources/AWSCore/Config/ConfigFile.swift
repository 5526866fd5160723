import FoundationEssentials

/// One AWS shared config or credentials file, read exactly as botocore reads it (Python's
/// `RawConfigParser` with its defaults): `key = value` or `key: value`, keys lowercased, `#` and
/// `;` comment whole lines only (never the end of a value), a line indented deeper than its key
/// continues the value, a key with an empty value followed by indented `sub = value` lines is a
/// nested block (stored as `key.sub`), a section or key given twice is an error, `[DEFAULT]`
/// gives every section its values, and line endings may be CRLF.
public struct ConfigFile: Sendable, Equatable {
    /// By the section's header as written (`profile dev`, `default`, `services local`).
    public var sections: [String: [String: String]]
    /// Section headers in the order the file gives them: later ones win where two mean the same
    /// profile (`[default]` and `[profile default]`).
    public var order: [String]

    public init(sections: [String: [String: String]] = [:], order: [String]? = nil) {
        self.sections = sections
        self.order = order ?? sections.keys.sorted()
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
        var raw: [String: [(key: String, lines: [String])]] = [:]
        var order: [String] = []
        var defaults: [(key: String, lines: [String])] = []
        var section: String?
        var inDefaults = false
        var option: Int?  // index of the key being read in its section
        var indentOfKey = Int.max
        var seenKeys: Set<String> = []
        // Universal newlines, as Python reads the file: CRLF and a lone CR end lines too.
        let lines = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        func append(_ line: String) {
            guard let option else { return }
            if inDefaults { defaults[option].lines.append(line) } else if let section { raw[section]?[option].lines.append(line) }
        }
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            let trimmed = rawLine.trimmingWhitespace()
            let isComment = trimmed.hasPrefix("#") || trimmed.hasPrefix(";")
            if trimmed.isEmpty || isComment {
                // A blank line inside a value is kept (joined as a newline); a comment is not.
                if !isComment { append("") }
                continue
            }
            let indent = rawLine.prefix { $0 == " " || $0 == "\t" }.count
            if option != nil, indent > indentOfKey {
                append(trimmed)
                continue
            }
            indentOfKey = indent
            if trimmed.hasPrefix("["), let close = trimmed.dropFirst().lastIndex(of: "]") {
                let name = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
                guard !name.isEmpty else { throw ConfigError(path: path, line: number, message: "a section header needs a name between [ and ]") }
                option = nil
                if name == "DEFAULT" {
                    inDefaults = true
                    continue
                }
                inDefaults = false
                guard raw[name] == nil else { throw ConfigError(path: path, line: number, message: "section [\(name)] is given twice") }
                raw[name] = []
                order.append(name)
                section = name
                continue
            }
            if trimmed.hasPrefix("["), !trimmed.contains("]") {
                throw ConfigError(path: path, line: number, message: "a section header must end with ']'")
            }
            guard section != nil || inDefaults else {
                throw ConfigError(path: path, line: number, message: "a setting comes before any [section]")
            }
            guard let delimiter = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw ConfigError(path: path, line: number, message: "expected 'key = value'")
            }
            let key = trimmed[..<delimiter].trimmingWhitespace().lowercased()
            guard !key.isEmpty else { throw ConfigError(path: path, line: number, message: "a setting needs a name before '='") }
            let value = trimmed[trimmed.index(after: delimiter)...].trimmingWhitespace()
            let scope = inDefaults ? "DEFAULT" : section ?? ""
            guard seenKeys.insert(scope + "\u{0}" + key).inserted else {
                throw ConfigError(path: path, line: number, message: "\(key) is set twice in [\(scope)]")
            }
            if inDefaults {
                defaults.append((key, [value]))
                option = defaults.count - 1
            } else if let section {
                raw[section]?.append((key, [value]))
                option = (raw[section]?.count ?? 1) - 1
            }
        }
        var file = ConfigFile(sections: [:], order: order)
        for name in order {
            var values: [String: String] = [:]
            for (key, valueLines) in defaults + (raw[name] ?? []) {
                var joined = valueLines.joined(separator: "\n")
                while joined.last?.isWhitespace == true { joined.removeLast() }
                values.removeValue(forKey: key)
                values = values.filter { !$0.key.hasPrefix(key + ".") }
                if joined.hasPrefix("\n") {
                    // A nested block: `sub = value` on each line.
                    for line in joined.split(separator: "\n") {
                        let entry = line.trimmingWhitespace()
                        guard !entry.isEmpty else { continue }
                        guard let equals = entry.firstIndex(of: "=") else {
                            throw ConfigError(path: path, line: 0, message: "the block under \(key) in [\(name)] needs 'name = value' on each line")
                        }
                        let sub = entry[..<equals].trimmingWhitespace()
                        values["\(key).\(sub)"] = entry[entry.index(after: equals)...].trimmingWhitespace()
                    }
                } else {
                    values[key] = joined
                }
            }
            file.sections[name] = values
        }
        return file
    }
}

/// A config file that cannot be used, with where and why.
public struct ConfigError: LocalizedError, Sendable, Equatable, CustomStringConvertible {
    public var errorDescription: String? { description }
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
