import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LogsAPI
import Testing
import TestSupport

@Suite struct ReducerTests {
    static func function(_ name: String, runtime: String = "python3.12", memory: Int = 128) -> FunctionConfiguration {
        var function = FunctionConfiguration(functionName: name)
        function.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:\(name)"
        function.runtime = Runtime(rawValue: runtime)
        function.memorySize = memory
        return function
    }

    static func loaded(_ names: [String]) -> ConsoleState {
        var state = ConsoleState(connection: ConnectionInfo(profile: "default", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .show(.functions))
        _ = Reducer.reduce(&state, .functionsLoaded(.listed(names.map { function($0) })))
        return state
    }

    func selectedName(_ state: ConsoleState) -> String? {
        state.tables[.functions]?.selectedIndex.map { state.functions[$0].functionName ?? "" }
    }

    @Test func showingFunctionsLoadsThemOnceAtATime() {
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "r", endpoint: "e", readOnly: true))
        #expect(Reducer.reduce(&state, .show(.functions)) == [.loadFunctions])
        #expect(Reducer.reduce(&state, .refresh).isEmpty)  // one request in flight per resource
        _ = Reducer.reduce(&state, .functionsLoaded(.listed([Self.function("a")])))
        #expect(Reducer.reduce(&state, .timerFired) == [.loadFunctions])
    }

    @Test func sortsFiltersAndKeepsTheSelectionAcrossRefreshes() {
        var state = Self.loaded(["payments-charge", "search-api", "payments-refund", "identity-login"])
        #expect(selectedName(state) == "identity-login")
        _ = Reducer.reduce(&state, .moveCursor(2))
        #expect(selectedName(state) == "payments-refund")
        _ = Reducer.reduce(&state, .functionsLoaded(.listed(["zeta", "payments-refund", "alpha"].map { Self.function($0) })))
        #expect(selectedName(state) == "payments-refund")

        _ = Reducer.reduce(&state, .sort(column: .name))  // same column: descending
        #expect(state.tables[.functions]?.visible.map { state.functions[$0].functionName! } == ["zeta", "payments-refund", "alpha"])

        _ = Reducer.reduce(&state, .beginFilter)
        _ = Reducer.reduce(&state, .editFilter("pref"))  // fuzzy: p..r..e..f
        #expect(state.tables[.functions]?.visible.count == 1)
        _ = Reducer.reduce(&state, .endFilter(keep: false))
        #expect(state.tables[.functions]?.visible.count == 3)
    }

    @Test func filterQualifiers() {
        let python = Self.function("a", runtime: "python3.12", memory: 1024)
        let node = Self.function("b", runtime: "nodejs20.x", memory: 128)
        #expect(FunctionFilter("runtime:python").matches(python))
        #expect(!FunctionFilter("runtime:python").matches(node))
        #expect(FunctionFilter("memory:>=512").matches(python))
        #expect(!FunctionFilter("memory:>=512").matches(node))
        #expect(FunctionFilter("tag:team=payments").matches(node, tags: ["team": "payments"]))
        #expect(!FunctionFilter("tag:team=payments").matches(node, tags: ["team": "search"]))
        #expect(FunctionFilter("tag:team").matches(node, tags: ["Team": "x"]))
    }

    @Test func drillingDownAndBack() {
        var state = Self.loaded(["a", "b"])
        #expect(Reducer.reduce(&state, .drillDown) == [.loadDetail(function: "a")])
        #expect(state.route == .detail(function: "a"))
        _ = Reducer.reduce(&state, .showRawJSON)
        #expect(state.route == .rawJSON(function: "a"))
        _ = Reducer.reduce(&state, .goBack)
        _ = Reducer.reduce(&state, .goBack)
        #expect(state.route == .pane(.functions))
        _ = Reducer.reduce(&state, .goBack)
        #expect(state.route == .pane(.functions))
    }

    @Test func commandLineJumpsToPanesAndQuits() {
        var state = Self.loaded(["a"])
        _ = Reducer.reduce(&state, .openCommandLine)
        _ = Reducer.reduce(&state, .editCommandLine("ali"))
        #expect(Reducer.reduce(&state, .runCommandLine) == [.loadDetail(function: "a")])
        #expect(state.pane == .aliases)
        _ = Reducer.reduce(&state, .openCommandLine)
        _ = Reducer.reduce(&state, .editCommandLine("nonsense"))
        _ = Reducer.reduce(&state, .runCommandLine)
        #expect(state.lastError?.contains("Unknown command") == true)
        _ = Reducer.reduce(&state, .openCommandLine)
        _ = Reducer.reduce(&state, .editCommandLine("q"))
        _ = Reducer.reduce(&state, .runCommandLine)
        #expect(state.quitRequested)
        #expect(ConsoleCommands.completions(for: "m") == ["mappings", "monitor", "metrics"])
        // A pane keeps the short prefix it had before the newer commands came: `:m` is mappings.
        _ = Reducer.reduce(&state, .openCommandLine)
        _ = Reducer.reduce(&state, .editCommandLine("m"))
        _ = Reducer.reduce(&state, .runCommandLine)
        #expect(state.pane == .mappings)
        #expect(ConsoleCommands.completions(for: "mo") == ["monitor"])
        _ = Reducer.reduce(&state, .suspend)
        #expect(state.suspendRequested)
        _ = Reducer.reduce(&state, .resumed)
        #expect(!state.suspendRequested)
    }

    @Test func aFailedRefreshKeepsWhatIsShown() {
        var state = Self.loaded(["a", "b"])
        _ = Reducer.reduce(&state, .refresh)
        _ = Reducer.reduce(&state, .functionsLoaded(.failure(ConsoleError("Cannot connect to http://x"))))
        #expect(state.functions.count == 2)
        #expect(state.lastError == "Cannot connect to http://x")
        #expect(state.functionsStatus == .failed(ConsoleError("Cannot connect to http://x")))
    }

    @Test func routingSharesPerVersion() {
        var state = Self.loaded(["a"])
        var live = AliasConfigurationBuilder.alias("live", version: "1", weights: ["2": 0.1])
        live.description = "prod"
        let detail = FunctionDetail(function: GetFunctionResponse(), versions: [], aliases: [live], mappings: [], reservedConcurrency: nil, url: nil)
        _ = Reducer.reduce(&state, .detailLoaded(function: "a", .success(detail)))
        #expect(state.routing(to: "1").map(\.weight) == [0.9])
        #expect(state.routing(to: "2").map(\.alias) == ["live"])
        #expect(state.routing(to: "3").isEmpty)
    }
}

