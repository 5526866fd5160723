import ConsoleStore
import FoundationEssentials
import Glibc

/// A function's Monitor view: a readout line (range, split, the time under the cursor, cost),
/// then its charts stacked, each with its legend and the values under the cursor, a value axis
/// on the left and a time axis below.
enum MonitorView {
    static func draw(_ function: String, _ state: ConsoleState, _ screen: Screen, _ theme: Theme, top: Int, height: Int) {
        guard let monitor = state.monitors[function] else { return }
        let style: ChartStyle = theme.name == "monochrome" ? .plain : state.chartStyle
        let layout = ScreenLayout(rows: screen.rows, columns: screen.columns)
        let charts = monitor.shownCharts
        let (shown, plotRows) = layout.chartRows(charts: charts.count)
        let first = max(0, min(monitor.scroll, charts.count - shown))
        var room = screen.columns
        if charts.count > shown {
            let note = " charts \(first + 1)–\(first + shown) of \(charts.count) (j/k) "
            room = max(0, screen.columns - DisplayWidth.of(note))
            screen.put(note, row: top, column: room, style: theme[.dim])
        }
        readout(monitor, state, screen, theme, row: top, width: room)
        if case .failed(let error) = monitor.status, monitor.answer.series.isEmpty {
            screen.put(DisplayWidth.clip(TableView.sanitize(error.sentence), width: screen.columns - 2), row: top + 2, column: 1, style: theme[.error])
            return
        }
        var row = top + 1
        for chart in charts.dropFirst(first).prefix(shown) where row + plotRows + ScreenLayout.chartFrameRows <= top + height {
            draw(chart, monitor, state, screen, theme, style: style, top: row, plotRows: plotRows)
            row += plotRows + ScreenLayout.chartFrameRows
        }
    }

    static func readout(_ monitor: MonitorState, _ state: ConsoleState, _ screen: Screen, _ theme: Theme, row: Int, width: Int) {
        var x = 1
        for range in MetricRange.allCases where x + 5 <= width {
            let style = range == monitor.range ? TableView.merge(theme[.title], over: TextStyle(reverse: true)) : theme[.dim]
            x = screen.put(" \(range.rawValue) ", row: row, column: x, style: style)
        }
        var parts = ["by \(monitor.split.rawValue)"]
        if let window = monitor.window, let bucket = monitor.cursorBucket {
            parts.append(time(window.time(ofBucket: bucket), range: monitor.range) + " UTC" + (monitor.cursor == nil ? " (latest)" : ""))
        }
        switch monitor.status {
        case .loading: parts.append("⟳ reading")
        case .failed(let error): parts.append("✗ " + error.sentence)
        default: break
        }
        if let cost = cost(monitor, state) { parts.append(cost) }
        parts += monitor.answer.problems.filter { !$0.hasPrefix("Percentiles") }.prefix(1)
        let text = "  " + parts.joined(separator: " · ")
        screen.put(DisplayWidth.clip(TableView.sanitize(text), width: max(0, width - x - 1)), row: row, column: x, style: theme[.text])
    }

    /// "≈ $1.20/day, $2.10 a million invocations": the range's invocations and average duration at
    /// the function's memory and architecture, with the price table's prices.
    static func cost(_ monitor: MonitorState, _ state: ConsoleState) -> String? {
        guard monitor.split == .function, let window = monitor.window, let function = state.function(named: monitor.function),
              let invocations = monitor.answer.series["inv"], let averages = monitor.answer.series["avg"] else { return nil }
        var count = 0.0, weighted = 0.0
        for (calls, average) in zip(invocations, averages) {
            guard let calls, let average else { continue }
            count += calls
            weighted += calls * average
        }
        guard count > 0 else { return nil }
        let average = weighted / count
        let days = Double(window.period * window.buckets) / 86_400
        let memory = function.memorySize ?? 128
        let daily = state.prices.daily(invocationsPerDay: count / days, averageMilliseconds: average, memoryMB: memory,
                                       architecture: function.architectures?.first)
        let each = state.prices.invocation(billedMilliseconds: max(1, average.rounded(.up)), memoryMB: memory, architecture: function.architectures?.first)
        return "≈ \(state.prices.format(daily))/day, \(state.prices.format(each * 1_000_000)) a million invocations "
            + "(avg \(Formatting.milliseconds(average)), \(memory) MB)"
    }

