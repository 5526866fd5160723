import AWSCore
import FoundationEssentials
import LambdaAPI

/// One list of the fleet view: a profile in a region (nil: the profile's own region).
public struct FleetSource: Hashable, Sendable, CustomStringConvertible {
    public var profile: String
    public var region: String?
    /// Another account and role of the profile's SSO login, with the account's name.
    public var ssoAccount: SSOAccountRole?
    public var accountName: String?

    public init(profile: String, region: String?, ssoAccount: SSOAccountRole? = nil, accountName: String? = nil) {
        self.profile = profile
        self.region = region
        self.ssoAccount = ssoAccount
        self.accountName = accountName
    }

    public var description: String { region.map { "\(label)@\($0)" } ?? label }

    /// What the PROFILE column says: the profile, or the SSO account's name and role.
    public var label: String {
        guard let ssoAccount else { return profile }
        return "\(accountName ?? ssoAccount.accountID) (\(ssoAccount.roleName))"
    }
}

/// Which functions the fleet view lists: every region of one profile (`:region all`), or each
/// named profile in its own region (`:fleet`).
public enum FleetScope: Sendable, Equatable {
    case regions(profile: String, [String])
    case profiles([String])
    /// Every account of an SSO profile's login (`:fleet sso`), each with one of its roles.
    case ssoAccounts(profile: String, [FleetSource])

    public var sources: [FleetSource] {
        switch self {
        case .regions(let profile, let regions): regions.map { FleetSource(profile: profile, region: $0) }
        case .profiles(let profiles): profiles.map { FleetSource(profile: $0, region: nil) }
        case .ssoAccounts(_, let sources): sources
        }
    }

    public var title: String {
        switch self {
        case .regions(let profile, let regions): "All regions · profile \(profile) · \(regions.count) regions"
        case .profiles(let profiles): "Fleet · \(profiles.count) profiles"
        case .ssoAccounts(let profile, let sources): "Fleet · \(sources.count) accounts of \(profile)'s SSO login"
        }
    }
}

/// Where one source's listing is.
public enum FleetProgress: Sendable, Equatable {
    case waiting
    case listing(Int)
    case listed(Int)
    /// An opt-in region the account has not enabled (AWS does not recognise the credentials there).
    case notEnabled
    case denied(String)
    case failed(String)

    public var isFinished: Bool {
        switch self {
        case .waiting, .listing: false
        default: true
        }
    }
}

/// A function of the fleet view: its row as the functions list keeps it, the source that
/// listed it, and the account and region its ARN names (which an action acts in).
public struct FleetRow: Sendable, Equatable, FunctionListing {
    public var source: FleetSource
    public var row: FunctionRow
    public var region: String
    public var account: String

    public init(source: FleetSource, row: FunctionRow) {
        self.source = source
        self.row = row
        // arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME
        let parts = (row.functionArn ?? "").split(separator: ":", omittingEmptySubsequences: false)
        region = parts.count > 4 ? String(parts[3]) : source.region ?? ""
        account = parts.count > 4 ? String(parts[4]) : ""
    }

    public var key: String { source.description + " " + (row.functionArn ?? row.functionName ?? "") }
    public var functionName: String? { row.functionName }
    public var functionArn: String? { row.functionArn }
    public var runtime: Runtime? { row.runtime }
    public var packageType: PackageType? { row.packageType }
    public var memorySize: Int? { row.memorySize }
    public var timeout: Int? { row.timeout }
    public var architectures: [Architecture]? { row.architectures }
    public var codeSize: Int64? { row.codeSize }
    public var lastModified: AWSTimestamp? { row.lastModified }
    public var state: FunctionState? { row.state }
    public var lastUpdateStatus: LastUpdateStatus? { row.lastUpdateStatus }
    public var description: String? { row.description }
}

/// The fleet view: every source's functions in one table, listed in parallel (within the
/// request budget every client shares), each source's progress or problem said.
public struct FleetState: Sendable, Equatable {
    public var scope: FleetScope
    public var progress: [FleetSource: FleetProgress] = [:]
    /// The region each source turned out to list (a profile's own region).
    public var resolvedRegion: [FleetSource: String] = [:]
    public private(set) var rows: [FleetRow] = []
    public var table = TableState(sortColumn: .name)
    /// Answers of an earlier listing (before `r`) are dropped.
    public var generation = 0
    /// Rows of a listing under way, shown when it ends (a refresh does not empty the table).
    var incoming: [FleetSource: [FleetRow]] = [:]
    var rowsBySource: [FleetSource: [FleetRow]] = [:]

    public init(scope: FleetScope) {
        self.scope = scope
    }

    public var sources: [FleetSource] { scope.sources }

    public var showsProfile: Bool { if case .regions = scope { false } else { true } }

    public var listedCount: Int { progress.values.filter { if case .listed = $0 { true } else { false } }.count }
    public var isListing: Bool { sources.contains { !(progress[$0] ?? .waiting).isFinished } }

    /// A page of a source's listing: shown at once the first time, at the end of a refresh.
    mutating func take(_ page: [FunctionRow], from source: FleetSource) {
        let taken = page.map { FleetRow(source: source, row: $0) }
        if incoming[source] != nil { incoming[source, default: []] += taken } else { rowsBySource[source, default: []] += taken }
        progress[source] = .listing((incoming[source] ?? rowsBySource[source] ?? []).count)
    }

    mutating func finish(_ source: FleetSource, _ outcome: FleetProgress) {
        if let fresh = incoming.removeValue(forKey: source) { rowsBySource[source] = fresh }
        if case .listed = outcome { progress[source] = .listed(rowsBySource[source]?.count ?? 0) } else {
            progress[source] = outcome
            // A source that fails now shows nothing rather than what it listed before.
            if case .failed = outcome {} else { rowsBySource[source] = nil }
        }
    }

    /// A new listing of every source: what is shown stays until each source's answer replaces it.
    mutating func restart() {
        generation += 1
        incoming = [:]
        for source in sources {
            progress[source] = .waiting
            if rowsBySource[source] != nil { incoming[source] = [] }
        }
    }

    mutating func rebuildRows(columns: [ColumnSpec<FleetRow>]) {
        let kept = table.selectedIndex.flatMap { rows.indices.contains($0) ? rows[$0].key : nil }
        rows = sources.flatMap { rowsBySource[$0] ?? [] }
        table.rebuild(rows: rows, columns: columns, word: table.filter.lowercased(), key: \.key, keepKey: kept)
    }

    public var selectedRow: FleetRow? {
        table.selectedIndex.flatMap { rows.indices.contains($0) ? rows[$0] : nil }
    }
}
