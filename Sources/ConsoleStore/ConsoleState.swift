import AWSCore
import FoundationEssentials
import LambdaAPI
import LogsAPI

/// The panes, in Tab order.
public enum Pane: String, CaseIterable, Sendable {
    case functions, versions, aliases, mappings, logs
}

/// Where the user is: a pane, a function's detail, or its raw JSON. Esc pops one level.
public enum Route: Sendable, Equatable {
    case pane(Pane)
    case detail(function: String)
    case rawJSON(function: String)
    /// The live tail of a function's logs.
    case tail(function: String)
    /// The invoke screen: request, response and the logs that follow.
    case invoke(function: String)
    /// A function's Monitor view: its metrics as charts.
    case monitor(function: String)
    /// A function's Logs Insights view: queries over its log group, results as a table.
    case insights(function: String)
    /// Every region's functions (`:region all`) or several profiles' (`:fleet`).
    case fleet
    /// Two versions of a function side by side (`d` on the versions pane).
    case versionDiff(function: String)
    /// The account's layers, and a layer's versions (`:layers`).
    case layers
    /// The changes this console made here, newest first, to undo (`:audit`).
    case audit
    /// The account's code signing configurations (`:signing`).
    case signing

    /// The function whose live tail this route shows, if it shows one.
    public var tailFunction: String? {
        switch self {
        case .tail(let function), .invoke(let function): function
        default: nil
        }
    }
}

/// Something drawn over the panes.
public enum Overlay: Sendable, Equatable {
    case help
    case commandLine(String)
    /// The action palette, with what is typed to narrow it.
    case palette(PaletteState)
    case form(FormState)
    /// The session's invocations, newest last, with the one under the cursor.
    case history(cursor: Int)
    /// The quick traffic shift of an alias.
    case shift(TrafficShift)
    /// A rollout's progress, by key (`function:alias`).
    case rollout(RolloutPanel)
    /// One log event in full (Enter on the logs pane): every line of it, wrapped, scrollable.
    case logEvent(LogEventView)
    /// `Y`: what can be copied from here, with the one under the cursor.
    case copyMenu(cursor: Int)
    /// `C` or `:ctx`: the contexts visited this session, with the one under the cursor.
    case contexts(cursor: Int)
    /// The SSO login: offered, or under way with its link and code.
    case login(LoginPanel)
    /// `:account`: the account's limits and what it uses of them (GetAccountSettings).
    case account
}

/// A log event as the line view shows it: its stream and time, and its message (pretty-printed
/// when it is JSON, as structured logs are).
public struct LogEventView: Sendable, Equatable {
    public var stream: String
    public var timestamp: Int64
    public var text: String
    public var scroll = 0

    public init(_ line: LogLine) {
        stream = line.stream
        timestamp = line.timestamp
        let trimmed = line.message.trimmed()
        if trimmed.hasPrefix("{"), let json = try? JSONValue.parse(trimmed) { text = json.prettyPrinted() } else { text = line.message }
    }
}

public struct RolloutPanel: Sendable, Equatable {
    public var key: AliasKey
    /// Started by an earlier console: offer to resume or abort it.
    public var offersResume: Bool
    public var confirmingAbort = false

    public init(key: AliasKey, offersResume: Bool = false) {
        self.key = key
        self.offersResume = offersResume
    }
}

public struct PaletteState: Sendable, Equatable {
    public var filter = ""
    public var cursor = 0
    public init() {}
}

/// A function's saved test events and the payload it was last invoked with.
public struct SavedEvents: Sendable, Equatable {
    public var payloads: [String: String]
    public var last: String?

    public init(payloads: [String: String] = [:], last: String? = nil) {
        self.payloads = payloads
        self.last = last
    }

    public var names: [String] { payloads.keys.sorted() }
}

/// Where a piece of data stands. Data already shown stays while a refresh runs or fails.
public enum LoadStatus: Sendable, Equatable {
    case never
    case loading
    case loaded(Date)
    /// The read failed: the error keeps its kind and the service that answered.
    case failed(ConsoleError)
}

/// Who and where the console is talking to, for the header.
public struct ConnectionInfo: Sendable, Equatable {
    public var profile: String
    public var region: String
    public var endpoint: String
    public var readOnly: Bool
    /// Another account and role of the profile's SSO login (opened from `:fleet sso`).
    public var ssoAccount: SSOAccountRole?