    static func draw(_ chart: ChartSpec, _ monitor: MonitorState, _ state: ConsoleState, _ screen: Screen, _ theme: Theme,
                     style: ChartStyle, top: Int, plotRows: Int) {
        guard let window = monitor.window else { return }
        let gutter = ScreenLayout.chartGutter
        let width = ScreenLayout(rows: screen.rows, columns: screen.columns).chartPlotWidth
        let bucket = monitor.cursorBucket ?? 0
        // Title and legend, each line's value under the cursor beside its name.
        var x = screen.put(" " + title(chart, monitor, state) + " ", row: top, column: 0, style: theme[.title])
        for (index, line) in chart.lines.enumerated() {
            let value = format(monitor.value(line.id, at: bucket), chart.unit)
            let mark = style == .plain ? String(ChartPlot.plainMarks[index % ChartPlot.plainMarks.count]) : "■"
            let entry = "\(mark) \(line.label) \(value.isEmpty ? "–" : value)  "
            guard x + DisplayWidth.of(entry) <= screen.columns else { break }
            x = screen.put(mark, row: top, column: x, style: theme[ThemeRole.chartLine(index)])
            x = screen.put(String(entry.dropFirst(mark.count)), row: top, column: x, style: theme[.text])
        }
        if chart.kind == .duration, let problem = monitor.answer.problems.first(where: { $0.hasPrefix("Percentiles") }) {
            screen.put(DisplayWidth.clip(problem, width: max(0, screen.columns - x - 1)), row: top, column: x, style: theme[.warn])
        }
        // The plot, scaled to the chart's highest value (and its reference line's).
        let highest = chart.lines.compactMap { line in monitor.answer.series[line.id]?.compactMap { $0 }.max() }.max() ?? 0
        let axisTop = ChartPlot.niceTop(highest)
        var plot = ChartPlot(width: width, height: plotRows, style: style)
        for (index, line) in chart.lines.enumerated() {
            if let values = monitor.answer.series[line.id] { plot.plot(values, line: index, top: axisTop) }
        }
        let cursorColumn = min(width - 1, bucket * width / max(1, window.buckets))
        for row in 0..<plotRows {
            let label = row == 0 ? format(axisTop, chart.unit) : row == plotRows - 1 ? "0" : row == plotRows / 2 && plotRows > 2 ? format(axisTop / 2, chart.unit) : ""
            screen.put(DisplayWidth.fit(label, width: gutter - 1, alignRight: true), row: top + 1 + row, column: 0, style: theme[.chartAxis])
            screen.put("┤", row: top + 1 + row, column: gutter - 1, style: theme[.chartAxis])
            for column in 0..<width {
                let drawn = plot.cell(row: row, column: column)
                var cellStyle = drawn.map { theme[ThemeRole.chartLine($0.line)] } ?? theme[.text]
                if column == cursorColumn { cellStyle = TableView.merge(theme[.chartCursor], over: cellStyle) }
                guard drawn != nil || column == cursorColumn else { continue }
                screen.put(String(drawn?.0 ?? " "), row: top + 1 + row, column: gutter + column, style: cellStyle)
            }
        }
        axis(window, monitor.range, screen, theme, row: top + 1 + plotRows, left: gutter, width: width)
    }

