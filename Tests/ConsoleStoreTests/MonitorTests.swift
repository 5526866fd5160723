import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LogsAPI
import MetricsAPI
import Testing
import TestSupport

/// The metric columns and the Monitor view against the fault server's made-up CloudWatch (which
/// answers percentiles, partial data and throttling as the reference describes) and moto (which
/// answers Sum/Average/Maximum of what was put, and 500 for a percentile).
@Suite(.serialized) struct MonitorTests {
    static let names = ["pay-api", "pay-fail-worker", "pay-throttle-batch"]

    static func state(functions names: [String] = MonitorTests.names, metricColumns: Bool = true) -> ConsoleState {
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .functionsLoaded(.listed(names.map { name in
            var function = FunctionConfiguration()
            function.functionName = name
            function.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:\(name)"
            function.memorySize = 1024
            function.timeout = 3
            return function
        })))
        state.metricColumns = metricColumns
        return state
    }

    /// Runs `action` and every effect it leads to with `runner`, answers fed back, until none is left.
    static func drive(_ state: inout ConsoleState, _ action: ConsoleAction, runner: EffectRunner) async {
        var queue = [action]
        var steps = 0
        while !queue.isEmpty, steps < 50 {
            steps += 1
            let effects = Reducer.reduce(&state, queue.removeFirst())
            for effect in effects { queue.append(await runner.run(effect)) }
        }
    }

    static func runner(_ backend: TestBackend, metricsLane: String?, lambdaLane: String? = nil) -> EffectRunner {
        EffectRunner(lambda: LambdaClient(client: backend.client(.lambda, lane: lambdaLane)), logs: LogsClient(client: backend.client(.logs)),
                     metrics: MetricsClient(client: backend.client(.monitoring, lane: metricsLane, retry: RetryStrategy(maxAttempts: 1))))
    }

    @Test func theColumnsReadTheRowsOnScreenAndTheirHour() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("metrics")
        try await backend.syntheticMetrics(lane: lane)
        var state = Self.state()
        await Self.drive(&state, .moveCursor(0), runner: Self.runner(backend, metricsLane: lane))
        #expect(state.inFlight.isEmpty, "work left in flight: \(state.inFlight)")
        let failing = try #require(state.listMetrics["pay-fail-worker"])
        #expect(failing.invocations.count == FunctionMetricSummary.buckets)
        #expect(failing.totalErrors > 0 && failing.totalInvocations > failing.totalErrors)
        #expect(failing.latestP99 != nil, "the fault server answers percentiles")
        #expect(state.listMetrics["pay-api"]?.totalErrors == 0)
        #expect((state.listMetrics["pay-throttle-batch"]?.totalThrottles ?? 0) > 0)
        // One GetMetricData call, five queries a function, p99 among them.
        let calls = try await backend.requests(lane: lane).filter { $0.headers["x-amz-target"]?.hasSuffix("GetMetricData") == true }
        #expect(calls.count == 1)
        #expect(calls.first.map { $0.body.components(separatedBy: "\"Id\"").count - 1 } == Self.names.count * 5)
        #expect(calls.first?.body.contains("\"p99\"") == true)
    }

    @Test func errorsFilterAndSortReadTheirFigures() {
        var state = Self.state()
        let now = Date()
        _ = Reducer.reduce(&state, .listMetricsLoaded(names: Self.names, .success([
            "pay-api": FunctionMetricSummary(fetchedAt: now, invocations: [10, 20], errors: [0, 0], throttles: [0, 0], p99: [100, 200], durationSum: 3000),
            "pay-fail-worker": FunctionMetricSummary(fetchedAt: now, invocations: [5, 5], errors: [1, 3], throttles: [0, 0], p99: [900, 2700], durationSum: 9000),
            "pay-throttle-batch": FunctionMetricSummary(fetchedAt: now, invocations: [50, 50], errors: [0, 0], throttles: [2, 0], p99: [nil, nil]),
        ]), percentilesProblem: nil), now: now)
        _ = Reducer.reduce(&state, .editFilter("errors:>0"), now: now)
        #expect(state.tables[.functions]?.visible.map { state.functions[$0].functionName } == ["pay-fail-worker"])
        _ = Reducer.reduce(&state, .editFilter("p99:>=200"), now: now)
        #expect(state.tables[.functions]?.visible.map { state.functions[$0].functionName } == ["pay-api", "pay-fail-worker"])
        _ = Reducer.reduce(&state, .editFilter(""), now: now)
        _ = Reducer.reduce(&state, .sort(column: .invocations), now: now)
        _ = Reducer.reduce(&state, .sort(column: .invocations), now: now)  // again: descending
        #expect(state.tables[.functions]?.visible.map { state.functions[$0].functionName } == ["pay-throttle-batch", "pay-api", "pay-fail-worker"])
        // The digits reach the metric columns while they are shown: 2 is invocations, beside the name.
        _ = Reducer.reduce(&state, .sortByPosition(3), now: now)
        #expect(state.tables[.functions]?.sortColumn == .errors)
        #expect(state.status?.hasPrefix("Sorted by errors") == true)
    }

    @Test func aReadIsOnlyForTheListShownAndAgainAfterAMinute() {
        var state = Self.state(functions: (0..<400).map { String(format: "fn-%03d", $0) })
        let now = Date()
        state.layout = ScreenLayout(rows: 24, columns: 100)
        let effects = Reducer.reduce(&state, .moveCursor(0), now: now)
        guard case .loadListMetrics(let names, true)? = effects.first(where: { if case .loadListMetrics = $0 { true } else { false } }) else {
            Issue.record("no read for the rows on screen: \(effects)")
            return
        }
        // The page on screen and the next (the page above is the top of the list), filled up to a
        // call's hundred with the rows below, where a scroll goes next.
        #expect(names.count == ListMetricsPlan.functionsPerCall)
        #expect(names.prefix(2 * state.pageHeight) == ArraySlice((0..<2 * state.pageHeight).map { String(format: "fn-%03d", $0) }))
        // One read at a time.
        #expect(Reducer.reduce(&state, .moveCursor(1), now: now).allSatisfy { if case .loadListMetrics = $0 { false } else { true } })
        let summaries = Dictionary(uniqueKeysWithValues: names.map { ($0, FunctionMetricSummary(fetchedAt: now)) })
        #expect(Reducer.reduce(&state, .listMetricsLoaded(names: names, .success(summaries), percentilesProblem: nil), now: now).isEmpty)
        // Within the minute nothing is read again; after it, the same rows are.
        #expect(Reducer.reduce(&state, .moveCursor(1), now: now.addingTimeInterval(30)).isEmpty)
        #expect(!Reducer.reduce(&state, .moveCursor(1), now: now.addingTimeInterval(61)).isEmpty)
        // Nothing while another screen is shown.
        var other = Self.state()
        other.routes.append(.detail(function: "pay-api"))
        #expect(Reducer.reduce(&other, .moveCursor(0), now: now).allSatisfy { if case .loadListMetrics = $0 { false } else { true } })
    }

    @Test func aSortByAMetricReadsTheWholeListInCallsOfAHundred() {
        var state = Self.state(functions: (0..<250).map { String(format: "fn-%03d", $0) })
        let now = Date()
        var read: [String] = []
        var effects = Reducer.reduce(&state, .sort(column: .errors), now: now)
        // Each answer asks for the next hundred, until every function is known.
        while case .loadListMetrics(let names, _)? = effects.first, read.count < 1_000 {
            #expect(names.count <= ListMetricsPlan.functionsPerCall)
            read += names
            let summaries = Dictionary(uniqueKeysWithValues: names.map { ($0, FunctionMetricSummary(fetchedAt: now)) })
            effects = Reducer.reduce(&state, .listMetricsLoaded(names: names, .success(summaries), percentilesProblem: nil), now: now)
            // The tabs say how far the sort's read has come, until it is whole.
            #expect(state.metricsSummary == (read.count < 250 ? "metrics \(read.count)/250" : nil))
        }
        #expect(Reducer.reduce(&state, .moveCursor(0), now: now).isEmpty, "a sweep done rests")
        #expect(Set(read).count == 250 && read.count == 250, "each function once: \(read.count) \(Set(read).count)")
    }

    @Test func percentilesRefusedByMotoLeaveTheOtherFiguresAndSayWhy() async throws {
        let backend = try await TestBackend.shared()
        let name = "moto-metrics-\(UUID().uuidString.prefix(6))"
        let metrics = MetricsClient(client: backend.client(.monitoring))
        try await metrics.putMetricData(namespace: "AWS/Lambda", [
            MetricDatum(metricName: "Invocations", dimensions: [MetricDimension("FunctionName", name)], value: 42, time: Date().addingTimeInterval(-600)),
            MetricDatum(metricName: "Errors", dimensions: [MetricDimension("FunctionName", name)], value: 2, time: Date().addingTimeInterval(-600)),
            // A percentile of a metric with points is what moto cannot answer (500).
            MetricDatum(metricName: "Duration", dimensions: [MetricDimension("FunctionName", name)], value: 120, time: Date().addingTimeInterval(-600)),
        ])
        var state = Self.state(functions: [name])
        await Self.drive(&state, .moveCursor(0), runner: Self.runner(backend, metricsLane: nil))
        let summary = try #require(state.listMetrics[name])
        #expect(summary.totalInvocations == 42 && summary.totalErrors == 2 && summary.durationSum == 120)
        #expect(state.percentilesProblem?.contains("Percentiles") == true)
        let text = (PaneColumns.functions(now: Date(), metrics: state.metricColumnSource) as [ColumnSpec<FunctionRow>])
            .first { $0.id == .p99 }.map { $0.text(state.functions[0]) }
        #expect(text == "n/a")
    }

    @Test func throttlingIsSaidOnceAndTheReadWaitsAMinute() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("metrics-throttled")
        try await backend.script(lane: lane, [["match": ["target": "GetMetricData"], "status": 400,
                                               "body": #"{"__type": "ThrottlingException", "message": "Rate exceeded"}"#]])
        var state = Self.state()
        let now = Date()
        await Self.drive(&state, .moveCursor(0), runner: Self.runner(backend, metricsLane: lane))
        #expect(state.listMetricsProblem?.contains("throttling GetMetricData") == true)
        #expect(state.inFlight.isEmpty)
        #expect(Reducer.reduce(&state, .moveCursor(0), now: now.addingTimeInterval(10)).isEmpty, "asked again at once after throttling")
        #expect(!Reducer.reduce(&state, .moveCursor(0), now: now.addingTimeInterval(ListMetricsPlan.failureWait + 5)).isEmpty)
    }

    @Test func partialDataIsReadToItsLastPageInTimeOrder() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("metrics-partial")
        try await backend.syntheticMetrics(lane: lane, partial: true)
        let metrics = MetricsClient(client: backend.client(.monitoring, lane: lane))
        let window = MetricWindow.ending(at: Date(), period: 60, buckets: 30)
        let answer = try await metrics.metricData([MetricQuery(id: "inv", namespace: "AWS/Lambda", metricName: "Invocations",
                                                               dimensions: [MetricDimension("FunctionName", "f")], period: 60, stat: "Sum")],
                                                  start: window.start, end: window.end)
        let points = try #require(answer.series["inv"])
        #expect(points.count == 30)
        #expect(points.map(\.time) == points.map(\.time).sorted(), "CloudWatch sends newest first; the client keeps time order")
        #expect(answer.incomplete.isEmpty, "the last page said Complete")
        #expect(try await backend.requests(lane: lane).count == 2)
    }

    @Test func sixHundredQueriesGoInTwoCalls() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("metrics-many")
        try await backend.syntheticMetrics(lane: lane)
        let metrics = MetricsClient(client: backend.client(.monitoring, lane: lane))
        let names = (0..<120).map { "fn-\($0)" }
        let answer = try await metrics.metricData(ListMetricsPlan.queries(names, percentiles: true), start: Date().addingTimeInterval(-3600), end: Date())
        #expect(answer.series.count == 600)
        #expect(try await backend.requests(lane: lane).count == 2)
    }

    @Test func theMonitorReadsItsChartsAndSplitsByVersion() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("monitor")
        try await backend.syntheticMetrics(lane: lane)
        var state = Self.state()
        var live = AliasConfiguration()
        live.name = "live"
        live.functionVersion = "2"
        live.routingConfig = AliasRoutingConfiguration(additionalVersionWeights: ["3": 0.1])
        let detail = FunctionDetail(function: GetFunctionResponse(configuration: state.functions[1].configuration),
                                    versions: ["$LATEST", "1", "2", "3"].map { version in var v = FunctionConfiguration(); v.version = version; return v },
                                    aliases: [live], mappings: [], reservedConcurrency: nil, url: nil)
        state.metricColumns = false  // this test is about the Monitor view's calls
        _ = Reducer.reduce(&state, .detailLoaded(function: "pay-fail-worker", .success(detail)))
        _ = Reducer.reduce(&state, .editFilter("fail"))
        let runner = Self.runner(backend, metricsLane: lane)
        await Self.drive(&state, .monitorCommand(.open), runner: runner)
        #expect(state.route == .monitor(function: "pay-fail-worker"))
        let monitor = try #require(state.monitors["pay-fail-worker"])
        #expect(monitor.range == .day && monitor.window?.buckets == 288)
        #expect(monitor.answer.series["p99"]?.compactMap { $0 }.isEmpty == false)
        #expect(monitor.answer.series["err"]?.compactMap { $0 }.contains { $0 > 0 } == true)
        #expect(monitor.shownCharts.map(\.kind).starts(with: [.invocations, .errors, .duration, .throttles, .concurrency]))
        #expect(state.inFlight.isEmpty, "work left in flight: \(state.inFlight)")
        await Self.drive(&state, .monitorCommand(.cycleSplit), runner: runner)
        let split = try #require(state.monitors["pay-fail-worker"])
        // The versions the alias shifts traffic between, read through it per executed version, then
        // the newest other published version: side by side.
        #expect(split.charts.first?.lines.map(\.label) == ["live→v2", "live→v3", "v1"])
        #expect(split.answer.series["inv_q1"]?.isEmpty == false)
        let body = try await backend.requests(lane: lane).last?.body ?? ""
        #expect(body.contains(#"{"Name":"Resource","Value":"pay-fail-worker:live"},{"Name":"ExecutedVersion","Value":"3"}"#),
                "the alias's traffic to version 3: \(body.prefix(600))")
        #expect(body.contains(#"{"Name":"Resource","Value":"pay-fail-worker:1"}"#))
    }

    @Test func aLateAnswerForAnEarlierRangeIsNotDrawnInTheNewOne() {
        var state = Self.state()
        let now = Date()
        let opened = Reducer.reduce(&state, .monitorCommand(.open), now: now)
        guard case .loadMonitor(let first)? = opened.first(where: { if case .loadMonitor = $0 { true } else { false } }) else {
            Issue.record("no read: \(opened)")
            return
        }
        let changed = Reducer.reduce(&state, .monitorCommand(.range(.hour)), now: now)
        guard case .loadMonitor(let second)? = changed.first else { Issue.record("no read for the new range"); return }
        _ = Reducer.reduce(&state, .monitorLoaded(function: first.function, generation: first.generation,
                                                  MonitorAnswer(series: ["inv": [Double?](repeating: 1, count: first.window.buckets)])), now: now)
        #expect(state.monitors[first.function]?.answer.series.isEmpty == true)
        _ = Reducer.reduce(&state, .monitorLoaded(function: second.function, generation: second.generation,
                                                  MonitorAnswer(series: ["inv": [Double?](repeating: 2, count: 60)])), now: now)
        #expect(state.monitors[first.function]?.window?.buckets == 60)
        #expect(state.inFlight.allSatisfy { if case .monitor = $0 { false } else { true } })
        // The cursor moves a cell at a time and stays inside the window.
        for _ in 0..<500 { _ = Reducer.reduce(&state, .monitorCommand(.moveCursor(-1)), now: now) }
        #expect(state.monitors[first.function]?.cursor == 0)
        for _ in 0..<500 { _ = Reducer.reduce(&state, .monitorCommand(.moveCursor(1)), now: now) }
        #expect(state.monitors[first.function]?.cursor == nil, "the right end follows the latest point again")
    }
}
