import ConsoleStore
import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import Synchronization
import Testing
import TestSupport

/// The effect runner's mutations against moto, through the recording proxy where the wire matters.
@Suite struct MutationRunnerTests {
    static func runner(_ backend: TestBackend, lane: String? = nil, readOnly: Bool = false, folder: String) -> EffectRunner {
        EffectRunner(lambda: LambdaClient(client: backend.client(.lambda, lane: lane)), logs: LogsClient(client: backend.client(.logs, lane: lane)),
                     readOnly: readOnly, audit: AuditLog(path: folder + "/audit.log", profile: "test-profile", region: "us-east-1"),
                     events: SavedEventStore(directory: folder + "/events"))
    }

    static func folder() -> String { NSTemporaryDirectory() + "lt-runner-\(UUID().uuidString.prefix(8))" }

    @Test func readOnlyRunnerSendsNothingEvenIfAskedTo() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("runner-read-only")
        let folder = Self.folder()
        let runner = Self.runner(backend, lane: lane, readOnly: true, folder: folder)
        let action = await runner.run(.mutate(.deleteFunction(function: "anything", version: nil)))
        guard case .mutationFinished(_, .failed(let message)) = action else {
            Issue.record("read-only runner did not refuse: \(action)")
            return
        }
        #expect(message.hasPrefix("Read-only mode"))
        #expect(try await backend.requests(lane: lane).isEmpty, "no request may leave in read-only mode")
    }

    /// The audit log said "ok" without what changed.
    @Test func auditLinesSayWhatChanged() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("runner-audit-what")
        try await fixtures.createFunction(name)
        try await fixtures.publishVersions(name, descriptions: ["one", "two"])
        _ = try await fixtures.lambda.createAlias(name, CreateAliasRequest(name: "live", functionVersion: "1"))
        let folder = Self.folder()
        let runner = Self.runner(fixtures.backend, folder: folder)
        _ = await runner.run(.mutate(.publishVersion(function: name, description: "three", codeSha256: nil, revisionId: nil)))
        let alias = AliasSettings(name: "live", version: "1", additionalVersion: "2", weight: 0.25, before: "1")
        _ = await runner.run(.mutate(.updateAlias(function: name, alias, revisionId: nil)))
        var changes = ConfigurationChanges()
        changes.memorySize = 512
        changes.timeout = 30
        _ = await runner.run(.mutate(.updateConfiguration(function: name, changes, revisionId: nil)))
        let results = try String(contentsOfFile: folder + "/audit.log", encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t").last.map(String.init) ?? "" }
        let published = try await fixtures.lambda.versions(of: name).all().compactMap(\.version).filter { $0 != "$LATEST" }.max { (Int($0) ?? 0) < (Int($1) ?? 0) }
        #expect(results == ["ok: version \(published ?? "?")", "ok: 1 → 1, 2 at 25 %", "ok: changed MemorySize, Timeout"], "\(results)")
    }

    @Test func auditLinesNameTheActionNeverTheValues() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("runner-audit")
        try await fixtures.createFunction(name)
        let folder = Self.folder()
        let runner = Self.runner(fixtures.backend, folder: folder)
        var changes = ConfigurationChanges()
        changes.environment = ["API_TOKEN": "tok-very-secret"]
        _ = await runner.run(.mutate(.updateConfiguration(function: name, changes, revisionId: nil)))
        _ = await runner.run(.mutate(.invoke(InvocationRequest(function: name, payload: #"{"card":"4111-1111"}"#, saveAs: "card test"))))
        _ = await runner.run(.mutate(.deleteFunction(function: name + "-never-created", version: nil)))
        let log = try String(contentsOfFile: folder + "/audit.log", encoding: .utf8)
        let lines = log.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count == 6 && $0[1] == "test-profile" && $0[2] == "us-east-1" })
        #expect(lines.map { $0[3] } == ["UpdateFunctionConfiguration", "Invoke", "DeleteFunction"])
        #expect(lines[0][5] == "ok: changed Environment" && lines[1][5] == "status 200" && lines[2][5].hasPrefix("failed:"))
        #expect(!log.contains("tok-very-secret") && !log.contains("4111"), "values and payloads never reach the audit log")
        #expect(try await fixtures.lambda.getFunctionConfiguration(name).environment?.variables == ["API_TOKEN": "tok-very-secret"])
        let saved = SavedEventStore(directory: folder + "/events").load(function: name)
        #expect(saved.payloads["card test"] == #"{"card":"4111-1111"}"# && saved.last == #"{"card":"4111-1111"}"#)
    }

    @Test func anUnwritableAuditLogIsSaidWithTheOutcome() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("runner-no-audit")
        try await fixtures.createFunction(name)
        let runner = EffectRunner(lambda: fixtures.lambda, logs: LogsClient(client: fixtures.backend.client(.logs)),
                                  audit: AuditLog(path: "/proc/lambda-tui-cannot-write/audit.log", profile: "p", region: "us-east-1"))
        let action = await runner.run(.mutate(.setReservedConcurrency(function: name, 3)))
        guard case .mutationFinished(_, .done(let message, _)) = action else {
            Issue.record("the change itself should succeed: \(action)")
            return
        }
        #expect(message.hasPrefix("Reserved 3 concurrent executions") && message.contains("audit log") && message.contains("could not be written"))
    }

    @Test func codeFromS3AndImagesIsSentAsTheReferenceSays() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("runner-code-sources")
        let ok = ["status": 200, "headers": ["Content-Type": "application/json"],
                  "body": #"{"FunctionName":"f","LastUpdateStatus":"Successful"}"#] as [String: any Sendable]
        try await backend.script(lane: lane, [ok, ok, ok, ok])
        let runner = Self.runner(backend, lane: lane, folder: Self.folder())
        _ = await runner.run(.mutate(.updateCode(function: "f", source: .s3(bucket: "builds", key: "f/v2.zip", objectVersion: "3"),
                                                 architecture: "arm64", publish: true, revisionId: "rev-9")))
        _ = await runner.run(.mutate(.updateCode(function: "f", source: .image(uri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/f:2"),
                                                 architecture: nil, publish: false, revisionId: nil)))
        let updates = try await backend.requests(lane: lane).filter { $0.method == "PUT" }
        #expect(updates.count == 2)
        let s3 = try JSONSerialization.jsonObject(with: Data(updates[0].body.utf8)) as? [String: Any]
        #expect(s3?["S3Bucket"] as? String == "builds" && s3?["S3Key"] as? String == "f/v2.zip" && s3?["S3ObjectVersion"] as? String == "3")
        #expect(s3?["Publish"] as? Bool == true && s3?["RevisionId"] as? String == "rev-9" && s3?["Architectures"] as? [String] == ["arm64"])
        let image = try JSONSerialization.jsonObject(with: Data(updates[1].body.utf8)) as? [String: Any]
        #expect(image?["ImageUri"] as? String == "123456789012.dkr.ecr.us-east-1.amazonaws.com/f:2" && image?["ZipFile"] == nil)
    }

    @Test func aFailedUpdateBringsItsReason() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("runner-update-fails")
        let json = ["Content-Type": "application/json"]
        try await backend.script(lane: lane, [
            ["status": 200, "headers": json, "body": #"{"FunctionName":"f","LastUpdateStatus":"InProgress"}"#],
            ["status": 200, "headers": json, "body": #"{"FunctionName":"f","LastUpdateStatus":"InProgress"}"#],
            ["status": 200, "headers": json, "body": #"{"FunctionName":"f","LastUpdateStatus":"Failed","LastUpdateStatusReason":"The image manifest could not be found."}"#],
        ])
        let runner = Self.runner(backend, lane: lane, folder: Self.folder())
        let progress = ProgressLog()
        let action = await runner.run(.mutate(.updateCode(function: "f", source: .image(uri: "repo/f:missing"), architecture: nil,
                                                          publish: false, revisionId: nil))) { progress.append($0) }
        guard case .mutationFinished(_, .failed(let message)) = action else {
            Issue.record("the failed update was not reported: \(action)")
            return
        }
        #expect(message.contains("The image manifest could not be found."))
        #expect(progress.texts.contains("f: LastUpdateStatus InProgress"), "the wait shows its progress: \(progress.texts)")
    }
}

/// What the runner reported while it worked.
final class ProgressLog: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ action: ConsoleAction) {
        if case .mutationProgress(let text) = action { lines.withLock { $0.append(text) } }
    }
    var texts: [String] { lines.withLock { $0 } }
}
