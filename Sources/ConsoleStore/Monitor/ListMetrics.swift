import FoundationEssentials
import MetricsAPI

/// The metric columns of the functions list: each function's last hour in ten 6-minute points.
public enum ListMetric: String, CaseIterable, Sendable {
    case invocations, errors, p99, throttles, cost

    /// The column that shows it, which is also the filter's field name (`errors:>0`, `p99:>1000`).
    public var column: ColumnID {
        switch self {
        case .invocations: .invocations
        case .errors: .errors
        case .p99: .p99
        case .throttles: .throttles
        case .cost: .cost
        }
    }
}

/// A function's last hour as the metric columns show it. Counts are 0 where CloudWatch has no
/// point (no invocation in that period); p99 is nil there.
public struct FunctionMetricSummary: Sendable, Equatable {
    public static let period = 360
    public static let buckets = 10

    public var fetchedAt: Date
    public var invocations: [Double]
    public var errors: [Double]
    public var throttles: [Double]
    public var p99: [Double?]
    /// The hour's Duration sum, for the average behind the cost.
    public var durationSum: Double

    public init(fetchedAt: Date, invocations: [Double] = [], errors: [Double] = [], throttles: [Double] = [], p99: [Double?] = [],
                durationSum: Double = 0) {
        self.fetchedAt = fetchedAt
        self.invocations = invocations
        self.errors = errors
        self.throttles = throttles
        self.p99 = p99
        self.durationSum = durationSum
    }

    public var totalInvocations: Double { invocations.reduce(0, +) }
    public var totalErrors: Double { errors.reduce(0, +) }
    public var totalThrottles: Double { throttles.reduce(0, +) }
    /// The latest period's p99 that CloudWatch has.
    public var latestP99: Double? { p99.last { $0 != nil } ?? nil }
    public var errorRate: Double? { totalInvocations > 0 ? totalErrors / totalInvocations : nil }
    public var averageDuration: Double? { totalInvocations > 0 ? durationSum / totalInvocations : nil }

    /// The figure a column shows, sorts and filters by.
    public func figure(_ metric: ListMetric, cost: (FunctionMetricSummary) -> Double?) -> Double? {
        switch metric {
        case .invocations: totalInvocations
        case .errors: totalErrors
        case .p99: latestP99
        case .throttles: totalThrottles
        case .cost: cost(self)
        }
    }
}

/// Which functions' metrics to read, and how: GetMetricData calls of at most 500 queries, five a
/// function, for the rows on screen and a page either side, again once a minute while shown.
/// A filter or sort on a metric needs every function's, so then the whole list is read, the
/// rows on screen first (each sweep costs a metric a function: the help says so).
public enum ListMetricsPlan {
    public static let statistics: [(suffix: String, metric: String, stat: String)] = [
        ("i", "Invocations", "Sum"), ("e", "Errors", "Sum"), ("t", "Throttles", "Sum"), ("d", "Duration", "Sum"), ("p", "Duration", "p99"),
    ]
    public static let functionsPerCall = MetricsClient.queriesPerCall / statistics.count
    /// Rows on screen are read again after this long; rows off screen (a sweep) after `sweepAge`.
    public static let refreshAge: TimeInterval = 60
    public static let sweepAge: TimeInterval = 600
    /// After a failed read, none is tried for this long.
    public static let failureWait: TimeInterval = 60

    /// The queries for `names`, ids `f<index>_<statistic>`; `percentiles` false leaves out p99
    /// (an endpoint that fails every call with one, as moto does).
    public static func queries(_ names: [String], percentiles: Bool) -> [MetricQuery] {
        names.enumerated().flatMap { index, name in
            statistics.filter { percentiles || !$0.stat.hasPrefix("p") }.map {
                MetricQuery(id: "f\(index)_\($0.suffix)", namespace: "AWS/Lambda", metricName: $0.metric,
                            dimensions: [MetricDimension("FunctionName", name)], period: FunctionMetricSummary.period, stat: $0.stat)
            }
        }
    }

    /// The summaries in an answer to `queries(names, …)`.
    public static func summaries(_ names: [String], answer: [String: [MetricPoint]], window: MetricWindow, at now: Date)
        -> [String: FunctionMetricSummary] {
        var result: [String: FunctionMetricSummary] = [:]
        for (index, name) in names.enumerated() {
            func series(_ suffix: String) -> [Double?] { window.place(answer["f\(index)_\(suffix)"] ?? []) }
            let duration = series("d").compactMap { $0 }.reduce(0, +)
            result[name] = FunctionMetricSummary(fetchedAt: now, invocations: series("i").map { $0 ?? 0 }, errors: series("e").map { $0 ?? 0 },
                                                 throttles: series("t").map { $0 ?? 0 }, p99: series("p"), durationSum: duration)
        }
        return result
    }

    public static func window(at now: Date) -> MetricWindow {
        MetricWindow.ending(at: now, period: FunctionMetricSummary.period, buckets: FunctionMetricSummary.buckets)
    }
}
