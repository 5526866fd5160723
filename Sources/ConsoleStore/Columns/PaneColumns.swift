import FoundationEssentials
import LambdaAPI
import LogsAPI

/// The columns of each pane, one list per resource: what the table view draws, what the reducer
/// sorts and filters by, and what the digit keys choose (`1` the first column, `0` the tenth).
/// The functions list's filter is `FunctionFilter`, which reads a search index built once per
/// listing (a keystroke over 50,000 rows cannot afford to call closures per column); its field
/// terms (`runtime:`, `state:`, `arch:`, `memory:`) are named by these columns' ids.
public enum PaneColumns {
    public static func functions<Row: FunctionListing>(now: Date, metrics: MetricColumnSource? = nil) -> [ColumnSpec<Row>] {
        [ColumnSpec(.name, "NAME", .content(minimum: 20, maximum: 48), priority: 9) { $0.functionName ?? "" }]
            + (metrics.map { metricColumns($0) } ?? []) + [
            ColumnSpec(.runtime, "RUNTIME", .fixed(15), priority: 8,
                       sortKey: { $0.runtime.map { .text($0.rawValue) } ?? $0.packageType.map { .text($0.rawValue) } ?? .none }) {
                $0.runtime?.rawValue ?? ($0.packageType == .image ? "image" : "")
            },
            ColumnSpec(.memory, "MEMORY", .fixed(8), alignRight: true, priority: 7, sortKey: { number($0.memorySize) }) {
                $0.memorySize.map { "\($0) MB" } ?? ""
            },
            ColumnSpec(.timeout, "TIMEOUT", .fixed(7), alignRight: true, priority: 6, sortKey: { number($0.timeout) }) {
                $0.timeout.map { "\($0) s" } ?? ""
            },
            ColumnSpec(.arch, "ARCH", .fixed(6), priority: 1) { $0.architectures?.first?.rawValue ?? "x86_64" },
            ColumnSpec(.type, "TYPE", .fixed(5), priority: 0, sortKey: { $0.packageType.map { .text($0.rawValue) } ?? .none }) {
                $0.packageType?.rawValue ?? ""
            },
            ColumnSpec(.size, "SIZE", .fixed(8), alignRight: true, priority: 3, sortKey: { number($0.codeSize) }) {
                Formatting.bytes($0.codeSize)
            },
            ColumnSpec(.modified, "MODIFIED", .fixed(11), priority: 5, sortKey: modifiedKey) {
                Formatting.relative($0.lastModified?.date, now: now)
            },
            ColumnSpec(.state, "STATE", .fixed(10), priority: 4, tone: stateTone, sortKey: { .text($0.state?.rawValue ?? "") }) {
                stateText($0)
            },
            ColumnSpec(.description, "DESCRIPTION", .flexible(minimum: 12, weight: 2), priority: 2,
                       sortKey: { $0.description.map { .text($0) } ?? .none }) { $0.description ?? "" },
        ]
    }