    public init(profile: String, region: String, endpoint: String, readOnly: Bool, ssoAccount: SSOAccountRole? = nil) {
        self.ssoAccount = ssoAccount
        self.profile = profile
        self.region = region
        self.endpoint = endpoint
        self.readOnly = readOnly
    }
}

/// A log event as the logs pane lists it, from any stream of the group.
public struct LogLine: Sendable, Equatable {
    public var timestamp: Int64
    public var stream: String
    public var message: String
    public var id: String

    public init(timestamp: Int64, stream: String, message: String, id: String) {
        self.timestamp = timestamp
        self.stream = stream
        self.message = message
        self.id = id
    }
}

/// The single source of truth the console renders from. Plain values; changed only by `reduce`.
public struct ConsoleState: Sendable {
    /// Reads the request budget is holding back: the footer says so.
    public var budgetHeld = 0
    /// The list on screen came from the cache of the last run, saved then; nil once read afresh.
    public internal(set) var functionsCachedAt: Date?
    /// Whether a fresh list is saved for the next start (`--no-cache`, `cache = false`).
    public var cachesListing = false
    /// The background refresh's period (`--refresh-interval`, `refresh_interval`).
    public var refreshInterval: TimeInterval = 30
    /// After this long without a key, background refreshes stop until the next key
    /// (`idle_pause`): a console left open overnight does not spend the account's quota.
    public var idlePause: TimeInterval = 600
    public internal(set) var lastInputAt: Date?
    public internal(set) var refreshPausedForIdle = false
    /// Every function's tags as the background read found them, by ARN (a detail's are fresher).
    public var listTags: [String: [String: String]] = [:]
    /// How many functions of the list have known tags, counted while a `tag:` filter is on.
    public var tagsKnown = 0
    /// Why the background read of tags stopped short, shown while a `tag:` filter is on.
    public var tagsProblem: String?
    /// The account's concurrency limits (GetAccountSettings), read when a reservation is edited;
    /// `accountLimitProblem` says why they could not be read (moto does not offer the call).
    public var accountLimit: AccountLimit?
    public var accountLimitProblem: String?
    /// What the account uses of its limits (code storage, function count).
    public var accountUsage: AccountUsage?
    /// Background refreshes wait until then: AWS answered a read with a long Retry-After.
    public var refreshesHeldUntil: Date?
    public var connection: ConnectionInfo
    public var routes: [Route] = [.pane(.functions)]
    public var overlay: Overlay?
    /// The filter line is being typed (after `/`).
    public var editingFilter = false
    /// `/` reopened a filter: its text is selected, and the first letter typed replaces it.
    public var filterTextSelected = false
    public var revealsSecrets = false
    /// First line shown of the detail or raw JSON view.
    public var detailScroll = 0
    /// First line shown of the help overlay, which can be taller than a small terminal.
    public var helpScroll = 0

    public var functions: [FunctionRow] = [] {
        didSet {
            guard !replacingRows else { return }
            // A page appended to a listing still arriving adds its own search text only.
            if appendingFunctions, functions.count >= functionSearch.count {
                let first = functionSearch.count
                functionSearch += functions[first...].map(FunctionSearchText.init)
                for index in first..<functions.count { indexRow(index) }
            } else {
                functionSearch = functions.map(FunctionSearchText.init)
                rowByName = Dictionary(minimumCapacity: functions.count)
                for index in functions.indices { indexRow(index) }
            }
            functionsGeneration += 1
        }
    }
    private var appendingFunctions = false
    /// Each function's row by name: the focused function is looked up on every cursor move and
    /// frame, and scanning 50,000 rows for it cost a cursor move its budget. ARNs are looked up
    /// through their last part, the name (one table, not two: 6 MB at 50,000).
    private var rowByName: [String: Int] = [:]

    private mutating func indexRow(_ index: Int) {
        // The first row with a name wins, as a search from the top would find it.
        if let name = functions[index].functionName, rowByName[name] == nil { rowByName[name] = index }
    }

