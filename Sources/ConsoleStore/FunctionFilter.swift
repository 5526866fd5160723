import LambdaAPI

/// What `/` filters functions by: words that must all match. A plain word matches the name
/// (substring first, then fuzzy: its letters in order), the description or the runtime;
/// `runtime:python3.12`, `tag:team=payments` (or `tag:team`), `state:failed`, `arch:arm64` and
/// `memory:>=1024` narrow by one field, as do the metric columns' `invocations:`, `errors:>0`,
/// `p99:>1000` (milliseconds), `throttles:` and `cost:>1` (a day).
public struct FunctionFilter: Sendable, Equatable {
    enum Term: Sendable, Equatable {
        case word([UInt8])
        case runtime(String)
        case tag(key: String, value: String?)
        case state(String)
        case architecture(String)
        case memory(comparison: String, megabytes: Int)
        /// `errors:>0`, `p99:>=1000`, `cost:>1`: a metric column's figure (rows not read yet fail it).
        case metric(ListMetric, comparison: String, value: Double)
    }

    let terms: [Term]
    /// The text, lowered, as typed.
    let source: String

    public init(_ text: String) {
        source = text.lowercased()
        terms = text.split(separator: " ").map { Self.term(String($0)) }
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// Whether every function this filter passes also passed `earlier`'s text, so that a letter
    /// typed need only test the rows shown before it. True when this one only adds letters to
    /// plain words (or adds words): each word matches by substring, subsequence or prefix, all of
    /// which a longer word implies. A field term (`memory:>=1` then `memory:>=10`) is not so.
    public func narrows(_ earlier: String) -> Bool {
        !earlier.isEmpty && source.hasPrefix(earlier.lowercased()) && !source.contains(":")
    }

    /// Whether a term asks for metrics, which only a read of every function's metrics can answer.
    public var usesMetrics: Bool { terms.contains { if case .metric = $0 { true } else { false } } }

    /// Whether a term asks for tags, which only a read of every function's tags can answer.
    public var usesTags: Bool { terms.contains { if case .tag = $0 { true } else { false } } }

    static func term(_ word: String) -> Term {
        let lowered = word.lowercased()
        guard let colon = lowered.firstIndex(of: ":") else { return .word(Array(lowered.utf8)) }
        let name = lowered[..<colon]
        let value = String(lowered[lowered.index(after: colon)...])
        switch ColumnID(rawValue: String(name)) {
        case .runtime?: return .runtime(value)
        case .state?: return .state(value)
        case .arch?: return .architecture(value)
        case .memory?:
            let comparison = String(value.prefix { "<>=".contains($0) })
            if let megabytes = Int(value.dropFirst(comparison.count)) {
                return .memory(comparison: comparison.isEmpty ? "=" : comparison, megabytes: megabytes)
            }
            return .word(Array(lowered.utf8))
        case let column? where column.isMetric:
            let comparison = String(value.prefix { "<>=".contains($0) })
            guard let metric = ListMetric.allCases.first(where: { $0.column == column }),
                  let number = Double(value.dropFirst(comparison.count)), number.isFinite else { return .word(Array(lowered.utf8)) }
            return .metric(metric, comparison: comparison.isEmpty ? "=" : comparison, value: number)
        case nil where name == "tag":
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            return .tag(key: parts.first ?? "", value: parts.count > 1 ? parts[1] : nil)
        default:
            return .word(Array(lowered.utf8))
        }
    }

    public func matches(_ function: some FunctionListing, tags: [String: String] = [:]) -> Bool {
        matches(text: FunctionSearchText(function), tags: { tags })
    }

    /// Reads only the function's search text, lowered once when the functions arrived (copying
    /// whole configurations per row cost most of a keystroke); `tags` is asked for only by `tag:`.
    public func matches(text search: FunctionSearchText, tags: () -> [String: String],
                        metric: (ListMetric) -> Double? = { _ in nil }) -> Bool {
        // A loop, not `allSatisfy`: a closure capturing `search` copied it, six retains a row.
        for term in terms where !Self.matches(term, search, tags, metric) { return false }
        return true
    }

    static func compare<Value: Comparable>(_ value: Value, _ comparison: String, _ limit: Value) -> Bool {
        switch comparison {
        case ">": value > limit
        case ">=": value >= limit
        case "<": value < limit
        case "<=": value <= limit
        default: value == limit
        }
    }

    private static func matches(_ term: Term, _ search: FunctionSearchText, _ tags: () -> [String: String],
                                _ metric: (ListMetric) -> Double?) -> Bool {
        switch term {
        case .word(let bytes):
            return search.with(.name) { contains($0, bytes) || fuzzy(bytes, in: $0) }
                || search.with(.description) { contains($0, bytes) } || search.with(.runtime) { $0.starts(with: bytes) }
        case .runtime(let runtime): return search.with(.runtime) { $0.starts(with: runtime.utf8) }
        case .state(let state): return search.equals(.state, state) || search.equals(.lastUpdateStatus, state)
        case .architecture(let architecture): return search.equals(.architecture, architecture)
        case .tag(let key, let value):
            guard let found = tags().first(where: { $0.key.lowercased() == key }) else { return false }
            return value.map { found.value.lowercased() == $0 } ?? true
        case .memory(let comparison, let megabytes):
            guard let memory = search.memory else { return false }
            return compare(memory, comparison, megabytes)
        case .metric(let which, let comparison, let limit):
            guard let figure = metric(which) else { return false }
            return compare(figure, comparison, limit)
        }
    }

    /// The letters of `pattern` appear in `text` in order ("pcc" finds "payments-charge-card").
    static func fuzzy(_ pattern: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        for byte in text where index < pattern.count && byte == pattern[index] { index += 1 }
        return index == pattern.count
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}

/// A function's name, description, runtime, states and architecture, lowered once when the
/// functions arrive rather than on every keystroke of the filter. All in one byte buffer: six
/// arrays and strings a row cost 350 bytes, a third of a 50,000-function list's memory, and six
/// retains wherever a row was passed.
public struct FunctionSearchText: Sendable {
    /// name, description, runtime, state, last update status, architecture, one after another.
    private let bytes: [UInt8]
    /// Where each part ends in `bytes`.
    private let ends: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    let memory: Int?

    public init(_ function: some FunctionListing) {
        let parts = [function.functionName ?? "", function.description ?? "", function.runtime?.rawValue ?? "",
                     function.state?.rawValue ?? "", function.lastUpdateStatus?.rawValue ?? "",
                     (function.architectures?.first ?? .x86_64).rawValue]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
        var ends: [UInt32] = []
        for part in parts {
            bytes += part.lowercased().utf8
            ends.append(UInt32(truncatingIfNeeded: bytes.count))
        }
        self.bytes = bytes
        self.ends = (ends[0], ends[1], ends[2], ends[3], ends[4], ends[5])
        memory = function.memorySize
    }

    enum Part: Int { case name, description, runtime, state, lastUpdateStatus, architecture }

    private func range(_ part: Part) -> Range<Int> {
        let (start, end): (UInt32, UInt32) = switch part {
        case .name: (0, ends.0)
        case .description: (ends.0, ends.1)
        case .runtime: (ends.1, ends.2)
        case .state: (ends.2, ends.3)
        case .lastUpdateStatus: (ends.3, ends.4)
        case .architecture: (ends.4, ends.5)
        }
        return Int(start)..<Int(end)
    }

    /// Reads one part without copying it.
    func with<Result>(_ part: Part, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = range(part)
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The lowered name, for tests and callers that want an array.
    public var name: [UInt8] { Array(bytes[range(.name)]) }

    func equals(_ part: Part, _ text: String) -> Bool { with(part) { $0.elementsEqual(text.utf8) } }
}