    /// The last hour's metrics beside the name when `m` turned them on: a sparkline of ten
    /// 6-minute points and the hour's figure (the latest p99), "…" until they are read.
    static func metricColumns<Row: FunctionListing>(_ source: MetricColumnSource) -> [ColumnSpec<Row>] {
        let spark = FunctionMetricSummary.buckets
        func figure(_ metric: ListMetric) -> (Row) -> Double? {
            { row in source.figure(metric, of: row) }
        }
        func key(_ metric: ListMetric) -> (Row) -> SortKey {
            { row in source.figure(metric, of: row).map { .number($0) } ?? .none }
        }
        func cell(_ row: Row, _ series: (FunctionMetricSummary) -> [Double?], _ value: (FunctionMetricSummary) -> String) -> String {
            guard let summary = source.summary(row) else { return "…" }
            return Formatting.sparkline(series(summary)) + " " + value(summary)
        }
        func countTone(_ metric: ListMetric, _ tone: CellTone) -> (Row) -> CellTone {
            { row in (source.figure(metric, of: row) ?? 0) > 0 ? tone : .dim }
        }
        return [
            ColumnSpec(.invocations, "INVOCATIONS 1h", .fixed(spark + 6), priority: 9, tone: countTone(.invocations, .text),
                       sortKey: key(.invocations)) { cell($0, { $0.invocations }, { Formatting.compact($0.totalInvocations) }) },
            ColumnSpec(.errors, "ERRORS", .fixed(spark + 11), priority: 9, tone: countTone(.errors, .error), sortKey: key(.errors)) {
                cell($0, { $0.errors }) { summary in
                    let rate = summary.errorRate.map { $0 > 0 ? " " + percent($0) : "" } ?? ""
                    return Formatting.compact(summary.totalErrors) + rate
                }
            },
            ColumnSpec(.p99, "P99", .fixed(spark + 8), priority: 8, tone: { row in
                // Near the timeout is where a p99 hurts: a fifth of the way from it is a warning.
                guard let p99 = figure(.p99)(row), let timeout = row.timeout else { return .text }
                return p99 >= Double(timeout) * 800 ? .warn : .text
            }, sortKey: key(.p99)) { row in
                guard source.percentilesProblem == nil else { return "n/a" }
                return cell(row, { $0.p99 }, { Formatting.milliseconds($0.latestP99) })
            },
            ColumnSpec(.throttles, "THROTTLES", .fixed(spark + 6), priority: 8, tone: countTone(.throttles, .warn), sortKey: key(.throttles)) {
                cell($0, { $0.throttles }, { Formatting.compact($0.totalThrottles) })
            },
            ColumnSpec(.cost, "COST/DAY", .fixed(9), alignRight: true, priority: 8, sortKey: key(.cost)) { row in
                source.figure(.cost, of: row).map(source.prices.format) ?? (source.summary(row) == nil ? "…" : "")
            },
        ]
    }

    static func number<Value: BinaryInteger>(_ value: Value?) -> SortKey {
        value.map { .number(Double($0)) } ?? .none
    }

    static func modifiedKey(_ function: some FunctionListing) -> SortKey {
        function.lastModified.map { .number($0.date.timeIntervalSince1970) } ?? .none
    }

    public static func stateText(_ function: some FunctionListing) -> String {
        if function.lastUpdateStatus == .inProgress { return "Updating" }
        if function.lastUpdateStatus == .failed { return "UpdFailed" }
        return function.state?.rawValue ?? ""
    }

    public static func stateTone(_ function: some FunctionListing) -> CellTone {
        switch (function.state, function.lastUpdateStatus) {
        case (.failed?, _), (_, .failed?): return .error
        case (.pending?, _), (.inactive?, _), (_, .inProgress?): return .warn
        case (.active?, _): return .ok
        default: return .text
        }
    }

    /// `routing` names the aliases that send traffic to a version (`ConsoleState.routing(to:)`).
    public static func versions(now: Date, routing: @escaping (String) -> [(alias: String, weight: Double)] = { _ in [] })
        -> [ColumnSpec<FunctionConfiguration>] {
        [
            // `$LATEST` sorts after every number.
            ColumnSpec(.version, "VERSION", .fixed(9), priority: 9, sortKey: { .number(Double($0.version ?? "") ?? Double.greatestFiniteMagnitude) },
                       filter: .shownText) { $0.version ?? "" },
            ColumnSpec(.aliases, "ALIASES → WEIGHT", .flexible(minimum: 18, weight: 2), priority: 8, filter: .shownText) { version in
                routing(version.version ?? "").map { "\($0.alias) \(Self.percent($0.weight))" }.joined(separator: ", ")
            },
            ColumnSpec(.description, "DESCRIPTION", .flexible(minimum: 12, weight: 2), priority: 5, filter: .shownText) { $0.description ?? "" },
            ColumnSpec(.sha, "CODE SHA256", .fixed(12), priority: 4) { String(($0.codeSha256 ?? "").prefix(12)) },
            ColumnSpec(.modified, "MODIFIED", .fixed(11), priority: 6, sortKey: modifiedKey) { Formatting.relative($0.lastModified?.date, now: now) },
            ColumnSpec(.runtime, "RUNTIME", .fixed(15), priority: 3) { $0.runtime?.rawValue ?? "" },
        ]
    }

    public static func percent(_ weight: Double) -> String {
        let value = weight * 100
        return value == value.rounded() ? "\(Int(value))%" : String(printf: "%.1f%%", value)
    }

    /// The width of the alias pane's weight bar, in cells.
    public static let weightBarWidth = 20

