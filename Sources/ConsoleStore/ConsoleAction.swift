import AWSCore
import FoundationEssentials
import LambdaAPI
import LogsAPI

/// Everything that can change the state: the user's intents (from the key table) and the
/// results of background work.
public enum ConsoleAction: Sendable {
    // Navigation.
    case moveCursor(Int)
    case moveToTop
    case moveToBottom
    case pageDown
    case pageUp
    case halfPageDown
    case halfPageUp
    case show(Pane)
    case nextPane
    case previousPane
    case drillDown
    case goBack
    case showRawJSON
    case sort(column: ColumnID)
    /// The digit keys: sort by the pane's column at this position (1 the first, 10 the tenth).
    case sortByPosition(Int)
    case toggleSecrets
    /// Ends the console at once (ctrl-c, SIGTERM, SIGHUP).
    case quit
    /// `q`: asks first while a rollout runs (it can be resumed later, but the user should know).
    case requestQuit
    /// ctrl-z: the loop gives the terminal back and stops; `.resumed` follows when continued.
    case suspend
    case resumed

    // Filter and overlays.
    case beginFilter
    case editFilter(String)
    case endFilter(keep: Bool)
    case showHelp
    case openCommandLine
    case editCommandLine(String)
    case runCommandLine
    case closeOverlay

    // Background work.
    case refresh
    case timerFired
    /// A key was pressed: refreshes paused for an idle console start again.
    case userActive
    /// How many reads wait for the request budget now (the loop looks while any read runs).
    case budgetHeld(Int)
    case functionsLoaded(Result<[FunctionRow], ConsoleError>)
    /// A page of the listing in flight: shown at once while the first listing arrives; a refresh
    /// keeps the list on screen until its last page (`functionsLoaded`) replaces it.
    case functionsPage([FunctionRow])
    /// Rows read again one by one (`loadRows`); those that could not be read are left as they were.
    case rowsLoaded([FunctionRow])
    /// The last run's list, drawn at start while the real one is read.
    case cachedListing([FunctionRow], savedAt: Date)
    /// The list was kept for the next start: nothing to show.
    case listingSaved
    case detailLoaded(function: String, Result<FunctionDetail, ConsoleError>)
    /// The lines of one function's group, all streams (`stream` nil) or one: a result for a
    /// stream that is no longer the chosen one is dropped, never shown under the other's name.
    case logsLoaded(function: String, stream: String?, Result<[LogLine], ConsoleError>)
    case toggleStreamList
    case logStreamsLoaded(function: String, Result<[LogStream], ConsoleError>)
    /// Tags of functions of the list, by ARN, read in the background for the `tag:` filter;
    /// `final` ends the read (every ARN asked for is then known, or said to be unknown in `problem`).
    case tagsLoaded([String: [String: String]], final: Bool, problem: String?)
    /// GetAccountSettings: the account's concurrency limit, which a reservation must leave 100 of.
    case accountLimitLoaded(Result<AccountLimit, ConsoleError>)
    /// GetAccountSettings' usage: code storage and function count, against the limits.
    case accountUsageLoaded(AccountUsage)
    case resized(rows: Int, columns: Int)

    // The action palette and its forms.
    case openPalette
    case editPalette(String)
    case choosePaletteItem
    /// A direct key (i, P, u, e, t, a, c, x, ctrl-d): its action on the current pane.
    case perform(ActionKey)
    case openAction(ActionID)
    /// The focused field's new text.
    case editField(String)
    case setField(id: FieldID, value: String)
    case moveFieldFocus(Int)
    /// Steps a choice field through its values.
    case cycleChoice(Int)
    case toggleFormSecrets
    case submitForm
    case savedEventsLoaded(function: String, SavedEvents)
    case mutationProgress(String)
    case mutationFinished(Mutation, MutationOutcome)
    /// A key in the traffic shift view.
    case editShift(ShiftEdit)
    case rolloutUpdated(Rollout)
    /// Opens the live tail of the focused function.
    case openTail
    case tailEvents(function: String, generation: Int, [LogLine], mode: LogTail.Mode)
    case tailFailed(function: String, generation: Int, String)
    /// The tail's log group does not exist (yet): said on the tail, which keeps checking.
    case tailGroupMissing(function: String, generation: Int)
    case tailCommand(TailCommand)
    /// Rollouts a previous console left unfinished, found at start.
    case rolloutsFound([Rollout])
    case rolloutCommand(key: AliasKey, RolloutCommand)
    /// A problem the UI met (the editor failed), for the status line.
    case showError(String)
    /// Something done, for the status line (a log saved).
    case showStatus(String)
    /// A tail's reads were stopped; nothing changes.
    case tailStopped(function: String)
    /// A key of the invoke screen or the history.
    case invokeCommand(InvokeCommand)
    /// A piece of a streamed response (InvokeWithResponseStream), as it arrives.
    case invocationChunk(function: String, String)
    case burstProgress(function: String, BurstProgress)

