import ConsoleStore
import Foundation
import LambdaAPI
import LogsAPI
import Testing
import TestSupport

/// GetAccountSettings as the reference documents it (the fault server), and as moto answers it (not at all).
@Suite struct AccountLimitTests {
    @Test func theAccountsLimitIsReadForTheReservationForm() async throws {
        let backend = try await TestBackend.shared()
        let lane = "account-\(UUID().uuidString.prefix(8))"
        try await backend.script(lane: lane, [["match": ["path": "/account-settings"], "body": #"""
            {"AccountLimit": {"CodeSizeUnzipped": 262144000, "CodeSizeZipped": 52428800, "ConcurrentExecutions": 1000,
             "TotalCodeSize": 80530636800, "UnreservedConcurrentExecutions": 870},
             "AccountUsage": {"FunctionCount": 12, "TotalCodeSize": 1048576}}
            """#]])
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda, lane: lane)), logs: LogsClient(client: backend.client(.logs)))
        guard case .accountLimitLoaded(.success(let limit)) = await runner.run(.loadAccountLimit) else {
            Issue.record("the account's limit was not read")
            return
        }
        #expect(limit.concurrentExecutions == 1000 && limit.unreservedConcurrentExecutions == 870)
    }

    @Test func motoWithoutTheCallGivesASentenceNotAWait() async throws {
        let backend = try await TestBackend.shared()
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda)), logs: LogsClient(client: backend.client(.logs)))
        guard case .accountLimitLoaded(.failure(let error)) = await runner.run(.loadAccountLimit) else {
            Issue.record("moto answered GetAccountSettings: MOTO-NOTES.md says it does not; this test should then read it")
            return
        }
        #expect(!error.message.isEmpty && !error.message.contains("Swift"), "\(error.message)")
    }
}