    /// The row of the function with this ARN.
    public func functionRow(arn: String) -> Int? {
        guard let colon = arn.lastIndex(of: ":"), let row = rowByName[String(arn[arn.index(after: colon)...])],
              functions.indices.contains(row), functions[row].functionArn == arn else { return nil }
        return row
    }

    /// The listed function with this name.
    public func function(named name: String) -> FunctionRow? {
        rowByName[name].flatMap { functions.indices.contains($0) ? functions[$0] : nil }
    }
    /// The first listing is still arriving: what is shown is its pages so far.
    public internal(set) var functionsPartial = false
    /// When the partial list was last sorted and filtered: a big listing's pages are not each
    /// sorted into the table (400 sorts of 20,000 rows), only a few times a second.
    var partialRebuiltAt: Date?

    /// Puts fresher rows in place (by name) without re-indexing the whole list: a handful of
    /// rows read again must not cost a 50,000-row rebuild of the search text.
    mutating func replaceRows(_ fresh: [FunctionRow]) {
        replacingRows = true
        defer { replacingRows = false }
        for row in fresh {
            guard let name = row.functionName, let index = rowByName[name], functions.indices.contains(index) else { continue }
            functions[index] = row
            functionSearch[index] = FunctionSearchText(row)
        }
        functionsGeneration += 1
    }
    private var replacingRows = false

    mutating func appendFunctions(_ page: [FunctionRow]) {
        appendingFunctions = true
        functions += page
        appendingFunctions = false
    }
    /// Changes whenever `functions` does, so the functions table knows when to sort again.
    public private(set) var functionsGeneration = 0
    /// Lowered text of each function, in the same order, for the filter.
    public private(set) var functionSearch: [FunctionSearchText] = []
    public var functionsStatus: LoadStatus = .never
    /// The function the other panes show, by ARN so that it survives a refresh.
    public var focusedFunction: String?
    /// The function whose rows the versions, aliases, mappings, logs and stream tables hold.
    /// The reducer rebuilds them whenever the focused function's name differs, however it
    /// changed (moved, filtered, refreshed away, renamed by a new listing).
    public internal(set) var functionTablesOwner: String?
    public var details: [String: FunctionDetail] = [:]
    /// The detail's resource sections (permissions, async invocation, URLs, provisioned
    /// concurrency, code signing, runtime, recursion), read when the detail is shown.
    public var resources: [String: FunctionResources] = [:]
    /// When the detail's resources are read again because provisioned concurrency is being
    /// allocated (IN_PROGRESS); nil while nothing settles.
    public internal(set) var resourcesRecheckAt: Date?
    /// The layers view's lists.
    public var layers = LayersState()
    /// `:signing`'s configurations.
    public var signing = SigningState()
    /// `:audit`'s entries and cursor.
    public var journal: [JournalEntry] = []
    public var journalTable = TableState(sortColumn: .time)
    /// Each function's version comparison, the last one made.
    public var versionDiffs: [String: VersionDiffState] = [:]
    /// The version `space` marked on the versions pane, which `d` compares the selected one with.
    public var markedVersion: (function: String, version: String)?
    public static let settlingRecheck: TimeInterval = 5
    public var detailStatus: [String: LoadStatus] = [:]
    public var logLines: [String: [LogLine]] = [:]
    public var logStatus: [String: LoadStatus] = [:]
    /// Functions whose log group does not exist, with its name: the logs pane says so.
    public var missingLogGroups: [String: String] = [:]
    /// The log streams of each function, newest first, and the one the logs pane shows (nil: all).
    public var logStreams: [String: [LogStream]] = [:]
    public var chosenStream: [String: String] = [:]
    /// The logs pane lists streams to choose from instead of events.
    public var choosingStream = false
    public var streamTable = TableState(sortColumn: .last)

