import LambdaAPI

/// Every pane's columns by name: what a table sorts by, what the digit keys choose, what the
/// view titles and fills. A column shared by several panes (name, modified) is one case.
public enum ColumnID: String, CaseIterable, Sendable, Hashable {
    // Functions.
    case name, runtime, memory, timeout, arch, type, size, modified, state, description
    // Versions.
    case version, aliases, sha
    // Aliases (their primary version sorts as `version`).
    case additional, weight
    // Event source mappings.
    case source, batch, result, uuid
    // Logs and log streams.
    case time, message, last

    /// The digit that sorts the functions list by it, `1`–`9` then `0`.
    public static let functionSortDigits: [ColumnID] = [.name, .runtime, .memory, .timeout, .size, .modified, .state, .arch, .type, .description]

    /// The column as a sentence says it ("sort by code size").
    public var sortName: String {
        switch self {
        case .size: "code size"
        case .modified: "last modified"
        case .arch: "architecture"
        case .type: "package type"
        default: rawValue
        }
    }

    /// How a function's row sorts by this column.
    public func sortKey(_ function: FunctionConfiguration) -> SortKey {
        switch self {
        case .runtime: function.runtime.map { .text($0.rawValue) } ?? function.packageType.map { .text($0.rawValue) } ?? .none
        case .memory: function.memorySize.map { .number(Double($0)) } ?? .none
        case .timeout: function.timeout.map { .number(Double($0)) } ?? .none
        case .arch: .text(function.architectures?.first?.rawValue ?? "x86_64")
        case .type: function.packageType.map { .text($0.rawValue) } ?? .none
        case .size: function.codeSize.map { .number(Double($0)) } ?? .none
        case .modified: function.lastModified.map { .number($0.date.timeIntervalSince1970) } ?? .none
        case .state: .text(function.state?.rawValue ?? "")
        case .description: function.description.map { .text($0) } ?? .none
        case .version: .number(Double(function.version ?? "") ?? Double.greatestFiniteMagnitude)
        default: .text(function.functionName ?? "")
        }
    }
}
