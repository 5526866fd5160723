import AWSCore
import Foundation
import LambdaAPI
import Testing
import TestSupport

/// moto answers ListFunctions in one page whatever MaxItems says, so pages are scripted here as
/// the API reference documents them (Marker in, NextMarker out).
@Suite struct PaginationTests {
    static func page(_ names: [String], next: String?) -> [String: any Sendable] {
        let functions = names.map { #"{"FunctionName":"\#($0)","Runtime":"python3.12"}"# }.joined(separator: ",")
        let marker = next.map { #","NextMarker":"\#($0)""# } ?? ""
        return ["status": 200, "body": #"{"Functions":[\#(functions)]\#(marker)}"#]
    }

    @Test func followsMarkersToTheLastPage() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("pages")
        try await backend.script(lane: lane, [
            Self.page(["a", "b"], next: "m/1+="), Self.page(["c", "d"], next: "m2"), Self.page(["e"], next: nil),
        ])
        let lambda = LambdaClient(client: backend.client(.lambda, lane: lane))
        let names = try await lambda.functions(pageSize: 2).all().compactMap(\.functionName)
        #expect(names == ["a", "b", "c", "d", "e"])
        let calls = try await backend.requests(lane: lane)
        #expect(calls.map(\.path) == [
            "/2015-03-31/functions/?MaxItems=2",
            "/2015-03-31/functions/?Marker=m%2F1%2B%3D&MaxItems=2",
            "/2015-03-31/functions/?Marker=m2&MaxItems=2",
        ])
    }

    /// A 200 with an empty body or "Functions": null showed "None.", as if there were no functions.
    @Test(arguments: ["", #"{"Functions":null}"#, "{}"])
    func anAnswerWithoutTheListIsNotAnEmptyList(_ body: String) async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("nothing")
        try await backend.script(lane: lane, [["status": 200, "body": body]])
        let lambda = LambdaClient(client: backend.client(.lambda, lane: lane))
        await #expect {
            _ = try await lambda.functions().all()
        } throws: { error in
            String(describing: error).contains("answered nothing usable")
        }
    }

    /// A server that repeated its NextMarker made the listing loop for ever (367 MB and growing).
    @Test func aRepeatedMarkerIsAnErrorNotAnEndlessList() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("repeat")
        try await backend.script(lane: lane, [Self.page(["a"], next: "m1"), Self.page(["b"], next: "m2"), Self.page(["c"], next: "m1"),
                                              Self.page(["d"], next: "m1")])
        let lambda = LambdaClient(client: backend.client(.lambda, lane: lane))
        await #expect {
            _ = try await lambda.functions().all()
        } throws: { error in
            String(describing: error).contains("the same NextMarker twice")
        }
        #expect(try await backend.requests(lane: lane).count == 3)
    }

    @Test func stoppingEarlyFetchesNoMorePages() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("early")
        try await backend.script(lane: lane, [Self.page(["a"], next: "m1"), Self.page(["b"], next: "m2"), Self.page(["c"], next: nil)])
        let lambda = LambdaClient(client: backend.client(.lambda, lane: lane))
        var seen: [String] = []
        for try await page in lambda.functions() {
            seen += page.compactMap(\.functionName)
            if seen.count == 2 { break }
        }
        #expect(seen == ["a", "b"])
        #expect(try await backend.requests(lane: lane).count == 2)
    }

    @Test func unknownEnumerationValuesAndFieldsStillDecode() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("future")
        try await backend.script(lane: lane, [["status": 200, "body": """
            {"Functions":[{"FunctionName":"f","Runtime":"python9.99","State":"Hibernating","Architectures":["riscv64"],
              "LastModified":"2026-11-25T10:00:00.000+0000","SomeFieldFromTheFuture":{"x":1}}]}
            """]])
        let page = try await LambdaClient(client: backend.client(.lambda, lane: lane)).listFunctions()
        let function = try #require(page.functions?.first)
        #expect(function.runtime == Runtime(rawValue: "python9.99"))
        #expect(function.state == FunctionState(rawValue: "Hibernating"))
        #expect(function.architectures == [Architecture(rawValue: "riscv64")])
        #expect(function.lastModified?.date == Date(timeIntervalSince1970: 1_795_600_800))
    }

    @Test func malformedJSONIsAClearError() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("malformed")
        try await backend.script(lane: lane, [["status": 200, "body": #"{"Functions":[{"FunctionName":42}]}"#]])
        await #expect {
            try await LambdaClient(client: backend.client(.lambda, lane: lane)).listFunctions()
        } throws: { error in
            guard case .invalidResponse(let operation, let detail) = error as? AWSClientError else { return false }
            return operation == "ListFunctions" && detail.contains("Functions")
        }
    }
}

