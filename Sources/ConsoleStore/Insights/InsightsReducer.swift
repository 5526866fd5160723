import FoundationEssentials
import LogsAPI

/// The Logs Insights view: opening it, running and stopping queries, their results, and the
/// jump from a result's request id to that invocation's lines.
enum InsightsReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date) -> [ConsoleEffect] {
        switch action {
        case .insightsCommand(.open):
            return open(&state)
        case .insightsCommand(let command):
            guard case .insights(let name) = state.route, var view = state.insights[name] else { return [] }
            defer { state.insights[name] = view }
            return apply(command, &view, &state, now: now)
        case .insightsQueriesLoaded(let name, let queries, let problems):
            guard var view = state.insights[name] else { return [] }
            let chosen = view.queries.indices.contains(view.queryCursor) ? view.queries[view.queryCursor] : nil
            view.queries = InsightsQuery.lambda + queries
            view.queryProblems = problems
            view.queryCursor = chosen.flatMap { view.queries.firstIndex(of: $0) } ?? 0
            state.insights[name] = view
        case .insightsProgress(let name, let generation, let results, let error):
            guard var view = state.insights[name], view.generation == generation, view.running else { return [] }
            if let results {
                view.take(results)
                view.status = results.status
                if results.isFinished { view.running = false }
            }
            if let error {
                view.error = error
                view.status = "Failed"
                view.running = false
            }
            if !view.running { state.inFlight.remove(.insights(function: name)) }
            state.insights[name] = view
        case .requestLinesLoaded(let name, let requestId, let result):
            guard state.route == .insights(function: name) else { return [] }
            switch result {
            case .success(let lines) where lines.isEmpty:
                state.status = "No lines with request id \(requestId) within 15 minutes of its result."
            case .success(let lines):
                // The invocation's lines, START to REPORT, as one event: the log event view scrolls them.
                var view = LogEventView(lines[0])
                view.text = lines.map { "\(Formatting.clock($0.timestamp))  \($0.message.trimmingNewlines())" }
                    .joined(separator: "\n")
                state.overlay = .logEvent(view)
            case .failure(let error):
                state.lastError = error.sentence
            }
        default:
            break
        }
        return []
    }

    private static func open(_ state: inout ConsoleState) -> [ConsoleEffect] {
        let name = state.functionMeant()
        guard let name, let function = state.function(named: name) else {
            state.status = "Choose a function first: Logs Insights queries one function's log group."
            return []
        }
        if state.route != .insights(function: name) { state.routes.append(.insights(function: name)) }
        guard state.insights[name] == nil else { return [] }
        state.insights[name] = InsightsState(function: name, group: function.logGroupName)
        return [.loadInsightsQueries(function: name)]
    }

    private static func apply(_ command: InsightsCommand, _ view: inout InsightsState, _ state: inout ConsoleState, now: Date) -> [ConsoleEffect] {
        switch command {
        case .open:
            return []
        case .run(let key):
            let query = key.flatMap { key in view.queries.first { $0.key == key } }
                ?? (view.queries.indices.contains(view.queryCursor) ? view.queries[view.queryCursor] : nil)
            guard let query else { return [] }
            var effects: [ConsoleEffect] = view.running ? [.stopInsights(function: view.function)] : []
            view.generation += 1
            view.ran = query
            view.running = true
            view.choosing = false
            view.status = "Scheduled"
            view.error = nil
            view.fields = []
            view.rows = []
            view.statistics = nil
            view.sortField = nil
            view.table = TableState(sortColumn: .time)
            state.inFlight.insert(.insights(function: view.function))
            let end = Int64(now.timeIntervalSince1970.rounded(.up))
            effects.append(.runInsights(InsightsRun(function: view.function, generation: view.generation, group: view.group, query: query.text,
                                                    start: end - Int64(view.range.seconds), end: end)))
            return effects
        case .range(let range):
            view.range = range
            // In the results, a new range runs the same query again over it.
            if !view.choosing, let ran = view.ran, let index = view.queries.firstIndex(of: ran) {
                view.queryCursor = index
                return apply(.run(nil), &view, &state, now: now)
            }
            return []
        case .back:
            if view.running {
                view.running = false
                view.status = "Cancelled"
                view.generation += 1
                state.inFlight.remove(.insights(function: view.function))
                return [.stopInsights(function: view.function)]
            }
            if !view.choosing {
                view.choosing = true
                return []
            }
            state.routes.removeLast()
            return []
        case .openRow:
            if view.choosing { return apply(.run(nil), &view, &state, now: now) }
            guard let request = view.selectedRequest else {
                state.status = "This row has no @requestId: the query must return it (fields @requestId) to open its invocation."
                return []
            }
            let around = request.timestamp ?? Int64(now.timeIntervalSince1970 * 1000)
            return [.loadRequestLines(function: view.function, group: view.group, requestId: request.id, around: around)]
        case .save(let json):
            guard !view.rows.isEmpty else {
                state.status = "Nothing to save: no results yet."
                return []
            }
            let stamp = Int(now.timeIntervalSince1970)
            let path = "insights-\(view.function)-\(stamp).\(json ? "json" : "csv")"
            return [.saveLines(path: path, json ? [view.json] : view.csv)]
        case .sortByField(let position):
            guard !view.choosing else { return [] }
            guard view.fields.indices.contains(position - 1) else {
                state.status = "The results have \(view.fields.count) fields: \(position % 10) sorts none of them."
                return []
            }
            let field = view.fields[position - 1]
            view.ascending = view.sortField == field ? !view.ascending : true
            view.sortField = field
            view.rebuild()
            state.status = "Sorted by \(field), \(view.ascending ? "ascending" : "descending")."
            return []
        }
    }

    /// Up and down: the query list's cursor, or the results'.
    static func scroll(_ state: inout ConsoleState, function name: String, by delta: Int) {
        guard var view = state.insights[name] else { return }
        if view.choosing {
            view.queryCursor = max(0, min(view.queries.count - 1, view.queryCursor + delta))
        } else {
            view.table.moveCursor(by: delta)
            view.table.scrollToCursor(height: max(1, state.pageHeight - 2))
        }
        state.insights[name] = view
    }
}