    // Metrics.
    /// `m`: the functions list's metric columns on or off (remembered in the config).
    case toggleMetricColumns
    /// The metric columns' read of `names`: their summaries, or why not; `percentilesProblem`
    /// says the endpoint refused p99 (and it was read without).
    case listMetricsLoaded(names: [String], Result<[String: FunctionMetricSummary], ConsoleError>, percentilesProblem: String?)
    /// A key of the Monitor view, or `M` to open it.
    case monitorCommand(MonitorCommand)
    case monitorLoaded(function: String, generation: Int, MonitorAnswer)
    /// Background work with nothing to show: a setting written, a query told to stop.
    case noChange

    // The clipboard.
    case copy(CopyCommand)
    /// The UI wrote `clipboard` out (OSC 52, or a file).
    case clipboardWritten(ClipboardDelivery)

    // Logs Insights.
    case insightsCommand(InsightsCommand)
    /// The user's saved query files and the account's saved queries, with what could not be read.
    case insightsQueriesLoaded(function: String, [InsightsQuery], problems: [String])
    /// GetQueryResults so far (the rows are all of them, not an increment), or why the query failed.
    case insightsProgress(function: String, generation: Int, QueryResults?, error: ConsoleError?)
    /// The lines of one invocation, found by its request id.
    case requestLinesLoaded(function: String, requestId: String, Result<[LogLine], ConsoleError>)

    // Contexts and the fleet view.
    /// `C` or `:ctx`: the contexts visited, to go back to one.
    case openContexts
    /// The context picker's choice: its number, or (nil) the one under the cursor.
    case chooseContext(Int?)
    case fleetCommand(FleetCommand)
    /// A page of one source's ListFunctions.
    case fleetPage(source: FleetSource, generation: Int, [FunctionRow])
    /// One source's listing ended, in `region`, as `outcome` says.
    case fleetListed(source: FleetSource, generation: Int, region: String?, outcome: FleetProgress)
    /// `:account`: opens the account's limits and reads them again.
    case openAccount
    /// The detail's resource sections, each read or said why not.
    case resourcesLoaded(function: String, FunctionResources)
    case signingCommand(SigningCommand)
    case signingConfigsLoaded(Result<[CodeSigningConfig], ConsoleError>)
    case signingUsersLoaded(arn: String, Result<[String], ConsoleError>)
    case auditCommand(AuditCommand)
    case journalLoaded([JournalEntry])
    /// An undo went through, was refused (what changed since), or failed.
    case undoFinished(id: String, MutationOutcome)
    case layersCommand(LayersCommand)
    case layersLoaded(Result<[LayersListItem], ConsoleError>)
    case layerVersionsLoaded(layer: String, Result<[LayerVersionsListItem], ConsoleError>)
    /// A layer version's policy (GetLayerVersionPolicy), by its ARN.
    case layerPolicyLoaded(arn: String, ResourceRead<String>)
    case diffCommand(DiffCommand)
    /// Two packages compared (or why not).
    case codeCompared(function: String, old: String, new: String, Result<PackageComparison, ConsoleError>)
    /// One file of both packages, line by line (nil lines: too different to compare here).
    case fileDiffed(function: String, path: String, Result<[LineDiff.Line]?, ConsoleError>)
    /// A function URL's answer, to read in full (the log event view).
    case showResponse(title: String, text: String)
    /// `D`: the code package of the function (or the version selected) to a file here.
    case downloadCode
    /// Where the package went, or why not.
    case codeDownloaded(Result<String, ConsoleError>)
    /// The main loop's clock reached `resourcesRecheckAt`.
    case recheckResources
    /// `P` in the detail: the resource-based policy as JSON.
    case showPolicyJSON
    /// The accounts (and a role of each) the SSO login reaches, for `:fleet sso`.
    case ssoAccountsListed(Result<[SSOAccountChoice], ConsoleError>)
    /// Opens a function's detail by name over the fleet view, once the list has it (after a
    /// switch from the fleet view to the function's own context).
    case openFunctionNamed(String)

