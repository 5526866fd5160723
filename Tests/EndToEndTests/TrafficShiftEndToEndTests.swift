import ConsoleStore
import Foundation
import LambdaAPI
import LambdaTestSupport
import Testing
import TestSupport

/// The quick shift in the real binary: weights typed as keys reach moto exactly; promote and
/// roll back; a stale RevisionId refused (through the proxy, since moto ignores RevisionId).
@Suite(.serialized, .timeLimit(.minutes(3))) struct TrafficShiftEndToEndTests {
    static func function(_ fixtures: LambdaFixtures, _ hint: String) async throws -> String {
        let name = LambdaFixtures.uniqueName(hint)
        try await fixtures.createFunction(name)
        try await fixtures.publishVersions(name, descriptions: ["one", "two", "three"])
        _ = try await fixtures.lambda.createAlias(name, CreateAliasRequest(name: "live", functionVersion: "2", description: "production"))
        return name
    }

    @Test func weightsInStepsThenPromoteAndRollBack() async throws {
        let fixtures = try await LambdaFixtures()
        let name = try await Self.function(fixtures, "e2e-shift")
        // Through the recording proxy (it forwards everything to moto) to see each UpdateAlias.
        let lane = TestBackend.lane("shift")
        let console = try await ActionConsole(name, endpoint: fixtures.backend.faultURL(lane: lane))
        let session = console.session
        try console.show("aliases")
        #expect(await session.waitFor("production").satisfied)
        try session.send("s")
        // One condition for the whole frame: tmux may show a frame half drawn.
        var result = await session.waitFor { $0.contains("Shift traffic: \(name):live") && $0.contains("◂ 3 ▸") }
        #expect(result.satisfied, "s did not open the shift view on the newest version:\n\(result.screen)")

        try session.type("++>")
        result = await session.waitFor { $0.contains("2: 89 %   3: 11 %") }
        #expect(result.satisfied, "before/after did not show the new split:\n\(result.screen)")
        try session.send("Enter")
        await console.expectDone("Updated alias \(name):live")
        var alias = try await fixtures.lambda.getAlias(name, name: "live")
        #expect(alias.routingConfig?.additionalVersionWeights == ["3": 0.11])
        #expect(alias.functionVersion == "2" && alias.description == "production")

        try session.send("s")
        #expect(await session.waitFor("Shift traffic").satisfied)
        try session.type("0")
        try session.send("Enter")
        await console.expectDone("Updated alias \(name):live")
        alias = try await fixtures.lambda.getAlias(name, name: "live")
        let updates = try await fixtures.backend.requests(lane: lane).filter { $0.method == "PUT" }.map(\.body)
        #expect(alias.routingConfig?.additionalVersionWeights?.isEmpty != false, "0 clears the routing: \(updates)")

        try session.send("s")
        try session.type("5P")
        result = await session.waitFor("Promote version 3 to primary")
        #expect(result.satisfied, "P did not ask first:\n\(result.screen)")
        try session.send("Enter")
        await console.expectDone("Updated alias \(name):live")
        alias = try await fixtures.lambda.getAlias(name, name: "live")
        #expect(alias.functionVersion == "3" && alias.routingConfig?.additionalVersionWeights?.isEmpty != false)

        try session.send("s")
        try session.send("Tab")
        try session.type("3R")
        #expect(await session.waitFor("Roll back: send all traffic of live to version 3").satisfied)
        try session.send("Enter")
        await console.expectDone("Updated alias \(name):live")
        alias = try await fixtures.lambda.getAlias(name, name: "live")
        #expect(alias.functionVersion == "3" && alias.routingConfig?.additionalVersionWeights?.isEmpty != false)
        #expect(console.auditLog.components(separatedBy: "\tUpdateAlias\t\(name):live\tok").count == 5)
        try await console.quit()
    }

    @Test func aStaleAliasRevisionIsRefusedAndReported() async throws {
        let fixtures = try await LambdaFixtures()
        let name = try await Self.function(fixtures, "e2e-shift-stale")
        let seen = try await fixtures.lambda.getAlias(name, name: "live")
        let lane = TestBackend.lane("shift-stale")
        try await fixtures.backend.script(lane: lane, [TestBackend.staleRevision("PUT", pathContaining: "/aliases/live")])
        let console = try await ActionConsole(name, endpoint: fixtures.backend.faultURL(lane: lane))
        let session = console.session
        try console.show("aliases")
        #expect(await session.waitFor("production").satisfied)
        try session.send("s")
        try session.type("4")
        try session.send("Enter")
        let result = await session.waitFor { $0.contains("Someone else changed \(name):live") && $0.contains("40 %") }
        #expect(result.satisfied, "the stale RevisionId was not reported with the weight kept:\n\(result.screen)")
        let unchanged = try await fixtures.lambda.getAlias(name, name: "live")
        #expect(unchanged.routingConfig?.additionalVersionWeights?.isEmpty != false, "nothing changed on a refused update")
        let update = try #require(try await fixtures.backend.requests(lane: lane).first { $0.method == "PUT" })
        if let revision = seen.revisionId { #expect(update.body.contains(#""RevisionId":"\#(revision)""#)) }
        #expect(console.auditLog.contains("\tUpdateAlias\t\(name):live\trefused: RevisionId changed"))
        try await console.quit()
    }

    @Test func aRolloutSurvivesAKilledConsoleAndResumes() async throws {
        let fixtures = try await LambdaFixtures()
        let name = try await Self.function(fixtures, "e2e-rollout")
        let console = try await ActionConsole(name, endpoint: fixtures.backend.motoURL)
        var session = console.session
        try console.show("aliases")
        #expect(await session.waitFor("production").satisfied)
        try session.send("s")
        #expect(await session.waitFor("Shift traffic").satisfied)
        try session.send("G")
        #expect(await session.waitFor("Gradual rollout of \(name):live").satisfied)
        // Target (the newest version), then the plan: Left from the first preset is "custom".
        try session.send("Tab", "Left", "Tab")
        try session.type("linear 50% 4s")
        // Nobody invokes the function here: judge each step without waiting for invocations.
        try session.send("Tab", "Tab", "C-u")
        try session.type("0")
        try session.send("Enter")
        var result = await session.waitFor { $0.contains("Sent 50 % to version 3.") }
        #expect(result.satisfied, "the rollout did not take its first step:\n\(result.screen)")
        let pid = try #require(session.consolePID)
        kill(pid, SIGKILL)
        #expect(await session.waitFor("EXITED").satisfied)

        var alias = try await fixtures.lambda.getAlias(name, name: "live")
        #expect(alias.functionVersion == "2" && alias.routingConfig?.additionalVersionWeights == ["3": 0.5],
                "the alias stays as the last step left it")
        let kept = RolloutFiles(directory: console.folder + "/state/lambda-tui/rollouts").unfinished()
        #expect(kept.count == 1 && kept.first?.nextStep == 1 && kept.first?.appliedWeight == 50)

        session = try ActionConsole.session(endpoint: fixtures.backend.motoURL, folder: console.folder)
        result = await session.waitFor("This rollout was interrupted")
        #expect(result.satisfied, "the next start did not offer to resume:\n\(result.screen)")
        try session.send("r")
        result = await session.waitFor(timeout: 30) { $0.contains("Completed: version 3 is the primary") }
        #expect(result.satisfied, "the resumed rollout did not complete:\n\(result.screen)")
        alias = try await fixtures.lambda.getAlias(name, name: "live")
        #expect(alias.functionVersion == "3" && alias.routingConfig?.additionalVersionWeights?.isEmpty != false)
        #expect(RolloutFiles(directory: console.folder + "/state/lambda-tui/rollouts").unfinished().isEmpty)
        try session.send("Escape", "q")
        #expect(await session.waitFor("EXITED 0").satisfied)
    }
}
