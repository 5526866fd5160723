import AWSCore
import Foundation
import Synchronization
import Testing
import TestSupport

/// The console's control-plane reads share one token bucket; throttling halves its rate.
@Suite struct RequestBudgetTests {
    @Test func aBurstGoesAtOnceThenCallsArePaced() async throws {
        let waits = Mutex<[Duration]>([])
        let budget = RequestBudget(perSecond: 4, burst: 3) { duration in waits.withLock { $0.append(duration) } }
        for _ in 0..<3 { try await budget.take() }
        #expect(waits.withLock { $0 }.isEmpty, "the burst waited")
        // The fourth call finds the bucket empty and waits for a token (a quarter of a second at 4/s),
        // here without sleeping: the recorded wait says how long it would have been.
        let fourth = Task { try await budget.take() }
        try await Task.sleep(for: .milliseconds(300))  // real time refills the bucket for the retry
        try await fourth.value
        let recorded = waits.withLock { $0 }
        #expect(!recorded.isEmpty && recorded.allSatisfy { $0 <= .milliseconds(251) }, "\(recorded)")
    }

    @Test func throttlingHalvesTheRate() {
        let budget = RequestBudget(perSecond: 8, burst: 8)
        #expect(budget.currentRate == 8)
        budget.throttled()
        #expect(budget.currentRate == 4)
        budget.throttled()
        #expect(budget.currentRate == 2)
    }

    @Test func onlyControlPlaneReadsSpendIt() {
        for operation in ["ListFunctions", "GetFunction", "ListTags", "GetResources", "GetAccountSettings"] {
            #expect(RequestBudget.applies(to: operation), "\(operation)")
        }
        for operation in ["Invoke", "UpdateFunctionConfiguration", "PublishVersion", "FilterLogEvents", "StartLiveTail"] {
            #expect(!RequestBudget.applies(to: operation), "\(operation)")
        }
    }
}

@Suite struct RequestBudgetClientTests {
    @Test func aThrottledAnswerSlowsTheSharedBudget() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("budget")
        try await backend.script(lane: lane, [["status": 429, "headers": ["x-amzn-ErrorType": "TooManyRequestsException"],
                                               "body": #"{"message":"Rate exceeded"}"#]])
        let budget = RequestBudget(perSecond: 10, burst: 10)
        let base = backend.client(.lambda, lane: lane)
        let client = AWSClient(service: .lambda, region: "us-east-1", endpoint: base.endpoint, credentials: base.credentials,
                               transport: CurlTransport(), budget: budget)
        _ = try await client.send(AWSRequest(operation: "ListFunctions", method: "GET", path: "/2015-03-31/functions/"))
        #expect(budget.currentRate == 5, "the throttling answer did not slow the budget")
    }
}
