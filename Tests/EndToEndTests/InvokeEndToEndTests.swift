import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import Testing
import TestSupport

/// The invoke screen in the real binary against moto (which answers with the payload it was
/// sent): the response and status, the logs continuing live beside them, raw view, invoking
/// again with one key, the history, and a burst.
@Suite(.serialized, .timeLimit(.minutes(3))) struct InvokeEndToEndTests {
    @Test func invokeWatchLogsRunAgainAndBurst() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-invoke-screen")
        try await fixtures.createFunction(name)
        let logs = LogsClient(client: fixtures.backend.client(.logs))
        let group = "/aws/lambda/\(name)"
        try await logs.createLogGroup(group)
        let stream = "2026/11/25/[$LATEST]cafe"
        try await logs.createLogStream(group: group, stream: stream)

        let console = try await ActionConsole(name, endpoint: fixtures.backend.motoURL)
        let session = console.session
        try session.send("i")
        #expect(await session.waitFor("Invoke \(name)").satisfied)
        try session.send("Tab", "Tab", "Tab", "C-u")
        try session.type(#"{"order": 7, "items": ["tea", "cake"]}"#)
        try session.send("Enter")
        var result = await session.waitFor { $0.contains("\(name) › invoke") && $0.contains("✓ 200") && $0.contains(#""order" : 7"#) }
        #expect(result.satisfied, "the invoke screen did not show the answer:\n\(result.screen)")
        #expect(result.screen.contains("Response · 38 B · pretty") && result.screen.contains("round trip"))

        // Lines the function writes now arrive in the logs part, under the response.
        try await logs.putLogEvents(group: group, stream: stream, events: [
            InputLogEvent(timestamp: Int64(Date().timeIntervalSince1970 * 1000), message: "order 7 packed"),
        ])
        result = await session.waitFor(timeout: 12) { $0.contains("order 7 packed") && $0.contains("[$LATEST]") }
        #expect(result.satisfied, "the logs did not continue live on the invoke screen:\n\(result.screen)")

        try session.send("v")
        result = await session.waitFor { $0.contains("· raw") && $0.contains(#"{"order": 7, "items": ["tea", "cake"]}"#) }
        #expect(result.satisfied, "v did not show the raw body:\n\(result.screen)")

        // r asks first (a stray letter never runs code); r again within 3 s invokes.
        try session.send("r")
        #expect(await session.waitFor("r again invokes").satisfied)
        try session.send("r")
        #expect(await session.waitFor { !$0.contains("r again invokes") && !$0.contains("Invoking…") }.satisfied, "the second r did not invoke")
        try session.send("H")
        result = await session.waitFor { $0.contains("Invocations of this session") && $0.components(separatedBy: "\(name)  ").count == 3 }
        #expect(result.satisfied, "the history did not list both invocations:\n\(result.screen)")
        try session.send("Escape")

        // e: the same form, filled; five at 20 per second make a burst.
        try session.send("e")
        #expect(await session.waitFor { $0.contains("Invoke \(name)") && $0.contains(#""items""#) }.satisfied)
        for _ in 0..<7 { try session.send("Tab") }
        try session.send("C-u")
        try session.type("5")
        try session.send("Tab", "C-u")
        try session.type("20")
        try session.send("Enter")
        result = await session.waitFor(timeout: 15) { $0.contains("5 of 5 sent at 20/s, 5 answered · done") }
        #expect(result.satisfied, "the burst did not complete:\n\(result.screen)")
        #expect(result.screen.contains("Burst done: 5 of 5 answered"))
        #expect(console.auditLog.contains("\tInvoke ×5 at 20/s\t\(name)\t5 answered"))
        try await console.quit()
    }
}
