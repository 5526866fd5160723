import ConsoleStore
import FoundationEssentials

/// The theme file format (themes/*.theme):
///
///     # comment
///     name = solarized
///     header = black on cyan bold
///     selection = reverse
///     log.error = 196 bold
///
/// Each line sets one role (see ThemeRole) to a foreground colour, optionally `on` a background,
/// then attributes (bold, dim, reverse, underline). Colours are `default`, the eight names
/// (black red green yellow blue magenta cyan white), `bright-` plus a name, or 0 to 255. Roles a
/// file leaves out keep the dark theme's style.
public enum ThemeFile {
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var key: String
        public var message: String
        public var description: String { "\(path), line \(line), \(key): \(message)" }
    }

    static let names: [String: UInt8] = ["black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7]

    public static func parse(_ text: String, path: String) throws -> Theme {
        var theme = Theme.dark
        theme.name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        for (number, line) in SettingLines.parse(text) {
            let index = number - 1
            guard case .setting(let key, let value) = line else {
                if case .malformed(let text) = line { throw Problem(path: path, line: number, key: text, message: "expected `role = colours`") }
                continue
            }
            if key == "name" {
                theme.name = value
                continue
            }
            guard let role = ThemeRole(rawValue: key) else {
                let suggestion = ThemeRole.allCases.map(\.rawValue).min { distance($0, key) < distance($1, key) } ?? ""
                throw Problem(path: path, line: index + 1, key: key, message: "no such role (did you mean \(suggestion)?)")
            }
            do {
                theme.styles[role] = try style(value)
            } catch {
                throw Problem(path: path, line: index + 1, key: key, message: error.message)
            }
        }
        return theme
    }

    static func style(_ text: String) throws(ThemeValueError) -> TextStyle {
        var style = TextStyle()
        var words = text.lowercased().split(separator: " ").map(String.init)[...]
        var settingBackground = false
        var sawForeground = false
        while let word = words.popFirst() {
            switch word {
            case "bold": style.bold = true
            case "dim": style.dim = true
            case "reverse": style.reverse = true
            case "underline": style.underline = true
            case "on": settingBackground = true
            default:
                let color = try self.color(word)
                if settingBackground { style.background = color; settingBackground = false }
                else if !sawForeground { style.foreground = color; sawForeground = true }
                else { throw ThemeValueError(message: "two foreground colours (`\(word)`); put `on` before a background") }
            }
        }
        if settingBackground { throw ThemeValueError(message: "`on` needs a colour after it") }
        return style
    }

    static func color(_ word: String) throws(ThemeValueError) -> TerminalColor {
        if word == "default" { return .terminalDefault }
        if let index = names[word] { return .indexed(index) }
        if word.hasPrefix("bright-"), let index = names[String(word.dropFirst(7))] { return .indexed(index + 8) }
        if let number = Int(word), (0...255).contains(number) { return .indexed(UInt8(number)) }
        throw ThemeValueError(message: "unknown colour `\(word)` (use a name such as cyan, bright-red, or 0 to 255)")
    }

    /// Edit distance, to suggest the role a typo meant.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}

/// What is wrong with one role's value.
struct ThemeValueError: Error {
    var message: String
}
