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
