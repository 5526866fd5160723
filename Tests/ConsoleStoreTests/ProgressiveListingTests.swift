import AWSCore
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
        _ = Reducer.reduce(&state, .functionsPage(Self.functions(0..<50).map(FunctionRow.init)))
        #expect(state.tables[.functions]?.visible.count == 50 && state.functionsPartial, "the first page is not on screen")
        _ = Reducer.reduce(&state, .moveCursor(3))
        _ = Reducer.reduce(&state, .functionsPage(Self.functions(50..<100).map(FunctionRow.init)))
        #expect(state.tables[.functions]?.cursor == 3, "the selection jumped while pages arrived")
        _ = Reducer.reduce(&state, .functionsLoaded(.listed(Self.functions(0..<120))))
        #expect(state.functions.count == 120 && !state.functionsPartial)
        // A refresh: its pages do not shrink the list on screen; its end replaces it.
        _ = Reducer.reduce(&state, .refresh)
        _ = Reducer.reduce(&state, .functionsPage(Self.functions(0..<50).map(FunctionRow.init)))
        #expect(state.functions.count == 120, "a refresh's first page replaced the whole list")
        _ = Reducer.reduce(&state, .functionsLoaded(.listed(Self.functions(0..<110))))
        #expect(state.functions.count == 110)
        // A page that comes after its listing ended is dropped.
        _ = Reducer.reduce(&state, .functionsPage(Self.functions(500..<510).map(FunctionRow.init)))
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

/// A console left open must not spend the account's control-plane quota.
@Suite struct RefreshBudgetTests {
    static func loaded(_ count: Int, at now: Date) -> ConsoleState {
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .show(.functions), now: now)
        _ = Reducer.reduce(&state, .functionsLoaded(.listed(ProgressiveListingTests.functions(0..<count))), now: now)
        return state
    }

    @Test func theWholeListIsReadLessOftenTheBiggerItIs() {
        #expect(Reducer.listInterval(functions: 300, base: 30) == 30)
        #expect(Reducer.listInterval(functions: 20_000, base: 30) == 600, "400 pages: one every 1.5 s on average")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var state = Self.loaded(20_000, at: now)
        #expect(Reducer.reduce(&state, .timerFired, now: now.addingTimeInterval(30)).isEmpty, "20,000 functions re-read after 30 s")
        _ = Reducer.reduce(&state, .userActive, now: now.addingTimeInterval(590))
        #expect(Reducer.reduce(&state, .timerFired, now: now.addingTimeInterval(601)).contains(.loadFunctions))
        var small = Self.loaded(100, at: now)
        #expect(Reducer.reduce(&small, .timerFired, now: now.addingTimeInterval(31)).contains(.loadFunctions))
        // 2,000 functions (40 pages) are read once a minute, not on every 30 s tick: 40 calls a
        // minute, not 80.
        var middle = Self.loaded(2_000, at: now)
        #expect(Reducer.reduce(&middle, .timerFired, now: now.addingTimeInterval(30)).isEmpty, "2,000 functions re-read after 30 s")
        #expect(Reducer.reduce(&middle, .timerFired, now: now.addingTimeInterval(59)).contains(.loadFunctions), "a read that ended a second late still counts")
        var asked = Self.loaded(20_000, at: now)
        #expect(Reducer.reduce(&asked, .refresh, now: now.addingTimeInterval(5)).contains(.loadFunctions), "r reads at once")
    }

    @Test func refreshesPauseWithoutKeysAndResumeOnTheNextOne() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var state = Self.loaded(10, at: now)
        state.idlePause = 600
        _ = Reducer.reduce(&state, .userActive, now: now)
        #expect(Reducer.reduce(&state, .timerFired, now: now.addingTimeInterval(300)).contains(.loadFunctions))
        _ = Reducer.reduce(&state, .functionsLoaded(.listed(ProgressiveListingTests.functions(0..<10))), now: now.addingTimeInterval(301))
        #expect(Reducer.reduce(&state, .timerFired, now: now.addingTimeInterval(700)).isEmpty, "an idle console still refreshed")
        #expect(state.refreshPausedForIdle)
        let effects = Reducer.reduce(&state, .userActive, now: now.addingTimeInterval(3_600))
        #expect(effects.contains(.loadFunctions), "the first key after the pause refreshes at once")
        #expect(!state.refreshPausedForIdle)
    }
}

