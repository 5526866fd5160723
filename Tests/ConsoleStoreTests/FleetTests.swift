import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import Testing

/// The fleet view and the contexts picker as the reducer keeps them: what `:region all`,
/// `:fleet` and `:ctx` start, how pages and endings of each source land, and what Enter asks for.
@Suite struct FleetTests {
    static func state() -> ConsoleState {
        var state = ConsoleState(connection: ConnectionInfo(profile: "dev", region: "eu-west-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .resized(rows: 40, columns: 120))
        state.contextChoices.profiles = ["dev", "prod", "prod-eu", "staging"]
        state.contextChoices.regions = AWSPartition.of(region: "eu-west-1").lambdaRegions
        state.contextChoices.visited(profile: "dev", region: "eu-west-1")
        return state
    }

    static func command(_ text: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        _ = Reducer.reduce(&state, .openCommandLine)
        _ = Reducer.reduce(&state, .editCommandLine(text))
        return Reducer.reduce(&state, .runCommandLine)
    }

    static func row(_ name: String, region: String, account: String = "123456789012") -> FunctionRow {
        var configuration = FunctionConfiguration(functionName: name)
        configuration.functionArn = "arn:aws:lambda:\(region):\(account):function:\(name)"
        configuration.runtime = .python312
        return FunctionRow(configuration)
    }

    @Test func regionAllListsEveryRegionOfThePartitionOrTheConfigsInParallel() {
        var state = Self.state()
        var effects = Self.command("region all", &state)
        let everyRegion = AWSPartition.of(region: "eu-west-1").lambdaRegions
        #expect(effects == everyRegion.map { .listFleet(FleetSource(profile: "dev", region: $0), generation: 1) })
        #expect(state.route == .fleet && state.inFlight.contains(.fleet))

        var narrowed = Self.state()
        narrowed.contextChoices.allRegions = ["us-east-1", "eu-west-1", "ap-southeast-2"]
        effects = Self.command("region all", &narrowed)
        #expect(effects.count == 3)
        // A China profile lists China's regions.
        var china = ConsoleState(connection: ConnectionInfo(profile: "cn", region: "cn-north-1", endpoint: "e", readOnly: false))
        effects = Self.command("region all", &china)
        #expect(effects == ["cn-north-1", "cn-northwest-1"].map { .listFleet(FleetSource(profile: "cn", region: $0), generation: 1) })
    }

    @Test func pagesShowAsTheyComeAndEachRegionSaysHowItEnded() throws {
        var state = Self.state()
        state.contextChoices.allRegions = ["us-east-1", "eu-west-1", "ap-east-1", "eu-south-1"]
        _ = Self.command("region all", &state)
        let (virginia, ireland, hongKong, milan) = (FleetSource(profile: "dev", region: "us-east-1"), FleetSource(profile: "dev", region: "eu-west-1"),
                                                   FleetSource(profile: "dev", region: "ap-east-1"), FleetSource(profile: "dev", region: "eu-south-1"))
        _ = Reducer.reduce(&state, .fleetPage(source: virginia, generation: 1, [Self.row("orders", region: "us-east-1")]))
        #expect(state.fleet?.rows.map(\.region) == ["us-east-1"] && state.fleet?.progress[virginia] == .listing(1))
        _ = Reducer.reduce(&state, .fleetPage(source: ireland, generation: 1, [Self.row("orders", region: "eu-west-1"), Self.row("billing", region: "eu-west-1")]))
        _ = Reducer.reduce(&state, .fleetListed(source: virginia, generation: 1, region: "us-east-1", outcome: .listed(0)))
        _ = Reducer.reduce(&state, .fleetListed(source: ireland, generation: 1, region: "eu-west-1", outcome: .listed(0)))
        _ = Reducer.reduce(&state, .fleetListed(source: hongKong, generation: 1, region: "ap-east-1", outcome: .notEnabled))
        #expect(state.inFlight.contains(.fleet), "Milan has not answered yet")
        _ = Reducer.reduce(&state, .fleetListed(source: milan, generation: 1, region: "eu-south-1", outcome: .denied("AccessDenied")))
        let fleet = try #require(state.fleet)
        #expect(fleet.progress[virginia] == .listed(1) && fleet.progress[ireland] == .listed(2))
        #expect(fleet.progress[hongKong] == .notEnabled && fleet.progress[milan] == .denied("AccessDenied"))
        #expect(fleet.rows.count == 3 && !state.inFlight.contains(.fleet) && !fleet.isListing)
        // Sorted by name: billing first, then the two orders.
        #expect(fleet.table.visible.map { fleet.rows[$0].functionName } == ["billing", "orders", "orders"])
    }

    @Test func aRefreshKeepsWhatIsShownUntilEachAnswerAndDropsLateAnswersOfTheLastListing() {
        var state = Self.state()
        state.contextChoices.allRegions = ["us-east-1"]
        _ = Self.command("region all", &state)
        let source = FleetSource(profile: "dev", region: "us-east-1")
        _ = Reducer.reduce(&state, .fleetPage(source: source, generation: 1, [Self.row("old", region: "us-east-1")]))
        _ = Reducer.reduce(&state, .fleetListed(source: source, generation: 1, region: "us-east-1", outcome: .listed(0)))
        let effects = Reducer.reduce(&state, .refresh)
        #expect(effects == [.listFleet(source, generation: 2)])
        _ = Reducer.reduce(&state, .fleetPage(source: source, generation: 2, [Self.row("new", region: "us-east-1")]))
        #expect(state.fleet?.rows.map(\.functionName) == ["old"], "the table emptied or changed before the listing ended")
        // An answer of the first listing, late: dropped.
        _ = Reducer.reduce(&state, .fleetPage(source: source, generation: 1, [Self.row("stale", region: "us-east-1")]))
        _ = Reducer.reduce(&state, .fleetListed(source: source, generation: 2, region: "us-east-1", outcome: .listed(0)))
        #expect(state.fleet?.rows.map(\.functionName) == ["new"])
        // The timer does not list every region again on its own.
        #expect(Reducer.reduce(&state, .timerFired, now: Date().addingTimeInterval(3600)).isEmpty)
    }

    @Test func filterSortAndEnterOpenTheFunctionInItsOwnContext() {
        var state = Self.state()
        _ = Self.command("fleet prod staging", &state)
        #expect(state.fleet?.scope == .profiles(["prod", "staging"]))
        let prod = FleetSource(profile: "prod", region: nil), staging = FleetSource(profile: "staging", region: nil)
        _ = Reducer.reduce(&state, .fleetPage(source: prod, generation: 1, [Self.row("api", region: "eu-west-1", account: "111111111111"),
                                                                               Self.row("worker", region: "eu-west-1", account: "111111111111")]))
        _ = Reducer.reduce(&state, .fleetPage(source: staging, generation: 1, [Self.row("api", region: "us-east-2", account: "222222222222")]))
        _ = Reducer.reduce(&state, .beginFilter)
        _ = Reducer.reduce(&state, .editFilter("api"))
        _ = Reducer.reduce(&state, .endFilter(keep: true))
        #expect(state.fleet?.table.visible.count == 2)
        // Column 2 is PROFILE in the fleet of profiles: descending puts staging first.
        _ = Reducer.reduce(&state, .sortByPosition(2))
        _ = Reducer.reduce(&state, .sortByPosition(2))
        _ = Reducer.reduce(&state, .moveToTop)
        #expect(state.fleet?.selectedRow?.source == staging)
        _ = Reducer.reduce(&state, .drillDown)
        #expect(state.contextRequest == ContextRequest(profile: "staging", region: "us-east-2", open: "api"))
        // Esc clears the filter, then leaves the view.
        state.contextRequest = nil
        _ = Reducer.reduce(&state, .goBack)
        #expect(state.fleet?.table.visible.count == 3 && state.route == .fleet)
        _ = Reducer.reduce(&state, .goBack)
        #expect(state.route == .pane(.functions))
    }

    @Test func fleetWithoutProfilesSaysHowToNameThem() {
        var state = Self.state()
        #expect(Self.command("fleet", &state).isEmpty)
        #expect(state.lastError?.contains("fleet_profiles") == true)
        state.contextChoices.fleetProfiles = ["prod", "prod", "staging"]
        #expect(Self.command("fleet", &state).count == 2, "a profile named twice is listed once")
    }

    @Test func aFunctionChosenInTheFleetOpensWhenTheNewContextsListHasIt() {
        var state = ConsoleState(connection: ConnectionInfo(profile: "staging", region: "us-east-2", endpoint: "e", readOnly: false))
        state.fleet = FleetState(scope: .profiles(["prod", "staging"]))
        _ = Reducer.reduce(&state, .refresh)
        _ = Reducer.reduce(&state, .openFunctionNamed("api"))
        #expect(state.routes == [.pane(.functions), .fleet] && state.pendingOpen == "api")
        let effects = Reducer.reduce(&state, .functionsLoaded(.success([Self.row("api", region: "us-east-2"), Self.row("other", region: "us-east-2")])))
        #expect(state.route == .detail(function: "api") && state.pendingOpen == nil)
        #expect(effects.contains(.loadDetail(function: "api")))
        // Esc goes back to the fleet view.
        _ = Reducer.reduce(&state, .goBack)
        #expect(state.route == .fleet)

        // A name the list does not have is said once the list is read.
        var missing = ConsoleState(connection: ConnectionInfo(profile: "prod", region: "eu-west-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&missing, .openFunctionNamed("gone"))
        _ = Reducer.reduce(&missing, .functionsLoaded(.success([Self.row("api", region: "eu-west-1")])))
        #expect(missing.pendingOpen == nil && missing.lastError?.contains("gone is not in prod") == true)
    }

    @Test func ctxOffersTheContextsVisitedWithThePreviousOneFirst() {
        var state = Self.state()
        #expect(Self.command("ctx", &state).isEmpty && state.overlay == nil, "one context: nothing to go back to")
        state.contextChoices.visited(profile: "prod", region: "us-east-1")
        state.contextChoices.visited(profile: "dev", region: "eu-west-1")
        _ = Self.command("ctx", &state)
        #expect(state.overlay == .contexts(cursor: 1))
        _ = Reducer.reduce(&state, .chooseContext(nil))
        #expect(state.contextRequest == ContextRequest(profile: "prod", region: "us-east-1") && state.overlay == nil)
        // Recent contexts stay unique and bounded.
        for index in 0..<30 { state.contextChoices.visited(profile: "p\(index)", region: "eu-west-1") }
        #expect(state.contextChoices.recent.count == ContextChoices.recentLimit && state.contextChoices.recent.first?.profile == "p29")
    }

    @Test func theCommandLineCompletesRegionsAndProfiles() {
        let choices = Self.state().contextChoices
        #expect(ConsoleCommands.completions(for: "region eu-c", choices) == ["region eu-central-1", "region eu-central-2"])
        #expect(ConsoleCommands.tabCompletion(for: "region eu-c", choices) == "region eu-central-")
        #expect(ConsoleCommands.tabCompletion(for: "reg", choices) == "region ")
        #expect(ConsoleCommands.tabCompletion(for: "region a", choices) == nil, "all, af-… and ap-… share only the a")
        #expect(ConsoleCommands.completions(for: "region al", choices) == ["region all"])
        #expect(ConsoleCommands.completions(for: "profile pro", choices) == ["profile prod", "profile prod-eu"])
        #expect(ConsoleCommands.tabCompletion(for: "profile s", choices) == "profile staging")
        #expect(ConsoleCommands.completions(for: "fleet prod st", choices) == ["fleet prod staging"])
        #expect(ConsoleCommands.completions(for: "fleet prod pro", choices) == ["fleet prod prod-eu"], "a profile named already is not offered again")
        #expect(ConsoleCommands.completions(for: "functions x", choices).isEmpty)
    }
}

/// `:account`: limits and how near the account is to them.
@Suite struct AccountSummaryTests {
    @Test func nearLimitsAreSaid() {
        let near = AccountSummary(limit: AccountLimit(codeSizeUnzipped: 262_144_000, codeSizeZipped: 52_428_800, concurrentExecutions: 1000,
                                                      totalCodeSize: 80_530_636_800, unreservedConcurrentExecutions: 150),
                                  usage: AccountUsage(functionCount: 812, totalCodeSize: 70_000_000_000))
        #expect(near.lines.map(\.label) == ["Concurrency", "Code storage", "Functions", "Package limits"])
        #expect(near.lines[0].value.contains("850 reserved by functions") && near.lines[0].warning != nil)
        #expect(near.lines[1].value.contains("86.9%") && near.lines[1].warning != nil)
        let roomy = AccountSummary(limit: AccountLimit(concurrentExecutions: 1000, totalCodeSize: 80_530_636_800, unreservedConcurrentExecutions: 1000),
                                   usage: AccountUsage(functionCount: 3, totalCodeSize: 1_000))
        #expect(roomy.lines.allSatisfy { $0.warning == nil })
        #expect(roomy.lines[1].value.contains("under 0.1%"))
        // A hostile function count does not trap.
        #expect(AccountSummary(limit: nil, usage: AccountUsage(functionCount: Int64.max)).lines.count == 1)
    }

    @Test func accountReadsTheSettingsAndOpensThePanel() {
        var state = ConsoleState(connection: ConnectionInfo(profile: "dev", region: "eu-west-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .openCommandLine)
        _ = Reducer.reduce(&state, .editCommandLine("account"))
        #expect(Reducer.reduce(&state, .runCommandLine) == [.loadAccountLimit])
        #expect(state.overlay == .account)
        #expect(Reducer.reduce(&state, .openAccount).isEmpty, "a read in flight is not asked for twice")
    }
}
