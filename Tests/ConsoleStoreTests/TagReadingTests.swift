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
        _ = Reducer.reduce(&state, .functionsLoaded(.listed(Self.functions(10))))
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
        let effectsAfter = Reducer.reduce(&state, .functionsLoaded(.listed(Self.functions(12))))
        #expect(effectsAfter == [.loadTags(arns: [arn(10), arn(11)])])
    }

    /// Clearing the `tag:` filter stopped nothing: "⟳ loading" and ListTags calls went on for
    /// minutes for a filter nobody used any more.
    @Test func clearingTheTagFilterStopsTheRead() {
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .show(.functions))
        _ = Reducer.reduce(&state, .functionsLoaded(.listed(Self.functions(10))))
        _ = Reducer.reduce(&state, .beginFilter)
        #expect(Reducer.reduce(&state, .editFilter("tag:team")).count == 1)
        #expect(state.inFlight.contains(.tags))
        #expect(Reducer.reduce(&state, .editFilter("tag")) == [.stopTagReading], "no tag: term any more")
        #expect(!state.inFlight.contains(.tags) && state.tagsSummary == nil)
        // Late pages of the stopped read are kept; its answer changes nothing else.
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:f1"
        _ = Reducer.reduce(&state, .tagsLoaded([arn: ["team": "payments"]], final: false, problem: nil))
        #expect(state.listTags[arn] == ["team": "payments"])
        // Typed again, only the functions still unknown are read.
        guard case .loadTags(let arns)? = Reducer.reduce(&state, .editFilter("tag:team")).first else {
            Issue.record("the tag filter typed again read nothing")
            return
        }
        #expect(arns.count == 9 && !arns.contains(arn))
        // Esc (the filter dropped) stops it too.
        #expect(Reducer.reduce(&state, .endFilter(keep: false)) == [.stopTagReading])
    }

    /// The runner's side: a paced ListTags read stops at its next batch.
    @Test func aStoppedReadEndsAtItsNextBatch() async throws {
        let backend = try await TestBackend.shared()
        let lane = "tags-stop-\(UUID().uuidString.prefix(8))"
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda, lane: lane)), logs: LogsClient(client: backend.client(.logs)),
                                  tagCallsPerSecond: 4)
        let arns = Self.functions(40).compactMap(\.functionArn)
        let began = Date()
        let reading = Task { await runner.run(.loadTags(arns: arns)) }
        try await Task.sleep(for: .milliseconds(300))
        _ = await runner.run(.stopTagReading)
        let final = await reading.value
        let took = Date().timeIntervalSince(began)
        #expect(took < 3, "40 calls at 4 a second would take 10 s; the stopped read took \(took) s")
        if case .tagsLoaded(let found, false, nil) = final { #expect(found.isEmpty) } else {
            Issue.record("a stopped read is not final: \(final)")
        }
        let calls = try await backend.requests(lane: lane).count
        #expect(calls <= 8, "\(calls) ListTags calls after the stop")
    }

    @Test func aReadCutShortSaysWhy() {
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .show(.functions))
        _ = Reducer.reduce(&state, .functionsLoaded(.listed(Self.functions(3))))
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
