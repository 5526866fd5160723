import ConsoleStore
import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import Synchronization
import Testing
import TestSupport

/// 2,001 functions 100 ms away took 6.2 s to show a row: the list now appears with its first page.
@Suite struct ProgressiveListingTests {
    static func functions(_ range: Range<Int>) -> [FunctionConfiguration] {
        range.map { index in
            var function = FunctionConfiguration(functionName: String(format: "f%05d", index))
            function.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:" + (function.functionName ?? "")
            return function
        }
    }

    @Test func pagesShowAsTheyComeAndARefreshKeepsTheListUntilItsEnd() {
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: false))
        let effects = Reducer.reduce(&state, .show(.functions))
        #expect(effects.contains(.loadFunctions))
        _ = Reducer.reduce(&state, .functionsPage(Self.functions(0..<50)))
        #expect(state.tables[.functions]?.visible.count == 50 && state.functionsPartial, "the first page is not on screen")
        _ = Reducer.reduce(&state, .moveCursor(3))
        _ = Reducer.reduce(&state, .functionsPage(Self.functions(50..<100)))
        #expect(state.tables[.functions]?.cursor == 3, "the selection jumped while pages arrived")
        _ = Reducer.reduce(&state, .functionsLoaded(.success(Self.functions(0..<120))))
        #expect(state.functions.count == 120 && !state.functionsPartial)
        // A refresh: its pages do not shrink the list on screen; its end replaces it.
        _ = Reducer.reduce(&state, .refresh)
        _ = Reducer.reduce(&state, .functionsPage(Self.functions(0..<50)))
        #expect(state.functions.count == 120, "a refresh's first page replaced the whole list")
        _ = Reducer.reduce(&state, .functionsLoaded(.success(Self.functions(0..<110))))
        #expect(state.functions.count == 110)
        // A page that comes after its listing ended is dropped.
        _ = Reducer.reduce(&state, .functionsPage(Self.functions(500..<510)))
        #expect(state.functions.count == 110)
    }

    @Test func theRunnerSendsEachPageBeforeTheWholeList() async throws {
        let backend = try await TestBackend.shared()
        let fixtures = try await LambdaFixtures()
        let prefix = LambdaFixtures.uniqueName("pages")
        try await fixtures.createFunctions(count: 120, prefix: prefix)
        let lane = "pages-\(UUID().uuidString.prefix(8))"
        try await backend.paginate(lane: lane, member: "Functions")
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda, lane: lane)), logs: LogsClient(client: backend.client(.logs)))
        let pages = Mutex<[Int]>([])
        let final = await runner.run(.loadFunctions) { action in
            if case .functionsPage(let page) = action { pages.withLock { $0.append(page.count) } }
        }
        guard case .functionsLoaded(.success(let all)) = final else {
            Issue.record("the listing failed: \(final)")
            return
        }
        let sizes = pages.withLock { $0 }
        #expect(sizes.count >= 3 && sizes.allSatisfy { $0 <= 50 }, "\(sizes)")
        #expect(sizes.reduce(0, +) == all.count)
    }
}
