import AWSCore
import Foundation
import LambdaAPI
import Synchronization
import Testing
import TestSupport

/// moto reports every function Active and Successful at once, so the states a real update goes
/// through are scripted here.
@Suite struct WaiterTests {
    static func configuration(_ members: String) -> [String: any Sendable] {
        ["status": 200, "body": #"{"FunctionName":"f",\#(members)}"#]
    }

    final class Pauses: Sendable {
        let recorded = Mutex<[Duration]>([])
        var options: WaiterOptions {
            WaiterOptions(timeout: .seconds(60), initialDelay: .seconds(1), maximumDelay: .seconds(4),
                          sleep: { [self] pause in self.recorded.withLock { $0.append(pause) } })
        }
    }

    @Test func waitsThroughInProgressWithGrowingPauses() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("waiter")
        let inProgress = Self.configuration(#""LastUpdateStatus":"InProgress""#)
        try await backend.script(lane: lane, [inProgress, inProgress, inProgress, inProgress,
                                              Self.configuration(#""LastUpdateStatus":"Successful","State":"Active""#)])
        let pauses = Pauses()
        let seen = Mutex(0)
        let done = try await LambdaClient(client: backend.client(.lambda, lane: lane))
            .waitUntilFunctionUpdated("f", options: pauses.options, progress: { _ in seen.withLock { $0 += 1 } })
        #expect(done.lastUpdateStatus == .successful)
        #expect(pauses.recorded.withLock { $0 } == [.seconds(1), .seconds(2), .seconds(4), .seconds(4)])
        #expect(seen.withLock { $0 } == 5)
    }

    @Test func aFailedUpdateSaysWhy() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("waiter-failed")
        try await backend.script(lane: lane, [Self.configuration(
            #""LastUpdateStatus":"Failed","LastUpdateStatusReason":"The image manifest could not be found","LastUpdateStatusReasonCode":"ImageAccessDenied""#)])
        await #expect(throws: WaiterError.failed(function: "f", reason: "The image manifest could not be found")) {
            try await LambdaClient(client: backend.client(.lambda, lane: lane)).waitUntilFunctionUpdated("f", options: Pauses().options)
        }
    }

    @Test func givesUpAtTheTimeout() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("waiter-timeout")
        let pending = Self.configuration(#""State":"Pending""#)
        try await backend.script(lane: lane, Array(repeating: pending, count: 5))
        var options = Pauses().options
        options.timeout = .milliseconds(1)
        await #expect(throws: WaiterError.timedOut(function: "f", waitingFor: "active")) {
            try await LambdaClient(client: backend.client(.lambda, lane: lane)).waitUntilFunctionActive("f", options: options)
        }
    }

    @Test func cancellationStopsAWaiter() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("waiter-cancel")
        try await backend.script(lane: lane, Array(repeating: Self.configuration(#""State":"Pending""#), count: 50))
        let lambda = LambdaClient(client: backend.client(.lambda, lane: lane))
        let task = Task { try await lambda.waitUntilFunctionActive("f", options: WaiterOptions(initialDelay: .milliseconds(50))) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await #expect(throws: (any Error).self) { try await task.value }
    }
}