/// Each List operation's paginator follows NextMarker with that operation's own member names.
@Suite struct EveryPaginatorTests {
    func pages(_ member: String, _ item: String) -> [[String: any Sendable]] {
        [["status": 200, "body": #"{"\#(member)":[\#(item)],"NextMarker":"m2"}"#], ["status": 200, "body": #"{"\#(member)":[\#(item)]}"#]]
    }

    func run<Item: Sendable>(_ member: String, _ item: String, _ make: (LambdaClient) -> Paginator<Item>) async throws -> (Int, [String]) {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("paginator")
        try await backend.script(lane: lane, pages(member, item))
        let items = try await make(LambdaClient(client: backend.client(.lambda, lane: lane))).all()
        return (items.count, try await backend.requests(lane: lane).map(\.path))
    }

    @Test func followMarkers() async throws {
        var (count, paths) = try await run("Versions", #"{"Version":"1"}"#) { $0.versions(of: "f") }
        #expect(count == 2 && paths.last == "/2015-03-31/functions/f/versions?Marker=m2")
        (count, paths) = try await run("Aliases", #"{"Name":"live"}"#) { $0.aliases(of: "f") }
        #expect(count == 2 && paths.last == "/2015-03-31/functions/f/aliases?Marker=m2")
        (count, paths) = try await run("EventSourceMappings", #"{"UUID":"u"}"#) { $0.eventSourceMappings(functionName: "f") }
        #expect(count == 2 && paths.last == "/2015-03-31/event-source-mappings/?FunctionName=f&Marker=m2")
        (count, paths) = try await run("ProvisionedConcurrencyConfigs", #"{"Status":"READY"}"#) { $0.provisionedConcurrencyConfigs(of: "f") }
        #expect(count == 2 && paths.last == "/2019-09-30/functions/f/provisioned-concurrency?List=ALL&Marker=m2")
        (count, paths) = try await run("CodeSigningConfigs", #"{"CodeSigningConfigId":"c"}"#) { $0.codeSigningConfigs() }
        #expect(count == 2 && paths.last == "/2020-04-22/code-signing-configs/?Marker=m2")
        (count, paths) = try await run("FunctionArns", #""arn:f""#) { $0.functionArns(signedBy: "csc") }
        #expect(count == 2 && paths.last == "/2020-04-22/code-signing-configs/csc/functions?Marker=m2")
        (count, paths) = try await run("FunctionUrlConfigs", #"{"AuthType":"NONE"}"#) { $0.functionUrlConfigs(of: "f") }
        #expect(count == 2 && paths.last == "/2021-10-31/functions/f/urls?Marker=m2")
        (count, paths) = try await run("FunctionEventInvokeConfigs", #"{"MaximumRetryAttempts":1}"#) { $0.functionEventInvokeConfigs(of: "f") }
        #expect(count == 2 && paths.last == "/2019-09-25/functions/f/event-invoke-config/list?Marker=m2")
        (count, paths) = try await run("Layers", #"{"LayerName":"l"}"#) { $0.layers(compatibleRuntime: .python312) }
        #expect(count == 2 && paths.last == "/2018-10-31/layers?CompatibleRuntime=python3.12&Marker=m2")
        (count, paths) = try await run("LayerVersions", #"{"Version":1}"#) { $0.layerVersions(of: "l") }
        #expect(count == 2 && paths.last == "/2018-10-31/layers/l/versions?Marker=m2")
    }
}
