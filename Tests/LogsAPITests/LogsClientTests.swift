import AWSCore
import Foundation
import LogsAPI
import Testing
import TestSupport

@Suite struct LogsClientTests {
    func client(_ backend: TestBackend, lane: String? = nil) -> LogsClient {
        LogsClient(client: backend.client(.logs, lane: lane))
    }

    /// A function's log group with two streams written by the test, as Lambda names them.
    func seed(_ logs: LogsClient, group: String, now: Int64) async throws -> [String] {
        try await logs.createLogGroup(group)
        let streams = ["2026/11/25/[$LATEST]aaaa", "2026/11/25/[3]bbbb"]
        for (index, stream) in streams.enumerated() {
            try await logs.createLogStream(group: group, stream: stream)
            let base = now - 60_000 + Int64(index) * 1000
            try await logs.putLogEvents(group: group, stream: stream, events: [
                InputLogEvent(timestamp: base, message: "START RequestId: r\(index) Version: \(index == 0 ? "$LATEST" : "3")"),
                InputLogEvent(timestamp: base + 10, message: "[ERROR] payment failed for order \(index)"),
                InputLogEvent(timestamp: base + 20, message: "END RequestId: r\(index)"),
            ])
        }
        return streams
    }

    @Test func groupsStreamsAndEventsAsWritten() async throws {
        let backend = try await TestBackend.shared()
        let logs = client(backend)
        let group = "/aws/lambda/logs-\(UUID().uuidString.prefix(8))"
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let streams = try await seed(logs, group: group, now: now)

        #expect(try await logs.describeLogGroups(prefix: group).logGroups?.compactMap(\.logGroupName) == [group])
        let described = try await logs.describeLogStreams(logGroupName: group).logStreams?.compactMap(\.logStreamName) ?? []
        #expect(Set(described) == Set(streams))
        let events = try await logs.getLogEvents(logGroupName: group, logStreamName: streams[0], startFromHead: true).events ?? []
        #expect(events.compactMap(\.message) == ["START RequestId: r0 Version: $LATEST", "[ERROR] payment failed for order 0",
                                                 "END RequestId: r0"])
    }

    @Test func filtersAcrossStreamsByTimeAndPatternPageByPage() async throws {
        let backend = try await TestBackend.shared()
        let logs = client(backend)
        let group = "/aws/lambda/filter-\(UUID().uuidString.prefix(8))"
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        _ = try await seed(logs, group: group, now: now)

        let all = try await logs.filterLogEvents(FilterLogEventsRequest(logGroupName: group, startTime: now - 120_000))
        let timestamps = (all.events ?? []).compactMap(\.timestamp)
        #expect(timestamps.count == 6)
        #expect(timestamps == timestamps.sorted())
        #expect(Set((all.events ?? []).compactMap(\.logStreamName)).count == 2)
        #expect((all.events ?? []).allSatisfy { $0.eventId != nil })

        let errors = try await logs.filterLogEvents(FilterLogEventsRequest(logGroupName: group, filterPattern: "ERROR"))
        #expect(errors.events?.compactMap(\.message).allSatisfy { $0.contains("ERROR") } == true)
        #expect(errors.events?.count == 2)

        let later = try await logs.filterLogEvents(FilterLogEventsRequest(logGroupName: group, startTime: now - 60_000 + 1000))
        #expect(later.events?.count == 3)

        var pages = 0
        var seen: [String] = []
        for try await page in logs.filteredEvents(FilterLogEventsRequest(logGroupName: group, limit: 2)) {
            pages += 1
            seen += page.compactMap(\.eventId)
        }
        #expect(pages >= 3)
        #expect(seen.count == 6)
        #expect(Set(seen).count == 6)
    }

    @Test func aMalformedAnswerIsOneSentenceNamingTheMember() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("logs-malformed")
        try await backend.script(lane: lane, [["status": 200, "body": #"{"events":[{"timestamp":"soon","message":"x"}]}"#]])
        await #expect {
            try await client(backend, lane: lane).filterLogEvents(FilterLogEventsRequest(logGroupName: "/g"))
        } throws: { error in
            guard case .invalidResponse(let operation, let detail) = error as? AWSClientError else { return false }
            return operation == "FilterLogEvents" && detail.hasPrefix("events[0].timestamp:") && !detail.contains("DecodingError")
        }
    }

    @Test func liveTailSessionsDecodeFromTheEventStream() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("live-tail")
        func frame(_ type: String, _ json: String) -> Data { RecordedEvent.frame(type, Data(json.utf8)) }
        let body = frame("sessionStart", #"{"requestId":"req","sessionId":"sess","logGroupIdentifiers":["/aws/lambda/f"]}"#)
            + frame("sessionUpdate", #"{"sessionMetadata":{"sampled":false},"sessionResults":[{"logStreamName":"2026/11/25/[$LATEST]x","message":"hello","timestamp":1764064800000,"ingestionTime":1764064800100,"logGroupIdentifier":"/aws/lambda/f"}]}"#)
        try await backend.script(lane: lane, [["status": 200, "body_b64": body.base64EncodedString(),
                                               "headers": ["Content-Type": "application/vnd.amazon.eventstream"]]])
        var events: [LiveTailEvent] = []
        for try await event in try await client(backend, lane: lane).startLiveTail(logGroupIdentifiers: ["/aws/lambda/f"], filterPattern: "ERROR") {
            events.append(event)
        }
        #expect(events.first == .sessionStart(sessionId: "sess", requestId: "req"))
        guard case .sessionUpdate(let logEvents, let sampled)? = events.last else {
            Issue.record("no session update")
            return
        }
        #expect(!sampled)
        #expect(logEvents.first?.message == "hello")
        let call = try #require(try await backend.requests(lane: lane).first)
        #expect(call.headers["x-amz-target"] == "Logs_20140328.StartLiveTail")
        #expect(try JSONValue.parse(call.body)["logEventFilterPattern"] == .string("ERROR"), "\(call.body)")
    }
}
