import LambdaAPI

/// What `/` filters functions by: words that must all match. A plain word matches the name
/// (substring first, then fuzzy: its letters in order), the description or the runtime;
/// `runtime:python3.12`, `tag:team=payments` (or `tag:team`), `state:failed`, `arch:arm64` and
/// `memory:>=1024` narrow by one field.
public struct FunctionFilter: Sendable, Equatable {
    enum Term: Sendable, Equatable {
        case word(String)
        case runtime(String)
        case tag(key: String, value: String?)
        case state(String)
        case architecture(String)
        case memory(comparison: String, megabytes: Int)
    }

    let terms: [Term]

    public init(_ text: String) {
        terms = text.split(separator: " ").map { Self.term(String($0)) }
    }

    public var isEmpty: Bool { terms.isEmpty }

    static func term(_ word: String) -> Term {
        let lowered = word.lowercased()
        guard let colon = lowered.firstIndex(of: ":") else { return .word(lowered) }
        let name = lowered[..<colon]
        let value = String(lowered[lowered.index(after: colon)...])
        switch name {
        case "runtime": return .runtime(value)
        case "state": return .state(value)
        case "arch": return .architecture(value)
        case "tag":
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            return .tag(key: parts.first ?? "", value: parts.count > 1 ? parts[1] : nil)
        case "memory":
            let comparison = String(value.prefix { "<>=".contains($0) })
            if let megabytes = Int(value.dropFirst(comparison.count)) {
                return .memory(comparison: comparison.isEmpty ? "=" : comparison, megabytes: megabytes)
            }
            return .word(lowered)
        default:
            return .word(lowered)
        }
    }

    public func matches(_ function: FunctionConfiguration, tags: [String: String] = [:]) -> Bool {
        terms.allSatisfy { term in
            switch term {
            case .word(let word):
                let name = (function.functionName ?? "").lowercased()
                return name.contains(word) || Self.fuzzy(word, in: name)
                    || (function.description ?? "").lowercased().contains(word)
                    || (function.runtime?.rawValue ?? "").lowercased().hasPrefix(word)
            case .runtime(let runtime): return (function.runtime?.rawValue ?? "").lowercased().hasPrefix(runtime)
            case .state(let state):
                return (function.state?.rawValue ?? "").lowercased() == state
                    || (function.lastUpdateStatus?.rawValue ?? "").lowercased() == state
            case .architecture(let architecture):
                return (function.architectures ?? [.x86_64]).contains { $0.rawValue.lowercased() == architecture }
            case .tag(let key, let value):
                guard let found = tags.first(where: { $0.key.lowercased() == key }) else { return false }
                return value.map { found.value.lowercased() == $0 } ?? true
            case .memory(let comparison, let megabytes):
                guard let memory = function.memorySize else { return false }
                switch comparison {
                case ">": return memory > megabytes
                case ">=": return memory >= megabytes
                case "<": return memory < megabytes
                case "<=": return memory <= megabytes
                default: return memory == megabytes
                }
            }
        }
    }

    /// The letters of `pattern` appear in `text` in order ("pcc" finds "payments-charge-card").
    static func fuzzy(_ pattern: String, in text: String) -> Bool {
        var remaining = pattern.unicodeScalars.makeIterator()
        var wanted = remaining.next()
        for scalar in text.unicodeScalars where scalar == wanted {
            wanted = remaining.next()
            if wanted == nil { return true }
        }
        return wanted == nil
    }
}
