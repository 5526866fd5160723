import AWSCore
import FoundationEssentials
import LambdaAPI
import LogsAPI
import MetricsAPI
import Synchronization
import TaggingAPI

/// Does the background work the reducer asks for and answers with an action. The only part of
/// the store that talks to AWS; the UI loop never waits on it.
public struct EffectRunner: Sendable {
    let lambda: LambdaClient
    let logs: LogsClient
    /// How far back the logs pane reads, and how many lines it keeps.
    let logWindow: TimeInterval
    let maximumLogLines: Int
    /// How long the logs pane's read may take in all: FilterLogEvents can answer page after
    /// empty page for minutes while it scans; past this, what was found is shown (the read time-out).
    let logReadLimit: TimeInterval
    /// Refuses every mutation, whatever asks for it.
    let readOnly: Bool
    let audit: AuditLog?
    let events: SavedEventStore?
    /// CloudWatch metrics for a rollout's health checks; without it, health comes from the logs.
    let metrics: MetricsClient?
    let rolloutFiles: RolloutFiles?
    /// GetResources for every function's tags; nil where the endpoint does not offer it as AWS
    /// does (moto lists no function there), and tags are read with ListTags instead.
    let tagging: TaggingClient?
    /// ListTags calls a second at most, so that reading 2,000 functions' tags does not take the
    /// account's control-plane quota from the team's deploys.
    let tagCallsPerSecond: Double
    /// Where a fresh list is kept for the next start; nil with `--no-cache`.
    let listingCache: ListingCache?
    /// The config file `m` remembers the metric columns in; nil in tests that write none.
    let preferencesPath: String?
    let rollouts = RolloutSupervisor()
    let tails = TailRegistry()
    let burstControl = BurstControl()
    let tagReads = TagReadControl()
    let insightsRuns = InsightsRuns()
    let packages = PackageCache()
    /// The folder of the user's saved Logs Insights queries (`queries/` in the config folder).
    let queryFolder: String?
    /// The Lambda clients of other profiles and regions, for the fleet view.
    let fleet: FleetClients?
    /// The device login of this context's profile; nil when it does not use IAM Identity Center.
    let ssoLogin: SSOLoginStarter?

    public init(lambda: LambdaClient, logs: LogsClient, logWindow: TimeInterval = 3600, maximumLogLines: Int = 5000,
                logReadLimit: TimeInterval = 60, readOnly: Bool = false, audit: AuditLog? = nil, events: SavedEventStore? = nil, metrics: MetricsClient? = nil,
                rolloutFiles: RolloutFiles? = nil, tagging: TaggingClient? = nil, tagCallsPerSecond: Double = 5,
                listingCache: ListingCache? = nil, preferencesPath: String? = nil, queryFolder: String? = nil, fleet: FleetClients? = nil,
                ssoLogin: SSOLoginStarter? = nil) {
        self.fleet = fleet
        self.ssoLogin = ssoLogin
        self.preferencesPath = preferencesPath
        self.queryFolder = queryFolder
        self.lambda = lambda
        self.logs = logs
        self.logWindow = logWindow
        self.maximumLogLines = maximumLogLines
        self.logReadLimit = logReadLimit
        self.readOnly = readOnly
        self.audit = audit
        self.events = events
        self.metrics = metrics
        self.rolloutFiles = rolloutFiles
        self.tagging = tagging
        self.tagCallsPerSecond = max(0.1, tagCallsPerSecond)
        self.listingCache = listingCache
    }

    /// A version's package, kept from the last comparison (a file diff reads the same two again).
    func package(_ function: String, _ version: String) async throws -> Data {
        let key = "\(function):\(version)"
        if let kept = packages.kept.withLock({ $0[key] }) { return kept }
        let code = try await lambda.getFunction(function, qualifier: version == "$LATEST" ? nil : version).code
        guard let location = code?.location else {
            throw ConsoleError(code?.imageUri != nil ? "\(function) is a container image: its files cannot be compared here"
                               : "GetFunction gave no code location for \(key).")
        }
        let data = try await lambda.client.fetch(location, limit: Self.codeDownloadLimit)
        // The two of the last comparison, no more: a package can be 300 MB.
        packages.kept.withLock { kept in
            if kept.count >= 2, kept[key] == nil { kept.removeAll() }
            kept[key] = data
        }
        return data
    }

    /// A zip deployment is at most 250 MB unzipped; a package past this is refused.
    static let codeDownloadLimit: Int64 = 300 * 1_048_576

    /// Control-plane reads waiting for the request budget now.
    public var heldByBudget: Int { lambda.client.budget?.held ?? 0 }

