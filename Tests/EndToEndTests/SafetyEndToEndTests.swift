import Foundation
import LambdaAPI
import LambdaTestSupport
import Testing
import TestSupport

/// Read-only mode and RevisionId conflicts, proved on the wire: the console talks to moto
/// through the test backend's recording proxy.
@Suite(.serialized, .timeLimit(.minutes(3))) struct SafetyEndToEndTests {
    /// Lambda reads are GETs; the Logs calls the console makes to read are these.
    static let readOnlyLogsTargets: Set<String> = ["Logs_20140328.FilterLogEvents", "Logs_20140328.DescribeLogStreams",
                                                   "Logs_20140328.DescribeLogGroups", "Logs_20140328.GetLogEvents"]

    @Test func readOnlySendsNoMutatingRequestWhateverIsPressed() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-readonly")
        try await fixtures.createFunction(name)
        _ = try await fixtures.lambda.publishVersion(name, PublishVersionRequest(description: "one"))
        _ = try await fixtures.lambda.createAlias(name, CreateAliasRequest(name: "live", functionVersion: "1"))
        let lane = TestBackend.lane("read-only")
        let session = try TmuxSession(endpoint: fixtures.backend.faultURL(lane: lane), arguments: "--read-only")
        #expect(await session.waitFor(name).satisfied)
        try session.send("/")
        try session.type(name)
        try session.send("Enter")
        let keys = ["i", "P", "u", "e", "t", "a", "c", "x", "s", "C-d", "C-p", ".", "Enter", "Enter"]
        for (pane, heading) in [("functions", "NAME"), ("versions", "VERSION"), ("aliases", "ALIAS"), ("mappings", "SOURCE")] {
            try session.send(":")
            try session.type(pane)
            try session.send("Enter")
            // Esc dismisses the last message, so each pane must say it anew.
            try session.send("Escape")
            #expect(await session.waitFor { $0.contains(heading) && !$0.contains("Read-only mode") }.satisfied)
            for key in keys { try session.send(key) }
            let result = await session.waitFor("Read-only mode")
            #expect(result.satisfied, "the \(pane) pane did not say why the keys do nothing:\n\(result.screen)")
            try session.send("Escape")
        }
        try session.send("Enter")  // the detail view
        for key in keys { try session.send(key) }
        try session.send("?")
        let help = await session.waitFor("Keys (Esc or ? closes)").screen
        #expect(!help.contains("invoke"), "the help lists no action in read-only mode:\n\(help)")
        try session.send("Escape", "q")
        #expect(await session.waitFor("EXITED 0").satisfied)

        let requests = try await fixtures.backend.requests(lane: lane)
        #expect(requests.count > 3, "the console read through the proxy")
        for request in requests {
            let target = request.headers["x-amz-target"]
            let isRead = target.map { Self.readOnlyLogsTargets.contains($0) } ?? (request.method == "GET")
            #expect(isRead, "a mutating request left the console in read-only mode: \(request.method) \(request.path) \(target ?? "")")
        }
    }

    @Test func aStaleRevisionIsReportedAndWhatWasTypedIsKept() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-revision")
        let function = try await fixtures.createFunction(name)
        let lane = TestBackend.lane("stale-revision")
        // The first configuration update is answered as AWS answers a stale RevisionId.
        try await fixtures.backend.script(lane: lane, [TestBackend.staleRevision("PUT", pathContaining: "/configuration")])
        let session = try TmuxSession(endpoint: fixtures.backend.faultURL(lane: lane))
        #expect(await session.waitFor(name).satisfied)
        try session.send("/")
        try session.type(name)
        try session.send("Enter", "e")
        #expect(await session.waitFor("Configuration of \(name)").satisfied)
        try session.send("C-u")
        try session.type("typed before the conflict")
        try session.send("Enter")
        var result = await session.waitFor { $0.contains("Someone else changed \(name)") && $0.contains("typed before the conflict") }
        #expect(result.satisfied, "the conflict was not reported with the form kept:\n\(result.screen)")
        result = await session.waitFor("Refreshed: Enter applies your changes")
        #expect(result.satisfied, "the form was not refreshed after the conflict:\n\(result.screen)")
        try session.send("Enter")
        result = await session.waitFor { $0.contains("✓ Updated the configuration of \(name)") }
        #expect(result.satisfied, "the second try did not apply:\n\(result.screen)")
        #expect(try await fixtures.lambda.getFunctionConfiguration(name).description == "typed before the conflict")

        let updates = try await fixtures.backend.requests(lane: lane).filter { $0.method == "PUT" && $0.path.hasSuffix("/configuration") }
        #expect(updates.count == 2)
        for update in updates {
            #expect(update.body.contains(#""Description":"typed before the conflict""#))
            if let revision = function.revisionId { #expect(update.body.contains(#""RevisionId":"\#(revision)""#)) }
            #expect(!update.body.contains(#""MemorySize""#), "only the changed field is sent: \(update.body)")
        }
        try session.send("q")
        #expect(await session.waitFor("EXITED 0").satisfied)
    }
}
