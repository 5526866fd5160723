import ConsoleUI
import Foundation
import TestSupport

/// One thing that happens to the console in a model run: a key, a paste, a resize, a timer, or
/// the answer to a piece of background work. Each step carries what it needs (an answer carries
/// its own seed), so a sequence replays the same way whatever was cut from it while shrinking.
public enum ModelStep: Sendable, Equatable, CustomStringConvertible {
    case key(Key)
    case paste(String)
    case resize(rows: Int, columns: Int)
    case timer
    /// Answers the pending effect at `index` (modulo how many are pending) in the given way.
    case deliver(index: Int, AnswerMode, seed: UInt64)
    /// A result for work nobody asked for: another function, an old generation.
    case stray(seed: UInt64)

    public enum AnswerMode: String, Sendable, CaseIterable {
        /// Answered, and no longer pending.
        case success
        /// Failed with an AWS error.
        case failure
        /// Answered, and kept pending to be answered again.
        case twice
        /// Never answered.
        case drop
    }

    /// Swift source for the step, for a shrunk sequence to be kept as a regular test.
    public var description: String {
        switch self {
        case .key(let key): return ".key(\(Self.source(key)))"
        case .paste(let text): return ".paste(\(String(reflecting: text)))"
        case .resize(let rows, let columns): return ".resize(rows: \(rows), columns: \(columns))"
        case .timer: return ".timer"
        case .deliver(let index, let mode, let seed): return ".deliver(index: \(index), .\(mode.rawValue), seed: \(seed))"
        case .stray(let seed): return ".stray(seed: \(seed))"
        }
    }

    static func source(_ key: Key) -> String {
        switch key {
        case .character(let character): return ".character(\(String(reflecting: String(character))))"
        case .control(let character): return ".control(\(String(reflecting: String(character))))"
        case .mouseClick(let row, let column): return ".mouseClick(row: \(row), column: \(column))"
        case .paste(let text): return ".paste(\(String(reflecting: text)))"
        default: return "." + String(describing: key.caseName)
        }
    }

    /// One line of text per step, for handing sequences between processes.
    public var token: String {
        switch self {
        case .key(let key): return "K " + Self.keyToken(key)
        case .paste(let text): return "P " + Self.hex(text)
        case .resize(let rows, let columns): return "R \(rows) \(columns)"
        case .timer: return "T"
        case .deliver(let index, let mode, let seed): return "D \(index) \(mode.rawValue) \(seed)"
        case .stray(let seed): return "S \(seed)"
        }
    }

    public init?(token: String) {
        let parts = token.split(separator: " ").map(String.init)
        guard let kind = parts.first else { return nil }
        switch (kind, parts.count) {
        case ("K", 2): guard let key = Self.key(parts[1]) else { return nil }; self = .key(key)
        case ("P", 1): self = .paste("")
        case ("P", 2): guard let text = Self.unhex(parts[1]) else { return nil }; self = .paste(text)
        case ("R", 3): guard let rows = Int(parts[1]), let columns = Int(parts[2]) else { return nil }; self = .resize(rows: rows, columns: columns)
        case ("T", 1): self = .timer
        case ("D", 4):
            guard let index = Int(parts[1]), let mode = AnswerMode(rawValue: parts[2]), let seed = UInt64(parts[3]) else { return nil }
            self = .deliver(index: index, mode, seed: seed)
        case ("S", 2): guard let seed = UInt64(parts[1]) else { return nil }; self = .stray(seed: seed)
        default: return nil
        }
    }

    static func keyToken(_ key: Key) -> String {
        switch key {
        case .character(let character): return "c" + hex(String(character))
        case .control(let character): return "^" + hex(String(character))
        case .mouseClick(let row, let column): return "m\(row),\(column)"
        case .paste(let text): return "p" + hex(text)
        default: return key.caseName
        }
    }

    static func key(_ token: String) -> Key? {
        if token.hasPrefix("c"), let text = unhex(String(token.dropFirst())), let character = text.first { return .character(character) }
        if token.hasPrefix("^"), let text = unhex(String(token.dropFirst())), let character = text.first { return .control(character) }
        if token.hasPrefix("p"), let text = unhex(String(token.dropFirst())) { return .paste(text) }
        if token.hasPrefix("m") {
            let numbers = token.dropFirst().split(separator: ",").compactMap { Int($0) }
            return numbers.count == 2 ? .mouseClick(row: numbers[0], column: numbers[1]) : nil
        }
        return Key.plainKeys.first { $0.caseName == token }
    }

    static func hex(_ text: String) -> String { text.utf8.map { String(format: "%02x", $0) }.joined() }

    static func unhex(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Key {
    /// The keys without a payload, by the name their case has in source.
    static let plainKeys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
                                   .backspace, .delete, .resize, .wheelUp, .wheelDown]

    var caseName: String {
        switch self {
        case .character: "character"
        case .control: "control"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .pageUp: "pageUp"
        case .pageDown: "pageDown"
        case .home: "home"
        case .end: "end"
        case .enter: "enter"
        case .escape: "escape"
        case .tab: "tab"
        case .backTab: "backTab"
        case .backspace: "backspace"
        case .delete: "delete"
        case .resize: "resize"
        case .mouseClick: "mouseClick"
        case .wheelUp: "wheelUp"
        case .wheelDown: "wheelDown"
        case .paste: "paste"
        }
    }
}

/// The model's runs draw from the tests' one seeded generator: the same seed gives the same run.
public typealias SeededGenerator = SplitMix64