@Suite struct BudgetHeldTests {
    @Test func theRunnerSaysHowManyReadsTheBudgetHolds() async throws {
        let backend = try await TestBackend.shared()
        let budget = RequestBudget(perSecond: 0.5, burst: 1)
        let base = backend.client(.lambda)
        let client = AWSClient(service: .lambda, region: "us-east-1", endpoint: base.endpoint, credentials: base.credentials,
                               transport: CurlTransport(), budget: budget)
        let runner = EffectRunner(lambda: LambdaClient(client: client), logs: LogsClient(client: backend.client(.logs)))
        #expect(runner.heldByBudget == 0)
        _ = await runner.run(.loadAccountLimit)  // spends the one token
        let second = Task { await runner.run(.loadAccountLimit) }
        var held = 0
        for _ in 0..<50 where held == 0 {
            held = runner.heldByBudget
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(held == 1, "the waiting read was not counted")
        second.cancel()
        _ = await second.value
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .budgetHeld(3))
        #expect(state.budgetHeld == 3)
    }
}

/// On a big list (read again every ten minutes), a function being updated showed "Updating" for
/// up to ten minutes after its update ended: the rows on screen that are changing are read again
/// each tick, a few at a time.
@Suite struct ChangingRowsTests {
    @Test func changingRowsOnScreenAreReadAgainBetweenListReads() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var functions = ProgressiveListingTests.functions(0..<20_000)
        for index in [1, 2, 3, 4, 5, 6, 7, 30_000 % 20_000] { functions[index].lastUpdateStatus = .inProgress }
        functions[19_999].state = .pending  // far below the screen
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .resized(rows: 40, columns: 120), now: now)
        _ = Reducer.reduce(&state, .show(.functions), now: now)
        _ = Reducer.reduce(&state, .functionsLoaded(.listed(functions)), now: now)
        let effects = Reducer.reduce(&state, .timerFired, now: now.addingTimeInterval(30))
        #expect(!effects.contains(.loadFunctions), "20,000 functions are not read again after 30 s")
        #expect(effects == [.loadRows(names: ["f00001", "f00002", "f00003", "f00004", "f00005"])], "\(effects)")
        #expect(Reducer.reduce(&state, .timerFired, now: now.addingTimeInterval(60)).isEmpty, "one read of rows at a time")
        // f00001 finished its update: its row says so at once, and nothing else moved.
        var done = FunctionRow(functions[1])
        done.lastUpdateStatus = .successful
        done.memorySize = 2048
        let selected = state.tables[.functions]?.selectedIndex.map { state.functions[$0].functionName }
        _ = Reducer.reduce(&state, .rowsLoaded([done]), now: now.addingTimeInterval(61))
        #expect(state.function(named: "f00001")?.lastUpdateStatus == .successful && state.function(named: "f00001")?.memorySize == 2048)
        #expect(state.functions.count == 20_000 && state.tables[.functions]?.selectedIndex.map { state.functions[$0].functionName } == selected)
        _ = Reducer.reduce(&state, .beginFilter)
        _ = Reducer.reduce(&state, .editFilter("memory:2048"), now: now.addingTimeInterval(62))
        #expect(state.tables[.functions]?.visible.map { state.functions[$0].functionName ?? "" } == ["f00001"], "the filter sees the new row")
        _ = Reducer.reduce(&state, .endFilter(keep: false))
        let next = Reducer.reduce(&state, .timerFired, now: now.addingTimeInterval(90))
        #expect(next == [.loadRows(names: ["f00002", "f00003", "f00004", "f00005", "f00006"])], "\(next)")
    }

    /// The runner reads each row with GetFunctionConfiguration (moto); one that is gone is left out.
    @Test func theRunnerReadsTheRowsAgain() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("changing")
        _ = try await fixtures.createFunction(name, memory: 512)
        let runner = EffectRunner(lambda: fixtures.lambda, logs: LogsClient(client: fixtures.backend.client(.logs)))
        guard case .rowsLoaded(let rows) = await runner.run(.loadRows(names: [name, name + "-gone"])) else {
            Issue.record("no rows")
            return
        }
        #expect(rows.map(\.functionName) == [name] && rows.first?.memorySize == 512)
    }
}
