import Foundation
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
    case functionsLoaded(Result<[FunctionConfiguration], ConsoleError>)
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
    case setField(id: String, value: String)
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
    case rolloutCommand(key: String, RolloutCommand)
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
    public var message: String
    /// The log group that does not exist, when that is what went wrong: not an error to show,
    /// but a state to say (the function has not run yet, or logs to a group that is not there).
    public var missingLogGroup: String?
    /// AWS asked to wait this long before the next call (Retry-After, retryAfterSeconds).
    public var retryAfter: TimeInterval?
    public init(_ message: String, missingLogGroup: String? = nil, retryAfter: TimeInterval? = nil) {
        self.message = message
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
    /// The tags of these functions (by ARN): GetResources where the endpoint offers it, else ListTags within a budget.
    case loadTags(arns: [String])
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
}
