import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import Synchronization
import Testing
import TestSupport

/// The fleet view's listings through the real client: one region listed from moto, and the
/// answers moto cannot give (an opt-in region not enabled, a denied one, one that keeps
/// failing) from the fault server, matched by the region the request is signed for.
@Suite struct FleetRunnerTests {
    @Test func eachRegionEndsInItsOwnWords() async throws {
        let fixtures = try await LambdaFixtures()
        let backend = fixtures.backend
        let name = "fleet-\(UUID().uuidString.prefix(6).lowercased())"
        _ = try await fixtures.createFunction(name)
        let lane = "fleet-\(UUID().uuidString.prefix(8))"
        let failing = (0..<3).map { _ in ["match": ["region": "eu-west-3"], "status": 500,
                                          "body": #"{"Type": "Service", "message": "internal"}"#] as [String: any Sendable] }
        try await backend.script(lane: lane, [
            ["match": ["region": "ap-east-1"], "status": 403,
             "body": #"{"Type": "User", "message": "The security token included in the request is invalid."}"#,
             "headers": ["x-amzn-ErrorType": "UnrecognizedClientException"]],
            ["match": ["region": "eu-south-1"], "status": 403,
             "body": #"{"Type": "User", "message": "User is not authorized to perform: lambda:ListFunctions"}"#,
             "headers": ["x-amzn-ErrorType": "AccessDeniedException"]],
        ] + failing)
        let fleet = FleetClients { source in
            let region = source.region ?? "us-east-1"
            let client = AWSClient(service: .lambda, region: region, endpoint: backend.faultURL(lane: lane),
                                   credentials: StaticCredentialProvider(TestBackend.testCredentials, source: "test"),
                                   transport: CurlTransport(), retry: RetryStrategy(maxAttempts: 3), sleep: { _ in })
            return (LambdaClient(client: client), region)
        }
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda)), logs: LogsClient(client: backend.client(.logs)), fleet: fleet)
        var outcomes: [String: FleetProgress] = [:]
        let pages = Mutex<[String: [String]]>([:])
        for region in ["us-east-1", "ap-east-1", "eu-south-1", "eu-west-3"] {
            let source = FleetSource(profile: "test", region: region)
            let answer = await runner.run(.listFleet(source, generation: 7)) { action in
                if case .fleetPage(let source, 7, let rows) = action { pages.withLock { $0[source.region ?? "", default: []] += rows.compactMap(\.functionName) } }
            }
            guard case .fleetListed(source, 7, let listed, let outcome) = answer, listed == region else {
                Issue.record("\(region): \(answer)")
                continue
            }
            outcomes[region] = outcome
        }
        #expect(outcomes["us-east-1"] == .listed(0), "moto's region lists")
        #expect(pages.withLock { $0["us-east-1"] ?? [] }.contains(name), "the function moto has did not come in a page")
        #expect(outcomes["ap-east-1"] == .notEnabled)
        if case .denied(let sentence)? = outcomes["eu-south-1"] { #expect(sentence.contains("not authorized")) } else {
            Issue.record("eu-south-1: \(String(describing: outcomes["eu-south-1"]))")
        }
        if case .failed(let sentence)? = outcomes["eu-west-3"] { #expect(!sentence.isEmpty) } else {
            Issue.record("eu-west-3: \(String(describing: outcomes["eu-west-3"]))")
        }
        #expect(pages.withLock { $0["ap-east-1"] } == nil, "a region not enabled showed rows")
    }
}
