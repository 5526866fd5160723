import AWSCore
import Foundation
import Synchronization
import Testing
import TestSupport

/// Records the pauses the client asks for instead of sleeping through them.
final class SleepRecorder: Sendable {
    let pauses = Mutex<[TimeInterval]>([])
    var recorded: [TimeInterval] { pauses.withLock { $0 } }
    var sleep: @Sendable (TimeInterval) async throws -> Void {
        { [self] seconds in self.pauses.withLock { $0.append(seconds) } }
    }
}

@Suite struct TransportAndRetryTests {
    let listFunctions = AWSRequest(operation: "ListFunctions", method: "GET", path: "/2015-03-31/functions/")
    var invoke: AWSRequest {
        AWSRequest(operation: "Invoke", method: "POST", path: "/2015-03-31/functions/f/invocations",
                   headers: HTTPHeaders([("Content-Type", "application/json")]), body: Data("{}".utf8),
                   repeatability: .onlyIfNotRun)
    }

    /// A CR/LF in AWS_SESSION_TOKEN injected a header into every request.
    @Test func aLineBreakInAHeaderValueIsRefusedBeforeSending() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("inject")
        let environment = ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "token\r\nX-Injected: yes"]
        let client = AWSClient(service: .lambda, region: "us-east-1", endpoint: backend.faultURL(lane: lane),
                               credentials: StaticCredentialProvider.environment(environment), transport: CurlTransport(options: TransportOptions()))
        await #expect {
            _ = try await client.send(listFunctions)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("The session token from") && text.contains("line break") && !text.contains("X-Injected")
        }
        let typed = AWSRequest(operation: "Invoke", method: "POST", path: "/2015-03-31/functions/f/invocations",
                               headers: HTTPHeaders([("X-Amz-Client-Context", "e30=\nX-Injected: yes")]))
        await #expect {
            _ = try await backend.client(.lambda, lane: lane).send(typed)
        } throws: { error in
            String(describing: error).contains("The X-Amz-Client-Context header holds a line break")
        }
        #expect(try await backend.requests(lane: lane).isEmpty, "a request was sent")
    }

    @Test func throttlingIsRetriedAfterRetryAfter() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("throttle")
        try await backend.script(lane: lane, [[
            "status": 429, "headers": ["Retry-After": "2", "x-amzn-ErrorType": "TooManyRequestsException"],
            "body": #"{"message":"Rate exceeded","Reason":"CallerRateLimitExceeded"}"#,
        ]])
        let sleeps = SleepRecorder()
        let response = try await backend.client(.lambda, lane: lane, sleep: sleeps.sleep).send(listFunctions)
        #expect(response.status == 200)
        #expect(sleeps.recorded.count == 1)
        #expect(sleeps.recorded.first.map { $0 >= 2 } == true)
        #expect(try await backend.requests(lane: lane).count == 2)
    }

    @Test func serverErrorsAreRetriedUpToMaxAttempts() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("5xx")
        let failure: [String: any Sendable] = ["status": 500, "headers": ["x-amzn-ErrorType": "ServiceException"],
                                                "body": #"{"Message":"internal"}"#]
        try await backend.script(lane: lane, [failure, failure, failure, failure])
        let sleeps = SleepRecorder()
        let client = backend.client(.lambda, lane: lane, retry: RetryStrategy(maxAttempts: 3), sleep: sleeps.sleep)
        await #expect {
            try await client.send(listFunctions)
        } throws: { error in
            guard case .service(let failure) = error as? AWSClientError else { return false }
            return failure.code == .serviceException && failure.status == 500
                && failure.humanDescription.contains("internal error in ListFunctions")
        }
        #expect(sleeps.recorded.count == 2)
        #expect(try await backend.requests(lane: lane).count == 3)
    }

    @Test func droppedConnectionIsRetriedForReads() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("drop")
        try await backend.script(lane: lane, [["drop": true]])
        let sleeps = SleepRecorder()
        // A transport of its own, so that the first attempt is on a new connection (on a reused
        // one curl itself would resend it, which the Invoke test below rules out).
        let client = AWSClient(service: .lambda, region: "us-east-1", endpoint: backend.faultURL(lane: lane),
                               credentials: StaticCredentialProvider(TestBackend.testCredentials, source: "test"),
                               transport: CurlTransport(), sleep: sleeps.sleep)
        let response = try await client.send(listFunctions)
        #expect(response.status == 200)
        #expect(sleeps.recorded.count == 1)
    }

    @Test func invokeIsNeverRepeatedOnceItMayHaveRun() async throws {
        let backend = try await TestBackend.shared()
        for step: [String: any Sendable] in [["drop": true], ["status": 500, "body": "{}"], ["status": 502, "body": ""]] {
            let lane = TestBackend.lane("invoke")
            try await backend.script(lane: lane, [step])
            let sleeps = SleepRecorder()
            await #expect(throws: AWSClientError.self) {
                try await backend.client(.lambda, lane: lane, sleep: sleeps.sleep).send(invoke)
            }
            #expect(sleeps.recorded.isEmpty)
            #expect(try await backend.requests(lane: lane).count == 1)
        }
    }

    @Test func throttledInvokeIsRepeatedBecauseItNeverRan() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("invoke429")
        try await backend.script(lane: lane, [["status": 429, "headers": ["x-amzn-ErrorType": "TooManyRequestsException"],
                                               "body": #"{"retryAfterSeconds":"1","Reason":"ConcurrentInvocationLimitExceeded"}"#]])
        let sleeps = SleepRecorder()
        let response = try await backend.client(.lambda, lane: lane, sleep: sleeps.sleep).send(invoke)
        #expect(response.status == 200)
        #expect(sleeps.recorded.first.map { $0 >= 1 } == true)
    }

    @Test func refusedConnectionIsRetriedEvenForInvoke() async throws {
        let sleeps = SleepRecorder()
        let client = AWSClient(service: .lambda, region: "us-east-1", endpoint: "http://127.0.0.1:9",
                               credentials: StaticCredentialProvider(TestBackend.testCredentials, source: "test"),
                               transport: CurlTransport(), sleep: sleeps.sleep)
        await #expect(throws: AWSClientError.transport(.cannotConnect("http://127.0.0.1:9"))) {
            try await client.send(invoke)
        }
        #expect(sleeps.recorded.count == 2)
        #expect(AWSClientError.transport(.cannotConnect("http://127.0.0.1:9")).description.contains("--endpoint-url"))
    }

    @Test func slowResponseHitsTheReadTimeout() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("slow")
        try await backend.script(lane: lane, [["delay": 8.0, "status": 200, "body": "{}"]])
        var request = listFunctions
        request.readTimeout = .seconds(1)
        let started = ContinuousClock.now
        await #expect(throws: AWSClientError.transport(.readTimeout("http://127.0.0.1:\(backend.faultPort)"))) {
            try await backend.client(.lambda, lane: lane, retry: RetryStrategy(maxAttempts: 1)).send(request)
        }
        // Well before the 8 s answer, with room for a loaded CI machine.
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func cancellingARequestReturnsAtOnce() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("cancel")
        try await backend.script(lane: lane, [["delay": 10.0, "status": 200, "body": "{}"]])
        let client = backend.client(.lambda, lane: lane)
        let request = listFunctions
        let started = ContinuousClock.now
        let task = Task { try await client.send(request) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        await #expect(throws: AWSClientError.cancelled) { try await task.value }
        // Far sooner than the 10 s answer; the margin is for a loaded CI machine (curl notices
        // the cancellation at its next progress call, up to a second later).
        #expect(ContinuousClock.now - started < .seconds(4))
    }

    @Test func errorAnswersBecomeNamedErrors() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("errors")
        try await backend.script(lane: lane, [[
            "status": 404, "headers": ["x-amzn-ErrorType": "ResourceNotFoundException:http://internal.amazon.com/coral/", "x-amzn-RequestId": "req-1"],
            "body": #"{"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope"}"#,
        ]])
        await #expect {
            try await backend.client(.lambda, lane: lane).send(listFunctions)
        } throws: { error in
            guard case .service(let failure) = error as? AWSClientError else { return false }
            return failure.code == .resourceNotFoundException && failure.requestID == "req-1"
                && failure.message.hasPrefix("Function not found")
                && failure.humanDescription.hasPrefix("Not found: Function not found")
        }
    }

    @Test func expiredTokenFetchesNewCredentialsOnce() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("expired")
        try await backend.script(lane: lane, [["status": 403, "headers": ["x-amzn-ErrorType": "ExpiredTokenException"],
                                               "body": #"{"message":"The security token included in the request is expired"}"#]])
        let fetches = Mutex(0)
        let provider = CachingCredentialProvider(ClosureProvider {
            let number = fetches.withLock { $0 += 1; return $0 }
            return Credentials(accessKeyID: "KEY\(number)", secretAccessKey: "s", sessionToken: "t")
        })
        let client = AWSClient(service: .lambda, region: "us-east-1", endpoint: backend.faultURL(lane: lane),
                               credentials: provider, transport: backend.transport)
        #expect(try await client.send(listFunctions).status == 200)
        let calls = try await backend.requests(lane: lane)
        #expect(calls.count == 2)
        #expect(calls.last?.headers["authorization"]?.contains("Credential=KEY2/") == true)
    }

    @Test func connectionsAreReusedAndCarryTheUserAgent() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("keepalive")
        let client = AWSClient(service: .lambda, region: "us-east-1", endpoint: backend.faultURL(lane: lane),
                               credentials: StaticCredentialProvider(TestBackend.testCredentials, source: "test"),
                               transport: CurlTransport())
        for _ in 0..<3 { _ = try await client.send(listFunctions) }
        let calls = try await backend.requests(lane: lane)
        #expect(calls.count == 3)
        #expect(Set(calls.map(\.peer)).count == 1)
        #expect(calls.allSatisfy { $0.headers["user-agent"] == "lambda-tui/\(LambdaTUIVersion.current)" })
        #expect(calls.allSatisfy { $0.headers["authorization"]?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDTESTING/") == true })
    }

    @Test func streamedBodiesArriveWhole() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("stream")
        let big = String(repeating: "0123456789abcdef", count: 64 * 1024)
        try await backend.script(lane: lane, [["status": 200, "body": big]])
        let response = try await backend.client(.lambda, lane: lane).stream(listFunctions)
        var received = Data()
        var chunks = 0
        for try await chunk in response.body {
            received.append(chunk)
            chunks += 1
        }
        #expect(response.head.status == 200)
        #expect(received.count == big.utf8.count)
        #expect(chunks > 1)
    }
}

struct ClosureProvider: CredentialProvider {
    let make: @Sendable () -> Credentials
    init(_ make: @escaping @Sendable () -> Credentials) { self.make = make }
    func resolve() async throws -> ResolvedCredentials? { ResolvedCredentials(credentials: make(), source: "closure") }
}
