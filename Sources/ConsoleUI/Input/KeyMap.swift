import AWSCore
import ConsoleStore
import FoundationEssentials

/// The key tables as the user has them: the standard ones, with the bindings a `keys` file in
/// the config folder gives other keys (`lists.down = j ctrl-n`: context, binding, then the keys).
public struct KeyMap: Sendable {
    private var tables: [KeyContext: [KeyBinding]]

    public static let standard = KeyMap(tables: Dictionary(uniqueKeysWithValues: KeyContext.allCases.map { ($0, KeyTables.bindings(for: $0)) }))

    public func bindings(for context: KeyContext) -> [KeyBinding] { tables[context] ?? [] }

    public static func path(environment: [String: String]) -> String {
        AppDirectories.config(environment) + "/keys"
    }

    /// The user's map, and a sentence for each line that could not be used (the rest still apply).
    public static func load(environment: [String: String]) -> (KeyMap, [String]) {
        let path = path(environment: environment)
        do {
            guard let text = try LocalFile.readText(path) else { return (.standard, []) }
            return parse(text, path: path)
        } catch {
            return (.standard, ["The keys file \(error); using the standard keys."])
        }
    }

    public static func parse(_ text: String, path: String) -> (KeyMap, [String]) {
        var map = KeyMap.standard
        var problems: [String] = []
        for (number, line) in SettingLines.parse(text) {
            let at = "\(path), line \(number)"
            let parts: [String] = switch line {
            case .setting(let key, let value): [key, value]
            case .malformed(let text): [text]
            }
            let name = parts[0].split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, name.count == 2 else {
                problems.append("\(at): expected `context.binding = keys`, as in `lists.down = j ctrl-n`")
                continue
            }
            guard let context = KeyContext.allCases.first(where: { $0.id == name[0] }) else {
                problems.append("\(at): no context `\(name[0])`; there are \(KeyContext.allCases.map(\.id).joined(separator: ", "))")
                continue
            }
            var bindings = map.bindings(for: context)
            guard let position = bindings.firstIndex(where: { $0.id == name[1] }) else {
                problems.append("\(at): `\(context.id)` has no binding `\(name[1])` (? lists them)")
                continue
            }
            let words = parts[1].split(separator: " ").map(String.init)
            let keys = words.compactMap(Key.named)
            if let unknown = words.first(where: { Key.named($0) == nil }) {
                problems.append("\(at): `\(unknown)` is not a key (a letter, ctrl-x, Enter, Esc, Tab, shift-Tab, space, Backspace, "
                                + "Home, End, PgUp, PgDn, up, down, left, right)")
                continue
            }
            guard !keys.isEmpty else {
                problems.append("\(at): no keys for `\(parts[0])`")
                continue
            }
            // A key already meaning something else where this binding works would make one of them unreachable.
            let clash = keys.lazy.compactMap { key in
                bindings.indices.first { $0 != position && bindings[$0].keys.contains(key) }.map { (key, bindings[$0]) }
            }.first
            if let (key, other) = clash {
                problems.append("\(at): \(key) is already `\(context.id).\(other.id)` (\(other.help)); change that one too, or choose another key")
                continue
            }
            bindings[position].keys = keys
            map.tables[context] = bindings
        }
        return (map, problems)
    }
}

extension Key {
    /// The key a `keys` file names: as the help writes it, or a letter.
    static func named(_ text: String) -> Key? {
        if text.count == 1, let character = text.first { return .character(character) }
        let lowered = text.lowercased()
        if lowered.hasPrefix("ctrl-"), lowered.count == 6, let letter = lowered.last, letter.isLetter { return .control(letter) }
        let names: [String: Key] = [
            "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab, "shift-tab": .backTab,
            "backspace": .backspace, "del": .delete, "delete": .delete, "space": .character(" "), "home": .home, "end": .end,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
            "up": .up, "down": .down, "left": .left, "right": .right, "↑": .up, "↓": .down, "←": .left, "→": .right,
        ]
        return names[lowered]
    }
}
