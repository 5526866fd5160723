import AWSCore
import Foundation
import LambdaAPI
import LambdaTestSupport
import Testing
import TestSupport

/// 2,000 functions in a moto of their own, listed through the loopback pager that cuts moto's
/// single answer into Marker/MaxItems pages as the API reference documents.
@Suite struct ThousandsOfFunctionsTests {
    @Test func listsEveryFunctionAcrossPagesExactlyOnce() async throws {
        let backend = try TestBackend.start()
        let count = 2000
        try await LambdaFixtures(backend: backend).createFunctions(count: count, prefix: "bulk")
        let lane = TestBackend.lane("thousands")
        try await backend.paginate(lane: lane, member: "Functions")
        let paged = LambdaClient(client: backend.client(.lambda, lane: lane))
        var pages = 0
        var names: [String] = []
        for try await page in paged.functions(pageSize: 50) {
            pages += 1
            #expect(page.count <= 50)
            names += page.compactMap(\.functionName)
        }
        #expect(pages == count / 50)
        #expect(names.count == count)
        #expect(Set(names).count == count)
        let requests = try await backend.requests(lane: lane)
        #expect(requests.count == pages)
        #expect(requests.last?.path == "/2015-03-31/functions/?Marker=1950&MaxItems=50")
    }
}