@Suite struct SmallWordsTests {
    @Test func qAsksFirstWhileARolloutRunsAndCtrlCDoesNot() {
        var state = ReducerTests.loaded(["f"])
        var rollout = Rollout(function: "f", alias: "live", description: "", primary: "1", target: "2",
                              plan: RolloutPlan(kind: .linear, percent: 50, interval: 60), errorThreshold: 5, revisionId: nil)
        rollout.status = .running
        _ = Reducer.reduce(&state, .rolloutUpdated(rollout))
        let now = Date()
        _ = Reducer.reduce(&state, .requestQuit, now: now)
        #expect(!state.quitRequested && state.status?.contains("q again quits") == true)
        _ = Reducer.reduce(&state, .requestQuit, now: now.addingTimeInterval(5))
        #expect(!state.quitRequested, "a second q long after asks again")
        _ = Reducer.reduce(&state, .requestQuit, now: now.addingTimeInterval(6))
        #expect(state.quitRequested)
        var other = ReducerTests.loaded(["f"])
        _ = Reducer.reduce(&other, .requestQuit)
        #expect(other.quitRequested, "without a running rollout q quits at once")
    }

    @Test func sentencesSayWhatTheKeyDoes() {
        var state = ReducerTests.loaded(["f"])
        _ = Reducer.reduce(&state, .show(.mappings))
        _ = Reducer.reduce(&state, .perform(.toggleMapping))
        #expect(state.lastError == "Nothing to enable or disable here: select a mapping first.")
        #expect(Credentials(accessKeyID: "AKIAEXAMPLEKEYWXYZ", secretAccessKey: "s").maskedAccessKeyID == "************WXYZ")
    }
}

