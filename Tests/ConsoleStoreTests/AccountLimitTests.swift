import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LogsAPI
import Synchronization
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
        let usage = Mutex<AccountUsage?>(nil)
        guard case .accountLimitLoaded(.success(let limit)) = await runner.run(.loadAccountLimit, progress: { action in
            if case .accountUsageLoaded(let read) = action { usage.withLock { $0 = read } }
        }) else {
            Issue.record("the account's limit was not read")
            return
        }
        #expect(limit.concurrentExecutions == 1000 && limit.unreservedConcurrentExecutions == 870)
        // What the account uses comes with it, for the Monitor view's code storage.
        #expect(usage.withLock { $0 } == AccountUsage(functionCount: 12, totalCodeSize: 1_048_576))
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

/// Errors keep which service answered and what kind of failure it was, up to the screen.
@Suite struct ErrorKindTests {
    @Test func aLogsAccessDeniedIsNamedAfterCloudWatchLogs() async throws {
        let backend = try await TestBackend.shared()
        let lane = "denied-\(UUID().uuidString.prefix(8))"
        try await backend.script(lane: lane, [["match": ["target": "FilterLogEvents"], "status": 400,
            "body": #"{"__type": "AccessDeniedException", "message": "User is not authorized to perform: logs:FilterLogEvents"}"#]])
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda)), logs: LogsClient(client: backend.client(.logs, lane: lane)))
        guard case .logsLoaded(_, _, .failure(let error)) = await runner.run(.loadLogs(function: "f", logGroup: "/aws/lambda/f", stream: nil)) else {
            Issue.record("the denied read did not fail")
            return
        }
        #expect(error.kind == .accessDenied && error.service == "logs")
        #expect(error.sentence.hasPrefix("CloudWatch Logs: Access denied for FilterLogEvents"), "\(error.sentence)")
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .logsLoaded(function: "f", stream: nil, .failure(error)))
        #expect(state.lastError == error.sentence)
        #expect(state.logStatus["f"] == .failed(error), "the pane keeps the kind of failure to say what to do")
    }

    @Test func noAnswerIsANetworkFailure() async throws {
        let transport = CurlTransport(options: TransportOptions(connectTimeout: .seconds(2), readTimeout: .seconds(2)))
        let client = AWSClient(service: .lambda, region: "us-east-1", endpoint: "http://127.0.0.1:9", credentials: StaticCredentialProvider(
            Credentials(accessKeyID: "AKID", secretAccessKey: "s"), source: "test"), transport: transport, retry: RetryStrategy(maxAttempts: 1))
        let runner = EffectRunner(lambda: LambdaClient(client: client), logs: LogsClient(client: client))
        guard case .functionsLoaded(.failure(let error)) = await runner.run(.loadFunctions) else {
            Issue.record("nothing listening did not fail")
            return
        }
        #expect(error.kind == .network && error.service == nil)
    }
}
