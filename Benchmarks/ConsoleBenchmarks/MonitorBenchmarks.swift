import AWSCore
import ConsoleStore
import ConsoleUI
import Foundation
import LambdaAPI
import LogsAPI
import MetricsAPI
import TestSupport

/// Issue 15's figures: a week's chart of one-minute points and the metric columns of 50 rows
/// drawn within a frame budget, and the GetMetricData calls the columns make while scrolling
/// 10,000 functions (the fault server's made-up estate and metrics, a simulated clock).
enum MonitorBenchmarks {
    static let frameBudget = 2.0

    static func run() async throws {
        print("\nMonitor: charts and metric columns (frame budget \(frameBudget) ms)")
        chartFrames()
        columnFrames()
        try await callsWhileScrolling()
    }

    static func median(_ runs: Int, _ work: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }

    static func state(functions count: Int) -> ConsoleState {
        var state = ConsoleState(connection: ConnectionInfo(profile: "bench", region: "us-east-1", endpoint: "local", readOnly: true))
        let rows = (0..<count).map { index in
            var row = FunctionRow(functionName: String(format: "bench-function-%05d", index))
            row.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:" + (row.functionName ?? "")
            row.memorySize = 512
            row.timeout = 30
            return row
        }
        _ = Reducer.reduce(&state, .functionsLoaded(.success(rows)))
        return state
    }