    /// `:login`, or Enter on the login offered at the start: the SSO device login for this profile.
    case startLogin
    /// The portal's verification link and code, to show and copy.
    case loginPrompt(SSODeviceLogin.Prompt)
    /// The login ended: the token's expiry, or why not.
    case loginFinished(Result<Date, ConsoleError>)

    /// An answer that belongs to the fleet view wherever the user took it.
    public var isFleetAnswer: Bool {
        switch self {
        case .fleetPage, .fleetListed: true
        default: false
        }
    }
}

/// Keys of `:signing`.
public enum SigningCommand: Sendable, Equatable {
    case open
    /// Enter: the functions that use the configuration under the cursor, read again.
    case users
    /// ctrl-d, twice.
    case delete
    case back
}

/// Keys of `:audit`.
public enum AuditCommand: Sendable, Equatable {
    case open
    /// `u`, twice: takes the change under the cursor back.
    case undo
    case back
}

/// Keys of the layers view.
public enum LayersCommand: Sendable, Equatable {
    case open
    /// Enter: a layer's versions.
    case openLayer
    /// ctrl-d, twice: deletes the layer version under the cursor.
    case deleteVersion
    case back
}

/// Keys of the versions pane's comparison.
public enum DiffCommand: Sendable, Equatable {
    /// `space`: marks the selected version (again: unmarks it).
    case mark
    /// `d`: the selected version against the marked one, or against $LATEST.
    case open
    case moveFile(Int)
    /// Enter: the file under the cursor, line by line.
    case openFile
    /// Esc: from a file back to the comparison, then out.
    case back
}

/// Keys of the fleet view.
public enum FleetCommand: Sendable, Equatable {
    case open(FleetScope)
    /// The selected function, in its own profile and region.
    case openSelected
}

/// Keys of the invoke screen and the invocation history.
public enum InvokeCommand: Sendable, Equatable {
    /// The same request again.
    case rerun
    /// The invoke form, filled with this screen's request.
    case edit
    case toggleRaw
    /// Movement keys scroll the response or the logs.
    case switchFocus
    /// The whole response body to a file.
    case save
    case stopBurst
    case showHistory
    /// The history entry under the cursor, back on the invoke screen.
    case openHistory
}

/// A failure as one sentence for the footer.
public struct ConsoleError: Error, Sendable, Equatable {
    /// What went wrong, as far as the screen needs to tell kinds apart.
    public enum Kind: Sendable, Equatable {
        case notFound, conflict, throttled, accessDenied, credentials, invalidRequest
        /// No answer: DNS, connection, time-out, TLS.
        case network
        /// AWS answered with a 5xx.
        case server
        case other
    }

    public var message: String
    public var kind: Kind = .other
    /// The service that answered, as IAM names it (`lambda`, `logs`, `tagging`); nil when none did.
    public var service: String?
    /// The log group that does not exist, when that is what went wrong: not an error to show,
    /// but a state to say (the function has not run yet, or logs to a group that is not there).
    public var missingLogGroup: String?
    /// AWS asked to wait this long before the next call (Retry-After, retryAfterSeconds).
    public var retryAfter: TimeInterval?
    public init(_ message: String, missingLogGroup: String? = nil, retryAfter: TimeInterval? = nil, kind: Kind = .other, service: String? = nil) {
        self.message = message
        self.kind = kind
        self.service = service
        self.missingLogGroup = missingLogGroup
        self.retryAfter = retryAfter
    }

    /// What the logs pane and the tail say while a function's log group does not exist.
    public static func missingGroupSentence(_ group: String) -> String {
        "No log group \(group) yet: the function has not run since it was created, or its logging configuration names a group "
            + "that does not exist."
    }
}

