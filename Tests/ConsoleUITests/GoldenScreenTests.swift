import AWSCore
import ConsoleStore
import LambdaAPI
@testable import ConsoleUI
import Foundation
import Testing

/// Every pane and overlay drawn on the in-memory grid at 120x40, 80x24 and 50x12, compared with the
/// text files in Golden/ (reviewed like code). LAMBDA_TUI_RECORD_GOLDEN=1 rewrites them.
@Suite struct GoldenScreenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let sizes = [(120, 40), (80, 24), (50, 12)]

    static let scenes: [(String, @Sendable (inout ConsoleState) -> Void)] = [
        ("functions", { _ in }),
        ("functions-filtered", { state in
            _ = Reducer.reduce(&state, .beginFilter)
            _ = Reducer.reduce(&state, .editFilter("payments"))
        }),
        ("functions-sorted-by-memory", { state in _ = Reducer.reduce(&state, .sort(column: .memory)) }),
        ("versions", { state in _ = Reducer.reduce(&state, .show(.versions)) }),
        ("aliases", { state in _ = Reducer.reduce(&state, .show(.aliases)) }),
        ("mappings", { state in _ = Reducer.reduce(&state, .show(.mappings)) }),
        ("logs", { state in _ = Reducer.reduce(&state, .show(.logs)) }),
        ("log-streams", { state in
            _ = Reducer.reduce(&state, .show(.logs))
            _ = Reducer.reduce(&state, .toggleStreamList)
            _ = Reducer.reduce(&state, .logStreamsLoaded(function: "payments-charge-card", .success(ConsoleFixtures.streams)))
        }),
        ("detail", { state in _ = Reducer.reduce(&state, .drillDown) }),
        ("detail-revealed", { state in
            _ = Reducer.reduce(&state, .drillDown)
            _ = Reducer.reduce(&state, .toggleSecrets)
        }),
        ("detail-resources", { state in
            _ = Reducer.reduce(&state, .drillDown)
            let policy = #"{"Version":"2012-10-17","Statement":[{"Sid":"s3-uploads","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::uploads"},"StringEquals":{"AWS:SourceAccount":"123456789012"}}},{"Sid":"url","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunctionUrl","Condition":{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}}]}"#
            let invoke = ConsoleFixtures.decode([FunctionEventInvokeConfig].self, #"[{"FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:payments-charge-card:live", "MaximumRetryAttempts": 1, "MaximumEventAgeInSeconds": 3600, "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:charge-dlq"}}}]"#)
            let provisioned = ConsoleFixtures.decode([ProvisionedConcurrencyConfigListItem].self, #"[{"FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:payments-charge-card:live", "RequestedProvisionedConcurrentExecutions": 10, "AllocatedProvisionedConcurrentExecutions": 4, "AvailableProvisionedConcurrentExecutions": 4, "Status": "IN_PROGRESS"}]"#)
            _ = Reducer.reduce(&state, .resourcesLoaded(function: "payments-charge-card", FunctionResources(
                policy: .value(policy), eventInvokeConfigs: .value(invoke), urls: .failed("this endpoint does not serve ListFunctionUrlConfigs"),
                provisioned: .value(provisioned), codeSigning: .none, runtimeManagement: .none, recursion: .value("Terminate"))))
            _ = Reducer.reduce(&state, .moveToBottom)
        }),
        ("version-diff", { state in
            _ = Reducer.reduce(&state, .show(.versions))
            _ = Reducer.reduce(&state, .moveToTop)
            _ = Reducer.reduce(&state, .diffCommand(.open))
            if case .versionDiff(let name) = state.route, let diff = state.versionDiffs[name] {
                _ = Reducer.reduce(&state, .codeCompared(function: name, old: diff.old, new: diff.new, .success(PackageComparison(
                    added: ["lib/retry.py"], removed: ["legacy.py"], changed: ["handler.py", "requirements.txt"], unchanged: 14))))
            }
        }),
        ("layers", { state in
            _ = Reducer.reduce(&state, .layersCommand(.open))
            let layers = ConsoleFixtures.decode([LayersListItem].self, #"[{"LayerName": "shared-deps", "LayerArn": "arn:aws:lambda:us-east-1:123456789012:layer:shared-deps", "LatestMatchingVersion": {"Version": 3, "LayerVersionArn": "arn:aws:lambda:us-east-1:123456789012:layer:shared-deps:3", "CompatibleRuntimes": ["python3.12", "python3.13"], "CompatibleArchitectures": ["arm64"], "CreatedDate": "2026-11-20T09:00:00.000+0000", "Description": "requests, boto3 pins"}}, {"LayerName": "otel-collector", "LayerArn": "arn:aws:lambda:us-east-1:123456789012:layer:otel-collector", "LatestMatchingVersion": {"Version": 12, "LayerVersionArn": "arn:aws:lambda:us-east-1:123456789012:layer:otel-collector:12", "CreatedDate": "2026-10-02T12:00:00.000+0000", "Description": "OpenTelemetry"}}]"#)
            _ = Reducer.reduce(&state, .layersLoaded(.success(layers)))
            _ = Reducer.reduce(&state, .moveToBottom)
            _ = Reducer.reduce(&state, .layersCommand(.openLayer))
            let versions = ConsoleFixtures.decode([LayerVersionsListItem].self, #"[{"Version": 3, "LayerVersionArn": "arn:aws:lambda:us-east-1:123456789012:layer:shared-deps:3", "CompatibleRuntimes": ["python3.12"], "CreatedDate": "2026-11-20T09:00:00.000+0000", "LicenseInfo": "MIT", "Description": "requests 2.32"}, {"Version": 2, "LayerVersionArn": "arn:aws:lambda:us-east-1:123456789012:layer:shared-deps:2", "CreatedDate": "2026-09-01T09:00:00.000+0000", "Description": "requests 2.31"}]"#)
            if let layer = state.layers.openLayer { _ = Reducer.reduce(&state, .layerVersionsLoaded(layer: layer, .success(versions))) }
        }),
        ("raw-json", { state in
            _ = Reducer.reduce(&state, .drillDown)
            _ = Reducer.reduce(&state, .showRawJSON)
        }),
        ("help", { state in _ = Reducer.reduce(&state, .showHelp) }),
        ("help-scrolled-to-the-end", { state in
            _ = Reducer.reduce(&state, .showHelp)
            _ = Reducer.reduce(&state, .moveToBottom)
        }),
        ("command-line", { state in
            _ = Reducer.reduce(&state, .openCommandLine)
            _ = Reducer.reduce(&state, .editCommandLine("al"))
        }),
        ("keys-help", { state in _ = Reducer.reduce(&state, .showHelp) }),
        ("help-refused-invoke", { state in _ = Reducer.reduce(&state, .perform(.invoke)) }),
        ("palette", { state in
            _ = Reducer.reduce(&state, .openPalette)
            _ = Reducer.reduce(&state, .editPalette("conf"))
        }),
        ("form-invoke", { state in _ = Reducer.reduce(&state, .openAction(.invoke)) }),
        ("form-errors", { state in
            _ = Reducer.reduce(&state, .openAction(.editConfiguration))
            _ = Reducer.reduce(&state, .moveFieldFocus(3))
            _ = Reducer.reduce(&state, .editField("64"))
            _ = Reducer.reduce(&state, .moveFieldFocus(20))
            _ = Reducer.reduce(&state, .editField("1NVALID=x"))
            _ = Reducer.reduce(&state, .submitForm)
        }),
        ("form-delete-confirmation", { state in _ = Reducer.reduce(&state, .perform(.delete)) }),
        ("invoke-screen", { state in
            GoldenScreenTests.invoke(&state, count: "1")
            let request = InvocationRequest(function: "payments-charge-card", qualifier: "live", payload: #"{"amount": 1299, "card": "tok_visa"}"#)
            _ = Reducer.reduce(&state, .mutationFinished(.invoke(request), .invoked(InvocationResult(
                function: "payments-charge-card", qualifier: "live", statusCode: 200, functionError: "Unhandled", executedVersion: "3",
                payload: #"{"errorMessage":"card declined","errorType":"CardError","stackTrace":["handler.py:12","stripe.py:88"]}"#,
                logTail: "START RequestId: 7f1c Version: 3\n[ERROR] card declined\nEND RequestId: 7f1c\n"
                    + "REPORT RequestId: 7f1c\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: 71 MB\tInit Duration: 150.12 ms",
                milliseconds: 48))), now: ConsoleFixtures.now)
        }),
        ("invoke-burst", { state in
            GoldenScreenTests.invoke(&state, count: "40")
            var progress = BurstProgress(spec: BurstSpec(count: 40, perSecond: 10))
            progress.sent = 31
            progress.answered = 29
            progress.byVersion = ["2": 26, "3": 3]
            progress.functionErrors = 1
            progress.failures = ["TooManyRequestsException": 2]
            progress.roundTrips = Array(20...46)
            _ = Reducer.reduce(&state, .burstProgress(function: "payments-charge-card", progress))
        }),
        ("invocation-history", { state in
            GoldenScreenTests.invoke(&state, count: "1")
            let request = InvocationRequest(function: "payments-charge-card", qualifier: "live", payload: "{}")
            for (index, error) in [nil, "Unhandled", nil].enumerated() {
                _ = Reducer.reduce(&state, .mutationFinished(.invoke(request), .invoked(InvocationResult(
                    function: "payments-charge-card", qualifier: "live", statusCode: 200, functionError: error, executedVersion: "3",
                    payload: "{}", logTail: "REPORT RequestId: r\(index)\tDuration: \(10 + index).5 ms", milliseconds: 40 + index))),
                    now: ConsoleFixtures.now.addingTimeInterval(Double(index) * 60))
            }
            _ = Reducer.reduce(&state, .invokeCommand(.showHistory))
        }),
        ("shift", { state in
            _ = Reducer.reduce(&state, .show(.aliases))
            _ = Reducer.reduce(&state, .perform(.shift))
            _ = Reducer.reduce(&state, .editShift(.by(5)))
            _ = Reducer.reduce(&state, .editShift(.by(1)))
        }),
        ("shift-promote", { state in
            _ = Reducer.reduce(&state, .show(.aliases))
            _ = Reducer.reduce(&state, .perform(.shift))
            _ = Reducer.reduce(&state, .editShift(.promote))
        }),
        ("rollout-running", { state in
            var rollout = Rollout(function: "payments-charge-card", alias: "live", description: "production", primary: "2", target: "3",
                                  plan: RolloutPlan.presets[4], errorThreshold: 5, revisionId: "r")
            rollout.nextStep = 3
            rollout.appliedWeight = 30
            rollout.nextStepAt = ConsoleFixtures.now.addingTimeInterval(42)
            rollout.log = [.init(time: ConsoleFixtures.now.addingTimeInterval(-18), text: "Sent 30 % to version 3."),
                           .init(time: ConsoleFixtures.now.addingTimeInterval(-19), text: "an error rate of 0 % (0 errors in 41 invocations, CloudWatch metrics) within the 5 % threshold")]
            _ = Reducer.reduce(&state, .rolloutUpdated(rollout))
            _ = Reducer.reduce(&state, .rolloutCommand(key: rollout.key, .open))
        }),
        ("rollout-resume-offer", { state in
            var rollout = Rollout(function: "payments-charge-card", alias: "live", description: "production", primary: "2", target: "3",
                                  plan: RolloutPlan.presets[0], errorThreshold: 5, revisionId: "r")
            rollout.nextStep = 1
            rollout.appliedWeight = 10
            rollout.nextStepAt = ConsoleFixtures.now.addingTimeInterval(-30)
            _ = Reducer.reduce(&state, .rolloutsFound([rollout]))
        }),
        ("live-tail", { state in
            _ = Reducer.reduce(&state, .openTail, now: ConsoleFixtures.now.addingTimeInterval(-3600))
            let generation = state.tails["payments-charge-card"]?.generation ?? 0
            _ = Reducer.reduce(&state, .tailEvents(function: "payments-charge-card", generation: generation, ConsoleFixtures.logLines,
                                                   mode: .polling(interval: 2)))
            _ = Reducer.reduce(&state, .tailCommand(.beginSearch))
            _ = Reducer.reduce(&state, .tailCommand(.editSearch("card")))
            _ = Reducer.reduce(&state, .tailCommand(.endSearch(keep: true)))
        }),
        ("live-tail-sampled", { state in
            _ = Reducer.reduce(&state, .openTail, now: ConsoleFixtures.now.addingTimeInterval(-3600))
            let generation = state.tails["payments-charge-card"]?.generation ?? 0
            _ = Reducer.reduce(&state, .tailEvents(function: "payments-charge-card", generation: generation, ConsoleFixtures.logLines,
                                                   mode: .live(sampled: true)))
        }),
        ("monitor", { state in
            _ = Reducer.reduce(&state, .monitorCommand(.open), now: ConsoleFixtures.now)
        }),
        ("all-regions", { state in
            state.contextChoices.allRegions = ["us-east-1", "eu-west-1", "ap-east-1", "eu-south-1"]
            _ = Reducer.reduce(&state, .openCommandLine)
            _ = Reducer.reduce(&state, .editCommandLine("region all"))
            _ = Reducer.reduce(&state, .runCommandLine)
            for (region, count) in [("us-east-1", 5), ("eu-west-1", 3)] {
                let source = FleetSource(profile: state.connection.profile, region: region)
                let rows = ConsoleFixtures.functions.prefix(count).map { function -> FunctionRow in
                    var copy = function
                    copy.functionArn = function.functionArn?.replacingOccurrences(of: ":us-east-1:", with: ":\(region):")
                    return FunctionRow(copy)
                }
                _ = Reducer.reduce(&state, .fleetPage(source: source, generation: 1, rows))
                _ = Reducer.reduce(&state, .fleetListed(source: source, generation: 1, region: region, outcome: .listed(0)))
            }
            _ = Reducer.reduce(&state, .fleetListed(source: FleetSource(profile: state.connection.profile, region: "ap-east-1"), generation: 1,
                                                    region: "ap-east-1", outcome: .notEnabled))
        }),
        ("account", { state in
            _ = Reducer.reduce(&state, .openAccount)
            _ = Reducer.reduce(&state, .accountLimitLoaded(.success(AccountLimit(codeSizeUnzipped: 262_144_000, codeSizeZipped: 52_428_800,
                concurrentExecutions: 1000, totalCodeSize: 80_530_636_800, unreservedConcurrentExecutions: 150))))
            _ = Reducer.reduce(&state, .accountUsageLoaded(AccountUsage(functionCount: 812, totalCodeSize: 70_000_000_000)))
        }),
        ("contexts", { state in
            state.contextChoices.visited(profile: "prod", region: "eu-west-1")
            state.contextChoices.readOnlyPatterns = ["prod*"]
            state.contextChoices.visited(profile: state.connection.profile, region: state.connection.region)
            _ = Reducer.reduce(&state, .openContexts)
        }),
        ("login", { state in
            _ = Reducer.reduce(&state, .startLogin)
            _ = Reducer.reduce(&state, .loginPrompt(SSODeviceLogin.Prompt(
                verificationURI: "https://device.sso.us-east-1.amazonaws.com/",
                verificationURIComplete: "https://device.sso.us-east-1.amazonaws.com/?user_code=WXYZ-2345", userCode: "WXYZ-2345",
                expiresAt: ConsoleFixtures.now.addingTimeInterval(600))))
        }),
        ("error", { state in _ = Reducer.reduce(&state, .functionsLoaded(.failure(ConsoleError("Cannot connect to http://127.0.0.1:5000: nothing is listening there.")))) }),
    ]

    static var cases: [String] { scenes.flatMap { scene in sizes.map { "\(scene.0)-\($0.0)x\($0.1)" } } }

    @Test(arguments: cases)
    func screenMatchesItsGoldenFile(_ name: String) throws {
        let scene = try #require(Self.scenes.first { name.hasPrefix($0.0 + "-") && name.dropFirst($0.0.count + 1).first?.isNumber == true })
        let size = try #require(Self.sizes.first { name.hasSuffix("\($0.0)x\($0.1)") })
        var state = ConsoleFixtures.loadedState(readOnly: name.hasPrefix("help"))
        _ = Reducer.reduce(&state, .resized(rows: size.1, columns: size.0))
        scene.1(&state)
        let screen = GridScreen(rows: size.1, columns: size.0)
        ConsoleView.render(state, on: screen, theme: .monochrome, now: ConsoleFixtures.now)
        let file = Self.folder.appendingPathComponent("\(name).txt")
        let rendered = screen.text + "\n"
        if ProcessInfo.processInfo.environment["LAMBDA_TUI_RECORD_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try rendered.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == expected, "screen \(name) differs from Golden/\(name).txt:\n\(rendered)")
    }

    @Test func aTinyTerminalGetsANoticeNotACrash() {
        for (columns, rows) in [(1, 1), (10, 3), (49, 30), (120, 11), (0, 0)] {
            let screen = GridScreen(rows: rows, columns: columns)
            ConsoleView.render(ConsoleFixtures.loadedState(), on: screen, theme: .dark, now: ConsoleFixtures.now)
            if rows > 0 && columns > 2 { #expect(screen.lines[0].hasPrefix(String("Terminal too small".prefix(columns)))) }
        }
    }

    @Test func everySceneDrawsAtEverySizeFromTheSmallest() throws {
        for scene in Self.scenes {
            var state = ConsoleFixtures.loadedState()
            scene.1(&state)
            for (columns, rows) in [(50, 12), (51, 13), (60, 15), (80, 12), (200, 60), (50, 50)] {
                _ = Reducer.reduce(&state, .resized(rows: rows, columns: columns))
                let screen = GridScreen(rows: rows, columns: columns)
                ConsoleView.render(state, on: screen, theme: .dark, now: ConsoleFixtures.now)
                // Drawn without a crash, and as a console, not as the too-small notice.
                #expect(screen.lines.count == rows && !screen.lines[0].hasPrefix("Terminal too small")
                        && screen.lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == false, "\(scene.0) at \(columns)x\(rows)")
            }
        }
    }

    /// The invoke form of the selected function, sent: the invoke screen opens, running.
    static func invoke(_ state: inout ConsoleState, count: String) {
        _ = Reducer.reduce(&state, .openAction(.invoke))
        _ = Reducer.reduce(&state, .setField(id: .qualifier, value: "live"))
        _ = Reducer.reduce(&state, .setField(id: .payload, value: #"{"amount": 1299, "card": "tok_visa"}"#))
        _ = Reducer.reduce(&state, .setField(id: .count, value: count))
        _ = Reducer.reduce(&state, .setField(id: .rate, value: "10"))
        _ = Reducer.reduce(&state, .submitForm, now: ConsoleFixtures.now.addingTimeInterval(-1))
    }
}

@Suite struct StatusLineTests {
    @Test func theFooterSaysWhenTheRequestBudgetHoldsReads() {
        var state = ConsoleFixtures.loadedState()
        _ = Reducer.reduce(&state, .budgetHeld(3))
        let screen = GridScreen(rows: 24, columns: 120)
        ConsoleView.render(state, on: screen, theme: .monochrome, now: ConsoleFixtures.now)
        #expect(screen.lines[23].contains("⏳ 3 reads held by the request budget"), "\(screen.lines[23])")
    }

    @Test func aStartupNoticeStaysUntilAnErrorTakesItsPlace() {
        var state = ConsoleFixtures.loadedState()
        state.notice = "Theme t.theme, line 3, selction: no such role (did you mean selection?); using dark."
        let screen = GridScreen(rows: 24, columns: 100)
        ConsoleView.render(state, on: screen, theme: .dark, now: ConsoleFixtures.now)
        #expect(screen.lines[22].contains("line 3, selction"))
        _ = Reducer.reduce(&state, .functionsLoaded(.failure(ConsoleError("Cannot connect"))))
        ConsoleView.render(state, on: screen, theme: .dark, now: ConsoleFixtures.now)
        #expect(screen.lines[22].contains("Cannot connect"))
    }

}

/// What the issue found cut at 80x24 and 50x12, each checked at both sizes.
@Suite struct SmallScreenTests {
    static func render(_ size: (Int, Int), _ scene: (inout ConsoleState) -> Void) -> GridScreen {
        var state = ConsoleFixtures.loadedState()
        _ = Reducer.reduce(&state, .resized(rows: size.1, columns: size.0))
        scene(&state)
        let screen = GridScreen(rows: size.1, columns: size.0)
        ConsoleView.render(state, on: screen, theme: .monochrome, now: ConsoleFixtures.now)
        return screen
    }

    static let sizes = [(80, 24), (50, 12)]

    @Test(arguments: [0, 1]) func theShiftViewSaysEnterApplies(_ size: Int) {
        let screen = Self.render(Self.sizes[size]) { state in
            _ = Reducer.reduce(&state, .show(.aliases))
            _ = Reducer.reduce(&state, .perform(.shift))
        }
        #expect(screen.text.contains("Enter applies · Esc cancels"), "\(screen.text)")
        #expect(screen.text.contains("G gradual"), "\(screen.text)")
    }

    @Test(arguments: [0, 1]) func theDeleteConfirmationShowsTheWholeName(_ size: Int) {
        let screen = Self.render(Self.sizes[size]) { state in _ = Reducer.reduce(&state, .perform(.delete)) }
        #expect(screen.text.contains("Type payments-charge-card to confirm"), "\(screen.text)")
    }

    @Test(arguments: [0, 1]) func theInvokeFormsLastFieldCanBeReached(_ size: Int) {
        let screen = Self.render(Self.sizes[size]) { state in
            _ = Reducer.reduce(&state, .openAction(.invoke))
            _ = Reducer.reduce(&state, .moveFieldFocus(20))
        }
        #expect(screen.lines.contains { $0.contains("│ Per second") && $0.contains("5") }, "\(screen.text)")
    }

    @Test(arguments: [0, 1]) func theARNIsShownWhole(_ size: Int) {
        let screen = Self.render(Self.sizes[size]) { state in _ = Reducer.reduce(&state, .drillDown) }
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:payments-charge-card"
        let valueColumn = 3 + 22
        let joined = screen.lines.drop { !$0.contains("ARN") }.prefix(4).map { String($0.dropFirst(valueColumn)) }.joined()
        #expect(joined.contains(arn), "\(screen.text)")
    }

    @Test(arguments: [0, 1]) func helpLinesGoOnUnderThemselves(_ size: Int) {
        let screen = Self.render(Self.sizes[size]) { state in _ = Reducer.reduce(&state, .showHelp) }
        #expect(screen.text.contains(":profile NAME :ctx"), "the longest help line, continued: \(screen.text)")
    }

    @Test(arguments: [0, 1]) func aLongErrorIsReadToItsEnd(_ size: Int) {
        let message = "UpdateFunctionConfiguration answered ResourceConflictException: The operation cannot be performed at this time. "
            + "An update is in progress for resource: payments-charge-card. Wait for it to finish, then press Enter again."
        let screen = Self.render(Self.sizes[size]) { state in _ = Reducer.reduce(&state, .showError(message)) }
        #expect(screen.text.contains("press Enter again.") || screen.lines.contains { $0.hasSuffix("…") }, "\(screen.text)")
        #expect(screen.lines.last?.contains("Enter open") == true, "the footer stays under the message:\n\(screen.text)")
        if size == 0 { #expect(screen.text.contains("press Enter again.")) }
    }

    @Test func everyCutIsMarked() {
        // A panel's text that does not fit ends in "…" rather than at the border.
        let screen = GridScreen(rows: 12, columns: 50)
        let panel = Panel(title: String(repeating: "t", count: 80), width: 90, height: 4, hints: ["Enter applies", "Esc cancels"],
                          screen: screen, theme: .monochrome)
        panel.put(String(repeating: "x", count: 80), row: 0, style: .plain, on: screen)
        #expect(screen.lines[panel.top].contains("t… ─┐"))
        #expect(screen.lines[panel.top + 1].hasSuffix("x… │"))
        #expect(screen.text.contains("Enter applies · Esc cancels"))
    }
}

@Suite struct WideCharacterBorderTests {
    /// A panel over text of wide characters, at every offset: the text's cut halves are blanked
    /// and both borders stay whole, as does a panel's own text cut at its right border.
    @Test(arguments: [0, 1]) func bordersStayWholeOverWideCharacters(_ shift: Int) {
        for columns in [50, 51, 80] {
            let screen = GridScreen(rows: 12, columns: columns)
            for row in 0..<12 { screen.put(String(repeating: " ", count: shift) + String(repeating: "数", count: 60), row: row, column: 0, style: .plain) }
            let panel = Panel(title: "数据" + String(repeating: "处", count: 40), width: 41, height: 6, hints: ["Enter 确认", "Esc 取消"],
                              screen: screen, theme: .monochrome)
            for row in 0..<panel.innerRows {
                panel.put(String(repeating: "函", count: row) + String(repeating: "数", count: 40), row: row, style: .plain, on: screen)
            }
            for row in panel.top + 1..<panel.top + panel.height - 1 {
                #expect(screen.cell(row: row, column: panel.left).character == "│", "left border at row \(row), \(columns) columns:\n\(screen.text)")
                #expect(screen.cell(row: row, column: panel.left + panel.width - 1).character == "│",
                        "right border at row \(row), \(columns) columns:\n\(screen.text)")
            }
            #expect(screen.cell(row: panel.top, column: panel.left + panel.width - 1).character == "┐")
            #expect(screen.cell(row: panel.top + panel.height - 1, column: panel.left + panel.width - 1).character == "┘")
        }
    }
}
