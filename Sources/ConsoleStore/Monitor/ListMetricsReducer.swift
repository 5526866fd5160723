import FoundationEssentials

/// The metric columns: turning them on and off, when to read which functions' metrics, and
/// what an answer changes.
enum ListMetricsReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date) -> [ConsoleEffect] {
        switch action {
        case .toggleMetricColumns:
            state.metricColumns.toggle()
            if !state.metricColumns, state.tables[.functions]?.sortColumn.isMetric == true {
                state.tables[.functions]?.sortColumn = .name
                state.tables[.functions]?.ascending = true
            }
            state.rebuild(.functions)
            state.status = state.metricColumns
                ? "Metric columns on: the last hour's invocations, errors, p99, throttles and cost a day. GetMetricData is billed per metric, "
                    + "5 a function on screen a minute (about $0.01 per 1,000)."
                : "Metric columns off: no more GetMetricData calls."
            return [.rememberSetting(key: "metric_columns", value: state.metricColumns ? "true" : "false")]
        case .listMetricsLoaded(_, let result, let percentilesProblem):
            state.inFlight.remove(.listMetrics)
            if let percentilesProblem { state.percentilesProblem = percentilesProblem }
            switch result {
            case .success(let summaries):
                // Fresh as of the reducer's clock, the one the next read is decided by.
                for (name, var summary) in summaries {
                    summary.fetchedAt = now
                    state.listMetrics[name] = summary
                }
                state.listMetricsProblem = nil
                state.listMetricsRetryAt = nil
            case .failure(let error):
                // Each name is marked read (empty) only if nothing else is known, so that the
                // columns say "no data" rather than wait; the read is tried again in a minute.
                let problem = "Metric columns: " + error.sentence
                if state.listMetricsProblem != problem { state.lastError = problem }
                state.listMetricsProblem = problem
                state.listMetricsRetryAt = now.addingTimeInterval(max(ListMetricsPlan.failureWait, error.retryAfter ?? 0))
            }
            state.listMetricsGeneration += 1
            let table = state.tables[.functions]
            if let table, table.sortColumn.isMetric || FunctionFilter(table.filter).usesMetrics {
                // A sort or filter by a metric is only as complete as what is read: the tabs say how far.
                state.metricsKnown = known(state)
                state.rebuild(.functions)
            }
            return []
        default:
            return []
        }
    }

    /// The next read the metric columns need, if any: the rows on screen and a page either side
    /// whose metrics are older than a minute (filled up with the rows below), then (while a filter or sort uses a metric) every
    /// function's older than ten. Only while the list is shown and refreshes are not paused.
    static func readIfNeeded(_ state: inout ConsoleState, now: Date) -> [ConsoleEffect] {
        guard state.metricColumns, state.route == .pane(.functions), state.overlay == nil || state.overlay == .help,
              !state.inFlight.contains(.listMetrics), !state.refreshPausedForIdle, !state.functions.isEmpty,
              now >= (state.listMetricsRetryAt ?? .distantPast), now >= (state.refreshesHeldUntil ?? .distantPast),
              let table = state.tables[.functions] else { return [] }
        let limit = ListMetricsPlan.functionsPerCall
        var names: [String] = []
        var chosen = Set<String>()
        func consider(_ row: Int, age: TimeInterval) {
            guard state.functions.indices.contains(row), let name = state.functions[row].functionName, !chosen.contains(name) else { return }
            if let summary = state.listMetrics[name], now.timeIntervalSince(summary.fetchedAt) < age { return }
            chosen.insert(name)
            names.append(name)
        }
        let height = state.pageHeight
        let visible = table.visible
        let lower = max(0, min(visible.count, table.scroll - height)), upper = max(lower, min(visible.count, table.scroll + 2 * height))
        // On screen first, then the page below, then the page above.
        for position in Array(table.scroll..<upper) + Array(lower..<min(table.scroll, upper)) where names.count < limit {
            if visible.indices.contains(position) { consider(visible[position], age: ListMetricsPlan.refreshAge) }
        }
        // A read that has to be made anyway is filled with the rows further down, where a
        // scroll goes next: a page down then finds them read, and a call covers pages, not one.
        if !names.isEmpty {
            for position in upper..<visible.count where names.count < limit { consider(visible[position], age: ListMetricsPlan.refreshAge) }
        }
        let sweeping = table.sortColumn.isMetric || FunctionFilter(table.filter).usesMetrics
        if sweeping, names.count < limit, now >= (state.metricSweepRestsUntil ?? .distantPast) {
            state.metricsKnown = known(state)
            for row in state.functions.indices where names.count < limit { consider(row, age: ListMetricsPlan.sweepAge) }
            if names.isEmpty { state.metricSweepRestsUntil = now.addingTimeInterval(30) }
        }
        guard !names.isEmpty else { return [] }
        state.inFlight.insert(.listMetrics)
        return [.loadListMetrics(names: names, percentiles: state.percentilesProblem == nil)]
    }

    /// How many functions have metrics, counted while a sweep is needed: "metrics 300/2,000".
    static func known(_ state: ConsoleState) -> Int {
        state.functions.reduce(0) { count, row in count + (row.functionName.map { state.listMetrics[$0] != nil } == true ? 1 : 0) }
    }
}
