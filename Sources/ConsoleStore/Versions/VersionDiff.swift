import FoundationEssentials
import LambdaAPI

/// Two versions of a function side by side (`d` on the versions pane): the configuration
/// fields that differ, then their code: the same CodeSha256, or the files added, removed and
/// changed (both packages downloaded), and a chosen file's lines.
public struct VersionDiffState: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var label: String
        public var old: String
        public var new: String
    }

    public enum Code: Sendable, Equatable {
        case same(String)
        case comparing
        case compared(PackageComparison)
        case failed(String)
    }

    public enum FileDiff: Sendable, Equatable {
        case loading(String)
        case lines(String, [LineDiff.Line])
        case failed(String, String)
    }

    public var function: String
    public var old: String
    public var new: String
    public var changes: [Change]
    public var code: Code
    /// The file under the cursor in the code section's list.
    public var fileCursor = 0
    public var file: FileDiff?
    public var scroll = 0

    public init(function: String, old: FunctionConfiguration, new: FunctionConfiguration) {
        self.function = function
        self.old = old.version ?? "?"
        self.new = new.version ?? "?"
        changes = Self.changes(old, new)
        if let sha = new.codeSha256, sha == old.codeSha256 { code = .same(sha) } else { code = .comparing }
    }

    /// The files the code section lists, in its order: changed, added, removed.
    public var files: [(path: String, kind: LineDiff.Kind?)] {
        guard case .compared(let comparison) = code else { return [] }
        return comparison.changed.map { ($0, nil) } + comparison.added.map { ($0, .added) } + comparison.removed.map { ($0, .removed) }
    }

    /// Every field a person would compare, environment values never shown: only whether they differ.
    static func changes(_ a: FunctionConfiguration, _ b: FunctionConfiguration) -> [Change] {
        func fields(_ c: FunctionConfiguration) -> [(String, String)] {
            var list: [(String, String)] = [
                ("Description", c.description ?? ""), ("Runtime", c.runtime?.rawValue ?? c.packageType?.rawValue ?? ""),
                ("Handler", c.handler ?? ""), ("Memory", c.memorySize.map { "\($0) MB" } ?? ""), ("Timeout", c.timeout.map { "\($0) s" } ?? ""),
                ("Architecture", c.architectures?.map(\.rawValue).joined(separator: ", ") ?? ""), ("Role", c.role ?? ""),
                ("Code SHA-256", c.codeSha256 ?? ""), ("Code size", Formatting.bytes(c.codeSize)),
                ("Layers", (c.layers ?? []).compactMap(\.arn).joined(separator: ", ")),
                ("VPC", c.vpcConfig?.vpcId ?? ""), ("Subnets", c.vpcConfig?.subnetIds?.joined(separator: ", ") ?? ""),
                ("Ephemeral storage", c.ephemeralStorage.map { "\($0.size) MB" } ?? ""),
                ("Tracing", c.tracingConfig?.mode?.rawValue ?? ""), ("Log format", c.loggingConfig?.logFormat?.rawValue ?? ""),
                ("Dead-letter queue", c.deadLetterConfig?.targetArn ?? ""),
            ]
            let variables = c.environment?.variables ?? [:]
            for key in variables.keys.sorted() { list.append(("env " + key, "set")) }
            return list
        }
        let before = Dictionary(fields(a), uniquingKeysWith: { $1 }), after = Dictionary(fields(b), uniquingKeysWith: { $1 })
        var changes: [Change] = []
        for label in (fields(a) + fields(b).filter({ before[$0.0] == nil })).map(\.0) {
            let old = before[label] ?? "", new = after[label] ?? ""
            if label.hasPrefix("env ") {
                // The values are compared, never shown.
                let key = String(label.dropFirst(4))
                let was = a.environment?.variables?[key], now = b.environment?.variables?[key]
                guard was != now else { continue }
                changes.append(Change(label: label, old: was == nil ? "(not set)" : "••••••••", new: now == nil ? "(removed)" : "•••••••• (changed)"))
                continue
            }
            if old != new { changes.append(Change(label: label, old: old.isEmpty ? "(none)" : old, new: new.isEmpty ? "(none)" : new)) }
        }
        return changes
    }
}
