import AWSCore
import Foundation
import LambdaAPI
import LambdaTestSupport
import Testing
import TestSupport

/// `:region`: moto keeps each region's functions apart, as AWS does. Switching shows the other
/// region's own list under its own header; switching back shows the first as it was left
/// (its filter kept), with nothing of one region under the other's name.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ContextEndToEndTests {
    @Test func switchRegionsAndComeBackAsLeft() async throws {
        let fixtures = try await LambdaFixtures()
        let prefix = "ctx\(UUID().uuidString.prefix(6).lowercased())"
        _ = try await fixtures.createFunction("\(prefix)-virginia")
        _ = try await fixtures.createFunction("\(prefix)-ohio")
        let paris = LambdaClient(client: AWSClient(service: .lambda, region: "eu-west-3", endpoint: fixtures.backend.motoURL,
                                                   credentials: StaticCredentialProvider(TestBackend.testCredentials, source: "test"),
                                                   transport: CurlTransport()))
        _ = try await paris.createFunction(CreateFunctionRequest(functionName: "\(prefix)-paris", role: try await fixtures.backend.lambdaRole(),
                                                                 code: FunctionCode(zipFile: try LambdaFixtures.handlerZip()), runtime: .python312,
                                                                 handler: "index.handler"))
        let session = try TmuxSession(endpoint: fixtures.backend.motoURL)
        #expect(await session.waitFor("\(prefix)-virginia").satisfied)
        try session.send("/")
        try session.type("\(prefix)-vir")
        try session.send("Enter")
        #expect(await session.waitFor { $0.contains("\(prefix)-virginia") && !$0.contains("\(prefix)-ohio") }.satisfied)

        try session.send(":")
        try session.type("region eu-west-3")
        try session.send("Enter")
        var result = await session.waitFor { $0.contains("│ eu-west-3 │") && $0.contains("\(prefix)-paris") }
        #expect(result.satisfied, ":region did not show the other region's functions:\n\(result.screen)")
        #expect(!result.screen.contains("\(prefix)-virginia") && !result.screen.contains("\(prefix)-ohio"), "a us-east-1 function under eu-west-3's header:\n\(result.screen)")

        try session.send(":")
        try session.type("region us-east-1")
        try session.send("Enter")
        // The filter kept: the other us-east-1 function still filtered out.
        result = await session.waitFor { $0.contains("│ us-east-1 │") && $0.contains("\(prefix)-virginia") && !$0.contains("\(prefix)-ohio") }
        #expect(result.satisfied, "back in us-east-1, the list and its filter were not as left:\n\(result.screen)")
        #expect(!result.screen.contains("\(prefix)-paris"))

        try session.send(":")
        try session.type("region moon-1")
        try session.send("Enter")
        result = await session.waitFor { $0.contains("moon-1 is not a region name") }
        #expect(result.satisfied, "a bad region name was not refused with a sentence:\n\(result.screen)")

        try session.send("q")
        result = await session.waitFor("modes:")
        #expect(result.screen.contains("EXITED 0 modes: icanon echo"), "lambda-tui did not exit cleanly:\n\(result.screen)")
    }

    @Test func aProfileMatchingReadOnlyProfilesIsReadOnly() async throws {
        let backend = try await TestBackend.shared()
        let config = NSTemporaryDirectory() + "lt-config-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: config + "/lambda-tui", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: config) }
        try "read_only_profiles = prod* def*\n".write(toFile: config + "/lambda-tui/config", atomically: true, encoding: .utf8)
        let session = try TmuxSession(endpoint: backend.motoURL, environment: ["XDG_CONFIG_HOME": config])
        var result = await session.waitFor { $0.contains("READ-ONLY") && $0.contains("NAME") }
        #expect(result.satisfied, "the default profile matches def*: the header should say READ-ONLY:\n\(result.screen)")
        try session.send("q")
        result = await session.waitFor("modes:")
        #expect(result.screen.contains("EXITED 0"))
    }

    /// A context switched to is drawn at once from its last list (marked with its age) while
    /// its real list is read, as the first context is at start.
    @Test func aSwitchedContextStartsFromItsLastList() async throws {
        let fixtures = try await LambdaFixtures()
        let backend = fixtures.backend
        let name = "cache\(UUID().uuidString.prefix(6).lowercased())-tokyo"
        let tokyo = LambdaClient(client: AWSClient(service: .lambda, region: "ap-northeast-1", endpoint: backend.motoURL,
                                                   credentials: StaticCredentialProvider(TestBackend.testCredentials, source: "test"),
                                                   transport: CurlTransport()))
        _ = try await tokyo.createFunction(CreateFunctionRequest(functionName: name, role: try await backend.lambdaRole(),
                                                                 code: FunctionCode(zipFile: try LambdaFixtures.handlerZip()), runtime: .python312,
                                                                 handler: "index.handler"))
        let lane = TestBackend.lane("ctx-cache")
        let cache = NSTemporaryDirectory() + "lt-ctx-cache-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        var session = try TmuxSession(endpoint: backend.faultURL(lane: lane), cacheFolder: cache)
        #expect(await session.waitFor("NAME").satisfied)
        try session.send(":")
        try session.type("region ap-northeast-1")
        try session.send("Enter")
        var result = await session.waitFor { $0.contains("│ ap-northeast-1 │") && $0.contains(name) }
        #expect(result.satisfied, "the first visit did not list Tokyo:\n\(result.screen)")
        try session.send("q")
        #expect(await session.waitFor("modes:").screen.contains("EXITED 0"))

        // Now every answer takes 4 s: the switch shows the kept list before any arrives.
        try await backend.simulateLatency(lane: lane, seconds: 4)
        session = try TmuxSession(endpoint: backend.faultURL(lane: lane), cacheFolder: cache)
        try session.send(":")
        try session.type("region ap-northeast-1")
        try session.send("Enter")
        result = await session.waitFor(timeout: 3.5, whileBusy: true) { $0.contains("│ ap-northeast-1 │") && $0.contains(name) && $0.contains("as of") }
        #expect(result.satisfied, "the switched context was not drawn from its last list at once:\n\(result.screen)")
        try await backend.simulateLatency(lane: lane, seconds: 0)
        try session.send("q")
        result = await session.waitFor("modes:", timeout: 20)
        #expect(result.screen.contains("EXITED 0"))
    }
}