    public static func aliases() -> [ColumnSpec<AliasConfiguration>] {
        [
            ColumnSpec(.name, "ALIAS", .fixed(14), priority: 9, filter: .shownText) { $0.name ?? "" },
            ColumnSpec(.version, "PRIMARY", .fixed(8), priority: 8) { $0.functionVersion ?? "" },
            ColumnSpec(.additional, "ADDITIONAL", .fixed(10), priority: 7) { $0.routingConfig?.additionalVersionWeights?.keys.sorted().first ?? "" },
            ColumnSpec(.weight, "WEIGHT OF ADDITIONAL", .fixed(weightBarWidth + 7), priority: 6,
                       sortKey: { $0.routingConfig?.additionalVersionWeights?.values.first.map { .number($0) } ?? .none }) { alias in
                guard let weight = alias.routingConfig?.additionalVersionWeights?.values.first else { return "" }
                let bar = Formatting.weightBar(weight, width: weightBarWidth)
                return "\(bar.filled)\(bar.rest) \(bar.label)"
            },
            ColumnSpec(.description, "DESCRIPTION", .flexible(minimum: 12, weight: 1), priority: 5, filter: .shownText) { $0.description ?? "" },
        ]
    }

    public static func mappings(now: Date) -> [ColumnSpec<EventSourceMappingConfiguration>] {
        [
            ColumnSpec(.source, "SOURCE", .flexible(minimum: 20, weight: 2), priority: 9, filter: .custom { $0.eventSourceArn ?? "" }) {
                sourceName($0.eventSourceArn)
            },
            ColumnSpec(.state, "STATE", .fixed(10), priority: 8, tone: { $0.state == "Enabled" ? .ok : $0.state == "Disabled" ? .dim : .warn },
                       filter: .shownText) { $0.state ?? "" },
            ColumnSpec(.batch, "BATCH", .fixed(6), alignRight: true, priority: 7, sortKey: { number($0.batchSize) }) {
                $0.batchSize.map(String.init) ?? ""
            },
            ColumnSpec(.result, "LAST RESULT", .fixed(22), priority: 5) { $0.lastProcessingResult ?? "" },
            ColumnSpec(.modified, "MODIFIED", .fixed(11), priority: 6, sortKey: { $0.lastModified.map { .number($0.date.timeIntervalSince1970) } ?? .none }) {
                Formatting.relative($0.lastModified?.date, now: now)
            },
            ColumnSpec(.uuid, "UUID", .fixed(36), priority: 4) { $0.uuid ?? "" },
        ]
    }