    /// Does `effect`; long work (an update waiting for LastUpdateStatus) reports through `progress`.
    public func run(_ effect: ConsoleEffect, progress: @escaping @Sendable (ConsoleAction) -> Void = { _ in }) async -> ConsoleAction {
        switch effect {
        case .mutate(let mutation):
            return await mutate(mutation, progress: progress)
        case .pollTail(let function, let group, let generation, let start, let pattern, let delay, let liveGroupARN):
            return await tail(function: function, group: group, generation: generation, start: start, pattern: pattern, delay: delay,
                              liveGroupARN: liveGroupARN, progress: progress)
        case .stopTagReading:
            tagReads.stop()
            return .tagsLoaded([:], final: false, problem: nil)
        case .loadListMetrics(let names, let percentiles):
            return await readListMetrics(names, percentiles: percentiles)
        case .loadMonitor(let request):
            return await readMonitor(request, progress: progress)
        case .rememberSetting(let key, let value):
            return remember(key, value)
        case .loadInsightsQueries(let function):
            return await loadInsightsQueries(function)
        case .runInsights(let run):
            return await runInsights(run, progress: progress)
        case .stopInsights(let function):
            return stopInsights(function)
        case .ssoLogin:
            guard let ssoLogin else {
                return .loginFinished(.failure(ConsoleError("this profile does not use IAM Identity Center (no sso_session or sso_start_url "
                                                            + "in the config file): there is nothing to log in to.", kind: .credentials)))
            }
            do { return .loginFinished(.success(try await ssoLogin.run { progress(.loginPrompt($0)) })) } catch {
                return .loginFinished(.failure(Self.consoleError(error)))
            }
        case .loadLayerPolicy(let layer, let version, let arn):
            do {
                return .layerPolicyLoaded(arn: arn, (try await lambda.getLayerVersionPolicy(layer, version: version).policy).map { .value($0) } ?? .none)
            } catch AWSClientError.service(let error) where error.code == .resourceNotFoundException {
                return .layerPolicyLoaded(arn: arn, .none)
            } catch {
                return .layerPolicyLoaded(arn: arn, .failed(Self.consoleError(error).sentence))
            }
        case .loadSigningConfigs:
            return .signingConfigsLoaded(await attempt { try await lambda.codeSigningConfigs().all() })
        case .loadSigningUsers(let arn):
            return .signingUsersLoaded(arn: arn, await attempt { try await lambda.functionArns(signedBy: arn).all() })
        case .loadJournal:
            return .journalLoaded(journal.map { journal in
                audit.map { journal.load(profile: $0.profile, region: $0.region) } ?? []
            } ?? [])
        case .undo(let entry):
            return await undo(entry, progress: progress)
        case .loadLayers:
            return .layersLoaded(await attempt { try await lambda.layers().all() })
        case .loadLayerVersions(let layer):
            return .layerVersionsLoaded(layer: layer, await attempt { try await lambda.layerVersions(of: layer).all() })
        case .compareCode(let function, let old, let new):
            return .codeCompared(function: function, old: old, new: new, await attempt {
                let before = try await package(function, old), after = try await package(function, new)
                do { return try PackageComparison.compare(old: before, new: after) } catch {
                    throw ConsoleError("the packages cannot be read as zip archives (\(error))")
                }
            })
        case .diffFile(let function, let old, let new, let path):
            return .fileDiffed(function: function, path: path, await attempt {
                let before = try await package(function, old), after = try await package(function, new)
                do {
                    return LineDiff.lines(old: try PackageComparison.text(of: path, in: before) ?? "",
                                          new: try PackageComparison.text(of: path, in: after) ?? "")
                } catch let error as PackageError {
                    throw ConsoleError(error.description)
                }
            })
        case .downloadCode(let function, let qualifier, let path):
            return .codeDownloaded(await attempt {
                let code = try await lambda.getFunction(function, qualifier: qualifier).code
                if let image = code?.imageUri ?? code?.resolvedImageUri, code?.location == nil {
                    throw ConsoleError("\(function) is a container image: docker pull \(image)")
                }
                guard let location = code?.location else { throw ConsoleError("GetFunction gave no code location for \(function).") }
                let bytes = try await lambda.client.download(location, to: path, limit: Self.codeDownloadLimit)
                return "Saved \(Formatting.bytes(bytes)) of code to \(path) (mode 600)."
            })
        case .loadResources(let function):
            return .resourcesLoaded(function: function, await lambda.functionResources(function))
        case .listSSOAccounts:
            guard let ssoLogin else {
                return .ssoAccountsListed(.failure(ConsoleError("this profile does not use IAM Identity Center: :fleet sso lists the accounts "
                                                                + "of an SSO login.", kind: .credentials)))
            }
            return .ssoAccountsListed(await attempt { try await ssoLogin.accounts() })
        case .listFleet(let source, let generation):
            return await listFleet(source, generation: generation, progress: progress)
        case .loadRequestLines(let function, let group, let requestId, let around):
            return await requestLines(function: function, group: group, requestId: requestId, around: around)
        case .stopBurst:
            burstControl.requestStop()
            return .showStatus("Stopping the burst: no more invocations are sent.")
        case .stopTail(let function):
            tails.stop(function)
            return .tailStopped(function: function)
        case .saveListing(let functions):
            // A cache that cannot be written costs the next start its head start, nothing more.
            do { try listingCache?.save(functions, at: Date()) } catch {
                return .showError("Could not keep the function list for the next start: \(error.sentence)")
            }
            return .listingSaved
        case .saveLines(let path, let lines):
            do {
                try PrivateFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: path)
                return .showStatus("Saved \(lines.count == 1 ? "1 line" : "\(lines.count) lines") to \(path).")
            } catch {
                return .showError("Could not save the log to \(path): \(error.sentence)")
            }
        case .runRollout(let rollout):
            return await runRollout(rollout, progress: progress)
        case .abortRollout(let rollout):
            return await abortRollout(rollout, progress: progress)
        case .loadSavedEvents(let function):
            return .savedEventsLoaded(function: function, events?.load(function: function) ?? SavedEvents())
        case .loadFunctions:
            // Each page shows as it comes; the whole list then replaces it (and a refresh's).
            return .functionsLoaded(await attempt {
                var functions: [FunctionRow] = []
                for try await page in lambda.functions() {
                    // Rows only, from the first page on: the whole configurations are let go
                    // page by page rather than held until the list ends.
                    let rows = page.map(FunctionRow.init)
                    functions += rows
                    progress(.functionsPage(rows))
                }
                return functions
            })
        case .loadTags(let arns):
            return await readTags(arns, progress: progress)
        case .loadRows(let names):
            var rows: [FunctionRow] = []
            for name in names {
                if let configuration = try? await lambda.getFunctionConfiguration(name) { rows.append(FunctionRow(configuration)) }
            }
            return .rowsLoaded(rows)
        case .loadAccountLimit:
            return .accountLimitLoaded(await attempt {
                let settings = try await lambda.getAccountSettings()
                // What the account uses (code storage, functions) goes ahead for the Monitor view.
                if let usage = settings.accountUsage { progress(.accountUsageLoaded(usage)) }
                guard let limit = settings.accountLimit else {
                    throw ConsoleError("GetAccountSettings answered without the account's limits.")
                }
                return limit
            })
        case .loadDetail(let function):
            return .detailLoaded(function: function, await attempt { try await lambda.functionDetail(function) })
        case .loadLogs(let function, let group, let stream):
            return .logsLoaded(function: function, stream: stream, await attempt { try await recentLogLines(group: group, stream: stream) })
        case .loadLogStreams(let function, let group):
            return .logStreamsLoaded(function: function, await attempt {
                do {
                    return try await logs.describeLogStreams(logGroupName: group, newestFirst: true, limit: 50).logStreams ?? []
                } catch AWSClientError.service(let error) where error.code == .resourceNotFoundException {
                    return []
                }
            })
        }
    }

    /// The last `logWindow` of the group, every stream interleaved by time; or, for one stream,
    /// its latest events whatever their age.
    func recentLogLines(group: String, stream: String?) async throws -> [LogLine] {
        let start = stream == nil ? Int64((Date().timeIntervalSince1970 - logWindow) * 1000) : nil
        var lines: [LogLine] = []
        let began = Date()
        do {
            let request = FilterLogEventsRequest(logGroupName: group, startTime: start, logStreamNames: stream.map { [$0] })
            for try await page in logs.filteredEvents(request) {
                lines += page.map { event in
                    LogLine(timestamp: event.timestamp ?? 0, stream: event.logStreamName ?? "", message: event.message ?? "",
                            id: event.eventId ?? "\(event.logStreamName ?? "")/\(event.timestamp ?? 0)/\(lines.count)")
                }
                if lines.count >= maximumLogLines { break }
                if Date().timeIntervalSince(began) > logReadLimit {
                    guard lines.isEmpty else { break }
                    throw ConsoleError("CloudWatch Logs was still searching \(group) after \(Int(logReadLimit.rounded())) s (the read time-out) "
                                       + "and had found no event; r tries again.")
                }
            }
        } catch AWSClientError.service(let error) where error.code == .resourceNotFoundException {
            // A function that never ran has no log group yet; one may log to a group that is gone.
            throw ConsoleError(ConsoleError.missingGroupSentence(group), missingLogGroup: group)
        }
        return Array(lines.sorted { $0.timestamp < $1.timestamp }.suffix(maximumLogLines))
    }

    func attempt<T: Sendable>(_ work: () async throws -> T) async -> Result<T, ConsoleError> {
        do {
            return .success(try await work())
        } catch {
            return .failure(Self.consoleError(error))
        }
    }

    /// Any failure as the store keeps it: its sentence, kind and the service that answered.
    static func consoleError(_ error: any Error) -> ConsoleError {
        switch error {
        case let error as ConsoleError: error
        case let error as AWSClientError: ConsoleError(error)
        case let error as WaiterError: ConsoleError(error.description)
        default: ConsoleError("Unexpected error: \(error.sentence)")
        }
    }
}

/// The two packages of the last version comparison, for its file diffs.
final class PackageCache: Sendable {
    let kept = Mutex<[String: Data]>([:])
}