/// Work the reducer asks for; the effect runner does it and answers with an action.
public enum ConsoleEffect: Sendable, Equatable {
    case loadFunctions
    case loadDetail(function: String)
    case loadLogs(function: String, logGroup: String, stream: String?)
    case loadLogStreams(function: String, logGroup: String)
    case loadSavedEvents(function: String)
    case loadAccountLimit
    /// Keeps a fresh list for the next start (ListingCache).
    case saveListing([FunctionRow])
    /// The tags of these functions (by ARN): GetResources where the endpoint offers it, else ListTags within a budget.
    case loadTags(arns: [String])
    /// GetFunctionConfiguration of rows on screen that are changing (Pending, an update in progress).
    case loadRows(names: [String])
    /// The `tag:` filter is gone: the tag read stops after its current calls.
    case stopTagReading
    case mutate(Mutation)
    /// Runs (or resumes) a rollout to its end, reporting every change as `.rolloutUpdated`.
    case runRollout(Rollout)
    case abortRollout(Rollout)
    /// The next read of a live tail: a StartLiveTail session on `liveGroupARN` when given, else
    /// (or when the endpoint does not offer it) FilterLogEvents from `start` after waiting `delay`.
    case pollTail(function: String, group: String, generation: Int, start: Int64, pattern: String?, delay: TimeInterval,
                  liveGroupARN: String?)
    case stopTail(function: String)
    case saveLines(path: String, [String])
    case stopBurst
    /// GetMetricData for the metric columns of these functions (p99 only when `percentiles`).
    case loadListMetrics(names: [String], percentiles: Bool)
    /// A Monitor view's charts.
    case loadMonitor(MonitorRequest)
    /// Writes `key = value` into the config file, keeping its other lines.
    case rememberSetting(key: String, value: String)
    case loadInsightsQueries(function: String)
    /// StartQuery, then GetQueryResults about once a second (each answer reported) until it ends.
    case runInsights(InsightsRun)
    /// StopQuery for the function's running query.
    case stopInsights(function: String)
    /// FilterLogEvents for a request id, 15 minutes either side of `around` (milliseconds).
    case loadRequestLines(function: String, group: String, requestId: String, around: Int64)
    /// ListFunctions of one fleet source, each page reported.
    case listFleet(FleetSource, generation: Int)
    /// The SSO device login of the context's profile, its prompt reported.
    case ssoLogin
    /// ListAccounts and ListAccountRoles of the context's SSO login.
    case listSSOAccounts
    /// The detail's resource sections of a function, read together.
    case loadResources(function: String)
    case loadLayers
    case loadSigningConfigs
    /// ListFunctionsByCodeSigningConfig.
    case loadSigningUsers(arn: String)
    /// This profile and region's entries of the journal, newest first.
    case loadJournal
    /// The inverse of an entry's change, guarded.
    case undo(JournalEntry)
    case loadLayerVersions(layer: String)
    case loadLayerPolicy(layer: String, version: Int64, arn: String)
    /// Both versions' packages, downloaded and compared.
    case compareCode(function: String, old: String, new: String)
    /// One file of both versions' packages, compared line by line.
    case diffFile(function: String, old: String, new: String, path: String)
    /// GetFunction's Code.Location, downloaded to `path`.
    case downloadCode(function: String, qualifier: String?, path: String)
}

extension ConsoleError {
    /// An AWS client error as the store keeps it: its sentence, its kind, the service that
    /// answered and how long it asked to wait.
    public init(_ error: AWSClientError) {
        self.init(error.description)
        switch error {
        case .service(let failure):
            service = failure.service
            if let seconds = failure.retryAfter, seconds.isFinite, seconds > 0 { retryAfter = seconds }
            kind = switch failure.code {
            case .resourceNotFoundException: .notFound
            case .preconditionFailedException, .resourceConflictException, "ConflictException": .conflict
            case .tooManyRequestsException, .throttlingException, .throttling: .throttled
            case .accessDeniedException: .accessDenied
            case .expiredTokenException, .requestExpired, .unrecognizedClientException, .invalidClientTokenId,
                 .invalidSignatureException, .signatureDoesNotMatch, .incompleteSignature: .credentials
            case .invalidParameterValueException, .invalidRequestContentException, .validationError, .requestTooLargeException: .invalidRequest
            default: failure.status >= 500 ? .server : failure.status == 429 ? .throttled : .other
            }
        case .transport:
            kind = .network
        case .credentials, .noCredentials:
            kind = .credentials
        default:
            kind = .other
        }
    }
}

extension ConsoleError {
    /// The message as the status line says it: named after the service that answered when that
    /// is not Lambda ("CloudWatch Logs: Access denied for FilterLogEvents…").
    public var sentence: String {
        guard let service, service != "lambda" else { return message }
        let name = switch service {
        case "logs": "CloudWatch Logs"
        case "cloudwatch": "CloudWatch"
        case "tagging": "Resource Groups Tagging API"
        case "sts": "STS"
        case "sso", "sso-oauth": "IAM Identity Center"
        default: service
        }
        return "\(name): \(message)"
    }
}