    /// A week of one-minute points (10,080 a line, every line of every chart) drawn at 120x40.
    static func chartFrames() {
        for (columns, rows) in [(120, 40), (200, 60)] {
            var state = state(functions: 1)
            _ = Reducer.reduce(&state, .resized(rows: rows, columns: columns))
            let now = Date()
            let request = Reducer.reduce(&state, .monitorCommand(.open), now: now).compactMap { effect -> MonitorRequest? in
                if case .loadMonitor(let request) = effect { request } else { nil }
            }.first
            guard let request else { print("  no Monitor read was asked for"); return }
            var answer = MonitorAnswer()
            for (index, query) in request.queries.enumerated() {
                answer.series[query.id] = (0..<10_080).map { minute in Double((minute * 7 + index * 13) % 500) + (minute == 7_777 ? 5_000 : 0) }
            }
            _ = Reducer.reduce(&state, .monitorLoaded(function: request.function, generation: request.generation, answer), now: now)
            // The answer's window as a week of minutes, as a period of 60 over 1w would give.
            state.monitors[request.function]?.window = MetricWindow(start: now.addingTimeInterval(-7 * 86_400), period: 60, buckets: 10_080)
            let screen = GridScreen(rows: rows, columns: columns)
            for style in ChartStyle.allCases {
                state.chartStyle = style
                let time = median(31) { ConsoleView.render(state, on: screen, theme: .dark, now: now) }
                print(String(format: "  1-week chart, 10,080 points a line, %3dx%d, %@ %7.2f ms a frame  %@", columns, rows, style.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0),
                             time, time <= frameBudget ? "OK" : "OVER"))
            }
        }
    }

    /// The functions list with the metric columns, 50 rows on screen, of 10,000.
    static func columnFrames() {
        var state = state(functions: 10_000)
        _ = Reducer.reduce(&state, .resized(rows: 54, columns: 200))
        _ = Reducer.reduce(&state, .toggleMetricColumns)
        let now = Date()
        var summaries: [String: FunctionMetricSummary] = [:]
        for (index, row) in state.functions.enumerated() {
            let wave = (0..<10).map { Double(($0 * 37 + index) % 90) }
            summaries[row.functionName ?? ""] = FunctionMetricSummary(fetchedAt: now, invocations: wave, errors: wave.map { $0 > 80 ? 2 : 0 },
                                                                     throttles: wave.map { _ in 0 }, p99: wave.map { $0 * 10 }, durationSum: 12_000)
        }
        _ = Reducer.reduce(&state, .listMetricsLoaded(names: Array(summaries.keys), .success(summaries), percentilesProblem: nil), now: now)
        let screen = GridScreen(rows: 54, columns: 200)
        let time = median(31) { ConsoleView.render(state, on: screen, theme: .dark, now: now) }
        print(String(format: "  metric columns, 50 rows of 10,000 on screen, 200x54  %7.2f ms a frame  %@", time, time <= frameBudget ? "OK" : "OVER"))
        let sorted = median(5) {
            var copy = state
            _ = Reducer.reduce(&copy, .sort(column: .errors), now: now)
        }
        print(String(format: "  sorting 10,000 functions by errors                   %7.2f ms", sorted))
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return 0 }
        var count = 0
        for index in 0...(bytes.count - pattern.count) where bytes[index] == pattern[0] && Array(bytes[index..<index + pattern.count]) == pattern { count += 1 }
        return count
    }

    /// GetMetricData calls while paging down 10,000 functions (a page every 2 s for 10 minutes),
    /// then left open 10 minutes: the reducer on a simulated clock, the real effect runner
    /// against the fault server, the calls counted there.
    static func callsWhileScrolling() async throws {
        let backend = try await TestBackend.shared()
        let lane = "monitor-bench-\(UUID().uuidString.prefix(6))"
        try await backend.estate(lane: lane, count: 10_000)
        try await backend.syntheticMetrics(lane: lane)
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda, lane: lane)), logs: LogsClient(client: backend.client(.logs, lane: lane)),
                                  metrics: MetricsClient(client: backend.client(.monitoring, lane: lane)))
        var state = ConsoleState(connection: ConnectionInfo(profile: "bench", region: "us-east-1", endpoint: "local", readOnly: true))
        state.metricColumns = true
        var clock = Date()
        func drive(_ action: ConsoleAction) async {
            var queue = [action]
            while !queue.isEmpty {
                for effect in Reducer.reduce(&state, queue.removeFirst(), now: clock) {
                    let pages = ScaleBenchmarks.PageBox()
                    let answer = await runner.run(effect) { pages.append($0) }
                    queue += pages.actions + [answer]
                }
            }
        }
        await drive(.resized(rows: 40, columns: 160))
        await drive(.show(.functions))
        // Counted as they come: each minute reads only the requests since the last.
        var counted = 0, calls = 0, queries = 0
        func metricCalls() async throws -> (calls: Int, queries: Int) {
            let seen = try await backend.requests(lane: lane)
            for request in seen.dropFirst(counted) where request.headers["x-amz-target"]?.hasSuffix("GetMetricData") == true {
                calls += 1
                queries += Self.occurrences(of: "\"Id\"", in: request.body)
            }
            counted = seen.count
            return (calls, queries)
        }
        var perMinute: [(calls: Int, queries: Int)] = []
        var last = try await metricCalls()
        for second in stride(from: 2, through: 1_200, by: 2) {
            clock.addTimeInterval(2)
            if second <= 600 { await drive(.userActive); await drive(.pageDown) }
            if second % 30 == 0 { await drive(.timerFired) }
            if second % 60 == 0 {
                let now = try await metricCalls()
                perMinute.append((now.calls - last.calls, now.queries - last.queries))
                last = now
            }
        }
        let scrolling = perMinute.prefix(10), open = perMinute.suffix(10)
        func average(_ minutes: ArraySlice<(calls: Int, queries: Int)>) -> (Double, Double) {
            (Double(minutes.map(\.calls).reduce(0, +)) / Double(minutes.count), Double(minutes.map(\.queries).reduce(0, +)) / Double(minutes.count))
        }
        let (scrollCalls, scrollQueries) = average(scrolling), (openCalls, openQueries) = average(open)
        print(String(format: "  GetMetricData, 10,000 functions: paging down every 2 s %5.1f calls (%5.0f metrics, ≈ $%.3f) a minute; left open %4.1f calls (%4.0f metrics, ≈ $%.4f) a minute",
                     scrollCalls, scrollQueries, scrollQueries / 1_000 * 0.01, openCalls, openQueries, openQueries / 1_000 * 0.01))
    }
}