    public var tables: [Pane: TableState] = [
        .functions: TableState(sortColumn: .name), .versions: TableState(sortColumn: .version),
        .aliases: TableState(sortColumn: .name), .mappings: TableState(sortColumn: .source), .logs: TableState(sortColumn: .time),
    ]
    /// Rows visible in the table area, set by the view from the terminal's size.
    /// The terminal's layout, from the last resize; a page is its table's rows.
    public var layout = ScreenLayout(rows: 25, columns: 80)
    public var pageHeight: Int { layout.tableRows }
    public var lastError: String?
    /// `lastError` came from a failed read: the next read that succeeds takes it away.
    var lastErrorIsFromLoad = false
    /// A standing message from start-up (a theme or config line that could not be used).
    public var notice: String?
    /// What is being read or sent in the background: one request per identity at a time, and a
    /// refresh that finds one running is skipped.
    public var inFlight: Set<BackgroundWork> = []
    /// What the running mutation is doing ("UpdateFunctionCode: InProgress"), for the footer.
    public var activity: String?
    /// The outcome of the last mutation, in one sentence.
    public var status: String?
    /// When `status` was said: it shows for `statusLifetime`, and only on the screen it was said on.
    public internal(set) var statusAt: Date?
    public static let statusLifetime: TimeInterval = 20
    /// The form or shift view whose mutation is running: reopened as it was if the mutation fails.
    public var pendingOverlay: Overlay?
    /// A row to select once its pane reloads (the version just published).
    public var pendingSelection: [Pane: String] = [:]
    public var savedEvents: [String: SavedEvents] = [:]
    /// Rollouts of this session and unfinished ones of earlier sessions, by `function:alias`.
    public var rollouts: [AliasKey: Rollout] = [:]
    /// Live tails, by function name; one runs while its view is shown.
    public var tails: [String: LogTail] = [:]
    /// How many lines a live tail keeps.
    public var tailCapacity = 10_000
    /// The invoke screen of each function invoked in this session.
    public var invokeSessions: [String: InvokeSession] = [:]
    /// The session's invocations, oldest first, at most `InvocationRecord.kept`.
    public var invocationHistory: [InvocationRecord] = []
    /// When the console last invoked each function, for the tail's "since this invocation".
    public var lastInvoked: [String: Date] = [:]
    /// The versions that served the console's own invocations, per function.
    public var executedVersions: [String: [String: Int]] = [:]
    /// The functions list shows the metric columns (`m`, `metric_columns` in the config).
    public var metricColumns = false
    /// Each function's last hour, by name, as the metric columns read it.
    public internal(set) var listMetrics: [String: FunctionMetricSummary] = [:]
    /// How many functions of the list have metrics, counted while a sort or filter uses them.
    public internal(set) var metricsKnown = 0
    /// Changes whenever `listMetrics` does: a sort by a metric column sorts again.
    public internal(set) var listMetricsGeneration = 0
    /// Why the metric columns' last read failed; none is tried again before `listMetricsRetryAt`.
    public internal(set) var listMetricsProblem: String?
    var listMetricsRetryAt: Date?
    /// The endpoint refused percentile statistics (moto does): p99 is left out of later reads.
    public internal(set) var percentilesProblem: String?
    /// A sweep of the whole list found nothing to read: none is looked for again until then.
    var metricSweepRestsUntil: Date?
    /// How the Monitor view draws its charts (`chart_style`).
    public var chartStyle: ChartStyle = .braille
    /// What cost estimates are worked out with (`prices` in the config folder).
    public var prices = PriceTable()
    /// Each function's Monitor view, kept while the console runs so that going back is instant.
    public var monitors: [String: MonitorState] = [:]
    /// Each function's Logs Insights view, kept with its last results.
    public var insights: [String: InsightsState] = [:]
    /// Text to put on the user's clipboard: the UI writes it to the terminal, then answers
    /// `clipboardWritten`.
    public internal(set) var clipboard: ClipboardRequest?
    /// `:region NAME` or `:profile NAME`: the UI switches to that context, keeping this one.
    public var contextRequest: ContextRequest?
    /// The profiles, regions and contexts `:profile`, `:region` and `:ctx` offer.
    public var contextChoices = ContextChoices()
    /// The fleet view's listing; it goes with the user from context to context.
    public var fleet: FleetState?
    /// A URL in the status line that the screen makes a hyperlink (OSC 8) where it shows.
    public internal(set) var statusLink: String?
    /// An SSO login runs (`:login`): its prompt, kept when its panel is closed.
    public internal(set) var loginRunning = false
    public internal(set) var loginPrompt: SSODeviceLogin.Prompt?
    /// `:fleet sso` asked the portal for the login's accounts; the answer opens the fleet view.
    public internal(set) var fleetAccountsAsked = false
    /// A function to open when the list has it (one chosen in the fleet view, after the switch).
    public var pendingOpen: String?
    public var quitRequested = false
    /// When a key that needs a second press was pressed once (`q` during a rollout, `r` on the
    /// invoke screen): the second press within `ConsoleState.confirmWindow` does it.
    public var armed: (key: String, at: Date)?
    public static let confirmWindow: TimeInterval = 3
    public var suspendRequested = false