    static func title(_ chart: ChartSpec, _ monitor: MonitorState, _ state: ConsoleState) -> String {
        let per = "per \(periodName(monitor.window?.period ?? 60))"
        switch chart.kind {
        case .errors:
            // Success rate over the range, as the Lambda console shows it beside the errors.
            guard monitor.split == .function, let invocations = monitor.answer.series["inv"], let errors = monitor.answer.series["err"] else {
                return "\(chart.title) \(per)"
            }
            let calls = invocations.compactMap { $0 }.reduce(0, +), failed = errors.compactMap { $0 }.reduce(0, +)
            return calls > 0 ? "\(chart.title) \(per) · success \(String(printf: "%.2f", 100 * (1 - min(1, failed / calls))))%" : "\(chart.title) \(per)"
        case .concurrency:
            var title = "\(chart.title) (max)"
            if let reserved = state.details[monitor.function]?.reservedConcurrency {
                title += " · reserved \(reserved)"
            } else if let limit = state.accountLimit?.concurrentExecutions {
                let unreserved = state.accountLimit?.unreservedConcurrentExecutions.map { ", unreserved \(Formatting.count($0))" } ?? ""
                title += " · account limit \(Formatting.count(limit))\(unreserved)"
            }
            return title + (codeStorage(state).map { " · \($0)" } ?? "")
        case .account:
            return "\(chart.title) (max)" + (state.accountLimit?.concurrentExecutions.map { " · limit \(Formatting.count($0))" } ?? "")
        case .duration, .streams:
            return chart.title
        default:
            return "\(chart.title) \(per)"
        }
    }

    /// "code storage 1.2 GB of 75 GB (2%)", with a warning word past 80%.
    static func codeStorage(_ state: ConsoleState) -> String? {
        guard let used = state.accountUsage?.totalCodeSize, let limit = state.accountLimit?.totalCodeSize, limit > 0, used >= 0 else { return nil }
        let share = Double(used) / Double(limit)
        let gigabytes = { (bytes: Int64) in String(printf: "%.1f GB", Double(bytes) / 1_073_741_824) }
        return "code storage \(gigabytes(used)) of \(gigabytes(limit)) (\(Int((min(1, share) * 100).rounded()))%)" + (share >= 0.8 ? " NEAR THE LIMIT" : "")
    }

    static func periodName(_ seconds: Int) -> String {
        seconds % 3_600 == 0 ? (seconds == 3_600 ? "hour" : "\(seconds / 3_600) h") : seconds == 60 ? "minute" : "\(seconds / 60) min"
    }

    static func format(_ value: Double?, _ unit: MetricUnit) -> String {
        switch unit {
        case .count: Formatting.compact(value)
        case .milliseconds: Formatting.milliseconds(value)
        case .ratio: value.map { $0.isFinite ? String(printf: "%.0f%%", $0 * 100) : "" } ?? ""
        }
    }

    /// Times at the start, the middle and the end of the window.
    static func axis(_ window: MetricWindow, _ range: MetricRange, _ screen: Screen, _ theme: Theme, row: Int, left: Int, width: Int) {
        screen.put(String(repeating: "─", count: width), row: row, column: left, style: theme[.chartAxis])
        let marks = [(0, window.start), (width / 2, window.time(ofBucket: window.buckets / 2)), (width, window.end)]
        for (offset, date) in marks {
            let label = time(date, range: range)
            let column = min(left + width - DisplayWidth.of(label), max(left, left + offset - DisplayWidth.of(label) / 2))
            guard column >= 0, column + DisplayWidth.of(label) <= screen.columns else { continue }
            screen.put(label, row: row, column: column, style: theme[.chartAxis])
        }
    }

    /// "14:32", or "11-28 14:00" for ranges of days.
    static func time(_ date: Date, range: MetricRange) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let clock = String(printf: "%02d:%02d", parts.tm_hour, parts.tm_min)
        return range.seconds > 86_400 ? String(printf: "%02d-%02d ", parts.tm_mon + 1, parts.tm_mday) + clock : clock
    }
}