@Suite struct LoadErrorTests {
    /// The detail kept its "Cannot connect" after a refresh that succeeded.
    @Test func anErrorFromAFailedReadGoesWhenAReadSucceeds() {
        var state = ReducerTests.loaded(["f"])
        _ = Reducer.reduce(&state, .drillDown)
        _ = Reducer.reduce(&state, .detailLoaded(function: "f", .failure(ConsoleError("Cannot connect to http://127.0.0.1:9."))))
        #expect(state.lastError?.hasPrefix("Cannot connect") == true)
        let detail = FunctionDetail(function: GetFunctionResponse(configuration: state.focusedConfiguration?.configuration), versions: [], aliases: [],
                                    mappings: [], reservedConcurrency: nil, url: nil)
        _ = Reducer.reduce(&state, .detailLoaded(function: "f", .success(detail)))
        #expect(state.lastError == nil)
        _ = Reducer.reduce(&state, .showError("The editor did not finish cleanly."))
        _ = Reducer.reduce(&state, .detailLoaded(function: "f", .success(detail)))
        #expect(state.lastError != nil, "an error of another kind stays until Esc")
    }
}

@Suite struct LogStreamChoiceTests {
    @Test func chooseOneStreamThenAllAgain() throws {
        var state = ReducerTests.loaded(["f"])
        #expect(Reducer.reduce(&state, .show(.logs)) == [.loadLogs(function: "f", logGroup: "/aws/lambda/f", stream: nil)])
        #expect(Reducer.reduce(&state, .toggleStreamList) == [.loadLogStreams(function: "f", logGroup: "/aws/lambda/f")])
        let streams = try LambdaJSON.decoder().decode([LogStream].self, from: Data(#"[{"logStreamName":"2026/11/25/[3]new"},{"logStreamName":"2026/11/25/[2]old"}]"#.utf8))
        _ = Reducer.reduce(&state, .logStreamsLoaded(function: "f", .success(streams)))
        #expect(state.streamRows.count == 3)
        _ = Reducer.reduce(&state, .moveCursor(1))
        // The stream is chosen while the all-streams read still runs: it is asked for at once,
        // and the all-streams answer, arriving after, is not shown under the stream's name.
        #expect(Reducer.reduce(&state, .drillDown) == [.loadLogs(function: "f", logGroup: "/aws/lambda/f", stream: "2026/11/25/[3]new")])
        let everyStream = [LogLine(timestamp: 1, stream: "2026/11/25/[2]old", message: "from another stream", id: "x")]
        _ = Reducer.reduce(&state, .logsLoaded(function: "f", stream: nil, .success(everyStream)))
        #expect(state.logRows.isEmpty, "the all-streams answer was shown under the chosen stream")
        let chosen = [LogLine(timestamp: 2, stream: "2026/11/25/[3]new", message: "mine", id: "y")]
        _ = Reducer.reduce(&state, .logsLoaded(function: "f", stream: "2026/11/25/[3]new", .success(chosen)))
        #expect(state.logRows.map(\.message) == ["mine"])
        #expect(!state.choosingStream)
        #expect(state.chosenStream["f"] == "2026/11/25/[3]new")
        _ = Reducer.reduce(&state, .toggleStreamList)
        _ = Reducer.reduce(&state, .logStreamsLoaded(function: "f", .success(streams)))
        _ = Reducer.reduce(&state, .moveToTop)
        #expect(Reducer.reduce(&state, .drillDown) == [.loadLogs(function: "f", logGroup: "/aws/lambda/f", stream: nil)])
        #expect(state.chosenStream["f"] == nil)
    }
}

enum AliasConfigurationBuilder {
    static func alias(_ name: String, version: String, weights: [String: Double]) -> AliasConfiguration {
        let json = #"{"Name":"\#(name)","FunctionVersion":"\#(version)","RoutingConfig":{"AdditionalVersionWeights":{\#(weights.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ","))}}}"#
        return try! LambdaJSON.decoder().decode(AliasConfiguration.self, from: Data(json.utf8))
    }
}

@Suite struct RefreshHoldTests {
    /// A throttled read that asked for two minutes of quiet: the timer's refreshes wait, r does not.
    @Test func aLongRetryAfterHoldsBackgroundRefreshes() {
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "http://127.0.0.1:1", readOnly: false))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        _ = Reducer.reduce(&state, .show(.functions), now: now)
        _ = Reducer.reduce(&state, .functionsLoaded(.failure(ConsoleError("Throttled: try again in 120 s.", retryAfter: 120))), now: now)
        #expect(Reducer.reduce(&state, .timerFired, now: now.addingTimeInterval(30)).isEmpty, "a refresh went out during the hold")
        #expect(Reducer.reduce(&state, .timerFired, now: now.addingTimeInterval(119)).isEmpty)
        #expect(Reducer.reduce(&state, .timerFired, now: now.addingTimeInterval(121)).contains(.loadFunctions))
        _ = Reducer.reduce(&state, .functionsLoaded(.failure(ConsoleError("Throttled.", retryAfter: 86_400))), now: now)
        #expect(state.refreshesHeldUntil == now.addingTimeInterval(Reducer.longestHold), "a day-long hold is not believed")
        #expect(Reducer.reduce(&state, .refresh, now: now.addingTimeInterval(1)).contains(.loadFunctions), "r asks now")
        #expect(state.refreshesHeldUntil == nil)
    }

