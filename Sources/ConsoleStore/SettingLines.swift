/// The console's own small files (config, keys, themes) are `key = value` lines with one comment
/// rule: a line whose first non-blank character is `#` is a comment; a `#` anywhere else is text
/// (a key bound to `#`). The AWS config files follow botocore's rules instead (`ConfigFile`).
public enum SettingLines {
    public enum Line: Equatable, Sendable {
        case setting(key: String, value: String)
        /// A line that is neither blank, a comment nor `key = value`.
        case malformed(String)
    }

    /// Each meaningful line with its number (from 1).
    public static func parse(_ text: String) -> [(number: Int, line: Line)] {
        var lines: [(Int, Line)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let equals = line.firstIndex(of: "=") else {
                lines.append((index + 1, .malformed(line)))
                continue
            }
            lines.append((index + 1, .setting(key: line[..<equals].trimmingWhitespace(),
                                              value: line[line.index(after: equals)...].trimmingWhitespace())))
        }
        return lines
    }

    /// `text` with `key` set to `value`: the last line that sets it is changed in place (comments,
    /// order and the other lines kept); a key not there is added at the end.
    public static func setting(_ key: String, to value: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let target = parse(text).last { entry in
            if case .setting(let found, _) = entry.line { return found == key }
            return false
        }
        if let target, lines.indices.contains(target.number - 1) {
            lines[target.number - 1] = "\(key) = \(value)"
            return lines.joined(separator: "\n")
        }
        let body = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        return body + "\(key) = \(value)\n"
    }
}
