import FoundationEssentials
import LambdaAPI

/// The only place state changes: a pure function of the state and an action, returning the
/// background work to start. Views and effects never write to the state themselves.
public enum Reducer {
    public static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date = Date()) -> [ConsoleEffect] {
        let routes = state.routes
        let focus = (state.focusedFunction, state.functionsGeneration)
        let statusBefore = state.status
        let errorBefore = state.lastError
        var effects = apply(&state, action, now: now)
        if case .detailLoaded(let function, .success) = action, state.route == .monitor(function: function) {
            effects += MonitorReducer.detailArrived(&state, function: function, now: now)
        }
        // The detail's resource sections are read with it, while the detail is the screen.
        if case .detailLoaded(let function, .success) = action, state.route == .detail(function: function),
           !state.inFlight.contains(.resources(function: function)) {
            state.inFlight.insert(.resources(function: function))
            effects.append(.loadResources(function: function))
        }
        // An error a failed read left goes when a read succeeds (the detail's "Cannot connect"
        // stayed after the connection came back); any other error stays until Esc.
        // AWS asked for quiet (a long Retry-After): background refreshes wait until then too.
        if let wait = Self.requestedWait(action) {
            state.refreshesHeldUntil = max(state.refreshesHeldUntil ?? now, now.addingTimeInterval(min(wait, Self.longestHold)))
        }
        switch Self.loadOutcome(action) {
        case .failed? where state.lastError != errorBefore: state.lastErrorIsFromLoad = true
        case .succeeded? where state.lastErrorIsFromLoad:
            state.lastError = nil
            state.lastErrorIsFromLoad = false
        default:
            if state.lastError != errorBefore { state.lastErrorIsFromLoad = false }
        }
        // A success message belongs to the screen it was said on, and to the last seconds.
        if state.routes != routes, state.status == statusBefore { state.status = nil }
        if state.status != statusBefore { state.statusAt = state.status == nil ? nil : now }
        // A function chosen in the fleet view opens when the list that has it arrives (before
        // the focus is compared below: opening it moves the focus).
        if state.pendingOpen != nil, focus.1 != state.functionsGeneration { effects += FleetReducer.openPending(&state) }
        // Finding the focused function's name scans the list, so only when it may have changed.
        if focus != (state.focusedFunction, state.functionsGeneration), state.focusedName != state.functionTablesOwner {
            state.focusChanged()
        }
        // Revealed values belong to the screen `s` was pressed on: any other screen, or the same
        // one opened again, starts masked.
        if state.routes != routes { state.revealsSecrets = false }
        // The palette's items follow the state (a refresh can take them away): its cursor stays on one.
        if case .palette(var palette) = state.overlay {
            let count = ActionReducer.paletteItems(state, filter: palette.filter).count
            if palette.cursor >= count { palette.cursor = max(0, count - 1); state.overlay = .palette(palette) }
        }
        // The copy menu's choices follow the state too (a refresh can take a row away).
        if case .copyMenu(let cursor) = state.overlay {
            let count = state.copyChoices.count
            if count == 0 { state.overlay = nil } else if cursor >= count { state.overlay = .copyMenu(cursor: count - 1) }
        }
        // The metric columns read what came on screen (a scroll, a filter, a new list).
        return effects + ListMetricsReducer.readIfNeeded(&state, now: now)
    }

    private static func apply(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date) -> [ConsoleEffect] {
        if let effects = FleetReducer.intercept(&state, action, now: now) { return effects }
        if let effects = LayersReducer.intercept(&state, action) { return effects }
        if let effects = SigningReducer.intercept(&state, action) { return effects }
        if state.route == .audit, state.overlay == nil, let delta = scrollDelta(action, page: state.pageHeight) {
            state.journalTable.moveCursor(by: delta)
            state.journalTable.scrollToCursor(height: state.pageHeight)
            return []
        }
        if state.overlay == .help, let delta = scrollDelta(action, page: state.pageHeight) {
            state.helpScroll = max(0, min(1_000, state.helpScroll + delta))  // the view stops at the last line
            return []
        }
        if case .logEvent(var view) = state.overlay, let delta = scrollDelta(action, page: state.pageHeight) {
            view.scroll = max(0, min(TextLimits.logEventLines, view.scroll + delta))  // the view stops at the last line
            state.overlay = .logEvent(view)
            return []
        }
        if case .palette(var palette) = state.overlay, let delta = scrollDelta(action, page: state.pageHeight) {
            let count = ActionReducer.paletteItems(state, filter: palette.filter).count
            palette.cursor = max(0, min(count - 1, palette.cursor + delta))
            state.overlay = .palette(palette)
            return []
        }
        if case .copyMenu(let cursor) = state.overlay, let delta = scrollDelta(action, page: state.pageHeight) {
            state.overlay = .copyMenu(cursor: max(0, min(state.copyChoices.count - 1, cursor + delta)))
            return []
        }
        if case .contexts(let cursor) = state.overlay, let delta = scrollDelta(action, page: state.pageHeight) {
            state.overlay = .contexts(cursor: max(0, min(state.contextChoices.recent.count - 1, cursor + delta)))
            return []
        }
        if case .history(let cursor) = state.overlay, let delta = scrollDelta(action, page: state.pageHeight) {
            state.overlay = .history(cursor: max(0, min(state.invocationHistory.count - 1, cursor + delta)))
            return []
        }
        if case .tail(let function) = state.route, state.overlay == nil, let delta = scrollDelta(action, page: state.pageHeight) {
            TailReducer.scroll(&state, function: function, by: delta)
            return []
        }
        if case .invoke(let function) = state.route, state.overlay == nil, let delta = scrollDelta(action, page: state.pageHeight) {
            InvokeReducer.scroll(&state, function: function, by: delta)
            return []
        }
        if case .insights(let function) = state.route, state.overlay == nil, let delta = scrollDelta(action, page: state.pageHeight) {
            InsightsReducer.scroll(&state, function: function, by: delta)
            return []
        }
        if case .monitor(let function) = state.route, state.overlay == nil, let delta = scrollDelta(action, page: state.pageHeight),
           var monitor = state.monitors[function] {
            // Up and down go from chart to chart; the view stops at the last.
            monitor.scroll = max(0, min(monitor.shownCharts.count - 1, monitor.scroll + (abs(delta) >= state.pageHeight ? delta.signum() * 3 : delta)))
            state.monitors[function] = monitor
            return []
        }
        if case .pane = state.route {} else if let delta = scrollDelta(action, page: state.pageHeight) {
            // Detail and JSON views scroll with the keys that move a table's cursor; the view
            // stops the scroll at the last line.
            state.detailScroll = max(0, min(1_000_000, state.detailScroll + delta))
            return []
        }
        switch action {
        case .moveCursor(let delta): move(&state) { $0.moveCursor(by: delta) }
        case .moveToTop: move(&state) { $0.moveCursor(to: 0) }
        case .moveToBottom: move(&state) { $0.moveCursor(to: Int.max) }
        case .pageDown: move(&state) { [height = state.pageHeight] in $0.moveCursor(by: height) }
        case .pageUp: move(&state) { [height = state.pageHeight] in $0.moveCursor(by: -height) }
        case .halfPageDown: move(&state) { [height = state.pageHeight] in $0.moveCursor(by: max(1, height / 2)) }
        case .halfPageUp: move(&state) { [height = state.pageHeight] in $0.moveCursor(by: -max(1, height / 2)) }

        case .show(let pane):
            return show(pane, in: &state)
        case .nextPane, .previousPane:
            let panes = Pane.allCases
            let index = panes.firstIndex(of: state.pane) ?? 0
            let step = if case .nextPane = action { 1 } else { panes.count - 1 }
            return show(panes[(index + step) % panes.count], in: &state)
        case .drillDown:
            return drillDown(&state)
        case .goBack:
            // Esc also dismisses the message on the status line.
            state.lastError = nil
            state.status = nil
            if state.overlay != nil { state.overlay = nil } else if state.editingFilter { state.editingFilter = false }
            else if state.choosingStream { state.choosingStream = false }
            else if case .pane(let pane) = state.route, state.tables[pane]?.filter.isEmpty == false {
                // Esc on a filtered list clears the filter before anything else.
                state.tables[pane]?.filter = ""
                state.rebuild(pane)
                state.followSelection()
            }
            else if state.routes.count > 1 {
                let left = state.routes.removeLast()
                var effects: [ConsoleEffect] = []
                if let function = left.tailFunction { effects = TailReducer.leave(&state, function: function) }
                // Back on a screen with a tail (the tail under an invoke screen): it reads again. For
                // the same function the new generation alone retires the old reads; a stop sent
                // with it could arrive after the new read began and silence it.
                if let function = state.route.tailFunction, let tail = state.tails[function] {
                    if left.tailFunction == function { effects = [] }
                    effects.append(TailReducer.start(&state, function: function, group: tail.group, groupARN: tail.groupARN, since: nil))
                }
                return effects
            }
        case .showRawJSON:
            if case .detail(let function) = state.route {
                state.detailScroll = 0
                state.routes.append(.rawJSON(function: function))
            }
        case .sortByPosition(let position):
            let columns = state.columnIDs(state.pane)
            guard columns.indices.contains(position - 1) else {
                state.status = "The \(state.pane.rawValue) pane has \(columns.count) columns: \(position % 10) sorts none of them."
                return []
            }
            let effects = reduce(&state, .sort(column: columns[position - 1]), now: now)
            // Said as well as marked: on a narrow screen the column may be one of those left out.
            let ascending = state.tables[state.pane]?.ascending ?? true
            state.status = "Sorted by \(columns[position - 1].rawValue), \(ascending ? "ascending" : "descending")."
            return effects
        case .sort(let column):
            let pane = state.pane
            if state.tables[pane]?.sortColumn == column {
                state.tables[pane]?.ascending.toggle()
            } else {
                state.tables[pane]?.sortColumn = column
                state.tables[pane]?.ascending = true
            }
            state.rebuild(pane)
            state.followSelection()
        case .toggleSecrets:
            state.revealsSecrets.toggle()
        case .quit:
            state.quitRequested = true
        case .requestQuit:
            let running = state.rollouts.values.filter { $0.status == .running }.map(\.key.description).sorted()
            guard running.isEmpty || state.confirms("quit", now: now) else {
                state.status = "A rollout of \(running.joined(separator: ", ")) is running: q again quits; the next start offers to resume it."
                return []
            }
            state.quitRequested = true
        case .suspend:
            state.suspendRequested = true
        case .resumed:
            state.suspendRequested = false

        case .beginFilter:
            state.editingFilter = true
            state.filterTextSelected = !(state.tables[state.pane]?.filter.isEmpty ?? true)
        case .editFilter(let text):
            state.filterTextSelected = false
            let filter = TextLimits.cut(text, TextLimits.search, &state)
            state.tables[state.pane]?.filter = filter
            state.rebuild(state.pane)
            state.followSelection()
            if state.pane == .functions { return TagReading.start(&state) }
        case .endFilter(let keep):
            state.editingFilter = false
            state.filterTextSelected = false
            if !keep {
                state.tables[state.pane]?.filter = ""
                state.rebuild(state.pane)
                state.followSelection()
                if state.pane == .functions { return TagReading.start(&state) }
            }
        case .showHelp:
            state.overlay = state.overlay == .help ? nil : .help
            state.helpScroll = 0
        case .openCommandLine:
            state.overlay = .commandLine("")
        case .editCommandLine(let text):
            let command = TextLimits.cut(text, TextLimits.search, &state)
            state.overlay = .commandLine(command)
        case .runCommandLine:
            guard case .commandLine(let text) = state.overlay else { return [] }
            state.overlay = nil
            return runCommand(text, &state)
        case .closeOverlay:
            state.overlay = nil
        case .showError(let message):
            state.lastError = message
        case .showStatus(let message):
            state.status = message
            state.lastError = nil
        case .accountUsageLoaded(let usage):
            state.accountUsage = usage
        case .tailStopped, .listingSaved, .noChange:
            break

        case .refresh:
            state.refreshesHeldUntil = nil  // the user asks now: the hold is theirs to lift
            state.listMetricsRetryAt = nil
            return refresh(&state, now: now, asked: true)
        case .timerFired:
            if let until = state.refreshesHeldUntil {
                guard now >= until else { return [] }
                state.refreshesHeldUntil = nil
            }
            if state.lastInputAt == nil { state.lastInputAt = now }  // the start counts as the first key
            if state.idlePause > 0, now.timeIntervalSince(state.lastInputAt ?? now) >= state.idlePause {
                state.refreshPausedForIdle = true
                return []
            }
            // The whole list is read again no more often than its size allows (see listInterval).
            let interval = Self.listInterval(functions: state.functions.count, base: state.refreshInterval)
            if case .pane(.functions) = state.route, case .loaded(let at) = state.functionsStatus, interval > state.refreshInterval,
               now.timeIntervalSince(at) + Self.listSlack(interval) < interval {
                // A list small enough is read on every tick; a bigger one waits its interval,
                // counted from when its last read ended (less a little: the read took time too).
                // Meanwhile the rows on screen that are changing are read again, so that an
                // update shows its end without waiting ten minutes for the whole list.
                return Self.refreshChangingRows(&state)
            }
            return refresh(&state, now: now)
        case .budgetHeld(let count):
            state.budgetHeld = max(0, count)
        case .userActive:
            state.lastInputAt = now
            guard state.refreshPausedForIdle else { return [] }
            state.refreshPausedForIdle = false
            return refresh(&state, now: now)
        case .resized(let rows, let columns):
            state.layout = ScreenLayout(rows: rows, columns: columns)
            let height = state.pageHeight
            for pane in Pane.allCases { state.tables[pane]?.scrollToCursor(height: height) }

        case .openPalette, .editPalette, .choosePaletteItem, .perform, .openAction, .editField, .setField, .moveFieldFocus, .cycleChoice,
             .toggleFormSecrets, .submitForm, .savedEventsLoaded, .accountLimitLoaded, .mutationProgress, .mutationFinished:
            return ActionReducer.reduce(&state, action, now: now)
        case .editShift(let edit):
            return ShiftReducer.reduce(&state, edit)
        case .rolloutUpdated, .rolloutsFound, .rolloutCommand:
            return RolloutReducer.reduce(&state, action)
        case .openTail, .tailEvents, .tailFailed, .tailGroupMissing, .tailCommand:
            return TailReducer.reduce(&state, action, now: now)
        case .invokeCommand, .invocationChunk, .burstProgress:
            return InvokeReducer.reduce(&state, action, now: now)
        case .toggleMetricColumns, .listMetricsLoaded:
            return ListMetricsReducer.reduce(&state, action, now: now)
        case .monitorCommand, .monitorLoaded:
            return MonitorReducer.reduce(&state, action, now: now)
        case .copy, .clipboardWritten:
            return ClipboardReducer.reduce(&state, action)
        case .insightsCommand, .insightsQueriesLoaded, .insightsProgress, .requestLinesLoaded:
            return InsightsReducer.reduce(&state, action, now: now)
        case .openAccount:
            state.overlay = .account
            guard !state.inFlight.contains(.accountLimit) else { return [] }
            state.inFlight.insert(.accountLimit)
            return [.loadAccountLimit]
        case .resourcesLoaded(let function, let resources):
            state.inFlight.remove(.resources(function: function))
            state.resources[function] = resources
            // Provisioned concurrency being allocated is read again every few seconds while shown.
            state.resourcesRecheckAt = resources.isSettling && state.route == .detail(function: function) ? now.addingTimeInterval(ConsoleState.settlingRecheck) : nil
        case .showResponse(let title, let text):
            state.overlay = .logEvent(LogEventView(LogLine(timestamp: 0, stream: title, message: text, id: "response")))
        case .downloadCode:
            guard let name = state.functionMeant() else {
                state.status = "Choose a function first: D downloads its code package."
                return []
            }
            let version = state.pane == .versions && state.route == .pane(.versions) ? state.selectedVersion?.version : nil
            let qualifier = version == "$LATEST" ? nil : version
            // A name of AWS's, kept to what a file name may hold.
            let safe = (name + (qualifier.map { "-" + $0 } ?? "")).filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
            state.status = "Downloading the code of \(name)\(qualifier.map { ":" + $0 } ?? "")…"
            return [.downloadCode(function: name, qualifier: qualifier, path: "./\(safe.prefix(120)).zip")]
        case .codeDownloaded(let result):
            switch result {
            case .success(let sentence): state.status = sentence
            case .failure(let error): state.lastError = "The code was not downloaded: " + error.sentence
            }
        case .recheckResources:
            guard let at = state.resourcesRecheckAt, now >= at else { return [] }
            state.resourcesRecheckAt = nil
            guard case .detail(let function) = state.route, state.resources[function]?.isSettling == true,
                  !state.inFlight.contains(.resources(function: function)) else { return [] }
            state.inFlight.insert(.resources(function: function))
            return [.loadResources(function: function)]
        case .showPolicyJSON:
            guard case .detail(let name) = state.route else { return [] }
            switch state.resources[name]?.policy {
            case .value(let policy)?:
                var view = LogEventView(LogLine(timestamp: 0, stream: "resource-based policy of \(name)", message: policy, id: "policy"))
                view.scroll = 0
                state.overlay = .logEvent(view)
            case .failed(let sentence)?: state.status = "The policy could not be read: \(sentence)"
            default: state.status = "\(name) has no resource-based policy."
            }
        case .signingCommand, .signingConfigsLoaded, .signingUsersLoaded:
            return SigningReducer.reduce(&state, action, now: now)
        case .auditCommand, .journalLoaded, .undoFinished:
            return AuditReducer.reduce(&state, action, now: now)
        case .layersCommand, .layersLoaded, .layerVersionsLoaded, .layerPolicyLoaded:
            return LayersReducer.reduce(&state, action, now: now)
        case .diffCommand, .codeCompared, .fileDiffed:
            return VersionDiffReducer.reduce(&state, action)
        case .startLogin, .loginPrompt, .loginFinished:
            return SSOLoginReducer.reduce(&state, action, now: now)
        case .fleetCommand, .fleetPage, .fleetListed, .openContexts, .chooseContext, .openFunctionNamed, .ssoAccountsListed:
            return FleetReducer.reduce(&state, action, now: now)

        case .functionsPage(let page):
            // Only the load in flight's pages, and only while nothing complete is on screen.
            guard state.inFlight.contains(.functions), state.functions.isEmpty || state.functionsPartial else { return [] }
            let keep = state.selectedKey(.functions)
            state.appendFunctions(page)
            state.functionsPartial = true
            if state.functions.count <= Self.partialRebuildAlways || now.timeIntervalSince(state.partialRebuiltAt ?? .distantPast) >= 0.25 {
                state.partialRebuiltAt = now
                state.rebuild(.functions, keepKey: keep)
                if state.focusedFunction == nil { state.focusedFunction = keep ?? state.selectedFunctionARN }
                state.followSelection()
            }
        case .cachedListing(let functions, let savedAt):
            guard state.functions.isEmpty else { return [] }
            state.functions = functions
            state.functionsCachedAt = savedAt
            state.rebuild(.functions)
            state.followSelection()
        case .rowsLoaded(let rows):
            state.inFlight.remove(.changingRows)
            guard !rows.isEmpty, !state.functionsPartial else { return [] }
            state.replaceRows(rows)
            state.rebuild(.functions)
        case .functionsLoaded(let result):
            state.inFlight.remove(.functions)
            let wasPartial = state.functionsPartial
            state.functionsPartial = false
            state.partialRebuiltAt = nil
            switch result {
            case .success(let functions):
                let keep = state.selectedKey(.functions)
                // The cache is written again only when the list changed (not on every refresh).
                let changed = wasPartial || state.functionsCachedAt != nil || state.functions != functions
                state.functionsCachedAt = nil
                state.functions = functions
                state.functionsStatus = .loaded(now)
                state.lastError = nil
                state.rebuild(.functions, keepKey: keep)
                if state.focusedFunction == nil { state.focusedFunction = keep ?? state.selectedFunctionARN }
                state.followSelection()
                return TagReading.start(&state) + (state.cachesListing && changed ? [.saveListing(functions)] : [])
            case .failure(let error):
                state.functionsStatus = .failed(error)
                state.lastError = error.sentence
            }
        case .detailLoaded(let function, let result):
            state.inFlight.remove(.detail(function: function))
            switch result {
            case .success(let detail):
                state.details[function] = detail
                if let arn = detail.configuration?.functionArn { state.listTags[arn] = detail.tags }
                state.detailStatus[function] = .loaded(now)
                for pane in [Pane.versions, .aliases, .mappings] { state.rebuild(pane) }
                ActionReducer.detailRefreshed(function, &state)
            case .failure(let error):
                state.detailStatus[function] = .failed(error)
                state.lastError = error.sentence
                if case .form(var form) = state.overlay, let waiting = form.waitingFor, form.target.function == function {
                    form.banner = "Could not load \(waiting): \(error.message) Esc closes; nothing was sent."
                    state.overlay = .form(form)
                }
            }
        case .tagsLoaded(let tags, let final, let problem):
            TagReading.loaded(tags, final: final, problem: problem, &state)
        case .toggleStreamList:
            guard state.pane == .logs, let configuration = state.focusedConfiguration, let name = configuration.functionName else { return [] }
            state.choosingStream.toggle()
            guard state.choosingStream, !state.inFlight.contains(.streams(function: name)) else { return [] }
            state.inFlight.insert(.streams(function: name))
            return [.loadLogStreams(function: name, logGroup: configuration.logGroupName)]
        case .logStreamsLoaded(let function, let result):
            state.inFlight.remove(.streams(function: function))
            switch result {
            case .success(let streams):
                state.logStreams[function] = streams
                state.rebuildStreams()
            case .failure(let error):
                state.lastError = error.sentence
            }
        case .logsLoaded(let function, let stream, let result):
            state.inFlight.remove(.logs(function: function, stream: stream))
            guard stream == state.chosenStream[function] else { return [] }  // an earlier choice's answer
            if case .failure(let error) = result, let group = error.missingLogGroup {
                state.missingLogGroups[function] = group
                state.logLines[function] = []
                state.logStatus[function] = .loaded(now)
                state.rebuild(.logs)
                return []
            }
            state.missingLogGroups[function] = nil
            switch result {
            case .success(let lines):
                let atBottom = state.tables[.logs].map { $0.cursor >= $0.visible.count - 1 } ?? true
                state.logLines[function] = lines
                state.logStatus[function] = .loaded(now)
                state.rebuild(.logs)
                if atBottom { state.tables[.logs]?.moveCursor(to: Int.max) }  // follow new lines
            case .failure(let error):
                state.logStatus[function] = .failed(error)
                state.lastError = error.sentence
            }
        }
        return []
    }

    enum LoadOutcome { case succeeded, failed }

    /// Whether the action is the answer of a read, and how it went.
    /// A hold longer than this is not believed (a Retry-After of a day is a broken proxy).
    public static let longestHold: TimeInterval = 600
    /// How often the timer reads the whole function list again: the refresh interval, or 1.5 s
    /// per page of 50 if that is longer, so that a console left open averages under one
    /// ListFunctions call a second whatever the estate (20,000 functions: every 10 minutes, not
    /// 400 calls every 30 s). `r` always reads at once.
    public static func listInterval(functions: Int, base: TimeInterval) -> TimeInterval {
        max(base, Double((functions + 49) / 50) * 1.5)
    }

    /// At most this many changing rows are read again a tick (GetFunctionConfiguration each).
    static let changingRowsPerTick = 5

    /// The rows on screen that are Pending or being updated, read again one by one.
    static func refreshChangingRows(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard !state.inFlight.contains(.changingRows), let table = state.tables[.functions] else { return [] }
        let onScreen = table.visible.dropFirst(table.scroll).prefix(state.pageHeight)
        let names = onScreen.compactMap { index -> String? in
            guard state.functions.indices.contains(index) else { return nil }
            let row = state.functions[index]
            let changing = row.state == .pending || row.lastUpdateStatus == .inProgress
            return changing ? row.functionName : nil
        }.prefix(changingRowsPerTick)
        guard !names.isEmpty else { return [] }
        state.inFlight.insert(.changingRows)
        return [.loadRows(names: Array(names))]
    }

    /// How much earlier than its interval a list may be read again, so that a tick landing just
    /// short of it (the read ended a moment after it began) does not wait a whole period more.
    static func listSlack(_ interval: TimeInterval) -> TimeInterval { interval / 10 }

    /// Up to this many rows, every page of a first listing is sorted in as it arrives.
    static let partialRebuildAlways = 2_000

    /// How long a failed read's answer asked the console to wait.
    static func requestedWait(_ action: ConsoleAction) -> TimeInterval? {
        let error: ConsoleError? = switch action {
        case .functionsLoaded(.failure(let error)), .detailLoaded(_, .failure(let error)), .logsLoaded(_, _, .failure(let error)),
             .logStreamsLoaded(_, .failure(let error)): error
        default: nil
        }
        return error?.retryAfter
    }

    static func loadOutcome(_ action: ConsoleAction) -> LoadOutcome? {
        switch action {
        case .functionsLoaded(let result): if case .success = result { .succeeded } else { .failed }
        case .detailLoaded(_, let result): if case .success = result { .succeeded } else { .failed }
        case .logsLoaded(_, _, let result): if case .success = result { .succeeded } else { .failed }
        case .logStreamsLoaded(_, let result): if case .success = result { .succeeded } else { .failed }
        default: nil
        }
    }

    /// How far an action moves a cursor or a scroll, or nil when it is not a movement.
    public static func scrollDelta(_ action: ConsoleAction, page: Int) -> Int? {
        switch action {
        case .moveCursor(let delta): return delta
        case .moveToTop: return -1_000_000
        case .moveToBottom: return 1_000_000
        case .pageDown: return page
        case .pageUp: return -page
        case .halfPageDown: return max(1, page / 2)
        case .halfPageUp: return -max(1, page / 2)
        default: return nil
        }
    }

    private static func move(_ state: inout ConsoleState, _ change: (inout TableState) -> Void) {
        if state.choosingStream, state.pane == .logs {
            change(&state.streamTable)
            state.streamTable.scrollToCursor(height: state.pageHeight)
            return
        }
        let pane = state.pane
        guard var table = state.tables[pane] else { return }
        change(&table)
        table.scrollToCursor(height: state.pageHeight)
        state.tables[pane] = table
        if pane == .functions { state.focusedFunction = state.selectedFunctionARN ?? state.focusedFunction }
    }

    static func show(_ pane: Pane, in state: inout ConsoleState) -> [ConsoleEffect] {
        state.routes = [.pane(pane)]
        state.choosingStream = false
        state.editingFilter = false
        return load(pane, &state)
    }

    /// What a pane needs that is not loaded yet, or is old enough to refresh.
    static func load(_ pane: Pane, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch pane {
        case .functions:
            var status = state.functionsStatus
            defer { state.functionsStatus = status }
            return fetch(.functions, .loadFunctions, &state, status: &status)
        case .versions, .aliases, .mappings:
            guard let name = state.focusedName else { return [] }
            var status = state.detailStatus[name] ?? .never
            defer { state.detailStatus[name] = status }
            return fetch(.detail(function: name), .loadDetail(function: name), &state, status: &status)
        case .logs:
            guard let configuration = state.focusedConfiguration, let name = configuration.functionName else { return [] }
            var status = state.logStatus[name] ?? .never
            defer { state.logStatus[name] = status }
            // Keyed by stream too: choosing another stream while a read runs asks at once, and
            // the latest choice wins.
            return fetch(.logs(function: name, stream: state.chosenStream[name]), .loadLogs(function: name, logGroup: configuration.logGroupName, stream: state.chosenStream[name]),
                         &state, status: &status)
        }
    }

    /// `eu-west-3`, `us-gov-west-1`, `cn-north-1`: letters, dashes and a final number.
    static func isRegionName(_ text: String) -> Bool { ConsolePreferences.looksLikeRegion(text) }

    /// A function's detail (its versions and aliases), unless it is being read.
    static func readDetail(_ name: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        var status = state.detailStatus[name] ?? .never
        defer { state.detailStatus[name] = status }
        return fetch(.detail(function: name), .loadDetail(function: name), &state, status: &status)
    }

    /// One request in flight per resource: a refresh that finds one running is skipped.
    private static func fetch(_ key: BackgroundWork, _ effect: ConsoleEffect, _ state: inout ConsoleState,
                              status: inout LoadStatus) -> [ConsoleEffect] {
        guard !state.inFlight.contains(key) else { return [] }
        state.inFlight.insert(key)
        if case .never = status { status = .loading }
        return [effect]
    }

    private static func refresh(_ state: inout ConsoleState, now: Date, asked: Bool = false) -> [ConsoleEffect] {
        switch state.route {
        case .detail, .rawJSON: return load(.versions, &state)
        case .pane(let pane): return load(pane, &state)
        case .tail, .invoke: return []  // the tail reads on its own schedule
        case .fleet:
            return []  // read when asked (`r`), as the fleet view's keys say
        case .versionDiff:
            return []  // versions do not change: nothing to read again
        case .layers:
            return []  // read when asked (`r`)
        case .audit:
            return [.loadJournal]
        case .signing:
            return []  // read when asked (`r`)
        case .insights:
            return []  // a query runs when asked, never on a timer (each run is billed by the data scanned)
        case .monitor(let function):
            return asked ? MonitorReducer.reduce(&state, .monitorCommand(.reload), now: now) : MonitorReducer.refresh(&state, function: function, now: now)
        }
    }

    private static func drillDown(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.choosingStream, state.pane == .logs, let name = state.focusedName {
            // The first row is "all streams"; the others are the streams, newest first.
            let position = state.streamTable.cursor
            let streams = state.logStreams[name] ?? []
            if position == 0 { state.chosenStream[name] = nil }
            else if let index = state.streamTable.selectedIndex, streams.indices.contains(index - 1) {
                state.chosenStream[name] = streams[index - 1].logStreamName
            }
            state.choosingStream = false
            state.logStatus[name] = .loading
            return load(.logs, &state)
        }
        switch state.route {
        case .pane(.functions):
            guard let arn = state.selectedFunctionARN, let row = state.functionRow(arn: arn),
                  let name = state.functions[row].functionName
            else { return [] }
            state.focusedFunction = arn
            state.detailScroll = 0
            state.routes.append(.detail(function: name))
            return load(.versions, &state)
        case .pane(.logs):
            // A log line opens in full: long lines and multi-line events (stack traces) whole.
            guard let index = state.tables[.logs]?.selectedIndex, state.logRows.indices.contains(index) else { return [] }
            state.overlay = .logEvent(LogEventView(state.logRows[index]))
            return []
        case .pane(.versions), .pane(.aliases), .pane(.mappings):
            guard let name = state.focusedName else { return [] }
            state.routes.append(.detail(function: name))
            return load(.versions, &state)
        default:
            return []
        }
    }

    /// `:functions`, `:versions`, `:aliases`, `:mappings`, `:logs`, `:q`; unambiguous prefixes work.
    private static func runCommand(_ text: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let word = text.trimmingWhitespace().lowercased()
        // `:region eu-west-3`, `:profile prod`: the UI builds and shows that context.
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if parts.first.map({ ConsoleCommands.completions(for: $0) }) == ["fleet"] {
            if parts.count == 2, parts[1].lowercased() == "sso" {
                state.fleetAccountsAsked = true
                state.status = "Asking the SSO portal for the login's accounts and roles…"
                return [.listSSOAccounts]
            }
            let named = parts.count > 1 ? Array(parts.dropFirst()) : state.contextChoices.fleetProfiles
            guard !named.isEmpty else {
                state.lastError = "Name the profiles: :fleet dev staging prod, or fleet_profiles = dev staging prod in the config file."
                return []
            }
            var seen = Set<String>()
            return reduce(&state, .fleetCommand(.open(.profiles(named.filter { seen.insert($0).inserted }))))
        }
        if parts.count == 1, ConsoleCommands.completions(for: word) == ["signing"] {
            return reduce(&state, .signingCommand(.open))
        }
        if parts.count == 1, ConsoleCommands.completions(for: word) == ["audit"] {
            return reduce(&state, .auditCommand(.open))
        }
        if parts.count == 1, ConsoleCommands.completions(for: word) == ["layers"] {
            return reduce(&state, .layersCommand(.open))
        }
        if parts.count == 1, ConsoleCommands.completions(for: word) == ["account"] {
            return reduce(&state, .openAccount)
        }
        if parts.count == 1, ConsoleCommands.completions(for: word) == ["login"] {
            return reduce(&state, .startLogin)
        }
        if parts.count == 1, ConsoleCommands.completions(for: word) == ["ctx"] {
            guard state.contextChoices.recent.count > 1 else {
                state.status = "Only \(state.connection.profile) · \(state.connection.region) so far: :region NAME or :profile NAME opens another."
                return []
            }
            return reduce(&state, .openContexts)
        }
        if parts.count == 2, ["region", "profile"].contains(parts[0].lowercased()) {
            let value = parts[1]
            if parts[0].lowercased() == "region", value.lowercased() == "all" {
                let regions = state.contextChoices.regionsToList(from: state.connection.region)
                return reduce(&state, .fleetCommand(.open(.regions(profile: state.connection.profile, regions))))
            }
            if parts[0].lowercased() == "region" {
                guard Self.isRegionName(value) else {
                    state.lastError = "\(value.prefix(40)) is not a region name (eu-west-3, us-gov-west-1, …)."
                    return []
                }
                state.contextRequest = ContextRequest(region: value.lowercased())
            } else {
                guard !value.isEmpty, value.count <= 128, value.allSatisfy({ !$0.isWhitespace && !$0.isNewline && $0.isASCII }) else {
                    state.lastError = "That is not a profile name."
                    return []
                }
                state.contextRequest = ContextRequest(profile: value)
            }
            return []
        }
        if parts.count == 1, ["region", "profile"].contains(word) {
            state.status = "\(word == "region" ? "Region" : "Profile"): \(word == "region" ? state.connection.region : state.connection.profile). "
                + ":\(word) NAME switches to another (the current one is kept as it is)."
            return []
        }
        if ["q", "q!", "quit", "exit"].contains(word) {
            state.quitRequested = true
            return []
        }
        var matches = ConsoleCommands.completions(for: word)
        // A pane keeps the short prefix it had before the later commands came (`:m` is mappings).
        if matches.count > 1, let pane = matches.first, Pane(rawValue: pane) != nil, matches.dropFirst().allSatisfy({ Pane(rawValue: $0) == nil }) {
            matches = [pane]
        }
        if matches == ["monitor"] { return reduce(&state, .monitorCommand(.open)) }
        if matches == ["metrics"] { return reduce(&state, .toggleMetricColumns) }
        if matches == ["insights"] { return reduce(&state, .insightsCommand(.open)) }
        guard matches.count == 1, let pane = Pane(rawValue: matches[0]) else {
            state.lastError = word.isEmpty ? nil
                : "Unknown command :\(word). Try :functions, :versions, :aliases, :mappings, :logs, :monitor, :metrics, :insights, "
                    + ":region NAME|all, :profile NAME, :ctx, :fleet or :q."
            return []
        }
        return show(pane, in: &state)
    }
}