    @Test func aThrottledListSaysHowLongAWSAskedToWait() async throws {
        let backend = try await TestBackend.shared()
        let lane = "hold-\(UUID().uuidString.prefix(8))"
        try await backend.script(lane: lane, [["status": 429, "headers": ["Retry-After": "120"],
                                               "body": #"{"Type": "User", "message": "Rate exceeded"}"#]])
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda, lane: lane)), logs: LogsClient(client: backend.client(.logs)))
        guard case .functionsLoaded(.failure(let error)) = await runner.run(.loadFunctions) else {
            Issue.record("the throttled list did not fail")
            return
        }
        #expect(error.retryAfter == 120, "\(error)")
    }
}

@Suite struct ContextCommandTests {
    static func run(_ text: String) -> ConsoleState {
        var state = ConsoleState(connection: ConnectionInfo(profile: "dev", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .openCommandLine)
        _ = Reducer.reduce(&state, .editCommandLine(text))
        _ = Reducer.reduce(&state, .runCommandLine)
        return state
    }

    @Test func regionAndProfileAskTheUIToSwitch() {
        #expect(Self.run("region eu-west-3").contextRequest == ContextRequest(region: "eu-west-3"))
        #expect(Self.run("region us-gov-west-1").contextRequest == ContextRequest(region: "us-gov-west-1"))
        #expect(Self.run("profile prod-readonly").contextRequest == ContextRequest(profile: "prod-readonly"))
        for bad in ["region moon-1", "region eu-west", "region eu_west_3", "region eu-west-3\u{1B}[2J"] {
            let state = Self.run(bad)
            #expect(state.contextRequest == nil && state.lastError?.contains("not a region name") == true, "\(bad)")
        }
        #expect(Self.run("region").status?.hasPrefix("Region: us-east-1.") == true)
        #expect(ConsoleCommands.completions(for: "re") == ["region"])
    }

    @Test func aNewContextKeepsTheConsolesSettingsNotItsData() {
        var old = ConsoleState(connection: ConnectionInfo(profile: "dev", region: "us-east-1", endpoint: "e", readOnly: false))
        old.metricColumns = true
        old.refreshInterval = 12
        old.tailCapacity = 500
        _ = Reducer.reduce(&old, .functionsLoaded(.listed([])))
        var fresh = ConsoleState(connection: ConnectionInfo(profile: "dev", region: "eu-west-3", endpoint: "e", readOnly: false))
        fresh.carrySettings(from: old)
        #expect(fresh.metricColumns && fresh.refreshInterval == 12 && fresh.tailCapacity == 500)
        #expect(fresh.connection.region == "eu-west-3" && fresh.functionsStatus == .never)
    }
}
