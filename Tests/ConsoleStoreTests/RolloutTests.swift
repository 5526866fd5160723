import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import MetricsAPI
import Synchronization
import Testing
import TestSupport

@Suite struct RolloutPlanTests {
    @Test func presetsAndCustomPlans() throws {
        let canary = try #require(RolloutPlan.parse("Canary10Percent5Minutes"))
        #expect(canary.steps == [10, 100] && canary.interval == 300)
        #expect(RolloutPlan.parse("LambdaLinear10PercentEvery1Minute")?.steps == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
        #expect(RolloutPlan.parse("linear 30% 2s")?.steps == [30, 60, 90, 100])
        #expect(RolloutPlan.parse("linear 25% every 1m")?.interval == 60)
        #expect(RolloutPlan.parse("canary 5% for 1h")?.steps == [5, 100])
        for bad in ["canary", "canary 0% 5m", "canary 100% 5m", "linear 10% soon", "gradual 10% 5m"] {
            #expect(RolloutPlan.parse(bad) == nil, "\(bad) is not a plan")
        }
    }

    @Test func anAutomaticRollbackReplacesTheEarlierCompletionOnTheStatusLine() {
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "http://127.0.0.1:1", readOnly: false))
        var first = Rollout(function: "checkout", alias: "live", description: "", primary: "1", target: "2",
                            plan: RolloutPlan(kind: .canary, percent: 10, interval: 60), errorThreshold: 5, revisionId: "r1")
        first.status = .completed
        first.message = "version 2 takes all traffic"
        _ = Reducer.reduce(&state, .rolloutUpdated(first))
        #expect(state.status == "checkout:live: version 2 takes all traffic")
        var second = first
        second.target = "3"
        second.status = .rolledBack
        second.message = "rolled back: version 3 failed 40% of its invocations"
        _ = Reducer.reduce(&state, .rolloutUpdated(second))
        #expect(state.lastError == "checkout:live: rolled back: version 3 failed 40% of its invocations")
        #expect(state.status == nil, "the first rollout's completion would come back once the rollback is dismissed")
        _ = Reducer.reduce(&state, .goBack)
        #expect(state.status == nil && state.lastError == nil)
    }

    @Test func unfinishedRolloutsAreKeptOnDiskUntilTheyEnd() throws {
        let files = RolloutFiles(directory: NSTemporaryDirectory() + "lt-rollouts-\(UUID().uuidString.prefix(8))")
        var rollout = Rollout(function: "checkout", alias: "live", description: "", primary: "1", target: "2",
                              plan: RolloutPlan(kind: .linear, percent: 50, interval: 60), errorThreshold: 5, revisionId: "r1")
        rollout.nextStep = 1
        rollout.appliedWeight = 50
        try files.save(rollout)
        #expect(files.unfinished() == [rollout])
        rollout.status = .completed
        try files.save(rollout)
        #expect(files.unfinished().isEmpty)
    }
}

/// Rollouts run by the effect runner against moto (metrics and logs included), and through the
/// proxy where moto ignores RevisionId.
@Suite struct RolloutRunnerTests {
    final class Updates: Sendable {
        private let seen = Mutex<[Rollout]>([])
        func append(_ action: ConsoleAction) { if case .rolloutUpdated(let rollout) = action { seen.withLock { $0.append(rollout) } } }
        var all: [Rollout] { seen.withLock { $0 } }
        func waitFor(_ condition: (Rollout) -> Bool) async -> Bool {
            for _ in 0..<200 {
                if all.contains(where: condition) { return true }
                try? await Task.sleep(for: .milliseconds(50))
            }
            return false
        }
    }

    struct Setup {
        let fixtures: LambdaFixtures
        let name: String
        let folder: String
        let runner: EffectRunner
        let revision: String?
    }

