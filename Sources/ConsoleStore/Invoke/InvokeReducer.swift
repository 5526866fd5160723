import FoundationEssentials

/// The reducer's part for the invoke screen: sending (once, streamed, or as a burst), answers and
/// their logs, the screen's keys, and the history.
enum InvokeReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date) -> [ConsoleEffect] {
        switch action {
        case .invokeCommand(let command):
            return perform(command, &state, now: now)
        case .invocationChunk(let function, let text):
            state.invokeSessions[function]?.received(text)
        case .burstProgress(let function, let progress):
            state.invokeSessions[function]?.burst = progress
        default:
            break
        }
        return []
    }

    /// A submitted invoke form: the invoke screen opens at once, running, with the logs read
    /// from now on, so that a slow function's lines show while it runs.
    static func begin(_ request: InvocationRequest, _ state: inout ConsoleState, now: Date) -> [ConsoleEffect] {
        let function = request.function
        var session = state.invokeSessions[function] ?? InvokeSession(request: request)
        session.request = request
        session.running = true
        session.streamedText = ""
        session.burst = request.burst.map(BurstProgress.init)
        state.invokeSessions[function] = session
        state.lastInvoked[function] = now
        if state.route != .invoke(function: function) { state.routes.append(.invoke(function: function)) }
        guard let configuration = state.function(named: function) else { return [] }
        // A little before now: the function's clock and ours may differ by a second or two.
        return [TailReducer.start(&state, function: function, group: configuration.logGroupName, groupARN: configuration.logGroupArn,
                                  since: Int64((now.timeIntervalSince1970 - 2) * 1000))]
    }

    /// An answer: shown, kept in the history, and its LogResult put into the logs at once.
    static func answered(_ result: InvocationResult, _ request: InvocationRequest, _ state: inout ConsoleState, now: Date) {
        var session = state.invokeSessions[result.function] ?? InvokeSession(request: request)
        session.request = request
        session.answered(result)
        state.invokeSessions[result.function] = session
        state.invocationHistory.append(InvocationRecord(at: now, request: request, result: result))
        if state.invocationHistory.count > InvocationRecord.kept { state.invocationHistory.removeFirst() }
        if let log = result.logTail, !log.isEmpty {
            state.tails[result.function]?.seed(logResult: log, at: Int64(now.timeIntervalSince1970 * 1000), version: result.executedVersion)
        }
    }

    static func burstEnded(_ progress: BurstProgress, request: InvocationRequest, _ state: inout ConsoleState, now: Date) {
        let function = request.function
        state.invokeSessions[function]?.burst = progress
        state.invokeSessions[function]?.running = false
        for (version, count) in progress.byVersion { state.executedVersions[function, default: [:]][version, default: 0] += count }
        // The history keeps bursts too, as one entry for all their invocations.
        let summary = InvocationResult(function: function, qualifier: request.qualifier, statusCode: 200,
                                       functionError: progress.functionErrors + progress.failed > 0 ? "\(progress.functionErrors + progress.failed) failed" : nil,
                                       executedVersion: progress.split.first?.version, payload: "", logTail: nil,
                                       milliseconds: progress.percentile(0.5) ?? 0)
        state.invocationHistory.append(InvocationRecord(at: now, request: request, result: summary, burst: progress))
        if state.invocationHistory.count > InvocationRecord.kept { state.invocationHistory.removeFirst() }
    }

    private static func perform(_ command: InvokeCommand, _ state: inout ConsoleState, now: Date) -> [ConsoleEffect] {
        if case .history(let cursor) = state.overlay {
            guard command == .openHistory, state.invocationHistory.indices.contains(cursor) else { return [] }
            let record = state.invocationHistory[cursor]
            let function = record.request.function
            var session = state.invokeSessions[function] ?? InvokeSession(request: record.request)
            session.request = record.request
            session.answered(record.result)
            session.burst = record.burst
            state.invokeSessions[function] = session
            state.overlay = nil
            if state.route != .invoke(function: function) { state.routes.append(.invoke(function: function)) }
            return []
        }
        if command == .showHistory {
            guard !state.invocationHistory.isEmpty else {
                state.status = "No invocations yet in this session: i invokes the selected function."
                return []
            }
            state.overlay = .history(cursor: state.invocationHistory.count - 1)
            return []
        }
        guard case .invoke(let function) = state.route, var session = state.invokeSessions[function] else { return [] }
        if command == .rerun { return rerun(session.request, &state, now: now) }
        defer { state.invokeSessions[function] = session }
        switch command {
        case .edit:
            if state.connection.readOnly { return ActionReducer.refuse(&state, "invoking") }
            guard var form = ActionForms.form(for: .invoke, in: state, function: function) else { return [] }
            form.fill(from: session.request)
            state.overlay = .form(form)
        case .toggleRaw:
            session.toggleRaw()
        case .switchFocus:
            session.focus = session.focus == .response ? .logs : .response
        case .save:
            guard let result = session.result else {
                state.lastError = "Nothing to save yet: no answer on this screen."
                return []
            }
            let stamp = Int(now.timeIntervalSince1970)
            let suffix = session.response.isJSON ? "json" : "txt"
            let path = FileManager.default.currentDirectoryPath + "/\(SavedEventStore.fileName(function))-response-\(stamp).\(suffix)"
            return [.saveLines(path: path, [result.payload])]
        case .stopBurst:
            guard session.burst?.finished == false else { return [] }
            state.activity = "stopping the burst…"
            return [.stopBurst]
        case .rerun, .showHistory, .openHistory:
            break
        }
        return []
    }

    private static func rerun(_ previous: InvocationRequest, _ state: inout ConsoleState, now: Date) -> [ConsoleEffect] {
        if state.connection.readOnly { return ActionReducer.refuse(&state, "invoking") }
        // A stray letter never runs code: anything but a DryRun needs `r` twice.
        if previous.invocationType != "DryRun", !state.confirms("rerun", now: now) {
            let times = previous.burst.map { " \($0.count) times" } ?? ""
            state.status = "r again invokes \(previous.function)\(previous.qualifier.map { ":\($0)" } ?? "")\(times) with the same request (\(previous.invocationType))."
            return []
        }
        guard !state.inFlight.contains(.mutation) else {
            state.lastError = "The last invocation or change is still running; x stops a burst."
            return []
        }
        var request = previous
        request.saveAs = nil  // saved once is enough
        let effects = begin(request, &state, now: now)
        // Nothing to reopen if it fails: the screen itself says what happened.
        return effects + ActionReducer.start(.invoke(request), reopening: nil, &state)
    }

    /// Movement keys on the invoke screen scroll the part in focus.
    static func scroll(_ state: inout ConsoleState, function: String, by delta: Int) {
        guard var session = state.invokeSessions[function] else { return }
        if session.focus == .logs {
            TailReducer.scroll(&state, function: function, by: delta)
            return
        }
        session.responseScroll = max(0, min(max(0, session.response.lines.count - 1), session.responseScroll + delta))
        state.invokeSessions[function] = session
    }
}
