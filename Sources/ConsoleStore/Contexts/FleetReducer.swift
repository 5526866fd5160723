import FoundationEssentials

/// The fleet view (`:region all`, `:fleet`) and the contexts picker (`C`, `:ctx`): opening them,
/// their answers, and the keys of the fleet's table (move, filter, sort, open, refresh).
enum FleetReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date) -> [ConsoleEffect] {
        switch action {
        case .fleetCommand(.open(let scope)):
            if state.fleet?.scope != scope { state.fleet = FleetState(scope: scope) }
            if state.route != .fleet { state.routes.append(.fleet) }
            return relist(&state)
        case .fleetCommand(.openSelected):
            guard state.route == .fleet, let row = state.fleet?.selectedRow, let name = row.functionName else { return [] }
            state.contextRequest = ContextRequest(profile: row.source.profile, region: row.region.isEmpty ? nil : row.region, open: name,
                                                  ssoAccount: row.source.ssoAccount)
        case .fleetPage(let source, let generation, let page):
            guard var fleet = state.fleet, fleet.generation == generation, fleet.sources.contains(source) else { return [] }
            fleet.take(page, from: source)
            fleet.rebuildRows(columns: columns(fleet, now: now))
            state.fleet = fleet
        case .fleetListed(let source, let generation, let region, let outcome):
            guard var fleet = state.fleet, fleet.generation == generation, fleet.sources.contains(source) else { return [] }
            if let region { fleet.resolvedRegion[source] = region }
            fleet.finish(source, outcome)
            fleet.rebuildRows(columns: columns(fleet, now: now))
            if !fleet.isListing { state.inFlight.remove(.fleet) }
            state.fleet = fleet
        case .ssoAccountsListed(let result):
            guard state.fleetAccountsAsked else { return [] }
            state.fleetAccountsAsked = false
            switch result {
            case .success(let choices) where choices.isEmpty:
                state.lastError = "The SSO login of profile \(state.connection.profile) reaches no account."
            case .success(let choices):
                let sources = choices.map { FleetSource(profile: state.connection.profile, region: state.connection.region, ssoAccount: $0.role,
                                                        accountName: $0.accountName) }
                return reduce(&state, .fleetCommand(.open(.ssoAccounts(profile: state.connection.profile, sources))), now: now)
            case .failure(let error):
                state.lastError = "Cannot list the SSO login's accounts: " + error.sentence
            }
        case .openContexts:
            guard !state.contextChoices.recent.isEmpty else { return [] }
            // The cursor starts on the context visited before this one: `C` Enter goes back.
            state.overlay = .contexts(cursor: min(1, state.contextChoices.recent.count - 1))
        case .chooseContext(let number):
            guard case .contexts(let cursor) = state.overlay else { return [] }
            let chosen = number ?? cursor
            guard state.contextChoices.recent.indices.contains(chosen) else { return [] }
            state.overlay = nil
            state.contextRequest = state.contextChoices.recent[chosen]
        case .openFunctionNamed(let name):
            // Esc from the function goes back to the fleet view it was chosen in.
            if state.fleet != nil, state.route != .fleet { state.routes = [.pane(.functions), .fleet] }
            state.pendingOpen = name
            return openPending(&state)
        default:
            break
        }
        return []
    }

    /// The fleet view's own handling of the table keys, the filter and refresh; nil for the rest.
    static func intercept(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date) -> [ConsoleEffect]? {
        guard state.route == .fleet, state.overlay == nil, var fleet = state.fleet else { return nil }
        defer { if state.fleet != nil { state.fleet = fleet } }
        if let delta = Reducer.scrollDelta(action, page: state.pageHeight) {
            fleet.table.moveCursor(by: delta)
            fleet.table.scrollToCursor(height: state.pageHeight)
            return []
        }
        switch action {
        case .beginFilter:
            state.editingFilter = true
            state.filterTextSelected = !fleet.table.filter.isEmpty
        case .editFilter(let text):
            state.filterTextSelected = false
            fleet.table.filter = TextLimits.cut(text, TextLimits.search, &state)
            fleet.rebuildRows(columns: columns(fleet, now: now))
        case .endFilter(let keep):
            state.editingFilter = false
            state.filterTextSelected = false
            if !keep {
                fleet.table.filter = ""
                fleet.rebuildRows(columns: columns(fleet, now: now))
            }
        case .goBack where !fleet.table.filter.isEmpty && !state.editingFilter:
            // Esc on a filtered list clears the filter first (and the message), as on the panes.
            state.lastError = nil
            state.status = nil
            fleet.table.filter = ""
            fleet.rebuildRows(columns: columns(fleet, now: now))
        case .sortByPosition(let position):
            let ids = columns(fleet, now: now).map(\.id)
            guard ids.indices.contains(position - 1) else {
                state.status = "The fleet view has \(ids.count) columns: \(position % 10) sorts none of them."
                return []
            }
            let column = ids[position - 1]
            if fleet.table.sortColumn == column { fleet.table.ascending.toggle() } else {
                fleet.table.sortColumn = column
                fleet.table.ascending = true
            }
            fleet.rebuildRows(columns: columns(fleet, now: now))
            state.status = "Sorted by \(column.rawValue), \(fleet.table.ascending ? "ascending" : "descending")."
        case .drillDown:
            state.fleet = fleet
            return reduce(&state, .fleetCommand(.openSelected), now: now)
        case .refresh:
            state.fleet = fleet
            let effects = relist(&state)
            fleet = state.fleet ?? fleet
            return effects
        case .timerFired:
            // The fleet is read when asked (`r`): every region each refresh would cost the budget.
            return []
        default:
            return nil
        }
        return []
    }

    static func columns(_ fleet: FleetState, now: Date) -> [ColumnSpec<FleetRow>] {
        PaneColumns.fleet(profiles: fleet.showsProfile, now: now)
    }

    /// Every source listed again, in parallel; what is shown stays until each answer replaces it.
    private static func relist(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var fleet = state.fleet else { return [] }
        fleet.restart()
        state.fleet = fleet
        state.inFlight.insert(.fleet)
        return fleet.sources.map { .listFleet($0, generation: fleet.generation) }
    }

    /// Opens `pendingOpen` when the list has it: its detail over the list, the row selected.
    static func openPending(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let name = state.pendingOpen, let function = state.function(named: name), let arn = function.functionArn else {
            // Said once the list is read whole (a cached one may be older than the function).
            if let name = state.pendingOpen, case .loaded = state.functionsStatus {
                state.pendingOpen = nil
                state.lastError = "\(name.prefix(64)) is not in \(state.connection.profile) · \(state.connection.region)'s list."
            }
            return []
        }
        state.pendingOpen = nil
        state.focusedFunction = arn
        state.detailScroll = 0
        state.routes.append(.detail(function: name))
        return Reducer.readDetail(name, &state)
    }
}
