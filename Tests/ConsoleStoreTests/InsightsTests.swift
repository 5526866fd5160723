import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LogsAPI
import Synchronization
import Testing
import TestSupport

/// Logs Insights: a simple query on moto (which runs `fields … | filter … | limit`), the polling,
/// partial results, failures and StopQuery from the fault server as the reference describes them.
@Suite(.serialized) struct InsightsTests {
    static func state(function name: String) -> ConsoleState {
        var state = MonitorTests.state(functions: [name], metricColumns: false)
        _ = Reducer.reduce(&state, .moveCursor(0))
        return state
    }

    static func runner(_ backend: TestBackend, lane: String?, queries: String? = nil) -> EffectRunner {
        EffectRunner(lambda: LambdaClient(client: backend.client(.lambda)), logs: LogsClient(client: backend.client(.logs, lane: lane)),
                     queryFolder: queries)
    }

    @Test func latestErrorsOnMotoAndTheJumpToThatInvocationsLines() async throws {
        let backend = try await TestBackend.shared()
        let name = "insights-\(UUID().uuidString.prefix(6).lowercased())"
        let group = "/aws/lambda/\(name)"
        let logs = LogsClient(client: backend.client(.logs))
        try await logs.createLogGroup(group)
        try await logs.createLogStream(group: group, stream: "2026/12/03/[3]abc")
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try await logs.putLogEvents(group: group, stream: "2026/12/03/[3]abc", events: [
            InputLogEvent(timestamp: now - 3_000, message: "START RequestId: req-1 Version: 3"),
            InputLogEvent(timestamp: now - 2_900, message: "req-1 ERROR card declined"),
            InputLogEvent(timestamp: now - 2_800, message: "END RequestId: req-1"),
            InputLogEvent(timestamp: now - 2_000, message: "START RequestId: req-2 Version: 3"),
        ])
        var state = Self.state(function: name)
        let runner = Self.runner(backend, lane: nil)
        await MonitorTests.drive(&state, .insightsCommand(.open), runner: runner)
        #expect(state.route == .insights(function: name))
        // A query moto can run, as a user's own would be typed. moto ignores `filter` (it answers
        // every event), so what a filter keeps is tested on the fault server; here, the round trip.
        var view = try #require(state.insights[name])
        view.queries.append(InsightsQuery(name: "recent", text: "fields @timestamp, @message | limit 20", origin: .file))
        view.queryCursor = view.queries.count - 1
        state.insights[name] = view
        await MonitorTests.drive(&state, .insightsCommand(.run(nil)), runner: runner)
        let done = try #require(state.insights[name])
        #expect(done.status == "Complete" && !done.running)
        #expect(Set(done.rows.compactMap { $0["@message"] }) == ["START RequestId: req-1 Version: 3", "req-1 ERROR card declined",
                                                                 "END RequestId: req-1", "START RequestId: req-2 Version: 3"])
        #expect(done.rows.allSatisfy { InsightsState.milliseconds($0["@timestamp"] ?? "") != nil }, "Insights' timestamps are read")
        #expect(done.fields.starts(with: ["@timestamp", "@message"]) && !done.fields.contains("@ptr"))
        #expect(state.inFlight.isEmpty)
        // A result with a request id opens that invocation's lines, in order.
        var withRequest = done
        withRequest.fields.append("@requestId")
        let errorRow = try #require(withRequest.rows.firstIndex { $0["@message"]?.contains("ERROR") == true })
        withRequest.rows[errorRow]["@requestId"] = "req-1"
        withRequest.table.moveCursor(to: try #require(withRequest.table.visible.firstIndex(of: errorRow)))
        state.insights[name] = withRequest
        await MonitorTests.drive(&state, .insightsCommand(.openRow), runner: runner)
        guard case .logEvent(let lines) = state.overlay else { Issue.record("no lines: \(String(describing: state.lastError))"); return }
        #expect(lines.text.components(separatedBy: "\n").count == 3 && lines.text.contains("END RequestId: req-1") && !lines.text.contains("req-2"))
    }

    @Test func aRunningQueryShowsItsRowsAsTheyComeAndEndsComplete() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("insights")
        func row(_ id: String, _ ms: Int) -> String {
            #"[{"field": "@requestId", "value": "\#(id)"}, {"field": "@duration", "value": "\#(ms)"}, {"field": "@ptr", "value": "x"}]"#
        }
        try await backend.script(lane: lane, [
            ["match": ["target": "DescribeQueryDefinitions"], "body": #"{"queryDefinitions": [{"name": "team/slow", "queryString": "fields @duration | sort @duration desc"}]}"#],
            ["match": ["target": "StartQuery"], "body": #"{"queryId": "q-1"}"#],
            ["match": ["target": "GetQueryResults"], "body": #"{"status": "Scheduled", "results": []}"#],
            ["match": ["target": "GetQueryResults"], "body": "{\"status\": \"Running\", \"results\": [\(row("a", 900))], \"statistics\": {\"recordsMatched\": 1, \"recordsScanned\": 10, \"bytesScanned\": 2048}}"],
            ["match": ["target": "GetQueryResults"], "body": "{\"status\": \"Complete\", \"results\": [\(row("a", 900)), \(row("b", 1500)), \(row("c", 80))], \"statistics\": {\"recordsMatched\": 3, \"recordsScanned\": 40, \"bytesScanned\": 8192}}"],
        ])
        let folder = NSTemporaryDirectory() + "queries-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "fields @message\n| limit 5\n".write(toFile: folder + "/mine.query", atomically: true, encoding: .utf8)
        var state = Self.state(function: "slow-fn")
        let runner = Self.runner(backend, lane: lane, queries: folder)
        await MonitorTests.drive(&state, .insightsCommand(.open), runner: runner)
        let names = state.insights["slow-fn"]?.queries.map(\.name) ?? []
        #expect(names.suffix(2) == ["mine", "team/slow"], "\(names)")
        let seen = Mutex<[QueryResults]>([])
        let effects = Reducer.reduce(&state, .insightsCommand(.run("s")))
        guard case .runInsights(let run)? = effects.first else { Issue.record("no run: \(effects)"); return }
        #expect(run.query.contains("sort @duration desc") && run.end - run.start == 3_600)
        let final = await runner.run(.runInsights(run)) { action in
            if case .insightsProgress(_, _, let results?, _) = action { seen.withLock { $0.append(results) } }
        }
        let progress = seen.withLock { $0 }
        #expect(progress.map(\.status) == ["Scheduled", "Running"])
        _ = Reducer.reduce(&state, .insightsProgress(function: "slow-fn", generation: run.generation, progress[1], error: nil))
        #expect(state.insights["slow-fn"]?.rows.count == 1 && state.insights["slow-fn"]?.running == true)
        _ = Reducer.reduce(&state, final)
        let view = try #require(state.insights["slow-fn"])
        #expect(view.status == "Complete" && view.rows.count == 3 && view.statistics?.bytesScanned == 8192)
        #expect(view.fields == ["@requestId", "@duration"])
        // The digits sort by field: 2 is @duration, numerically; again, descending.
        _ = Reducer.reduce(&state, .insightsCommand(.sortByField(2)))
        _ = Reducer.reduce(&state, .insightsCommand(.sortByField(2)))
        let sorted = try #require(state.insights["slow-fn"])
        #expect(sorted.table.visible.map { sorted.rows[$0]["@requestId"] } == ["b", "a", "c"])
        #expect(sorted.csv == ["@requestId,@duration", "b,1500", "a,900", "c,80"])
    }

    @Test func escStopsTheQueryWithStopQuery() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("insights-stop")
        try await backend.script(lane: lane, [
            ["match": ["target": "StartQuery"], "body": #"{"queryId": "q-stop"}"#],
        ] + Array(repeating: ["match": ["target": "GetQueryResults"], "body": #"{"status": "Running", "results": []}"#], count: 20)
          + [["match": ["target": "StopQuery"], "body": #"{"success": true}"#]])
        var state = Self.state(function: "busy-fn")
        let runner = Self.runner(backend, lane: lane)
        _ = Reducer.reduce(&state, .insightsCommand(.open))
        guard case .runInsights(let run)? = Reducer.reduce(&state, .insightsCommand(.run("e"))).first else { Issue.record("no run"); return }
        async let ended = runner.run(.runInsights(run))
        try await Task.sleep(for: .milliseconds(1_500))
        let stop = Reducer.reduce(&state, .insightsCommand(.back))
        #expect(stop == [.stopInsights(function: "busy-fn")])
        #expect(state.insights["busy-fn"]?.status == "Cancelled" && !state.inFlight.contains(.insights(function: "busy-fn")))
        for effect in stop { _ = await runner.run(effect) }
        let final = await ended
        guard case .insightsProgress(_, _, let results?, nil) = final else { Issue.record("\(final)"); return }
        #expect(results.status == "Cancelled")
        let targets = try await backend.requests(lane: lane).compactMap { $0.headers["x-amz-target"] }
        #expect(targets.last == "Logs_20140328.StopQuery")
        // The late answer of the stopped run changes nothing.
        _ = Reducer.reduce(&state, final)
        #expect(state.insights["busy-fn"]?.status == "Cancelled")
    }

    @Test func aFailedQuerySaysWhyAndAMalformedOneIsRefusedWithAwsWords() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("insights-bad")
        try await backend.script(lane: lane, [
            ["match": ["target": "StartQuery"], "status": 400,
             "body": #"{"__type": "MalformedQueryException", "message": "unexpected symbol found | at line 1"}"#],
        ])
        var state = Self.state(function: "bad-fn")
        let runner = Self.runner(backend, lane: lane)
        _ = Reducer.reduce(&state, .insightsCommand(.open))
        await MonitorTests.drive(&state, .insightsCommand(.run("e")), runner: runner)
        let view = try #require(state.insights["bad-fn"])
        #expect(view.error?.sentence.contains("unexpected symbol") == true && !view.running && view.status == "Failed")
        #expect(state.inFlight.isEmpty)
    }

    @Test func csvQuotesWhatNeedsIt() {
        var view = InsightsState(function: "f", group: "g")
        _ = view  // the view's table is rebuilt by take
        let results = QueryResults(status: "Complete", results: [[QueryResults.Field(field: "@message", value: "a, \"b\"\nc"),
                                                                  QueryResults.Field(field: "n", value: "1")]])
        var state = MonitorTests.state(functions: ["f"], metricColumns: false)
        _ = Reducer.reduce(&state, .insightsCommand(.open))
        _ = Reducer.reduce(&state, .insightsCommand(.run("e")))
        let generation = state.insights["f"]?.generation ?? 0
        _ = Reducer.reduce(&state, .insightsProgress(function: "f", generation: generation, results, error: nil))
        view = state.insights["f"] ?? view
        #expect(view.csv == ["@message,n", "\"a, \"\"b\"\"\nc\",1"])
        #expect(view.json.contains(#""@message" : "a, \"b\"\nc""#) || view.json.contains(#""@message": "a, \"b\"\nc""#))
        let effects = Reducer.reduce(&state, .insightsCommand(.save(json: false)))
        guard case .saveLines(let path, let lines)? = effects.first else { Issue.record("nothing saved"); return }
        #expect(path.hasPrefix("insights-f-") && path.hasSuffix(".csv") && lines == view.csv)
    }
}
