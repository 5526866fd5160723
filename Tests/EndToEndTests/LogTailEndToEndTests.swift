import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import Testing
import TestSupport

/// The live tail in the real binary against moto: events written by the test appear within the
/// polling interval, once each, with their version; scrolling up pauses, f follows again.
@Suite(.serialized, .timeLimit(.minutes(3))) struct LogTailEndToEndTests {
    @Test func eventsWrittenNowAppearOnceWithTheirVersion() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-tail")
        try await fixtures.createFunction(name)
        let logs = LogsClient(client: fixtures.backend.client(.logs))
        let group = "/aws/lambda/\(name)"
        try await logs.createLogGroup(group)
        for stream in ["2026/11/25/[1]aaaa", "2026/11/25/[2]bbbb"] { try await logs.createLogStream(group: group, stream: stream) }
        func write(_ stream: String, _ message: String) async throws {
            try await logs.putLogEvents(group: group, stream: stream, events: [InputLogEvent(timestamp: Int64(Date().timeIntervalSince1970 * 1000),
                                                                                             message: message)])
        }
        try await write("2026/11/25/[1]aaaa", "START RequestId: r1 Version: 1")
        try await write("2026/11/25/[1]aaaa", "[ERROR] first-error-line")

        let console = try await ActionConsole(name, endpoint: fixtures.backend.motoURL)
        let session = console.session
        try session.send("T")
        var result = await session.waitFor { $0.contains("live tail") && $0.contains("first-error-line") && $0.contains("polling FilterLogEvents") }
        #expect(result.satisfied, "the tail did not show the function's events:\n\(result.screen)")
        #expect(result.screen.contains("[1]"))

        try await write("2026/11/25/[2]bbbb", "second-version-line")
        result = await session.waitFor(timeout: 12) { $0.contains("second-version-line") }
        #expect(result.satisfied, "a new event did not appear within the interval:\n\(result.screen)")
        #expect(result.screen.components(separatedBy: "first-error-line").count == 2, "an event is shown once")
        #expect(result.screen.contains("[2]"))

        try session.send("k")
        #expect(await session.waitFor("paused").satisfied)
        try session.send("f")
        #expect(await session.waitFor("following").satisfied)
        try session.send("/")
        try session.type("error")
        try session.send("Enter")
        #expect(await session.waitFor("/error: 1 matches").satisfied)
        try session.send("Escape")
        #expect(await session.waitFor("NAME").satisfied, "Esc leaves the tail")
        try await console.quit()
    }
}
