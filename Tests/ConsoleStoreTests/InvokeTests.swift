@testable import ConsoleStore
import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import Synchronization
import Testing
import TestSupport

/// The invoke screen's store: what an answer shows, how its LogResult meets the live tail, and
/// the keys of the screen.
@Suite struct InvokeScreenTests {
    static let report = "REPORT RequestId: 7f1c\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: 71 MB\t"

    @Test func theReportLineGivesItsFigures() throws {
        let cold = try #require(InvocationReport.parse("START RequestId: 7f1c\n" + Self.report + "Init Duration: 150.12 ms\t\n"))
        #expect(cold == InvocationReport(requestId: "7f1c", duration: 12.34, billedDuration: 13, memorySize: 256, maxMemoryUsed: 71,
                                         initDuration: 150.12))
        #expect(cold.summary == "12.34 ms · billed 13 ms · memory 71/256 MB · init 150.12 ms")
        // As the tail shows it (tabs turned into two spaces), and warm (no Init Duration).
        let warm = try #require(InvocationReport.parse(Self.report.replacingOccurrences(of: "\t", with: "  ")))
        #expect(warm.initDuration == nil && warm.duration == 12.34 && warm.billedDuration == 13 && warm.maxMemoryUsed == 71)
        #expect(InvocationReport.parse("START RequestId: 1\nhello") == nil)
    }

    @Test func theLogResultShowsAtOnceAndCloudWatchReplacesIt() {
        var tail = LogTail(function: "f", group: "g", since: 1_000, capacity: 100)
        tail.seed(logResult: "START RequestId: r1 Version: 3\n[ERROR] card declined\n" + Self.report, at: 5_000, version: "3")
        #expect(tail.lines.count == 3 && tail.lines[1].text == "[ERROR] card declined" && tail.lines[2].kind == .report)
        #expect(tail.lines.allSatisfy { $0.provisional && $0.version == "3" })
        // CloudWatch delivers two of the same lines and one printed after the tail was cut: the
        // copies go, each line is shown once, in CloudWatch's order and times.
        let stream = "2026/11/25/[3]abc"
        tail.merge([LogLine(timestamp: 4_100, stream: stream, message: "START RequestId: r1 Version: 3", id: "e1"),
                    LogLine(timestamp: 4_200, stream: stream, message: "[ERROR] card declined", id: "e2"),
                    LogLine(timestamp: 6_000, stream: stream, message: "after the invocation", id: "e3")])
        #expect(tail.lines.map(\.text).filter { $0.contains("card declined") }.count == 1)
        #expect(tail.lines.filter(\.provisional).count == 1, "only the REPORT copy waits for its CloudWatch line")
        #expect(tail.lines.map(\.timestamp) == [4_100, 4_200, 5_000, 6_000])
    }

    @Test func aLogResultCutAtFourKilobytesSaysSo() {
        var tail = LogTail(function: "f", group: "g", since: 0, capacity: 1_000)
        let cut = String(repeating: "x", count: 96) + "\n" + String(repeating: "line of output\n", count: 267)
        #expect(cut.utf8.count >= 4_000)
        tail.seed(logResult: cut, at: 1, version: nil)
        #expect(tail.lines.first?.text.hasPrefix("…x") == true && tail.lines.first?.version == "$LATEST")
    }

    @Test func theMatchCountFollowsLinesInAndOut() {
        var tail = LogTail(function: "f", group: "g", since: 0, capacity: 100)
        tail.search = "err"
        tail.merge((0..<150).map { LogLine(timestamp: Int64($0), stream: "s", message: $0 % 3 == 0 ? "ERROR \($0)" : "ok \($0)", id: "\($0)") })
        #expect(tail.matchCount == tail.matches.count && tail.matchCount == 33, "lines that left the ring are not counted")
        // Two seeded lines push out lines 50 and 51 (an ERROR line): one match in, one out.
        tail.seed(logResult: "ERROR seeded\nfine", at: 500, version: "1")
        #expect(tail.matchCount == tail.matches.count && tail.matchCount == 33)
        tail.merge([LogLine(timestamp: 400, stream: "s", message: "ERROR seeded", id: "cw")])
        #expect(tail.matchCount == tail.matches.count && tail.matchCount == 33, "the CloudWatch copy replaces the seeded one")
        tail.search = "fine"
        #expect(tail.matchCount == 1)
    }

    @Test func foldingHidesStartAndEnd() {
        var tail = LogTail(function: "f", group: "g", since: 0, capacity: 100)
        tail.merge(["START RequestId: 1", "hello", "END RequestId: 1", "REPORT RequestId: 1\tDuration: 2 ms"].enumerated().map {
            LogLine(timestamp: Int64($0.offset), stream: "s", message: $0.element, id: "\($0.offset)")
        })
        tail.folded = true
        #expect(tail.visibleLines(page: 10).map(\.kind) == [.message, .report])
        #expect(tail.visibleLines(page: 1).map(\.kind) == [.report])
    }

    @Test func aLargeBodyIsCutForTheScreenWithItsSize() {
        let big = "[" + Array(repeating: #"{"id": 12345, "name": "a row of a large answer"}"#, count: 8_000).joined(separator: ",") + "]"
        let text = ResponseText(body: big, raw: false)
        #expect(text.totalBytes == big.utf8.count && text.shownBytes == ResponseText.displayLimit && text.truncated)
        let small = ResponseText(body: #"{"b":1,"a":{}}"#, raw: false)
        #expect(small.lines == ["{", #"  "a" : {},"#, #"  "b" : 1"#, "}"] && !small.truncated && small.isJSON)
        #expect(ResponseText(body: #"{"b":1}"#, raw: true).lines == [#"{"b":1}"#])
    }

    static func answered(_ state: inout ConsoleState, error: String? = nil, at now: Date) -> InvocationRequest {
        let request = InvocationRequest(function: "checkout", qualifier: "live", payload: #"{"n": 1}"#, saveAs: "one")
        _ = Reducer.reduce(&state, .mutationFinished(.invoke(request), .invoked(InvocationResult(
            function: "checkout", qualifier: "live", statusCode: 200, functionError: error, executedVersion: "3",
            payload: #"{"ok": true}"#, logTail: "START RequestId: r\n" + report, milliseconds: 20))), now: now)
        return request
    }

    @Test func theScreenOpensRunningThenShowsTheAnswerAndItsLogs() throws {
        var state = FormTests.state()
        _ = try #require(FormTests.open(.invoke, in: &state))
        FormTests.set(.qualifier, "live", in: &state)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let effects = Reducer.reduce(&state, .submitForm, now: now)
        #expect(state.route == .invoke(function: "checkout") && state.invokeSessions["checkout"]?.running == true)
        guard case .pollTail(_, let group, _, let start, _, _, _) = effects.first else {
            Issue.record("the logs do not start with the invocation: \(effects)")
            return
        }
        #expect(group == "/aws/lambda/checkout" && start == 1_800_000_000_000 - 2_000)
        _ = Self.answered(&state, at: now.addingTimeInterval(1))
        let session = try #require(state.invokeSessions["checkout"])
        #expect(!session.running && session.result?.report?.billedDuration == 13 && session.response.lines == ["{", #"  "ok" : true"#, "}"])
        #expect(state.tails["checkout"]?.lines.map(\.text).first == "START RequestId: r", "the LogResult is in the logs at once")
        #expect(state.invocationHistory.count == 1 && state.executedVersions["checkout"] == ["3": 1])
        #expect(!state.inFlight.contains(.functions), "an invocation changes nothing to read again")
    }

    @Test func keysOfTheScreen() throws {
        var state = FormTests.state()
        _ = try #require(FormTests.open(.invoke, in: &state))
        _ = Reducer.reduce(&state, .submitForm)
        let first = Self.answered(&state, at: Date())

        // r: asks first; r again within 3 s sends the same request (not saved as an event twice).
        #expect(Reducer.reduce(&state, .invokeCommand(.rerun)).isEmpty, "one stray r runs nothing")
        #expect(state.status?.contains("r again invokes checkout") == true)
        let again = Reducer.reduce(&state, .invokeCommand(.rerun))
        var expected = first
        expected.saveAs = nil
        #expect(again.last == .mutate(.invoke(expected)))
        _ = Reducer.reduce(&state, .invokeCommand(.rerun))
        #expect(Reducer.reduce(&state, .invokeCommand(.rerun)).isEmpty && state.lastError?.contains("still running") == true,
                "one at a time")
        _ = Self.answered(&state, error: "Unhandled", at: Date())

        _ = Reducer.reduce(&state, .invokeCommand(.toggleRaw))
        #expect(state.invokeSessions["checkout"]?.response.lines == [#"{"ok": true}"#])
        _ = Reducer.reduce(&state, .invokeCommand(.switchFocus))
        _ = Reducer.reduce(&state, .moveCursor(-1))
        #expect(state.tails["checkout"]?.following == false, "with the logs in focus, up scrolls them")

        guard case .saveLines(let path, let lines) = Reducer.reduce(&state, .invokeCommand(.save)).first else {
            Issue.record("w saves nothing")
            return
        }
        #expect(path.hasSuffix(".json") && lines == [#"{"ok": true}"#])

        // e: the form, filled with this screen's request.
        _ = Reducer.reduce(&state, .invokeCommand(.edit))
        guard case .form(let form) = state.overlay else {
            Issue.record("e did not open the form")
            return
        }
        #expect(form.value(.qualifier) == "live" && form.value(.payload) == #"{"n": 1}"#)
        _ = Reducer.reduce(&state, .closeOverlay)

        // H and Enter: an earlier answer, back on the screen.
        _ = Reducer.reduce(&state, .invokeCommand(.showHistory))
        #expect(state.overlay == .history(cursor: 1))
        _ = Reducer.reduce(&state, .moveCursor(-1))
        _ = Reducer.reduce(&state, .invokeCommand(.openHistory))
        #expect(state.overlay == nil && state.invokeSessions["checkout"]?.result?.functionError == nil)
    }

    @Test func backFromTheInvokeScreenTheTailUnderItReadsAgain() throws {
        var state = FormTests.state()
        _ = Reducer.reduce(&state, .openTail)
        _ = try #require(FormTests.open(.invoke, in: &state))
        _ = Reducer.reduce(&state, .submitForm)
        #expect(state.routes.suffix(2) == [.tail(function: "checkout"), .invoke(function: "checkout")])
        let generation = state.tails["checkout"]?.generation ?? 0
        let effects = Reducer.reduce(&state, .goBack)
        // No stop for the same tail: it could arrive after the new read began and silence it.
        guard effects.count == 1, case .pollTail(_, _, let next, _, _, _, _) = effects[0] else {
            Issue.record("expected one new read of the tail: \(effects)")
            return
        }
        #expect(next > generation && state.route == .tail(function: "checkout"))
    }

    @Test func readOnlyRefusesToInvokeAgain() throws {
        var state = FormTests.state()
        state.invokeSessions["checkout"] = InvokeSession(request: InvocationRequest(function: "checkout", payload: "{}"))
        state.routes.append(.invoke(function: "checkout"))
        state.connection.readOnly = true
        #expect(Reducer.reduce(&state, .invokeCommand(.rerun)).isEmpty)
        #expect(state.lastError?.hasPrefix("Read-only mode") == true)
    }
}

/// The runner's invocations against moto, and through the scripted proxy where moto has no
/// answer of its own (ExecutedVersion, LogResult, response streams).
@Suite struct InvokeRunnerTests {
    @Test func aBurstIsPacedBoundedAndSplitByExecutedVersion() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("burst")
        let versions = ["2", "2", "3", "2", "2", "3", "2", "2"]
        try await backend.script(lane: lane, versions.map { ["status": 200, "body": "{}", "headers": ["X-Amz-Executed-Version": $0]] }
            + [["status": 400, "body": #"{"__type":"InvalidRequestContentException","message":"Could not parse request body"}"#,
                "headers": ["x-amzn-ErrorType": "InvalidRequestContentException"]]])
        let runner = MutationRunnerTests.runner(backend, lane: lane, folder: MutationRunnerTests.folder())
        let updates = Mutex<[BurstProgress]>([])
        let started = ContinuousClock.now
        let action = await runner.run(.mutate(.invoke(InvocationRequest(function: "f", qualifier: "live", payload: "{}",
                                                                        burst: BurstSpec(count: 9, perSecond: 20))))) { action in
            if case .burstProgress(_, let progress) = action { updates.withLock { $0.append(progress) } }
        }
        let elapsed = ContinuousClock.now - started
        guard case .mutationFinished(_, .burst(let burst)) = action else {
            Issue.record("the burst did not end as one: \(action)")
            return
        }
        #expect(burst.sent == 9 && burst.answered == 9 && burst.finished && !burst.stopped)
        #expect(burst.byVersion == ["2": 6, "3": 2] && burst.failures == ["InvalidRequestContentException": 1])
        #expect(burst.split.first?.version == "2" && abs((burst.split.first?.share ?? 0) - 0.75) < 0.001)
        #expect(elapsed >= .milliseconds(390), "nine at 20 per second take at least 0.4 s")
        #expect(updates.withLock { $0.allSatisfy { $0.sent <= 9 } })
        let sent = try await backend.requests(lane: lane)
        #expect(sent.count == 9 && sent.allSatisfy { $0.path.hasPrefix("/2015-03-31/functions/f/invocations") && $0.headers["x-amz-log-type"] == nil })

        // The history keeps the burst, as one entry that opens it again.
        var state = FormTests.state()
        let request = InvocationRequest(function: "checkout", payload: "{}", burst: BurstSpec(count: 9, perSecond: 20))
        _ = Reducer.reduce(&state, .mutationFinished(.invoke(request), .burst(burst)))
        let record = try #require(state.invocationHistory.last)
        #expect(record.burst == burst && record.result.functionError == "1 failed")
        _ = Reducer.reduce(&state, .invokeCommand(.showHistory))
        _ = Reducer.reduce(&state, .invokeCommand(.openHistory))
        #expect(state.invokeSessions["checkout"]?.burst == burst)
    }

    @Test func aBurstCanBeStopped() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("burst-stop")
        try await fixtures.createFunction(name)
        let runner = MutationRunnerTests.runner(fixtures.backend, folder: MutationRunnerTests.folder())
        let task = Task {
            await runner.run(.mutate(.invoke(InvocationRequest(function: name, payload: "{}", burst: BurstSpec(count: 200, perSecond: 10)))))
        }
        try await Task.sleep(for: .milliseconds(350))
        _ = await runner.run(.stopBurst)
        guard case .mutationFinished(_, .burst(let burst)) = await task.value else {
            Issue.record("the burst did not end")
            return
        }
        #expect(burst.stopped && burst.sent < 20 && burst.answered == burst.sent, "every invocation sent is waited for")
    }

    @Test func theLogResultAndClientContextTravelAsTheReferenceSays() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("log-result")
        let log = "START RequestId: r1 Version: 4\n" + InvokeScreenTests.report + "Init Duration: 201.5 ms\n"
        try await backend.script(lane: lane, [["status": 200, "body": #"{"ok":1}"#, "headers": [
            "X-Amz-Executed-Version": "4", "X-Amz-Log-Result": Data(log.utf8).base64EncodedString(), "X-Amz-Function-Error": "Handled"]]])
        let runner = MutationRunnerTests.runner(backend, lane: lane, folder: MutationRunnerTests.folder())
        let context = #"{"custom": {"tenant": "acme"}}"#
        let action = await runner.run(.mutate(.invoke(InvocationRequest(function: "f", payload: "{}", clientContext: context))))
        guard case .mutationFinished(_, .invoked(let result)) = action else {
            Issue.record("no answer: \(action)")
            return
        }
        #expect(result.logTail == log && result.report?.initDuration == 201.5 && result.executedVersion == "4")
        #expect(result.functionError == "Handled")
        let request = try #require(try await backend.requests(lane: lane).first)
        #expect(request.headers["x-amz-client-context"] == Data(context.utf8).base64EncodedString())
        #expect(request.headers["x-amz-log-type"] == "Tail")
    }

    @Test func aStreamedAnswerArrivesChunkByChunk() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("stream-console")
        func event(_ type: String, _ payload: Data) -> Data { RecordedEvent.frame(type, payload, contentType: "application/octet-stream") }
        // "café" is cut inside its é: the screen must never show half a character.
        let word = Data("café au lait".utf8)
        var body = event("PayloadChunk", Data("{\"drink\": \"".utf8)) + event("PayloadChunk", word.prefix(4))
            + event("PayloadChunk", word.dropFirst(4)) + event("PayloadChunk", Data("\"}".utf8))
        let log = Data("REPORT RequestId: s\tDuration: 3.5 ms\t".utf8).base64EncodedString()
        body += event("InvokeComplete", Data(#"{"LogResult":"\#(log)"}"#.utf8))
        try await backend.script(lane: lane, [["status": 200, "body_b64": body.base64EncodedString(),
                                               "headers": ["Content-Type": "application/vnd.amazon.eventstream", "X-Amz-Executed-Version": "7"]]])
        let runner = MutationRunnerTests.runner(backend, lane: lane, folder: MutationRunnerTests.folder())
        let chunks = Mutex<[String]>([])
        let action = await runner.run(.mutate(.invoke(InvocationRequest(function: "f", payload: "{}", streamed: true)))) { action in
            if case .invocationChunk(_, let text) = action { chunks.withLock { $0.append(text) } }
        }
        guard case .mutationFinished(_, .invoked(let result)) = action else {
            Issue.record("no answer: \(action)")
            return
        }
        let received = chunks.withLock { $0 }
        #expect(received == [#"{"drink": ""#, "caf", "é au lait", #""}"#])
        #expect(result.payload == #"{"drink": "café au lait"}"# && result.streamed && result.executedVersion == "7")
        #expect(result.report?.duration == 3.5)
        let request = try #require(try await backend.requests(lane: lane).first)
        #expect(request.path == "/2021-11-15/functions/f/response-streaming-invocations")

        // The screen shows the chunks as they come, then the whole answer pretty-printed.
        var state = FormTests.state()
        state.invokeSessions["f"] = InvokeSession(request: InvocationRequest(function: "f", payload: "{}", streamed: true))
        for text in received { _ = Reducer.reduce(&state, .invocationChunk(function: "f", text)) }
        #expect(state.invokeSessions["f"]?.response.lines == [#"{"drink": "café au lait"}"#])
    }

    /// A stream that ended without InvokeComplete showed "✓ Invoked".
    @Test func aStreamCutBeforeInvokeCompleteSaysSo() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("stream-cut")
        let body = RecordedEvent.frame("PayloadChunk", Data("{\"partial\": ".utf8), contentType: "application/octet-stream")
        try await backend.script(lane: lane, [["status": 200, "body_b64": body.base64EncodedString(),
                                               "headers": ["Content-Type": "application/vnd.amazon.eventstream"]]])
        let runner = MutationRunnerTests.runner(backend, lane: lane, folder: MutationRunnerTests.folder())
        let action = await runner.run(.mutate(.invoke(InvocationRequest(function: "f", payload: "{}", streamed: true)))) { _ in }
        guard case .mutationFinished(_, .failed(let message)) = action else {
            Issue.record("a cut stream was taken for an answer: \(action)")
            return
        }
        #expect(message.contains("cut after 12 bytes"), "\(message)")
    }

    /// 20,000 small chunks were re-split whole on every chunk: 17.6 s frozen at 10,000.
    @Test func manySmallChunksCostTimeInProportionToTheirSize() {
        var session = InvokeSession(request: InvocationRequest(function: "f", payload: "{}", streamed: true))
        for index in 0..<20_000 { session.received(index % 100 == 99 ? "line \(index)\n" : "x") }
        #expect(session.response.lines.count == 201)
        #expect(session.response.totalBytes == session.streamedText.utf8.count)
    }
}