    /// A function with versions 1 and 2 and an alias `live` on 1.
    static func setUp(_ hint: String, lane: String? = nil, metrics: Bool = true) async throws -> Setup {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName(hint)
        try await fixtures.createFunction(name)
        try await fixtures.publishVersions(name, descriptions: ["one", "two"])
        let alias = try await fixtures.lambda.createAlias(name, CreateAliasRequest(name: "live", functionVersion: "1", description: "prod"))
        let folder = NSTemporaryDirectory() + "lt-rollout-\(UUID().uuidString.prefix(8))"
        let backend = fixtures.backend
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda, lane: lane)), logs: LogsClient(client: backend.client(.logs)),
                                  audit: AuditLog(path: folder + "/audit.log", profile: "p", region: "us-east-1"),
                                  metrics: metrics ? MetricsClient(client: backend.client(.monitoring)) : nil,
                                  rolloutFiles: RolloutFiles(directory: folder + "/rollouts"))
        return Setup(fixtures: fixtures, name: name, folder: folder, runner: runner, revision: alias.revisionId)
    }

    static func rollout(_ setup: Setup, _ plan: String) throws -> Rollout {
        // These rollouts are judged on whatever data there is (0 invocations needed); the test
        // below checks that a step nobody called waits and pauses.
        Rollout(function: setup.name, alias: "live", description: "prod", primary: "1", target: "2", plan: try #require(RolloutPlan.parse(plan)),
                errorThreshold: 5, revisionId: setup.revision, minimumInvocations: 0)
    }

    @Test func aCanaryWithSecondLongStepsCompletes() async throws {
        let setup = try await Self.setUp("rollout-canary")
        let updates = Updates()
        let end = await setup.runner.run(.runRollout(try Self.rollout(setup, "canary 50% 1s"))) { updates.append($0) }
        guard case .rolloutUpdated(let final) = end else {
            Issue.record("no final state: \(end)")
            return
        }
        #expect(final.status == .completed, "\(final.message ?? "")")
        #expect(updates.all.contains { $0.appliedWeight == 50 && $0.status == .running }, "the canary step was reported")
        let alias = try await setup.fixtures.lambda.getAlias(setup.name, name: "live")
        #expect(alias.functionVersion == "2" && alias.routingConfig?.additionalVersionWeights?.isEmpty != false && alias.description == "prod")
        let audit = try String(contentsOfFile: setup.folder + "/audit.log", encoding: .utf8)
        #expect(audit.contains("rollout step 1 of 2, 50 %") && audit.contains("rollout step 2 of 2, 100 %"))
        #expect(RolloutFiles(directory: setup.folder + "/rollouts").unfinished().isEmpty)
    }

    @Test func errorMetricsOfTheTargetRollItBack() async throws {
        let setup = try await Self.setUp("rollout-metrics")
        let updates = Updates()
        let runner = setup.runner
        let rollout = try Self.rollout(setup, "linear 20% 2s")
        let run = Task { await runner.run(.runRollout(rollout)) { updates.append($0) } }
        #expect(await updates.waitFor { $0.appliedWeight == 20 })
        let metrics = MetricsClient(client: setup.fixtures.backend.client(.monitoring))
        let dimensions = [MetricDimension("FunctionName", setup.name), MetricDimension("Resource", "\(setup.name):live"),
                          MetricDimension("ExecutedVersion", "2")]
        try await metrics.putMetricData(namespace: "AWS/Lambda", [MetricDatum(metricName: "Invocations", dimensions: dimensions, value: 10),
                                                                  MetricDatum(metricName: "Errors", dimensions: dimensions, value: 3)])
        guard case .rolloutUpdated(let final) = await run.value else {
            Issue.record("no final state")
            return
        }
        #expect(final.status == .rolledBack)
        #expect(final.message?.contains("30 %") == true && final.message?.contains("CloudWatch metrics") == true, "\(final.message ?? "")")
        let alias = try await setup.fixtures.lambda.getAlias(setup.name, name: "live")
        #expect(alias.functionVersion == "1" && alias.routingConfig?.additionalVersionWeights?.isEmpty != false)
    }

    @Test func withoutMetricsTheVersionsLogStreamsDecide() async throws {
        let setup = try await Self.setUp("rollout-logs", metrics: false)
        let logs = LogsClient(client: setup.fixtures.backend.client(.logs))
        let group = "/aws/lambda/\(setup.name)"
        try await logs.createLogGroup(group)
        try await logs.createLogStream(group: group, stream: "2026/11/25/[2]0123abcd")
        try await logs.createLogStream(group: group, stream: "2026/11/25/[1]4567efab")
        let updates = Updates()
        let runner = setup.runner
        let rollout = try Self.rollout(setup, "canary 10% 2s")
        let run = Task { await runner.run(.runRollout(rollout)) { updates.append($0) } }
        #expect(await updates.waitFor { $0.appliedWeight == 10 })
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try await logs.putLogEvents(group: group, stream: "2026/11/25/[2]0123abcd", events: [
            InputLogEvent(timestamp: now, message: "START RequestId: a Version: 2"),
            InputLogEvent(timestamp: now + 1, message: "[ERROR] KeyError: 'card'"),
            InputLogEvent(timestamp: now + 2, message: "START RequestId: b Version: 2"),
        ])
        // The old version's errors are not the new version's.
        try await logs.putLogEvents(group: group, stream: "2026/11/25/[1]4567efab", events: [
            InputLogEvent(timestamp: now, message: "START RequestId: c Version: 1"),
            InputLogEvent(timestamp: now + 1, message: "ERROR old version"),
        ])
        guard case .rolloutUpdated(let final) = await run.value else {
            Issue.record("no final state")
            return
        }
        #expect(final.status == .rolledBack)
        #expect(final.message?.contains("1 errors in 2 invocations, its log streams") == true, "\(final.message ?? "")")
    }

    @Test func aStaleRevisionPausesTheRollout() async throws {
        let lane = TestBackend.lane("rollout-stale")
        let setup = try await Self.setUp("rollout-stale", lane: lane)
        try await setup.fixtures.backend.script(lane: lane, [TestBackend.staleRevision("PUT", pathContaining: "/aliases/live")])
        let end = await setup.runner.run(.runRollout(try Self.rollout(setup, "linear 50% 1s")))
        guard case .rolloutUpdated(let final) = end else {
            Issue.record("no final state")
            return
        }
        #expect(final.status == .paused && final.message?.contains("someone else changed") == true)
        #expect(final.nextStep == 0 && final.appliedWeight == 0)
        let sent = try await setup.fixtures.backend.requests(lane: lane).first { $0.method == "PUT" }
        if let revision = setup.revision { #expect(sent?.body.contains(#""RevisionId":"\#(revision)""#) == true) }
        #expect(RolloutFiles(directory: setup.folder + "/rollouts").unfinished().first?.status == .paused, "a paused rollout can be resumed later")
    }

    @Test func aRunningRolloutCanBeAborted() async throws {
        let setup = try await Self.setUp("rollout-abort")
        let updates = Updates()
        let runner = setup.runner
        let rollout = try Self.rollout(setup, "linear 25% 30s")
        let run = Task { await runner.run(.runRollout(rollout)) { updates.append($0) } }
        #expect(await updates.waitFor { $0.appliedWeight == 25 })
        _ = await runner.run(.abortRollout(rollout))
        guard case .rolloutUpdated(let final) = await run.value else {
            Issue.record("no final state")
            return
        }
        #expect(final.status == .aborted)
        let alias = try await setup.fixtures.lambda.getAlias(setup.name, name: "live")
        #expect(alias.functionVersion == "1" && alias.routingConfig?.additionalVersionWeights?.isEmpty != false)
    }

    /// A rollout left paused after step 1 while someone else changed the alias (here, its
    /// description), as a killed or conflicting console leaves it.
    static func pausedBySomeoneElse(_ setup: Setup, routing: [String: Double]) async throws -> Rollout {
        var rollout = try Self.rollout(setup, "linear 25% 1s")
        // moto keeps an alias's RevisionId across updates: the rollout holds the one from before
        // the other writer's change, as it would against AWS.
        rollout.revisionId = "revision-before-someone-else"
        rollout.nextStep = 1
        rollout.appliedWeight = 25
        rollout.status = .paused
        rollout.message = "Paused: someone else changed it."
        _ = try await setup.fixtures.lambda.updateAlias(setup.name, name: "live", UpdateAliasRequest(
            functionVersion: "1", description: "theirs", routingConfig: AliasRoutingConfiguration(additionalVersionWeights: routing)))
        return rollout
    }

    /// Resume and abort both answered "Paused…" again, and the rollout came back at every start.
    @Test func aRolloutPausedBySomeoneElseCanBeResumed() async throws {
        let setup = try await Self.setUp("rollout-resume-other")
        let paused = try await Self.pausedBySomeoneElse(setup, routing: ["2": 0.5])
        guard case .rolloutUpdated(let final) = await setup.runner.run(.runRollout(paused)) else {
            Issue.record("no final state")
            return
        }
        #expect(final.status == .completed, "\(final.message ?? "")")
        #expect(final.log.contains { $0.text.contains("as someone else left it: 50 %") })
        let alias = try await setup.fixtures.lambda.getAlias(setup.name, name: "live")
        #expect(alias.functionVersion == "2" && alias.description == "theirs", "their description is kept")
        #expect(RolloutFiles(directory: setup.folder + "/rollouts").unfinished().isEmpty, "it does not come back at the next start")
    }

    @Test func aRolloutPausedBySomeoneElseCanBeAborted() async throws {
        let setup = try await Self.setUp("rollout-abort-other")
        let paused = try await Self.pausedBySomeoneElse(setup, routing: ["2": 0.3])
        guard case .rolloutUpdated(let final) = await setup.runner.run(.abortRollout(paused)) else {
            Issue.record("no final state")
            return
        }
        #expect(final.status == .aborted, "\(final.message ?? "")")
        let alias = try await setup.fixtures.lambda.getAlias(setup.name, name: "live")
        #expect(alias.functionVersion == "1" && alias.routingConfig?.additionalVersionWeights?.isEmpty != false && alias.description == "theirs")
        #expect(RolloutFiles(directory: setup.folder + "/rollouts").unfinished().isEmpty)

        // One whose alias someone else already took off the target is stopped without a change.
        let other = try await Self.setUp("rollout-abort-gone")
        let gone = try await Self.pausedBySomeoneElse(other, routing: [:])
        guard case .rolloutUpdated(let left) = await other.runner.run(.abortRollout(gone)) else {
            Issue.record("no final state")
            return
        }
        #expect(left.status == .aborted && left.message?.contains("left as someone else set it") == true, "\(left.message ?? "")")
    }

    /// A step with no invocation of the new version counted as healthy, and the rollout
    /// promoted a version nobody called.
    @Test func aStepNobodyCalledWaitsThenPausesInsteadOfPromoting() async throws {
        let setup = try await Self.setUp("rollout-no-data")
        var rollout = try Self.rollout(setup, "canary 50% 1s")
        rollout.minimumInvocations = 1
        rollout.maximumWait = 2
        let updates = Updates()
        let end = await setup.runner.run(.runRollout(rollout)) { updates.append($0) }
        guard case .rolloutUpdated(let final) = end else {
            Issue.record("no final state")
            return
        }
        #expect(final.status == .paused, "\(final.message ?? "")")
        #expect(final.message?.contains("invoked 0 times in the step (1 needed)") == true, "\(final.message ?? "")")
        #expect(updates.all.contains { $0.message?.contains("Waiting for 1 invocations") == true }, "it said it was waiting")
        let alias = try await setup.fixtures.lambda.getAlias(setup.name, name: "live")
        #expect(alias.functionVersion == "1", "the version nobody called was not promoted")
    }
}
