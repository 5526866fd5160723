import FoundationEssentials
import MetricsAPI

/// How the Monitor view's per-invocation charts are split.
public enum MonitorSplit: String, Sendable, CaseIterable {
    case function, versions, aliases
}

/// Keys of the Monitor view.
public enum MonitorCommand: Sendable, Equatable {
    /// `M`, `:monitor`: the selected (or shown) function's Monitor view.
    case open
    case range(MetricRange)
    /// `v`: the whole function, side by side per version, per alias.
    case cycleSplit
    /// `h`/`l` (and the arrows): the cursor, by this many chart cells.
    case moveCursor(Int)
    /// `L`/End: back to the latest point.
    case cursorToLatest
    case reload
}

/// What the effect runner reads for a Monitor view.
public struct MonitorRequest: Sendable, Equatable {
    public var function: String
    public var generation: Int
    public var window: MetricWindow
    public var queries: [MetricQuery]
    /// Whether to ask for percentile statistics (a separate call: an endpoint that refuses them
    /// then costs the other charts nothing).
    public var percentiles: Bool

    public init(function: String, generation: Int, window: MetricWindow, queries: [MetricQuery], percentiles: Bool) {
        self.function = function
        self.generation = generation
        self.window = window
        self.queries = queries
        self.percentiles = percentiles
    }
}

/// What it found: each line's points placed in the window, and what could not be had.
public struct MonitorAnswer: Sendable, Equatable {
    public var series: [String: [Double?]] = [:]
    /// Sentences for the view: percentiles refused, partial data, a denied metric.
    public var problems: [String] = []
    /// The whole read failed.
    public var error: ConsoleError?
    /// The endpoint refused percentile statistics: later reads leave them out.
    public var percentilesRefused = false
    /// The other charts' answer, drawn while the percentiles' own call is still out.
    public var percentilesPending = false

    public init(series: [String: [Double?]] = [:], problems: [String] = [], error: ConsoleError? = nil, percentilesRefused: Bool = false) {
        self.series = series
        self.problems = problems
        self.error = error
        self.percentilesRefused = percentilesRefused
    }
}

/// One function's Monitor view: its range and split, where the cursor stands, which chart is at
/// the top, and the last answer (kept while a new range is read, as the list keeps its rows).
public struct MonitorState: Sendable, Equatable {
    public var function: String
    public var range: MetricRange = .day
    public var split: MonitorSplit = .function
    /// The point the readout shows; nil follows the latest.
    public var cursor: Int?
    /// The first chart shown, when they do not all fit.
    public var scroll = 0
    public var status: LoadStatus = .never
    public var generation = 0
    /// The window and charts on screen, which the last answer fills.
    public var window: MetricWindow?
    public var charts: [ChartSpec] = []
    /// The window and charts of the read in flight, shown once it answers.
    var requestedWindow: MetricWindow?
    var requestedCharts: [ChartSpec] = []
    public var answer = MonitorAnswer()
    /// When the view was last read: it is read again after a period while shown.
    public var readAt: Date?

    public init(function: String) {
        self.function = function
    }

    /// The charts worth drawing: the five always shown, and the others that have something to
    /// show (a function without streams or asynchronous events has only zeros there, if anything).
    public var shownCharts: [ChartSpec] {
        charts.filter { chart in
            chart.always || chart.lines.contains { answer.series[$0.id]?.contains { ($0 ?? 0) > 0 } == true }
        }
    }

    /// The point under the cursor.
    public var cursorBucket: Int? {
        guard let window else { return nil }
        return min(window.buckets - 1, max(0, cursor ?? window.buckets - 1))
    }

    /// A line's value at a point.
    public func value(_ line: String, at bucket: Int) -> Double? {
        guard let values = answer.series[line], values.indices.contains(bucket) else { return nil }
        return values[bucket]
    }
}

/// How charts are drawn: Braille dots (2×4 a cell), block characters for fonts without
/// Braille, or plain characters, one per line, where colour cannot tell lines apart
/// (`chart_style` in the config; the monochrome theme draws plain).
public enum ChartStyle: String, Sendable, CaseIterable {
    case braille, blocks, plain
}
