import FoundationEssentials
import MetricsAPI

/// What a chart's values are, for its axis and readout.
public enum MetricUnit: Sendable, Equatable {
    case count, milliseconds
    /// A share from 0 to 1 (ProvisionedConcurrencyUtilization), shown as a percentage.
    case ratio
}

/// One line of a chart: a statistic of a Lambda metric, for the function or one qualifier.
public struct ChartLine: Sendable, Equatable {
    /// The query id, which is also the key of its values in a `MonitorAnswer`.
    public var id: String
    public var label: String
    public var metric: String
    public var stat: String
    /// The qualifier (`Resource` dimension `name:qualifier`), and the version that served it
    /// (`ExecutedVersion`, for an alias's traffic per version); nil for the whole function, and
    /// `accountWide` for the account's own metrics (no dimension at all).
    public var qualifier: String?
    public var executedVersion: String?
    public var accountWide = false

    public var isPercentile: Bool { stat.hasPrefix("p") }
}

/// One line of a split Monitor view: a version or an alias. A version an alias routes to is read
/// through that alias (`Resource` the alias, `ExecutedVersion` the version), since that is where its
/// shifted traffic is counted; a version invoked directly, by its own `Resource`.
public struct MonitorSeries: Sendable, Equatable {
    public var label: String
    public var resource: String
    public var executedVersion: String?

    public init(label: String, resource: String, executedVersion: String? = nil) {
        self.label = label
        self.resource = resource
        self.executedVersion = executedVersion
    }
}

/// One chart of the Monitor view.
public struct ChartSpec: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case invocations, errors, duration, throttles, concurrency, streams, async, delivery, provisioned, account
    }

    public var kind: Kind
    public var title: String
    public var unit: MetricUnit
    public var lines: [ChartLine]
    /// Shown even with no data: the five the Lambda console always shows.
    public var always: Bool
}

/// The charts a Monitor view asks for, split by nothing, by version or by alias.
public enum MonitorCharts {
    /// At most this many versions or aliases side by side (each a line of its own colour).
    public static let qualifiersShown = 4

    public static func charts(split: MonitorSplit, qualifiers: [MonitorSeries]) -> [ChartSpec] {
        // Per qualifier: invocations, errors, p99 and throttles, which is how a shift is judged.
        func perQualifier(_ prefix: String, _ metric: String, _ stat: String) -> [ChartLine] {
            qualifiers.prefix(qualifiersShown).enumerated().map { index, series in
                ChartLine(id: "\(prefix)_q\(index)", label: series.label, metric: metric, stat: stat, qualifier: series.resource,
                          executedVersion: series.executedVersion)
            }
        }
        let split = split == .function || qualifiers.isEmpty ? MonitorSplit.function : split
        func line(_ id: String, _ label: String, _ metric: String, _ stat: String) -> ChartLine {
            ChartLine(id: id, label: label, metric: metric, stat: stat)
        }
        let byQualifier = split != .function
        return [
            ChartSpec(kind: .invocations, title: "Invocations", unit: .count,
                      lines: byQualifier ? perQualifier("inv", "Invocations", "Sum") : [line("inv", "invocations", "Invocations", "Sum")], always: true),
            ChartSpec(kind: .errors, title: "Errors", unit: .count,
                      lines: byQualifier ? perQualifier("err", "Errors", "Sum") : [line("err", "errors", "Errors", "Sum")], always: true),
            ChartSpec(kind: .duration, title: byQualifier ? "Duration p99" : "Duration", unit: .milliseconds,
                      lines: byQualifier ? perQualifier("p99", "Duration", "p99")
                          : [line("p50", "p50", "Duration", "p50"), line("p90", "p90", "Duration", "p90"), line("p99", "p99", "Duration", "p99"),
                             line("max", "max", "Duration", "Maximum"), line("avg", "average", "Duration", "Average")], always: true),
            ChartSpec(kind: .throttles, title: "Throttles", unit: .count,
                      lines: byQualifier ? perQualifier("thr", "Throttles", "Sum") : [line("thr", "throttles", "Throttles", "Sum")], always: true),
            ChartSpec(kind: .concurrency, title: "Concurrent executions", unit: .count,
                      lines: [line("conc", "concurrent", "ConcurrentExecutions", "Maximum")], always: true),
            ChartSpec(kind: .streams, title: "Stream lag", unit: .milliseconds,
                      lines: [line("iter", "iterator age", "IteratorAge", "Maximum"), line("olag", "offset lag", "OffsetLag", "Maximum")], always: false),
            ChartSpec(kind: .async, title: "Asynchronous events", unit: .count,
                      lines: [line("arecv", "received", "AsyncEventsReceived", "Sum"), line("adrop", "dropped", "AsyncEventsDropped", "Sum"),
                              line("aage", "age ms (max)", "AsyncEventAge", "Maximum")], always: false),
            ChartSpec(kind: .delivery, title: "Delivery failures", unit: .count,
                      lines: [line("dle", "dead-letter errors", "DeadLetterErrors", "Sum"),
                              line("ddf", "destination failures", "DestinationDeliveryFailures", "Sum")], always: false),
            ChartSpec(kind: .provisioned, title: byQualifier ? "Provisioned concurrency used" : "Provisioned concurrency spillover",
                      unit: byQualifier ? .ratio : .count,
                      lines: byQualifier ? perQualifier("pcu", "ProvisionedConcurrencyUtilization", "Maximum")
                          : [line("pcs", "spillover invocations", "ProvisionedConcurrencySpilloverInvocations", "Sum")], always: false),
            ChartSpec(kind: .account, title: "Account concurrency", unit: .count,
                      lines: [ChartLine(id: "acc", label: "account concurrent", metric: "ConcurrentExecutions", stat: "Maximum", accountWide: true),
                              ChartLine(id: "claim", label: "claimed", metric: "ClaimedAccountConcurrency", stat: "Maximum", accountWide: true)],
                      always: false),
        ]
    }

    /// The queries for these charts of `function` at `period`.
    public static func queries(_ charts: [ChartSpec], function: String, period: Int) -> [MetricQuery] {
        charts.flatMap(\.lines).map { line in
            let dimensions: [MetricDimension] = if line.accountWide { [] }
                else if let qualifier = line.qualifier {
                    [MetricDimension("FunctionName", function), MetricDimension("Resource", "\(function):\(qualifier)")]
                        + (line.executedVersion.map { [MetricDimension("ExecutedVersion", $0)] } ?? [])
                }
                else { [MetricDimension("FunctionName", function)] }
            return MetricQuery(id: line.id, namespace: "AWS/Lambda", metricName: line.metric, dimensions: dimensions, period: period, stat: line.stat)
        }
    }
}
