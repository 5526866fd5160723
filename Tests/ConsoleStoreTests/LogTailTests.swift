import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import Synchronization
import Testing
import TestSupport

@Suite struct LogTailTests {
    static func line(_ time: Int64, _ stream: String, _ message: String) -> LogLine {
        LogLine(timestamp: time, stream: stream, message: message, id: "\(stream)/\(time)/\(message)")
    }

    @Test func eachEventOnceInTimeOrderAcrossStreamsWithinTheCapacity() {
        var tail = LogTail(function: "f", group: "/aws/lambda/f", since: 1_000, capacity: 100)
        #expect(tail.merge([Self.line(1_010, "a/[1]x", "one"), Self.line(1_005, "a/[2]y", "two")]) == 2)
        #expect(tail.lines.map(\.text) == ["two", "one"])
        // The next poll reads the overlap window again: the same events are not shown twice, and
        // an event written late is put where its time belongs.
        #expect(tail.merge([Self.line(1_010, "a/[1]x", "one"), Self.line(1_007, "a/[1]x", "late"), Self.line(1_020, "a/[2]y", "three")]) == 2)
        #expect(tail.lines.map(\.text) == ["two", "late", "one", "three"])
        #expect(tail.merge((0..<150).map { Self.line(2_000 + Int64($0), "a/[1]x", "n\($0)") }) == 150)
        #expect(tail.lines.count == 100 && tail.lines.last?.text == "n149", "the ring keeps the newest lines")
        #expect(tail.merge([Self.line(900, "a/[1]x", "before the start")]) == 0)
    }

    /// 1 MB lines grew the tail by 70 MB in 30 s: the ring is bounded by bytes too.
    @Test func theRingIsBoundedByBytesAsWellAsLines() {
        var tail = LogTail(function: "f", group: "/aws/lambda/f", since: 0, capacity: 10_000)
        let megabyte = String(repeating: "m", count: 1 << 20)
        for batch in 0..<4 {
            tail.merge((0..<10).map { LogLine(timestamp: Int64(batch * 10 + $0), stream: "s", message: megabyte, id: "\(batch)-\($0)") })
        }
        #expect(tail.storedBytes <= LogTail.byteCapacity)
        #expect(tail.lines.count == LogTail.byteCapacity / (1 << 20) - 1 || tail.lines.count == LogTail.byteCapacity / (1 << 20))
        #expect(tail.lines.last?.id == "3-9", "the newest line stays")
        tail.merge([LogLine(timestamp: 1_000, stream: "s", message: "small", id: "small")])
        #expect(tail.lines.last?.text == "small")
    }

    @Test func pausedReadersKeepTheirPlace() {
        var tail = LogTail(function: "f", group: "g", since: 0, capacity: 100)
        tail.merge((0..<10).map { Self.line(Int64($0), "s", "l\($0)") })
        tail.following = false
        tail.offset = 3
        tail.merge([Self.line(20, "s", "new")])
        #expect(tail.offset == 4 && tail.visibleLines(page: 2).map(\.text) == ["l5", "l6"])
    }

