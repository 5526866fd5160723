/// Every pane's columns by name: what a table sorts by and what the view titles and fills
/// (`PaneColumns` says how). A column shared by several panes (name, modified) is one case; the
/// functions filter's field terms (`runtime:`, `state:`, `arch:`, `memory:`) are these names.
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
    // The functions list's metric columns (`m`).
    case invocations, errors, p99, throttles, cost
    // The fleet view's (`:region all`, `:fleet`).
    case profile, region, account
    // The layers view's.
    case latest, runtimes, created, license, usedBy

    /// A metric column: sorting or filtering by it needs every function's metrics.
    public var isMetric: Bool { [.invocations, .errors, .p99, .throttles, .cost].contains(self) }
}
