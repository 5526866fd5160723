import FoundationEssentials
import LambdaAPI

/// The Monitor view: opening it, its keys, and its answers.
enum MonitorReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date) -> [ConsoleEffect] {
        switch action {
        case .monitorCommand(.open):
            return open(&state, now: now)
        case .monitorCommand(let command):
            guard case .monitor(let name) = state.route, var monitor = state.monitors[name] else { return [] }
            var effects: [ConsoleEffect] = []
            switch command {
            case .open: break
            case .range(let range):
                guard range != monitor.range else { return [] }
                monitor.range = range
                monitor.cursor = nil
                effects = load(&state, &monitor, now: now)
            case .cycleSplit:
                let all = MonitorSplit.allCases
                monitor.split = all[((all.firstIndex(of: monitor.split) ?? 0) + 1) % all.count]
                effects = load(&state, &monitor, now: now)
                if monitor.split != .function, qualifiers(state, name, monitor.split).isEmpty {
                    state.status = state.details[name] == nil
                        ? "Reading \(name)'s versions and aliases first."
                        : "\(name) has no \(monitor.split == .versions ? "published versions" : "aliases"): the charts are the whole function's."
                    effects += Reducer.readDetail(name, &state)
                }
            case .moveCursor(let cells):
                guard let window = monitor.window, let bucket = monitor.cursorBucket else { return [] }
                let perCell = max(1, window.buckets / max(1, state.layout.chartPlotWidth))
                let moved = bucket + cells * perCell
                monitor.cursor = moved >= window.buckets - 1 ? nil : max(0, moved)
            case .cursorToLatest:
                monitor.cursor = nil
            case .reload:
                effects = load(&state, &monitor, now: now)
            }
            state.monitors[name] = monitor
            return effects
        case .monitorLoaded(let name, let generation, let answer):
            guard var monitor = state.monitors[name], monitor.generation == generation else { return [] }
            if !answer.percentilesPending { state.inFlight.remove(.monitor(function: name)) }
            if answer.percentilesRefused, state.percentilesProblem == nil {
                state.percentilesProblem = answer.problems.first ?? "This endpoint does not answer percentile statistics."
            }
            if let error = answer.error {
                monitor.status = .failed(error)
            } else {
                // The answer is drawn in the window and charts it was asked for.
                monitor.answer = answer
                monitor.window = monitor.requestedWindow ?? monitor.window
                monitor.charts = monitor.requestedCharts
                monitor.status = answer.percentilesPending ? .loading : .loaded(now)
            }
            // Fewer charts, or a shorter window, than before: the scroll and cursor stay inside.
            monitor.scroll = min(monitor.scroll, max(0, monitor.shownCharts.count - 1))
            if let cursor = monitor.cursor, let window = monitor.window, cursor >= window.buckets - 1 { monitor.cursor = nil }
            monitor.readAt = now
            state.monitors[name] = monitor
            return []
        default:
            return []
        }
    }

    /// Opens the Monitor view of the function the user means, reading what it lacks.
    private static func open(_ state: inout ConsoleState, now: Date) -> [ConsoleEffect] {
        let name = state.functionMeant()
        guard let name else {
            state.status = "Choose a function first: the Monitor view shows one function's metrics."
            return []
        }
        if state.route != .monitor(function: name) { state.routes.append(.monitor(function: name)) }
        var monitor = state.monitors[name] ?? MonitorState(function: name)
        var effects: [ConsoleEffect] = []
        // A view read within its period shows as it was: going back and forth costs no call.
        if monitor.readAt.map({ now.timeIntervalSince($0) >= Double(max(60, monitor.range.period)) }) ?? true {
            effects = load(&state, &monitor, now: now)
        }
        state.monitors[name] = monitor
        if state.details[name] == nil { effects += Reducer.readDetail(name, &state) }
        // The concurrency chart is drawn against the account's limit.
        if state.accountLimit == nil, state.accountLimitProblem == nil, !state.inFlight.contains(.accountLimit) {
            state.inFlight.insert(.accountLimit)
            effects.append(.loadAccountLimit)
        }
        return effects
    }

    /// The view read again while shown, once a period (a minute at least).
    static func refresh(_ state: inout ConsoleState, function name: String, now: Date) -> [ConsoleEffect] {
        guard var monitor = state.monitors[name] else { return [] }
        guard monitor.readAt.map({ now.timeIntervalSince($0) >= Double(max(60, monitor.range.period)) }) ?? true else { return [] }
        let effects = load(&state, &monitor, now: now)
        state.monitors[name] = monitor
        return effects
    }

    /// The versions or aliases arrived: a view split by them asks again with them.
    static func detailArrived(_ state: inout ConsoleState, function name: String, now: Date) -> [ConsoleEffect] {
        guard var monitor = state.monitors[name], monitor.split != .function,
              !monitor.requestedCharts.contains(where: { $0.lines.contains { $0.qualifier != nil } }),
              !qualifiers(state, name, monitor.split).isEmpty else { return [] }
        let effects = load(&state, &monitor, now: now)
        state.monitors[name] = monitor
        return effects
    }

    /// The versions shown side by side: those aliases route to, through the alias (its traffic
    /// per executed version), then the newest published; or the aliases.
    static func qualifiers(_ state: ConsoleState, _ name: String, _ split: MonitorSplit) -> [MonitorSeries] {
        guard let detail = state.details[name] else { return [] }
        switch split {
        case .function:
            return []
        case .aliases:
            return detail.aliases.compactMap(\.name).sorted().prefix(MonitorCharts.qualifiersShown).map { MonitorSeries(label: $0, resource: $0) }
        case .versions:
            var chosen: [MonitorSeries] = []
            for alias in detail.aliases.sorted(by: { ($0.name ?? "") < ($1.name ?? "") }) {
                guard let aliasName = alias.name, let weights = alias.routingConfig?.additionalVersionWeights, !weights.isEmpty else { continue }
                for version in [alias.functionVersion].compactMap({ $0 }) + weights.keys.sorted()
                where !chosen.contains(where: { $0.executedVersion == version || $0.resource == version }) {
                    chosen.append(MonitorSeries(label: "\(aliasName)→v\(version)", resource: aliasName, executedVersion: version))
                }
            }
            let published = detail.versions.compactMap(\.version).filter { $0 != "$LATEST" }.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
            for version in published where !chosen.contains(where: { $0.executedVersion == version || $0.resource == version }) {
                chosen.append(MonitorSeries(label: "v\(version)", resource: version))
            }
            return Array(chosen.prefix(MonitorCharts.qualifiersShown))
        }
    }

    private static func load(_ state: inout ConsoleState, _ monitor: inout MonitorState, now: Date) -> [ConsoleEffect] {
        let name = monitor.function
        monitor.generation += 1
        let window = MetricWindow.ending(at: now, period: monitor.range.period, buckets: monitor.range.buckets)
        monitor.requestedWindow = window
        monitor.requestedCharts = MonitorCharts.charts(split: monitor.split, qualifiers: qualifiers(state, name, monitor.split))
        // The first read has nothing to keep on screen: it shows the charts' frames at once.
        if monitor.window == nil { monitor.window = window; monitor.charts = monitor.requestedCharts }
        monitor.status = .loading
        monitor.readAt = now
        state.inFlight.insert(.monitor(function: name))
        return [.loadMonitor(MonitorRequest(function: name, generation: monitor.generation, window: window,
                                            queries: MonitorCharts.queries(monitor.requestedCharts, function: name, period: window.period),
                                            percentiles: state.percentilesProblem == nil))]
    }
}