    @Test func linesKnowTheirVersionLevelAndKind() {
        let json = TailLine(Self.line(1, "2026/11/25/[3]abc", #"{"timestamp":"2026-11-25T10:00:00Z","level":"ERROR","message":"card declined","requestId":"r1"}"#))
        #expect(json.version == "3" && json.level == "ERROR" && json.text == #"ERROR card declined {"requestId":"r1"}"#)
        #expect(TailLine(Self.line(1, "2026/11/25/[$LATEST]abc", "START RequestId: 1 Version: $LATEST")).kind == .start)
        #expect(TailLine(Self.line(1, "s", "REPORT RequestId: 1\tDuration: 2 ms")).kind == .report)
        #expect(TailLine(Self.line(1, "s", "[WARN] slow")).level == "WARN")
        #expect(TailLine(Self.line(1, "s", "2026-11-25T10:00:00Z r1 Task timed out after 3.00 seconds")).level == "ERROR")
    }

    @Test func pollingSpeedsUpWhileEventsFlowAndBacksOffWhenIdle() {
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "r", endpoint: "e", readOnly: true))
        var function = FunctionConfiguration(functionName: "f")
        function.functionArn = "arn:aws:lambda:us-east-1:1:function:f"
        _ = Reducer.reduce(&state, .functionsLoaded(.listed([function])))
        let opened = Reducer.reduce(&state, .openTail)
        guard case .pollTail(_, _, let generation, _, _, 0, let live?) = opened.first else {
            Issue.record("the tail did not start with StartLiveTail: \(opened)")
            return
        }
        #expect(live == "arn:aws:logs:us-east-1:1:log-group:/aws/lambda/f", "StartLiveTail takes the log group by ARN")
        var delays: [TimeInterval] = []
        for events in [[Self.line(Int64(Date().timeIntervalSince1970 * 1000), "[1]", "x")], [], [], [], [], []] {
            let next = Reducer.reduce(&state, .tailEvents(function: "f", generation: generation, events, mode: .polling(interval: delays.last ?? 1)))
            if case .pollTail(_, _, _, _, _, let delay, nil) = next.first { delays.append(delay) }
        }
        #expect(delays == [1, 2, 4, 8, 10, 10])
        _ = Reducer.reduce(&state, .goBack)
        #expect(Reducer.reduce(&state, .tailEvents(function: "f", generation: generation, [], mode: .polling(interval: 1))).isEmpty,
                "leaving the view ends the polling")
    }

    /// FilterLogEvents may answer empty page after empty page while it scans: the logs pane stops
    /// at the read time-out, as a stalled list does, instead of saying "Loading…" for minutes.
    @Test func aLogsReadThatGoesOnPastTheReadTimeOutStops() async throws {
        let backend = try await TestBackend.shared()
        let lane = "logs-pages-\(UUID().uuidString.prefix(8))"
        // Each page names the next, as a scan through a busy group does.
        let emptyPages: [[String: any Sendable]] = (0..<30).map { page in
            ["match": ["target": "FilterLogEvents"], "delay": 0.4, "body": #"{"events": [], "nextToken": "page-\#(page)"}"#]
        }
        try await backend.script(lane: lane, emptyPages)
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda)), logs: LogsClient(client: backend.client(.logs, lane: lane)),
                                  logReadLimit: 1.5)
        let began = Date()
        let action = await runner.run(.loadLogs(function: "f", logGroup: "/aws/lambda/f", stream: nil))
        let took = Date().timeIntervalSince(began)
        guard case .logsLoaded(_, _, .failure(let error)) = action else {
            Issue.record("a read with nothing found after the limit did not fail: \(action)")
            return
        }
        #expect(error.message.contains("still searching /aws/lambda/f after 2 s") && error.message.contains("r tries again"), "\(error.message)")
        #expect(took < 4, "the read went on for \(took) s")

        // With something found, what was found is shown.
        let withEvents: [String: any Sendable] = ["match": ["target": "FilterLogEvents"], "delay": 0.4,
            "body": #"{"events": [{"timestamp": 1, "message": "found", "logStreamName": "s", "eventId": "1"}], "nextToken": "more"}"#]
        try await backend.script(lane: lane, [withEvents] + emptyPages)
        let partial = await runner.run(.loadLogs(function: "f", logGroup: "/aws/lambda/f", stream: nil))
        guard case .logsLoaded(_, _, .success(let lines)) = partial else {
            Issue.record("the lines found before the limit were lost: \(partial)")
            return
        }
        #expect(lines.map(\.message) == ["found"])
    }

    @Test func savingWritesTheLinesAndSaysWhere() async throws {
        let backend = try await TestBackend.shared()
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda)), logs: LogsClient(client: backend.client(.logs)))
        let path = NSTemporaryDirectory() + "lt-tail-\(UUID().uuidString.prefix(8)).log"
        let action = await runner.run(.saveLines(path: path, ["first", "second"]))
        guard case .showStatus(let message) = action else {
            Issue.record("saving did not say where: \(action)")
            return
        }
        #expect(message == "Saved 2 lines to \(path).")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\nsecond\n")
    }

    @Test func theTailReadsMotoStreamsWithoutRepeatsInTimeOrder() async throws {
        let backend = try await TestBackend.shared()
        let logs = LogsClient(client: backend.client(.logs))
        let group = "/aws/lambda/\(LambdaFixtures.uniqueName("tail"))"
        try await logs.createLogGroup(group)
        for stream in ["2026/11/25/[1]aaa", "2026/11/25/[2]bbb"] { try await logs.createLogStream(group: group, stream: stream) }
        let start = Int64(Date().timeIntervalSince1970 * 1000) - 1_000
        try await logs.putLogEvents(group: group, stream: "2026/11/25/[1]aaa", events: [InputLogEvent(timestamp: start + 10, message: "a1"),
                                                                                          InputLogEvent(timestamp: start + 30, message: "a2")])
        try await logs.putLogEvents(group: group, stream: "2026/11/25/[2]bbb", events: [InputLogEvent(timestamp: start + 20, message: "b1")])
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda)), logs: logs)
        var tail = LogTail(function: "f", group: group, since: start, capacity: 1000)

        func poll(tryLive: Bool) async -> LogTail.Mode? {
            let action = await runner.run(.pollTail(function: "f", group: group, generation: 1, start: tail.pollStart, pattern: nil, delay: 0,
                                                    liveGroupARN: tryLive ? "arn:aws:logs:us-east-1:123456789012:log-group:\(group)" : nil))
            guard case .tailEvents(_, 1, let events, let mode) = action else { return nil }
            tail.merge(events)
            return mode
        }
        #expect(await poll(tryLive: true) == .polling(interval: 1), "moto offers no StartLiveTail: the tail polls")
        #expect(tail.lines.map(\.text) == ["a1", "b1", "a2"])
        try await logs.putLogEvents(group: group, stream: "2026/11/25/[2]bbb", events: [InputLogEvent(timestamp: start + 40, message: "b2")])
        try await logs.putLogEvents(group: group, stream: "2026/11/25/[1]aaa", events: [InputLogEvent(timestamp: start + 50, message: "a3")])
        _ = await poll(tryLive: false)
        #expect(tail.lines.map(\.text) == ["a1", "b1", "a2", "b2", "a3"], "new events once each, in time order across streams")
        #expect(tail.lines.map(\.version) == ["1", "2", "1", "2", "1"])
    }

    /// StartLiveTail through the scripted proxy (moto has none): the session is asked for the
    /// group by ARN, its pushed events show, and what was written before it opened is read from
    /// FilterLogEvents (moto), each line once.
    @Test func aLiveSessionShowsPushedEventsAndWhatCameBefore() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("live-tail-runner")
        let logs = LogsClient(client: backend.client(.logs, lane: lane))
        let group = "/aws/lambda/\(LambdaFixtures.uniqueName("live"))"
        let stream = "2026/11/25/[1]aaa"
        try await logs.createLogGroup(group)
        try await logs.createLogStream(group: group, stream: stream)
        let start = Int64(Date().timeIntervalSince1970 * 1000) - 1_000
        try await logs.putLogEvents(group: group, stream: stream, events: [InputLogEvent(timestamp: start + 10, message: "before the session"),
                                                                          InputLogEvent(timestamp: start + 20, message: "as it opened")])
        func event(_ stream: String, _ time: Int64, _ message: String) -> String {
            #"{"logStreamName":"\#(stream)","timestamp":\#(time),"ingestionTime":\#(time + 100),"message":"\#(message)","logGroupIdentifier":"\#(group)"}"#
        }
        let frames = [RecordedEvent.frame("sessionStart", Data(#"{"requestId":"r","sessionId":"s"}"#.utf8)),
                      RecordedEvent.frame("sessionUpdate", Data(#"{"sessionMetadata":{"sampled":false},"sessionResults":[]}"#.utf8)),
                      RecordedEvent.frame("sessionUpdate", Data(#"{"sessionMetadata":{"sampled":true},"sessionResults":[\#(event(stream, start + 20, "as it opened")),\#(event("2026/11/25/[2]bbb", start + 30, "pushed live"))]}"#.utf8))]
        try await backend.script(lane: lane, [["match": ["target": "StartLiveTail"], "status": 200, "pause": 1.0,
                                               "chunks_b64": frames.map { $0.base64EncodedString() },
                                               "headers": ["Content-Type": "application/vnd.amazon.eventstream"]]])
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda)), logs: logs)
        let posted = Mutex<[ConsoleAction]>([])
        let arn = "arn:aws:logs:us-east-1:123456789012:log-group:\(group)"
        let ended = await runner.run(.pollTail(function: "f", group: group, generation: 1, start: start, pattern: nil, delay: 0,
                                               liveGroupARN: arn)) { action in posted.withLock { $0.append(action) } }
        guard case .tailEvents(_, 1, let rest, .polling(interval: 1)) = ended, rest.isEmpty else {
            Issue.record("the ended session did not hand over to polling: \(ended)")
            return
        }
        var tail = LogTail(function: "f", group: group, since: start, capacity: 100)
        var modes: [LogTail.Mode] = []
        for case .tailEvents(_, 1, let events, let mode) in posted.withLock({ $0 }) {
            tail.merge(events)
            modes.append(mode)
        }
        #expect(!modes.isEmpty && modes.allSatisfy { if case .live = $0 { true } else { false } }, "the footer says live while the session runs")
        #expect(modes.contains(.live(sampled: true)), "a sampled update is shown as such")
        #expect(tail.lines.map(\.text) == ["before the session", "as it opened", "pushed live"])
        let calls = try await backend.requests(lane: lane)
        let session = try #require(calls.first { $0.headers["x-amz-target"] == "Logs_20140328.StartLiveTail" })
        #expect(try JSONValue.parse(session.body)["logGroupIdentifiers"] == .array([.string(arn)]))
    }
}