    public init(connection: ConnectionInfo) {
        self.connection = connection
    }

    public var route: Route { routes.last ?? .pane(.functions) }

    public var pane: Pane {
        for route in routes.reversed() { if case .pane(let pane) = route { return pane } }
        return .functions
    }

    public var focusedConfiguration: FunctionRow? {
        guard let focusedFunction, let row = functionRow(arn: focusedFunction) else { return nil }
        return functions[row]
    }

    /// The metric columns as the functions list shows them now; nil while they are off.
    public var metricColumnSource: MetricColumnSource? {
        guard metricColumns else { return nil }
        let metrics = listMetrics
        return MetricColumnSource(prices: prices, percentilesProblem: percentilesProblem) { metrics[$0] }
    }

    /// "metrics 300/2,000" while a sort or filter by a metric waits for every function's.
    public var metricsSummary: String? {
        guard metricColumns, let table = tables[.functions], table.sortColumn.isMetric || FunctionFilter(table.filter).usesMetrics,
              metricsKnown < functions.count else { return nil }
        return "metrics \(metricsKnown)/\(Formatting.count(functions.count))"
    }

    /// What `y` and the `Y` menu offer here.
    public var copyChoices: [CopyChoice] { CopyChoices.choices(self) }

    /// The ids of a pane's columns as drawn now (the metric columns when on): what digits choose.
    public func columnIDs(_ pane: Pane) -> [ColumnID] {
        PaneColumns.ids(pane, metrics: pane == .functions && metricColumns)
    }

    public var focusedName: String? {
        guard let focusedFunction, let row = functionRow(arn: focusedFunction) else { return nil }
        return functions[row].functionName
    }
}

/// Another profile or region to show (nil parts stay as they are, except that a new profile
/// brings its own region).
public struct ContextRequest: Sendable, Equatable {
    public var profile: String?
    public var region: String?
    /// A function to open there (chosen in the fleet view).
    public var open: String?
    /// Another account and role of the profile's SSO login.
    public var ssoAccount: SSOAccountRole?

    public init(profile: String? = nil, region: String? = nil, open: String? = nil, ssoAccount: SSOAccountRole? = nil) {
        self.profile = profile
        self.region = region
        self.open = open
        self.ssoAccount = ssoAccount
    }

    public var label: String {
        (profile ?? "?") + (ssoAccount.map { " (\($0.roleName) in \($0.accountID))" } ?? "") + " · " + (region ?? "?")
    }
}

extension ConsoleState {
    /// A new context's state starts with the console's settings, not its data.
    public mutating func carrySettings(from other: ConsoleState) {
        refreshInterval = other.refreshInterval
        idlePause = other.idlePause
        tailCapacity = other.tailCapacity
        metricColumns = other.metricColumns
        chartStyle = other.chartStyle
        prices = other.prices
        layout = other.layout
        contextChoices = other.contextChoices
    }
}

/// The identity of a background request, as `inFlight` keeps it.
public enum BackgroundWork: Hashable, Sendable {
    case functions
    case detail(function: String)
    /// One stream's lines, or every stream's (`stream` nil): the latest choice wins.
    case logs(function: String, stream: String?)
    case streams(function: String)
    case tags
    case accountLimit
    /// The rows on screen that are changing, read again between the whole list's reads.
    case changingRows
    /// A change the palette sent; one runs at a time.
    case mutation
    /// The metric columns' GetMetricData calls: one at a time.
    case listMetrics
    /// A Monitor view's metrics.
    case monitor(function: String)
    /// A Logs Insights query running.
    case insights(function: String)
    /// The fleet view's listings, until every source has answered.
    case fleet
    /// A detail's resource sections.
    case resources(function: String)
    /// The layers view's lists.
    case layers
}