    /// "sqs: orders-queue" from "arn:aws:sqs:us-east-1:123456789012:orders-queue".
    public static func sourceName(_ arn: String?) -> String {
        guard let arn else { return "" }
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return arn }
        var resource = String(parts[5])
        if let slash = resource.firstIndex(of: "/") {
            let kind = resource[..<slash]
            resource = String(resource[resource.index(after: slash)...])
            if kind == "table", let stream = resource.firstRange(of: "/stream/") { resource = String(resource[..<stream.lowerBound]) }
        }
        return "\(parts[2]): \(resource)"
    }

    public static func logs() -> [ColumnSpec<LogLine>] {
        [
            ColumnSpec(.time, "TIME (UTC)", .fixed(12), priority: 8, tone: { _ in .logTime }, sortKey: { .number(Double($0.timestamp)) }) {
                Formatting.clock($0.timestamp)
            },
            ColumnSpec(.version, "VER", .fixed(9), priority: 6) { streamVersion($0.stream) },
            ColumnSpec(.message, "MESSAGE", .flexible(minimum: 20, weight: 1), priority: 9, tone: logTone, filter: .custom(\.message)) {
                $0.message.trimmingNewlines()
            },
        ]
    }

    /// The stream chooser keeps its order (all streams, then newest first): it does not sort.
    public static func streams(now: Date) -> [ColumnSpec<LogStream?>] {
        [
            ColumnSpec(.name, "LOG STREAM (newest first)", .flexible(minimum: 30, weight: 1), priority: 9) {
                $0?.logStreamName ?? "all streams, interleaved"
            },
            ColumnSpec(.version, "VER", .fixed(9), priority: 7) { $0.map { streamVersion($0.logStreamName ?? "") } ?? "" },
            ColumnSpec(.last, "LAST EVENT", .fixed(11), priority: 8) { stream in
                stream?.lastEventTimestamp.map { Formatting.relative(Date(timeIntervalSince1970: Double($0) / 1000), now: now) } ?? ""
            },
            ColumnSpec(.size, "SIZE", .fixed(8), alignRight: true, priority: 5) { $0?.storedBytes.map { Formatting.bytes($0) } ?? "" },
        ]
    }

    /// The fleet view's: where each function is (profile, account, region), then the functions
    /// list's own columns. The filter reads where it is, its name, runtime and description.
    public static func fleet(profiles: Bool, now: Date) -> [ColumnSpec<FleetRow>] {
        let place: [ColumnSpec<FleetRow>] = (profiles ? [ColumnSpec(.profile, "PROFILE", .content(minimum: 8, maximum: 20), priority: 9,
                                                                    filter: .shownText) { $0.source.label }] : [])
            + [ColumnSpec(.account, "ACCOUNT", .fixed(12), priority: 6, filter: .shownText) { $0.account },
               ColumnSpec(.region, "REGION", .content(minimum: 9, maximum: 16), priority: 9, filter: .shownText) { $0.region }]
        let searched: Set<ColumnID> = [.name, .runtime, .description]
        let function = (functions(now: now) as [ColumnSpec<FleetRow>]).map { column -> ColumnSpec<FleetRow> in
            var copy = column
            if searched.contains(column.id) { copy.filterText = column.text }
            return copy
        }
        return [function[0]] + place + function.dropFirst()
    }

    /// The code signing configurations: id, policy, publishers, description.
    public static func signing() -> [ColumnSpec<CodeSigningConfig>] {
        [ColumnSpec(.name, "ID", .fixed(24), priority: 9) { $0.codeSigningConfigId ?? "" },
         ColumnSpec(.state, "UNTRUSTED", .fixed(9), priority: 8, tone: { $0.codeSigningPolicies?.untrustedArtifactOnDeployment == "Enforce" ? .ok : .warn }) {
             $0.codeSigningPolicies?.untrustedArtifactOnDeployment ?? "Warn"
         },
         ColumnSpec(.source, "PUBLISHERS", .fixed(10), alignRight: true, priority: 7) { "\($0.allowedPublishers?.signingProfileVersionArns.count ?? 0)" },
         ColumnSpec(.modified, "MODIFIED", .fixed(19), priority: 5) { String(($0.lastModified ?? "").prefix(19)) },
         ColumnSpec(.description, "DESCRIPTION", .flexible(minimum: 12, weight: 2), priority: 3) { $0.description ?? "" }]
    }

    /// The layers view's: each layer with its latest version.
    public static func layers() -> [ColumnSpec<LayersListItem>] {
        [ColumnSpec(.name, "LAYER", .content(minimum: 16, maximum: 48), priority: 9) { $0.layerName ?? "" },
         ColumnSpec(.latest, "LATEST", .fixed(7), alignRight: true, priority: 8,
                    sortKey: { $0.latestMatchingVersion?.version.map { .number(Double($0)) } ?? .none }) {
             $0.latestMatchingVersion?.version.map(String.init) ?? ""
         },
         ColumnSpec(.runtimes, "RUNTIMES", .content(minimum: 10, maximum: 40), priority: 6) {
             ($0.latestMatchingVersion?.compatibleRuntimes ?? []).map(\.rawValue).joined(separator: " ")
         },
         ColumnSpec(.arch, "ARCH", .fixed(14), priority: 4) { ($0.latestMatchingVersion?.compatibleArchitectures ?? []).map(\.rawValue).joined(separator: " ") },
         ColumnSpec(.created, "CREATED", .fixed(19), priority: 5) { String(($0.latestMatchingVersion?.createdDate ?? "").prefix(19)) },
         ColumnSpec(.description, "DESCRIPTION", .flexible(minimum: 12, weight: 2), priority: 3) { $0.latestMatchingVersion?.description ?? "" }]
    }

    /// A layer's versions, newest first, with how many functions of the list use each.
    public static func layerVersions(usedBy: @escaping (String) -> Int) -> [ColumnSpec<LayerVersionsListItem>] {
        [ColumnSpec(.version, "VERSION", .fixed(8), alignRight: true, priority: 9, sortKey: { $0.version.map { .number(Double($0)) } ?? .none }) {
             $0.version.map(String.init) ?? ""
         },
         ColumnSpec(.usedBy, "USED BY", .fixed(8), alignRight: true, priority: 8,
                    sortKey: { row in .number(Double(row.layerVersionArn.map(usedBy) ?? 0)) }) { row in
             row.layerVersionArn.map { "\(usedBy($0))" } ?? ""
         },
         ColumnSpec(.runtimes, "RUNTIMES", .content(minimum: 10, maximum: 40), priority: 6) {
             ($0.compatibleRuntimes ?? []).map(\.rawValue).joined(separator: " ")
         },
         ColumnSpec(.arch, "ARCH", .fixed(14), priority: 4) { ($0.compatibleArchitectures ?? []).map(\.rawValue).joined(separator: " ") },
         ColumnSpec(.created, "CREATED", .fixed(19), priority: 5) { String(($0.createdDate ?? "").prefix(19)) },
         ColumnSpec(.license, "LICENSE", .fixed(12), priority: 2) { $0.licenseInfo ?? "" },
         ColumnSpec(.description, "DESCRIPTION", .flexible(minimum: 12, weight: 2), priority: 3) { $0.description ?? "" }]
    }

    /// A Logs Insights result's columns: its fields, in the query's order, each as wide as its
    /// values (the last, often @message, takes what is left). They sort by `InsightsState`'s
    /// field, not by a column id, since a query names its own fields.
    public static func insights(fields: [String]) -> [ColumnSpec<[String: String]>] {
        fields.enumerated().map { index, field in
            let last = index == fields.count - 1
            return ColumnSpec(.message, field, last ? .flexible(minimum: 12, weight: 1) : .content(minimum: min(24, max(6, field.count)), maximum: 40),
                              alignRight: false, priority: last ? 9 : 8 - min(8, index)) { row in
                (row[field] ?? "").replacing("\n", with: " ")
            }
        }
    }

    /// The ids of a pane's columns, in the order shown: what the digit keys choose from.
    public static func ids(_ pane: Pane, metrics: Bool = false) -> [ColumnID] {
        switch pane {
        case .functions: (functions(now: .distantPast, metrics: metrics ? MetricColumnSource(prices: PriceTable()) { _ in nil } : nil)
                          as [ColumnSpec<FunctionRow>]).map(\.id)
        case .versions: versions(now: .distantPast).map(\.id)
        case .aliases: aliases().map(\.id)
        case .mappings: mappings(now: .distantPast).map(\.id)
        case .logs: logs().map(\.id)
        }
    }

    /// "[3]" from a stream named "2026/11/25/[3]abcdef".
    public static func streamVersion(_ stream: String) -> String {
        guard let open = stream.firstIndex(of: "["), let close = stream[open...].firstIndex(of: "]") else { return "" }
        return String(stream[open...close])
    }

    public static func logTone(_ line: LogLine) -> CellTone {
        let message = line.message
        if message.hasPrefix("START ") || message.hasPrefix("END ") || message.hasPrefix("REPORT ") || message.hasPrefix("INIT_START") {
            return .logMeta
        }
        if message.contains("ERROR") || message.contains("Error:") || message.contains("Traceback") || message.contains("\"level\":\"ERROR\"") {
            return .logError
        }
        if message.contains("WARN") { return .logWarn }
        return .text
    }
}

/// What the metric columns read: each function's summary by name, and the prices its cost is
/// worked out with.
public struct MetricColumnSource {
    public var prices: PriceTable
    /// Why p99 cannot be had here (the endpoint refuses percentile statistics), if so.
    public var percentilesProblem: String?
    public var summaryNamed: (String) -> FunctionMetricSummary?

    public init(prices: PriceTable, percentilesProblem: String? = nil, summary: @escaping (String) -> FunctionMetricSummary?) {
        self.prices = prices
        self.percentilesProblem = percentilesProblem
        summaryNamed = summary
    }

    public func summary(_ row: some FunctionListing) -> FunctionMetricSummary? {
        row.functionName.flatMap(summaryNamed)
    }

    public func figure(_ metric: ListMetric, of row: some FunctionListing) -> Double? {
        summary(row)?.figure(metric) { summary in
            guard let average = summary.averageDuration else { return summary.totalInvocations == 0 ? 0 : nil }
            // The hour's rate, for a day.
            return prices.daily(invocationsPerDay: summary.totalInvocations * 24, averageMilliseconds: average,
                                memoryMB: row.memorySize ?? 128, architecture: row.architectures?.first)
        }
    }
}
