import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LogsAPI

/// What AWS answers to each piece of background work in a model run, and the stray answers a
/// slow network delivers for work the console has since moved on from.
enum ModelAnswers {
    static func failure(_ random: inout SeededGenerator) -> ConsoleError {
        let messages = ["AccessDeniedException: User is not authorized to perform logs:FilterLogEvents",
                        "Cannot connect to 127.0.0.1:1 (connection refused).", "ThrottlingException: Rate exceeded",
                        "\u{1B}]52;c;ZXZpbA==\u{07}hostile error \u{1B}[2J", String(repeating: "very long error ", count: 500)]
        return ConsoleError(messages[Int(random.next() % UInt64(messages.count))])
    }

    static func answer(_ effect: ConsoleEffect, failing: Bool, seed: UInt64, state: ConsoleState) -> [ConsoleAction] {
        var random = SeededGenerator(seed: seed)
        switch effect {
        case .loadFunctions:
            // The listing's first page comes ahead of the whole list, as the runner sends it.
            let functions = ModelEstate.functions(seed: seed)
            let page = Array(functions.prefix(functions.count / 2))
            return [.functionsPage(page.map(FunctionRow.init)), .functionsLoaded(failing ? .failure(failure(&random)) : .listed(functions))]
        case .loadDetail(let function):
            guard !failing, let detail = ModelEstate.detail(function, seed: seed) else {
                return [.detailLoaded(function: function, .failure(failure(&random)))]
            }
            return [.detailLoaded(function: function, .success(detail))]
        case .loadLogs(let function, _, let stream):
            return [.logsLoaded(function: function, stream: stream, failing ? .failure(failure(&random)) : .success(ModelEstate.logLines(seed: seed)))]
        case .loadLogStreams(let function, _):
            return [.logStreamsLoaded(function: function, failing ? .failure(failure(&random)) : .success(ModelEstate.streams(seed: seed)))]
        case .loadTags(let arns):
            // Some of the asked functions, as a read cut short would; the rest stay unknown.
            var tags: [String: [String: String]] = [:]
            for arn in arns where random.next() % 4 != 0 { tags[arn] = random.next() % 2 == 0 ? ["team": "payments"] : [:] }
            return [.tagsLoaded(tags, final: true, problem: failing ? "the read was cut short" : nil)]
        case .saveListing:
            return [.listingSaved]
        case .loadAccountLimit:
            let limit = AccountLimit(concurrentExecutions: 1000, unreservedConcurrentExecutions: Int(seed % 1000))
            let usage = AccountUsage(functionCount: Int64(seed % 2_000), totalCodeSize: Int64(seed % 90_000_000_000))
            return [.accountUsageLoaded(usage), .accountLimitLoaded(failing ? .failure(failure(&random)) : .success(limit))]
        case .loadSavedEvents(let function):
            return [.savedEventsLoaded(function: function, SavedEvents(payloads: ["saved": #"{"a":1}"#], last: failing ? nil : #"{"b":2}"#))]
        case .mutate(let mutation):
            if failing { return [.mutationFinished(mutation, random.next() % 2 == 0 ? .conflict("changed by someone else") : .failed(failure(&random).message))] }
            if case .invoke(let request) = mutation {
                var actions: [ConsoleAction] = []
                if request.streamed { actions.append(.invocationChunk(function: request.function, ModelEstate.hostileText(&random))) }
                if let burst = request.burst {
                    var progress = BurstProgress(spec: burst)
                    progress.sent = burst.count
                    progress.answered = burst.count
                    progress.finished = true
                    actions.append(.burstProgress(function: request.function, progress))
                    actions.append(.mutationFinished(mutation, .burst(progress)))
                } else {
                    actions.append(.mutationFinished(mutation, .invoked(ModelEstate.invocation(request, seed: seed))))
                }
                return actions
            }
            return [.mutationProgress("Working: InProgress"), .mutationFinished(mutation, .done("Done.", select: nil))]
        case .runRollout(var rollout), .abortRollout(var rollout):
            rollout.status = [.running, .paused, .completed, .rolledBack, .aborted][Int(random.next() % 5)]
            rollout.nextStep = Int(random.next() % UInt64(max(1, rollout.plan.steps.count + 1)))
            return [.rolloutUpdated(rollout)]
        case .pollTail(let function, _, let generation, _, _, _, _):
            if failing { return [.tailFailed(function: function, generation: generation, failure(&random).message)] }
            let mode: LogTail.Mode = random.next() % 2 == 0 ? .live(sampled: random.next() % 2 == 0) : .polling(interval: 1)
            return [.tailEvents(function: function, generation: generation, ModelEstate.logLines(seed: seed), mode: mode)]
        case .stopTail(let function):
            return [.tailStopped(function: function)]
        case .saveLines:
            return [failing ? .showError("Cannot write the file.") : .showStatus("Saved 3 lines.")]
        case .stopBurst, .stopTagReading:
            return []
        case .loadRows(let names):
            return [.rowsLoaded(names.map { FunctionRow(functionName: $0) })]
        case .loadListMetrics(let names, _):
            if failing { return [.listMetricsLoaded(names: names, .failure(failure(&random)), percentilesProblem: nil)] }
            let refused = random.next() % 5 == 0 ? "Percentiles (p50/p90/p99) could not be read: 500" : nil
            return [.listMetricsLoaded(names: names, .success(metricSummaries(names, &random)), percentilesProblem: refused)]
        case .loadMonitor(let request):
            return [.monitorLoaded(function: request.function, generation: request.generation, monitorAnswer(request, failing: failing, &random))]
        case .rememberSetting, .stopInsights:
            return [.noChange]
        case .loadInsightsQueries(let function):
            let hostile = InsightsQuery(name: ModelEstate.hostileText(&random), text: "fields @message\n| limit 5", origin: .file)
            return [.insightsQueriesLoaded(function: function, random.next() % 2 == 0 ? [hostile] : [], problems: failing ? ["queries/x is not readable"] : [])]
        case .runInsights(let run):
            if failing { return [.insightsProgress(function: run.function, generation: run.generation, nil, error: failure(&random))] }
            let rows = (0..<Int(random.next() % 30)).map { index in
                [QueryResults.Field(field: "@timestamp", value: "2026-11-25 10:0\(index % 10):00.000"),
                 QueryResults.Field(field: "@requestId", value: index % 3 == 0 ? "" : "req-\(index)"),
                 QueryResults.Field(field: random.next() % 5 == 0 ? nil : "@message", value: ModelEstate.hostileText(&random)),
                 QueryResults.Field(field: "@ptr", value: "ptr")]
            }
            let running = QueryResults(status: "Running", results: Array(rows.prefix(rows.count / 2)),
                                       statistics: .init(recordsMatched: 1e300, recordsScanned: -1, bytesScanned: .infinity))
            let statuses = ["Complete", "Failed", "Timeout", "Cancelled", "Unknown"]
            return [.insightsProgress(function: run.function, generation: run.generation, running, error: nil),
                    .insightsProgress(function: run.function, generation: run.generation,
                                      QueryResults(status: statuses[Int(random.next() % 5)], results: rows), error: nil)]
        case .loadRequestLines(let function, _, let requestId, _):
            return [.requestLinesLoaded(function: function, requestId: requestId,
                                        failing ? .failure(failure(&random)) : .success(random.next() % 3 == 0 ? [] : ModelEstate.logLines(seed: seed)))]
        case .ssoLogin:
            // The portal's link and code (a hostile one sometimes), then the end: an expiry far off
            // or out of range, or a failure.
            let links = ["https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH", "https://evil\u{1B}]8;;x\u{07}.example/\u{1B}[2J",
                         String(repeating: "https://long.example/", count: 200)]
            let prompt = SSODeviceLogin.Prompt(verificationURI: links[Int(random.next() % 3)], verificationURIComplete: random.next() % 2 == 0 ? nil : links[0],
                                               userCode: random.next() % 2 == 0 ? "ABCD-EFGH" : "\u{1B}[31mCODE", expiresAt: Date.distantFuture)
            let expiry = [Date(timeIntervalSince1970: 1_795_604_400), Date.distantFuture, Date(timeIntervalSince1970: 1e300)][Int(random.next() % 3)]
            return [.loginPrompt(prompt), .loginFinished(failing ? .failure(failure(&random)) : .success(expiry))]
        case .loadLayerPolicy(_, _, let arn):
            let policies: [ResourceRead<String>] = [.none, .value(#"{"Statement": [{"Sid": "share", "Effect": "Allow", "Principal": "*", "Action": "lambda:GetLayerVersion", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}]}"#), .failed("denied \u{1B}[2J")]
            return [.layerPolicyLoaded(arn: arn, policies[Int(random.next() % 3)])]
        case .loadSigningConfigs:
            func decoded<T: Decodable>(_ json: String) -> T? { try? LambdaJSON.decoder().decode(T.self, from: Data(json.utf8)) }
            let configs: [CodeSigningConfig] = decoded(#"[{"CodeSigningConfigId": "csc-1", "CodeSigningConfigArn": "arn:aws:lambda:us-east-1:1:code-signing-config:csc-1", "CodeSigningPolicies": {"UntrustedArtifactOnDeployment": "Enforce"}, "AllowedPublishers": {"SigningProfileVersionArns": ["arn:aws:signer:us-east-1:1:/signing-profiles/p/abc"]}, "Description": "\u001b[2J"}]"#) ?? []
            return [.signingConfigsLoaded(failing ? .failure(failure(&random)) : .success(configs))]
        case .loadSigningUsers(let arn):
            return [.signingUsersLoaded(arn: arn, failing ? .failure(failure(&random)) : .success(random.next() % 2 == 0 ? [] : ["arn:aws:lambda:us-east-1:1:function:f"]))]
        case .loadJournal:
            // Undoable, not undoable, already undone, and a target that tries to drive the terminal.
            let entries = [
                JournalEntry(time: Date(timeIntervalSince1970: 1_795_600_000), profile: "model", region: "us-east-1", action: "UpdateAlias",
                             target: "fn-001:live", undo: .alias(function: "fn-001", name: "live", version: "1", description: "", additionalVersion: nil,
                                                                 weight: 0, revision: "r1"), notUndoable: nil),
                JournalEntry(time: Date(timeIntervalSince1970: 1e12), profile: "model", region: "us-east-1", action: "DeleteFunction",
                             target: "gone\u{1B}[2J", undo: nil, notUndoable: "a deletion cannot be undone"),
            ]
            return [.journalLoaded(failing ? [] : entries)]
        case .undo(let entry):
            return [.undoFinished(id: entry.id, failing ? .conflict("Undo refused: the alias changed since") : .done("Updated alias.", select: nil))]
        case .loadLayers:
            func decoded<T: Decodable>(_ json: String) -> T? { try? LambdaJSON.decoder().decode(T.self, from: Data(json.utf8)) }
            let layers: [LayersListItem] = decoded(#"[{"LayerName": "shared-deps", "LayerArn": "arn:aws:lambda:us-east-1:1:layer:shared-deps", "LatestMatchingVersion": {"Version": 9223372036854775807, "LayerVersionArn": "arn:aws:lambda:us-east-1:1:layer:shared-deps:3", "CompatibleRuntimes": ["python3.12"], "Description": "\u001b[2Jevil"}}, {"LayerName": "empty"}]"#) ?? []
            return [.layersLoaded(failing ? .failure(failure(&random)) : .success(random.next() % 3 == 0 ? [] : layers))]
        case .loadLayerVersions(let layer):
            func decoded<T: Decodable>(_ json: String) -> T? { try? LambdaJSON.decoder().decode(T.self, from: Data(json.utf8)) }
            let versions: [LayerVersionsListItem] = decoded(#"[{"Version": 3, "LayerVersionArn": "arn:aws:lambda:us-east-1:1:layer:\#(layer):3", "LicenseInfo": "MIT"}, {"Version": -1}]"#) ?? []
            return [.layerVersionsLoaded(layer: layer, failing ? .failure(failure(&random)) : .success(versions))]
        case .compareCode(let function, let old, let new):
            let comparison = PackageComparison(added: ["new.py", "\u{1B}[2Jevil.py"], removed: ["old.py"], changed: ["index.py"], unchanged: 3)
            return [.codeCompared(function: function, old: old, new: new, failing ? .failure(failure(&random)) : .success(comparison))]
        case .diffFile(let function, _, _, let path):
            let lines = LineDiff.lines(old: "a\nb\nc", new: "a\nB\nc\n\u{1B}]52;c;aGk=\u{07}")
            return [.fileDiffed(function: function, path: path, failing ? .failure(failure(&random)) : .success(random.next() % 4 == 0 ? nil : lines))]
        case .downloadCode(_, _, let path):
            // Nothing is written in a model run: the answer only.
            return [.codeDownloaded(failing ? .failure(failure(&random)) : .success("Saved 1.2 KB of code to \(path) (mode 600)."))]
        case .loadResources(let function):
            // Every section in one of its states, hostile text and a policy that is not JSON included.
            let policies = [#"{"Version":"2012-10-17","Statement":[{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::b\u001b[2J"}}}]}"#,
                            "not json \u{1B}]52;c;aGk=\u{07}", #"{"Statement":{"Sid":"one","Principal":"*","Action":["a","b"]}}"#]
            func pick<T>(_ value: T) -> ResourceRead<T> {
                [ResourceRead<T>.value(value), .none, .failed("AccessDenied \u{1B}[31m")][Int(random.next() % 3)]
            }
            func decoded<T: Decodable>(_ json: String) -> T? { try? LambdaJSON.decoder().decode(T.self, from: Data(json.utf8)) }
            let status = random.next() % 2 == 0 ? "IN_PROGRESS" : "FAILED"
            let reason = String(repeating: "reason ", count: 300)
            let provisioned: [ProvisionedConcurrencyConfigListItem] = decoded(#"[{"Status": "\#(status)", "RequestedProvisionedConcurrentExecutions": 9223372036854775807, "StatusReason": "\#(reason)", "FunctionArn": "arn:aws:lambda:us-east-1:1:function:f:live"}]"#) ?? []
            let url: [FunctionUrlConfig] = decoded(#"[{"FunctionUrl": "https://x.lambda-url.us-east-1.on.aws/\u001b[2J", "AuthType": "NONE", "Cors": {"AllowOrigins": ["*"], "MaxAge": -5}}]"#) ?? []
            let invoke: [FunctionEventInvokeConfig] = decoded(#"[{"MaximumRetryAttempts": -1, "FunctionArn": "arn:aws:lambda:us-east-1:1:function:f:$LATEST", "DestinationConfig": {"OnSuccess": {"Destination": "arn:aws:sqs:us-east-1:1:q"}}}]"#) ?? []
            let runtime: RuntimeManagementConfig? = decoded(#"{"UpdateRuntimeOn": "Manual", "RuntimeVersionArn": "arn:aws:lambda:us-east-1::runtime:abc"}"#)
            return [.resourcesLoaded(function: function, FunctionResources(
                policy: pick(policies[Int(random.next() % 3)]), eventInvokeConfigs: pick(invoke), urls: pick(url), provisioned: pick(provisioned),
                codeSigning: pick("arn:aws:lambda:us-east-1:1:code-signing-config:csc-1"),
                runtimeManagement: runtime.map(pick) ?? .none,
                recursion: pick("Terminate")))]
        case .listSSOAccounts:
            // None, a few, or a name that tries to drive the terminal.
            let count = Int(random.next() % 4)
            let choices = (0..<count).map { index in
                SSOAccountChoice(role: SSOAccountRole(accountID: "11112222333\(index)", roleName: index == 2 ? "\u{1B}[2JAdmin" : "Developer"),
                                 accountName: index == 1 ? "evil\u{1B}]52;c;aGk=\u{07}" : "Account \(index)", roles: ["Developer"])
            }
            return [.ssoAccountsListed(failing ? .failure(failure(&random)) : .success(choices))]
        case .listFleet(let source, let generation):
            // Pages, then how the source ended: listed, an opt-in region not enabled, denied or failed.
            let functions = ModelEstate.functions(seed: seed ^ UInt64(truncatingIfNeeded: source.hashValue)).map(FunctionRow.init)
            let outcomes: [FleetProgress] = [.listed(0), .listed(0), .notEnabled, .denied(failure(&random).sentence), .failed(failure(&random).sentence)]
            let outcome = failing ? outcomes[Int(random.next() % UInt64(outcomes.count))] : .listed(0)
            let region = source.region ?? ["eu-west-1", "us-east-1", "\u{1B}[2Jhostile"][Int(random.next() % 3)]
            return [.fleetPage(source: source, generation: generation, Array(functions.prefix(functions.count / 2))),
                    .fleetPage(source: source, generation: generation, Array(functions.dropFirst(functions.count / 2))),
                    .fleetListed(source: source, generation: generation, region: region, outcome: outcome)]
        }
    }

    /// Values as CloudWatch might send them, extremes included: none, zeros, huge, a lone spike.
    static func series(_ count: Int, _ random: inout SeededGenerator) -> [Double?] {
        let shape = random.next() % 4
        return (0..<max(0, count)).map { index in
            switch shape {
            case 0: nil
            case 1: random.next() % 3 == 0 ? nil : Double(random.next() % 1_000)
            case 2: index == count / 2 ? 1e15 : 0
            default: Double(random.next() % 50) * 0.37
            }
        }
    }

    static func metricSummaries(_ names: [String], _ random: inout SeededGenerator) -> [String: FunctionMetricSummary] {
        var summaries: [String: FunctionMetricSummary] = [:]
        for name in names where random.next() % 5 != 0 {
            let buckets = FunctionMetricSummary.buckets
            summaries[name] = FunctionMetricSummary(fetchedAt: Date(timeIntervalSince1970: 1_764_000_000), invocations: series(buckets, &random).map { $0 ?? 0 },
                                                    errors: series(buckets, &random).map { $0 ?? 0 }, throttles: series(buckets, &random).map { $0 ?? 0 },
                                                    p99: series(buckets, &random), durationSum: Double(random.next() % 100_000))
        }
        return summaries
    }

    static func monitorAnswer(_ request: MonitorRequest, failing: Bool, _ random: inout SeededGenerator) -> MonitorAnswer {
        if failing { return MonitorAnswer(error: failure(&random)) }
        var answer = MonitorAnswer()
        for query in request.queries where random.next() % 4 != 0 {
            // Now and then a series of the wrong length, as a window changed under the read would give.
            let count = random.next() % 9 == 0 ? Int(random.next() % 40) : request.window.buckets
            answer.series[query.id] = series(count, &random)
        }
        if random.next() % 3 == 0 {
            answer.problems.append(random.next() % 2 == 0 ? "Percentiles (p50/p90/p99) could not be read: 500" : ModelEstate.hostileText(&random))
            answer.percentilesRefused = random.next() % 2 == 0
        }
        return answer
    }

    /// An answer for work nobody is waiting for now.
    static func stray(seed: UInt64, state: ConsoleState) -> [ConsoleAction] {
        var random = SeededGenerator(seed: seed)
        let names = state.functions.compactMap(\.functionName)
        let name = names.isEmpty || random.next() % 4 == 0 ? "fn-\(random.next() % 400)" : names[Int(random.next() % UInt64(names.count))]
        let generation = Int(random.next() % 6)
        switch random.next() % 9 {
        case 7:
            let window = MetricWindow(start: Date(timeIntervalSince1970: 1_764_000_000), period: 60, buckets: Int(random.next() % 200) + 1)
            let request = MonitorRequest(function: name, generation: generation, window: window,
                                         queries: MonitorCharts.queries(MonitorCharts.charts(split: .function, qualifiers: []), function: name, period: 60),
                                         percentiles: true)
            return [.monitorLoaded(function: name, generation: generation, monitorAnswer(request, failing: random.next() % 3 == 0, &random))]
        case 8:
            return [.listMetricsLoaded(names: [name], .success(metricSummaries([name], &random)), percentilesProblem: nil)]
        case 0: return answer(.loadDetail(function: name), failing: random.next() % 3 == 0, seed: seed, state: state)
        case 1: return answer(.loadLogs(function: name, logGroup: "/aws/lambda/\(name)", stream: nil), failing: false, seed: seed, state: state)
        case 2: return [.tailEvents(function: name, generation: generation, ModelEstate.logLines(seed: seed), mode: .polling(interval: 2))]
        case 3: return [.tailFailed(function: name, generation: generation, "ResourceNotFoundException: The specified log group does not exist.")]
        case 4: return [.invocationChunk(function: name, ModelEstate.hostileText(&random))]
        case 5: return answer(.loadLogStreams(function: name, logGroup: "/aws/lambda/\(name)"), failing: false, seed: seed, state: state)
        default: return answer(.loadFunctions, failing: random.next() % 4 == 0, seed: seed, state: state)
        }
    }
}
