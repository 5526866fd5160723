import ConsoleStore
import FoundationEssentials

/// Logs Insights: the queries to choose from (with the chosen one's text), or a run's results
/// as a table of the query's fields, with its status and what it scanned.
enum InsightsView {
    static func draw(_ function: String, _ state: ConsoleState, _ screen: Screen, _ theme: Theme, top: Int, height: Int) {
        guard let view = state.insights[function] else { return }
        let ranges = MetricRange.allCases.map { $0 == view.range ? "[\($0.rawValue)]" : $0.rawValue }.joined(separator: " ")
        let heading = " Logs Insights · \(view.group) · last \(view.range.rawValue)  \(ranges)"
        screen.put(DisplayWidth.clip(TableView.sanitize(heading), width: screen.columns - 1), row: top, column: 0, style: theme[.title])
        if view.choosing {
            queries(view, screen, theme, top: top + 1, height: height - 1)
        } else {
            results(view, screen, theme, top: top + 1, height: height - 1)
        }
    }

    static func queries(_ view: InsightsState, _ screen: Screen, _ theme: Theme, top: Int, height: Int) {
        let listed = min(view.queries.count, max(1, height / 2))
        let first = max(0, min(view.queryCursor - listed + 1, view.queries.count - listed))
        for (offset, query) in view.queries.dropFirst(first).prefix(listed).enumerated() {
            let index = first + offset
            let key = query.key.map { String($0) } ?? " "
            let origin = query.origin == .builtIn ? "" : "  (\(query.origin.rawValue))"
            let line = " \(key)  \(query.name)\(origin)"
            let style = index == view.queryCursor ? theme[.selection] : theme[.text]
            if index == view.queryCursor { screen.fill(row: top + offset, from: 0, style: style) }
            screen.put(DisplayWidth.clip(TableView.sanitize(line), width: screen.columns - 1), row: top + offset, column: 0, style: style)
        }
        var row = top + listed + 1
        guard view.queries.indices.contains(view.queryCursor) else { return }
        for line in view.queries[view.queryCursor].text.split(separator: "\n", omittingEmptySubsequences: false) where row < top + height {
            screen.put(DisplayWidth.clip(TableView.sanitize("   " + line), width: screen.columns - 1), row: row, column: 0, style: theme[.dim])
            row += 1
        }
        for problem in view.queryProblems.prefix(2) where row < top + height {
            screen.put(DisplayWidth.clip(TableView.sanitize(" " + problem), width: screen.columns - 1), row: row, column: 0, style: theme[.warn])
            row += 1
        }
    }

    static func results(_ view: InsightsState, _ screen: Screen, _ theme: Theme, top: Int, height: Int) {
        var parts = [view.ran?.name ?? "query"]
        if let status = view.status { parts.append(view.running ? "⟳ \(status)" : status) }
        if let statistics = view.statistics {
            // Numbers from AWS, converted only within range (a hostile 1e300 would trap).
            func whole(_ value: Double?) -> Int { value.map { $0.isFinite ? Int(max(0, min($0, 1e15))) : 0 } ?? 0 }
            parts.append("\(Formatting.count(whole(statistics.recordsMatched))) matched")
            parts.append("\(Formatting.count(whole(statistics.recordsScanned))) scanned")
            if statistics.bytesScanned != nil { parts.append(Formatting.bytes(Int64(whole(statistics.bytesScanned)))) }
        }
        parts.append("\(Formatting.count(view.rows.count)) rows")
        if let field = view.sortField { parts.append("sorted by \(field)") }
        let style = view.error != nil ? theme[.error] : view.status == "Failed" || view.status == "Timeout" ? theme[.warn] : theme[.text]
        screen.put(DisplayWidth.clip(TableView.sanitize(" " + parts.joined(separator: " · ")), width: screen.columns - 1), row: top, column: 0, style: style)
        if let error = view.error {
            screen.put(DisplayWidth.clip(TableView.sanitize(" " + error.sentence), width: screen.columns - 1), row: top + 2, column: 0, style: theme[.error])
            return
        }
        if view.rows.isEmpty {
            let note = view.running ? "Waiting for the first results…" : "No results in the last \(view.range.rawValue)."
            screen.put(" " + note, row: top + 2, column: 0, style: theme[.dim])
            return
        }
        TableView.draw(view.rows, columns: PaneColumns.insights(fields: view.fields), table: view.table, theme: theme, screen: screen,
                       top: top + 1, height: height - 1)
    }
}
