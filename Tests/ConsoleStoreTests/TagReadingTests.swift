import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import Synchronization
import TaggingAPI
import Testing
import TestSupport

/// `tag:team=payments` showed 0 of 76: tags were known only for functions whose detail was opened.
@Suite struct TagReadingTests {
    static func functions(_ count: Int) -> [FunctionConfiguration] {
        (0..<count).map { index in
            var function = FunctionConfiguration(functionName: "f\(index)")
            function.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:f\(index)"
            return function
        }
    }

    @Test func aTagFilterReadsTheWholeListsTagsAndSaysHowManyAreKnown() {
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .show(.functions))
        _ = Reducer.reduce(&state, .functionsLoaded(.success(Self.functions(10))))
        _ = Reducer.reduce(&state, .beginFilter)
        let effects = Reducer.reduce(&state, .editFilter("tag:team=payments"))
        #expect(effects == [.loadTags(arns: Self.functions(10).compactMap(\.functionArn))])
        #expect(Reducer.reduce(&state, .editFilter("tag:team=payment")).isEmpty, "one read at a time")
        _ = Reducer.reduce(&state, .editFilter("tag:team=payments"))
        #expect(state.tagsSummary == "tags known for 0 of 10, reading")
        let arn = { (index: Int) in "arn:aws:lambda:us-east-1:123456789012:function:f\(index)" }
        _ = Reducer.reduce(&state, .tagsLoaded([arn(1): ["team": "payments"], arn(2): ["team": "search"]], final: false, problem: nil))
        #expect(state.tables[.functions]?.visible.count == 1)
        #expect(state.tagsSummary == "tags known for 2 of 10, reading")
        var rest: [String: [String: String]] = [:]
        for index in 3..<10 { rest[arn(index)] = index == 7 ? ["Team": "Payments"] : [:] }
        rest[arn(0)] = [:]
        _ = Reducer.reduce(&state, .tagsLoaded(rest, final: true, problem: nil))
        #expect(state.tables[.functions]?.visible.count == 2)
        #expect(state.tagsSummary == nil, "every function's tags are known")
        // A refreshed list reads only the functions it had not seen.
        let effectsAfter = Reducer.reduce(&state, .functionsLoaded(.success(Self.functions(12))))
        #expect(effectsAfter == [.loadTags(arns: [arn(10), arn(11)])])
    }

    @Test func aReadCutShortSaysWhy() {
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .show(.functions))
        _ = Reducer.reduce(&state, .functionsLoaded(.success(Self.functions(3))))
        _ = Reducer.reduce(&state, .editFilter("tag:team"))
        _ = Reducer.reduce(&state, .tagsLoaded([:], final: true, problem: "3 could not be read: AccessDeniedException"))
        #expect(state.tagsSummary == "tags known for 0 of 3 (3 could not be read: AccessDeniedException)")
    }

    /// GetResources as the reference documents it (two pages), served by the fault server.
    @Test func getResourcesPagesGiveEveryFunctionsTags() async throws {
        let backend = try await TestBackend.shared()
        let lane = "tagging-\(UUID().uuidString.prefix(8))"
        let arn = { (name: String) in "arn:aws:lambda:us-east-1:123456789012:function:\(name)" }
        try await backend.script(lane: lane, [
            ["match": ["target": "GetResources"], "body": #"{"PaginationToken": "p2", "ResourceTagMappingList": [{"ResourceARN": "\#(arn("a"))", "Tags": [{"Key": "team", "Value": "payments"}]}]}"#],
            ["match": ["target": "GetResources"], "body": #"{"PaginationToken": "", "ResourceTagMappingList": [{"ResourceARN": "\#(arn("b"))", "Tags": [{"Key": "team", "Value": "search"}]}]}"#],
        ])
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda)), logs: LogsClient(client: backend.client(.logs)),
                                  tagging: TaggingClient(client: backend.client(.tagging, lane: lane)))
        let seen = Mutex<[ConsoleAction]>([])
        let final = await runner.run(.loadTags(arns: [arn("a"), arn("b"), arn("c")])) { action in seen.withLock { $0.append(action) } }
        var tags: [String: [String: String]] = [:]
        for action in seen.withLock({ $0 }) + [final] {
            if case .tagsLoaded(let found, _, _) = action { tags.merge(found) { _, new in new } }
        }
        #expect(tags == [arn("a"): ["team": "payments"], arn("b"): ["team": "search"], arn("c"): [:]])
        guard case .tagsLoaded(_, true, nil) = final else {
            Issue.record("the read did not end cleanly: \(final)")
            return
        }
        let requests = try await backend.requests(lane: lane)
        #expect(requests.count == 2)
        #expect(requests.last?.body.contains(#""PaginationToken":"p2""#) == true, "\(requests.last?.body ?? "")")
        #expect(requests.first?.body.contains(#""ResourceTypeFilters":["lambda:function"]"#) == true)
    }

    /// Without GetResources (tag:GetResources denied, or moto), ListTags per function, paced.
    @Test func listTagsPerFunctionWithinTheBudget() async throws {
        let fixtures = try await LambdaFixtures()
        var arns: [String] = []
        for index in 0..<6 {
            let created = try await fixtures.createFunction(LambdaFixtures.uniqueName("tags\(index)"), tags: index % 2 == 0 ? ["team": "payments"] : nil)
            arns.append(try #require(created.functionArn))
        }
        let lane = "tagging-denied-\(UUID().uuidString.prefix(8))"
        try await fixtures.backend.script(lane: lane, [["match": ["target": "GetResources"], "status": 400,
            "body": #"{"__type": "AccessDeniedException", "message": "not authorized to perform: tag:GetResources"}"#]])
        let runner = EffectRunner(lambda: fixtures.lambda, logs: LogsClient(client: fixtures.backend.client(.logs)),
                                  tagging: TaggingClient(client: fixtures.backend.client(.tagging, lane: lane)), tagCallsPerSecond: 8)
        let seen = Mutex<[ConsoleAction]>([])
        let began = Date()
        let final = await runner.run(.loadTags(arns: arns)) { action in seen.withLock { $0.append(action) } }
        let took = Date().timeIntervalSince(began)
        var tags: [String: [String: String]] = [:]
        for action in seen.withLock({ $0 }) + [final] {
            if case .tagsLoaded(let found, _, _) = action { tags.merge(found) { _, new in new } }
        }
        for (index, arn) in arns.enumerated() { #expect(tags[arn] == (index % 2 == 0 ? ["team": "payments"] : [:])) }
        #expect(took >= 0.45, "6 calls at 8 a second took \(took) s")
        guard case .tagsLoaded(_, true, nil) = final else {
            Issue.record("a fallback that read every function's tags still reported a problem: \(final)")
            return
        }
    }
}
