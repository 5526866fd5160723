import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import Synchronization
import Testing
import TestSupport

/// The live tail loses and doubles nothing: events written to two streams while the tail polls
/// with the real effect runner against moto are each in the ring exactly once when it catches up.
@Suite struct TailCompletenessTests {
    @Test func everyEventWrittenWhileTailingIsShownExactlyOnce() async throws {
        let backend = try await TestBackend.shared()
        let logs = LogsClient(client: backend.client(.logs))
        let name = LambdaFixtures.uniqueName("tail-once")
        let group = "/aws/lambda/\(name)"
        try await logs.createLogGroup(group)
        let streams = ["2026/11/25/[1]a", "2026/11/25/[2]b"]
        for stream in streams { try await logs.createLogStream(group: group, stream: stream) }
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda)), logs: logs)
        var state = ConsoleState(connection: ConnectionInfo(profile: "t", region: "us-east-1", endpoint: "local", readOnly: false))
        var function = FunctionConfiguration(functionName: name)
        function.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:\(name)"
        _ = Reducer.reduce(&state, .functionsLoaded(.listed([function])))

        let (actions, inbox) = AsyncStream<ConsoleAction>.makeStream()
        func start(_ effects: [ConsoleEffect]) {
            for effect in effects { Task.detached { inbox.yield(await runner.run(effect) { inbox.yield($0) }) } }
        }
        let written = Mutex<[String]>([])
        let writer = Task {
            for serial in 0..<30 {
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                let events = (0..<3).map { InputLogEvent(timestamp: now, message: "event \(serial)-\($0)") }
                if (try? await logs.putLogEvents(group: group, stream: streams[serial % 2], events: events)) != nil {
                    written.withLock { $0 += events.map(\.message) }
                }
                try? await Task.sleep(for: .milliseconds(100))
            }
            inbox.yield(.tailStopped(function: "writer"))
            try? await Task.sleep(for: .seconds(20))
            inbox.yield(.quit)
        }
        start(Reducer.reduce(&state, .openTail))
        var writerDone = false
        for await action in actions {
            if case .quit = action { break }
            if case .tailStopped("writer") = action { writerDone = true }
            start(Reducer.reduce(&state, action))
            let shown = Set(state.tails[name]?.lines.map(\.text) ?? [])
            if writerDone, written.withLock({ $0 }).allSatisfy(shown.contains) { break }
        }
        writer.cancel()
        let lines = state.tails[name]?.lines.map(\.text) ?? []
        let expected = written.withLock { $0 }
        #expect(expected.count == 90)
        #expect(expected.filter { !lines.contains($0) }.isEmpty, "lost: \(expected.filter { !lines.contains($0) })")
        #expect(Dictionary(grouping: lines, by: { $0 }).filter { $0.value.count > 1 }.isEmpty, "shown twice")
        #expect(Set(state.tails[name]?.lines.compactMap(\.version) ?? []) == ["1", "2"], "both streams")
        _ = Reducer.reduce(&state, .goBack)
    }
}