extension ConsoleState {
    /// A change asked for by a key in a view (delete a layer version, undo…): refused in
    /// read-only mode, and sent only on the second press, the first saying what it will do.
    mutating func confirmsChange(_ key: String, now: Date, refused: String, asking: String) -> Bool {
        guard !connection.readOnly else {
            lastError = "Read-only mode: \(refused) is turned off."
            return false
        }
        guard confirms(key, now: now) else {
            status = asking
            return false
        }
        return true
    }

    /// True when `key` was pressed once already within the confirmation window (and disarms);
    /// otherwise arms it.
    mutating func confirms(_ key: String, now: Date) -> Bool {
        if let armed, armed.key == key, now.timeIntervalSince(armed.at) < Self.confirmWindow {
            self.armed = nil
            return true
        }
        armed = (key, now)
        return false
    }

    /// On the functions pane, the function under the cursor is the one the other panes and the
    /// actions are about, however the cursor got there (moved, filtered, sorted).
    mutating func followSelection() {
        guard pane == .functions, case .pane = route, let selected = selectedFunctionARN else { return }
        focusedFunction = selected
    }

    /// The function a key that opens a function's view means: the one shown (detail, tail,
    /// invoke, monitor, insights), else the selected row (which the other panes then follow),
    /// else the focused one.
    mutating func functionMeant() -> String? {
        if route == .pane(.functions), let arn = selectedFunctionARN { focusedFunction = arn }
        return functionMeantWithoutFocus()
    }

    /// The same, leaving the focus as it is.
    func functionMeantWithoutFocus() -> String? {
        switch route {
        case .detail(let function), .rawJSON(let function), .tail(let function), .invoke(let function), .monitor(let function),
             .insights(let function), .versionDiff(let function):
            return function
        case .pane(.functions):
            guard let arn = selectedFunctionARN, let row = functionRow(arn: arn) else { return nil }
            return functions[row].functionName
        case .pane:
            return focusedName
        case .fleet, .layers, .audit, .signing:
            // A fleet row may be another account's; a layer is no function's.
            return nil
        }
    }

    var selectedFunctionARN: String? {
        guard let index = tables[.functions]?.selectedIndex, functions.indices.contains(index) else { return nil }
        return functions[index].functionArn
    }
}

