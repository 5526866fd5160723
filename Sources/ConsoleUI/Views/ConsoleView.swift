import ConsoleStore
import FoundationEssentials
import LambdaAPI

/// Draws a whole frame from the state. Reads the state, never changes it, never calls AWS.
public enum ConsoleView {
    public static func render(_ state: ConsoleState, on screen: Screen, theme: Theme, keys: KeyMap = .standard, now: Date = Date()) {
        screen.erase()
        let layout = ScreenLayout(rows: screen.rows, columns: screen.columns)
        guard layout.fits else {
            let notice = ["Terminal too small",
                          "\(screen.columns)×\(screen.rows), need \(ScreenLayout.minimumColumns)×\(ScreenLayout.minimumRows)", "q quits"]
            for (index, line) in notice.enumerated() where index < screen.rows {
                screen.put(DisplayWidth.prefix(line, fitting: screen.columns), row: index, column: 0, style: index == 0 ? theme[.warn] : .plain)
            }
            screen.present()
            return
        }
        header(state, screen, theme, row: layout.headerRow)
        tabs(state, screen, theme, row: layout.tabsRow, now: now)
        let top = layout.bodyTop
        let height = layout.bodyHeight
        switch state.route {
        case .pane(let pane): paneTable(pane, state, screen, theme, top: top, height: height, now: now)
        case .detail(let name): detail(name, state, screen, theme, top: top, height: height, now: now)
        case .rawJSON(let name): rawJSON(name, state, screen, theme, top: top, height: height)
        case .tail(let name):
            if let tail = state.tails[name] {
                LogTailView.draw(tail, screen, theme, top: top, height: height,
                                 cost: { report in state.invocationCost(report, function: name).map(state.prices.format) })
            }
        case .invoke(let name): InvokeView.draw(name, state, screen, theme, top: top, height: height, now: now)
        case .monitor(let name): MonitorView.draw(name, state, screen, theme, top: top, height: height)
        case .insights(let name): InsightsView.draw(name, state, screen, theme, top: top, height: height)
        case .fleet: FleetView.draw(state, screen, theme, top: top, height: height, now: now)
        case .versionDiff(let name): VersionDiffView.draw(name, state, screen, theme, top: top, height: height)
        case .layers: LayersView.draw(state, screen, theme, top: top, height: height)
        case .audit: AuditView.draw(state, screen, theme, top: top, height: height)
        case .signing: SigningView.draw(state, screen, theme, top: top, height: height)
        }
        statusLine(state, screen, theme, row: layout.statusRow, now: now)
        footer(state, screen, theme, keys: keys, row: layout.footerRow, now: now)
        switch state.overlay {
        case .help: HelpOverlay.draw(keys: keys, readOnly: state.connection.readOnly, scroll: state.helpScroll, screen: screen, theme: theme)
        case .palette(let palette): PaletteView.draw(palette, state, screen, theme)
        case .form(let form): FormView.draw(form, screen, theme)
        case .history(let cursor): HistoryView.draw(state.invocationHistory, cursor: cursor, screen, theme)
        case .shift(let shift): AliasRoutingView.draw(shift, state, screen, theme)
        case .rollout(let panel): RolloutView.draw(panel, state, screen, theme, now: now)
        case .logEvent(let view): LogEventOverlay.draw(view, screen, theme)
        case .copyMenu(let cursor): CopyMenuView.draw(state.copyChoices, cursor: cursor, screen, theme)
        case .contexts(let cursor): ContextsView.draw(state, cursor: cursor, screen, theme)
        case .login(let panel): LoginView.draw(panel, state, screen, theme)
        case .account: AccountView.draw(state, screen, theme)
        case .commandLine, nil: break
        }
        screen.present()
    }

    static func header(_ state: ConsoleState, _ screen: Screen, _ theme: Theme, row: Int) {
        let connection = state.connection
        screen.fill(row: row, from: 0, style: theme[.header])
        // Narrow (a split tmux pane), the name and the labels give way, so that the profile and
        // the region, what every key acts on, stay whole.
        let narrow = screen.columns < ScreenLayout.narrowHeaderColumns
        var x = screen.put(narrow ? " λ " : " λ lambda-tui ", row: row, column: 0, style: TableView.merge(TextStyle(bold: true), over: theme[.header]))
        // The account is the fifth field of any function's ARN; no extra call is needed.
        let account = state.functions.first?.functionArn?.split(separator: ":", omittingEmptySubsequences: false)
            .dropFirst(4).first.map { narrow ? String($0) : "account \($0)" }
        let role = connection.ssoAccount.map { " as \($0.roleName)" } ?? ""
        let parts = [(narrow ? "" : "profile ") + connection.profile + role, connection.region] + (account.map { [$0] } ?? []) + [connection.endpoint]
        let badge = connection.readOnly ? 12 : 1
        for part in parts {
            // The parts that fit, each cut with "…"; none drawn as an empty "│  │".
            let room = screen.columns - x - 3 - badge
            guard room >= 4 else { break }
            x = screen.put("│ " + DisplayWidth.fit(part, width: min(room, DisplayWidth.of(part))) + " ", row: row, column: x, style: theme[.header])
        }
        if connection.readOnly {
            screen.put(" READ-ONLY ", row: row, column: max(x, screen.columns - 11), style: theme[.badge])
        }
    }

    /// The pane tabs and, in a detail view, the breadcrumb.
    static func tabs(_ state: ConsoleState, _ screen: Screen, _ theme: Theme, row: Int, now: Date) {
        var x = 0
        switch state.route {
        case .pane(let current):
            for pane in Pane.allCases {
                let style = pane == current ? TableView.merge(theme[.title], over: TextStyle(reverse: true)) : theme[.dim]
                x = screen.put(" \(pane.rawValue) ", row: row, column: x, style: style) + 1
            }
            let count = state.tables[current]?.visible.count ?? 0
            let total = totalRows(current, state)
            var summary = count == total ? Formatting.count(total) : "\(Formatting.count(count))/\(Formatting.count(total))"
            if current == .functions, state.functionsPartial { summary = "\(Formatting.count(count))/… loading" }
            if current == .functions, let savedAt = state.functionsCachedAt {
                summary = "as of \(Formatting.relative(savedAt, now: now)) · " + summary
            }
            if current == .logs, let name = state.focusedName {
                summary = state.choosingStream ? "choose a stream" : "\(state.chosenStream[name] ?? "all streams") · \(summary)"
            }
            if current != .functions, let name = state.focusedName { summary = "\(name) · \(summary)" }
            if current == .functions, state.tagsSummary != nil { summary = "tags \(state.tagsKnown)/\(Formatting.count(state.functions.count)) · " + summary }
            if current == .functions, let metrics = state.metricsSummary { summary = metrics + " · " + summary }
            // Right-aligned after the tabs; cut with "…" when the terminal is too narrow for both.
            let room = screen.columns - (x + 1)
            if room > 0 {
                let shown = DisplayWidth.of(summary) <= room ? summary : DisplayWidth.fit(summary, width: room)
                screen.put(shown, row: row, column: screen.columns - DisplayWidth.of(shown), style: theme[.title])
            }
        case .detail(let name), .rawJSON(let name), .tail(let name), .invoke(let name), .monitor(let name), .insights(let name):
            let last: [String] = switch state.route {
            case .rawJSON: ["json"]
            case .tail: ["live tail"]
            case .invoke: ["invoke"]
            case .monitor: ["monitor"]
            case .insights: ["insights"]
            default: []
            }
            screen.put((["functions", name] + last).joined(separator: " › "), row: row, column: 1, style: theme[.title])
        case .versionDiff(let name):
            let diff = state.versionDiffs[name]
            screen.put("functions › \(name) › versions \(diff?.old ?? "?") → \(diff?.new ?? "?")", row: row, column: 1, style: theme[.title])
        case .layers:
            screen.put("layers" + (state.layers.openLayer.map { " › " + $0 } ?? ""), row: row, column: 1, style: theme[.title])
        case .signing:
            screen.put("code signing · \(state.connection.region)", row: row, column: 1, style: theme[.title])
        case .audit:
            screen.put("audit · \(state.connection.profile) · \(state.connection.region)", row: row, column: 1, style: theme[.title])
        case .fleet:
            let what = state.fleet.map { $0.showsProfile ? "fleet" : "all regions" } ?? "fleet"
            screen.put("functions › " + what, row: row, column: 1, style: theme[.title])
        }
    }

    static func totalRows(_ pane: Pane, _ state: ConsoleState) -> Int {
        switch pane {
        case .functions: return state.functions.count
        case .versions: return state.versionRows.count
        case .aliases: return state.aliasRows.count
        case .mappings: return state.mappingRows.count
        case .logs: return state.logRows.count
        }
    }

    static func paneTable(_ pane: Pane, _ state: ConsoleState, _ screen: Screen, _ theme: Theme, top: Int, height: Int, now: Date) {
        guard let table = state.tables[pane] else { return }
        if pane != .functions, state.focusedName == nil {
            screen.put("Choose a function in :functions first.", row: top + 1, column: 1, style: theme[.dim])
            return
        }
        switch pane {
        case .functions:
            TableView.draw(state.functions, columns: PaneColumns.functions(now: now, metrics: state.metricColumnSource), table: table, theme: theme, screen: screen, top: top, height: height)
        case .versions:
            TableView.draw(state.versionRows, columns: state.versionColumns(now: now), table: table, theme: theme, screen: screen, top: top, height: height)
        case .aliases:
            TableView.draw(state.aliasRows, columns: PaneColumns.aliases(), table: table, theme: theme, screen: screen, top: top, height: height)
        case .mappings:
            TableView.draw(state.mappingRows, columns: PaneColumns.mappings(now: now), table: table, theme: theme, screen: screen, top: top, height: height)
        case .logs where state.choosingStream:
            TableView.draw(state.streamRows, columns: PaneColumns.streams(now: now), table: state.streamTable, theme: theme, screen: screen,
                           top: top, height: height)
            return
        case .logs:
            TableView.draw(state.logRows, columns: PaneColumns.logs(), table: table, theme: theme, screen: screen, top: top, height: height)
        }
        if table.visible.isEmpty {
            // Wrapped, so that a long sentence (a missing log group) is read whole at any width.
            for (offset, line) in Panel.wrap(emptyMessage(pane, state), width: max(1, screen.columns - 4)).enumerated()
            where top + 2 + offset < top + height {
                screen.put(line, row: top + 2 + offset, column: 2, style: theme[.dim])
            }
        }
    }

    static func emptyMessage(_ pane: Pane, _ state: ConsoleState) -> String {
        let status: LoadStatus = switch pane {
        case .functions: state.functionsStatus
        case .logs: state.focusedName.flatMap { state.logStatus[$0] } ?? .never
        default: state.focusedName.flatMap { state.detailStatus[$0] } ?? .never
        }
        if case .loading = status { return "Loading…" }
        if case .failed(let error) = status {
            // What kind of failure it was says what to do; the message itself is on the status line.
            return switch error.kind {
            case .accessDenied: "Not allowed to read this (the message below names the permission)."
            case .credentials: "The credentials were refused; see the message below."
            case .network: "No answer from the endpoint; r retries."
            case .throttled: "AWS is throttling; r retries, or wait as the message below says."
            case .notFound: "Not found: it may have been deleted; r refreshes."
            default: "Could not load; r retries."
            }
        }
        if !(state.tables[pane]?.filter.isEmpty ?? true) { return "Nothing matches the filter." }
        if pane == .logs, let name = state.focusedName, let group = state.missingLogGroups[name] { return ConsoleError.missingGroupSentence(group) }
        return pane == .logs ? "No log events in the last hour." : "None."
    }

    typealias DetailRow = (label: String, value: String, role: ThemeRole, heading: Bool)

    /// The detail view's rows at `columns` wide, and the width of its labels.
    static func detailRows(_ name: String, _ state: ConsoleState, columns: Int, now: Date) -> (rows: [DetailRow], labelWidth: Int) {
        let lines = DetailView.lines(state.details[name], fallback: state.function(named: name)?.configuration,
                                     revealSecrets: state.revealsSecrets, now: now, resources: state.resources[name])
        let labelWidth = min(22, (lines.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2)
        // A value wider than the screen (an ARN at 80 columns) goes on under itself, never cut.
        let valueWidth = max(8, columns - 4 - labelWidth)
        var rows: [DetailRow] = []
        for line in lines {
            if line.isHeading { rows.append((line.label, "", .title, true)); continue }
            let pieces = InvokeView.wrap(TableView.sanitize(line.value), width: valueWidth).prefix(DetailView.maximumRowsPerValue)
            for (index, piece) in pieces.enumerated() { rows.append((index == 0 ? line.label : "", piece, line.role, false)) }
        }
        return (rows, labelWidth)
    }

    /// The furthest a detail or JSON view scrolls at this size: its last line at the bottom. Nil
    /// on other screens.
    static func detailScrollLimit(_ state: ConsoleState, columns: Int, rows: Int, now: Date) -> Int? {
        let height = ScreenLayout(rows: rows, columns: columns).bodyHeight
        switch state.route {
        case .detail(let name):
            return max(0, detailRows(name, state, columns: columns, now: now).rows.count - height)
        case .rawJSON(let name):
            let configuration = state.details[name]?.configuration ?? state.function(named: name)?.configuration
            return max(0, RawJSONView.lines(configuration, revealSecrets: state.revealsSecrets).count - height)
        default:
            return nil
        }
    }

    static func detail(_ name: String, _ state: ConsoleState, _ screen: Screen, _ theme: Theme, top: Int, height: Int, now: Date) {
        let (rows, labelWidth) = detailRows(name, state, columns: screen.columns, now: now)
        let start = min(state.detailScroll, max(0, rows.count - height))
        for (offset, line) in rows.dropFirst(start).prefix(height).enumerated() {
            let row = top + offset
            if line.heading {
                screen.put(line.label, row: row, column: 1, style: theme[.title])
            } else {
                screen.put(DisplayWidth.fit(line.label, width: labelWidth), row: row, column: 3, style: theme[.dim])
                screen.put(line.value, row: row, column: 3 + labelWidth, style: theme[line.role])
            }
        }
    }

    static func rawJSON(_ name: String, _ state: ConsoleState, _ screen: Screen, _ theme: Theme, top: Int, height: Int) {
        let configuration = state.details[name]?.configuration ?? state.function(named: name)?.configuration
        let lines = RawJSONView.lines(configuration, revealSecrets: state.revealsSecrets)
        let start = min(state.detailScroll, max(0, lines.count - height))
        for (offset, line) in lines.dropFirst(start).prefix(height).enumerated() {
            var x = 1
            for (text, role) in RawJSONView.runs(line) { x = screen.put(text, row: top + offset, column: x, style: theme[role]) }
        }
    }

    /// The filter or command being typed, else the last error, else nothing.
    static func statusLine(_ state: ConsoleState, _ screen: Screen, _ theme: Theme, row: Int, now: Date) {
        if case .commandLine(let text) = state.overlay {
            // After `region ` or `profile `, the values that fit what is typed (not the command again).
            let completions = ConsoleCommands.completions(for: text, state.contextChoices).map { completion in
                completion.firstIndex(of: " ").map { String(completion[completion.index(after: $0)...]) } ?? completion
            }
            let x = screen.put(":" + text, row: row, column: 0, style: theme[.filter])
            screen.put("█", row: row, column: x, style: theme[.filter])
            if !text.isEmpty, !completions.isEmpty {
                let shown = completions.prefix(40).joined(separator: " ") + (completions.count > 40 ? " …" : "")
                screen.put(DisplayWidth.clip("  " + TableView.sanitize(shown), width: max(0, screen.columns - x - 2)), row: row, column: x + 1,
                           style: theme[.dim])
            }
        } else if let name = state.route.tailFunction, let tail = state.tails[name], tail.editingSearch || tail.editingPattern {
            let prompt = tail.editingSearch ? "/" + tail.search : "filter pattern: " + (tail.filterPattern ?? "")
            let x = screen.put(prompt, row: row, column: 0, style: theme[.filter])
            screen.put("█", row: row, column: x, style: theme[.filter])
        } else if state.editingFilter, state.route == .fleet, let fleet = state.fleet {
            var x = screen.put("/", row: row, column: 0, style: theme[.filter])
            var selected = theme[.filter]
            selected.reverse = state.filterTextSelected
            x = screen.put(fleet.table.filter, row: row, column: x, style: selected)
            screen.put("█", row: row, column: x, style: theme[.filter])
        } else if state.editingFilter, case .pane = state.route {
            var x = screen.put("/", row: row, column: 0, style: theme[.filter])
            var selected = theme[.filter]
            selected.reverse = state.filterTextSelected
            x = screen.put(state.tables[state.pane]?.filter ?? "", row: row, column: x, style: selected)
            x = screen.put("█", row: row, column: x, style: theme[.filter])
            if state.pane == .functions, let tags = state.tagsSummary { screen.put("   " + tags, row: row, column: x, style: theme[.warn]) }
        } else if let error = state.lastError {
            sentence("✗ ", error, screen, row: row, style: theme[.error])
        } else if let status = state.status, now.timeIntervalSince(state.statusAt ?? now) < ConsoleState.statusLifetime {
            sentence("✓ ", status, screen, row: row, style: theme[.ok], link: state.statusLink)
        } else if let filter = state.tables[state.pane]?.filter, !filter.isEmpty, case .pane = state.route {
            let x = screen.put("/" + filter, row: row, column: 0, style: theme[.filter])
            if state.pane == .functions, let tags = state.tagsSummary { screen.put("   " + tags, row: row, column: x, style: theme[.warn]) }
        } else if let notice = state.notice {
            sentence("! ", notice, screen, row: row, style: theme[.warn])
        }
    }

    /// A message too long for the status line goes on over the rows above it (at most a third
    /// of the screen), so that its end, often what to do, is read; only past that is it cut.
    static func sentence(_ mark: String, _ text: String, _ screen: Screen, row: Int, style: TextStyle, link: String? = nil) {
        let width = max(1, screen.columns - 2)
        let most = max(1, min(ScreenLayout.statusLinesMaximum, screen.rows / 3))
        var lines = Panel.wrap(text, width: width)
        if lines.count > most {
            lines = Array(lines.prefix(most))
            lines[most - 1] = DisplayWidth.prefix(lines[most - 1], fitting: width - 1) + "…"
        }
        for (index, line) in lines.enumerated() {
            let at = row - (lines.count - 1) + index
            screen.fill(row: at, from: 0, style: .plain)
            let shown = DisplayWidth.clip(line, width: width)
            screen.put((index == 0 ? mark : "  ") + shown, row: at, column: 0, style: style)
            // A URL said whole on one line is a hyperlink there (`o`).
            if let link, let range = shown.firstRange(of: link) {
                screen.link(link, text: link, row: at, column: 2 + DisplayWidth.of(String(shown[..<range.lowerBound])))
            }
        }
    }

    /// Key hints from the key tables, and what is running in the background.
    static func footer(_ state: ConsoleState, _ screen: Screen, _ theme: Theme, keys: KeyMap, row: Int, now: Date) {
        let activity: String
        if let running = state.activity {
            activity = "⟳ " + running
        } else if let rollout = state.rollouts.values.first(where: { $0.status == .running }) {
            activity = "⟳ rollout \(rollout.key) \(AliasWeights.percent(rollout.appliedWeight)) · " + RolloutView.statusLine(rollout, now: now)
        } else if state.budgetHeld > 0 {
            activity = "⏳ \(state.budgetHeld) read\(state.budgetHeld == 1 ? "" : "s") held by the request budget"
        } else if !state.inFlight.isEmpty {
            activity = "⟳ loading"
        } else if state.refreshPausedForIdle {
            activity = "refreshes paused (no key for \(Int(state.idlePause / 60)) min); a key resumes"
        } else if let until = state.refreshesHeldUntil, until > now {
            activity = "refresh waits \(Int(until.timeIntervalSince(now).rounded(.up))) s (AWS asked; r now)"
        } else if case .failed = state.functionsStatus, !state.functions.isEmpty {
            activity = "stale"
        } else {
            activity = ""
        }
        let shown = DisplayWidth.clip(activity, width: screen.columns / 2)
        // The hints take what the activity leaves.
        let room = screen.columns - max(16, DisplayWidth.of(shown) + 2)
        var x = 0
        var taken: Set<Key> = []
        for binding in KeyTables.activeContexts(state).flatMap({ keys.bindings(for: $0) }) where !binding.keys.isEmpty {
            // A key an earlier binding took (Tab on the invoke screen) means that there, not this.
            let shadowed = taken.contains(binding.keys[0])
            if binding.applies(state) { taken.formUnion(binding.keys) }
            guard binding.hint != nil, !shadowed, binding.applies(state), !(state.connection.readOnly && binding.mutates),
                  binding.isAvailable(state) else { continue }
            let key = binding.keys[0].description
            guard x + key.count + (binding.hint?.count ?? 0) + 3 < room else { break }
            x = screen.put(key, row: row, column: x, style: theme[.footerKey])
            x = screen.put(" \(binding.hint ?? "")  ", row: row, column: x, style: theme[.footer])
        }
        if !shown.isEmpty {
            screen.put(shown, row: row, column: screen.columns - DisplayWidth.of(shown) - 1, style: theme[.stale])
        }
    }
}

/// `?`: every binding of every context, generated from the key tables.
enum HelpOverlay {
    /// Every context's bindings, each with the name a `keys` file gives it (`lists.down`).
    static func lines(keys: KeyMap, readOnly: Bool) -> [(String, String, Bool)] {
        var lines: [(String, String, Bool)] = []
        for context in KeyContext.allCases {
            let bindings = keys.bindings(for: context).filter { !(readOnly && $0.mutates) }
            guard !bindings.isEmpty else { continue }
            lines.append(("\(context.rawValue)  [\(context.id)]", "", true))
            lines += bindings.map { ($0.label, "\($0.help)  [\($0.id)]", false) }
        }
        return lines
    }

    static func draw(keys: KeyMap, readOnly: Bool, scroll: Int, screen: Screen, theme: Theme) {
        let width = min(screen.columns - 4, 86)
        // A description too long for the row goes on under itself instead of being cut.
        var rows: [(keys: String, help: String, heading: Bool)] = []
        for (keys, help, heading) in lines(keys: keys, readOnly: readOnly) {
            guard !heading else { rows.append((keys, "", true)); continue }
            for (index, piece) in Panel.wrap(help, width: max(8, width - 4 - 18)).enumerated() {
                rows.append((index == 0 ? keys : "", piece, false))
            }
        }
        let panel = Panel(title: "Keys (Esc or ? closes)", width: width, height: min(screen.rows - 2, rows.count + 2), screen: screen, theme: theme)
        let first = min(scroll, max(0, rows.count - panel.innerRows))
        for index in 0..<panel.innerRows where first + index < rows.count {
            let (keys, help, heading) = rows[first + index]
            if heading {
                panel.put(keys, row: index, style: theme[.title], on: screen)
            } else {
                panel.put(DisplayWidth.fit(keys, width: 16), row: index, column: 1, style: theme[.footerKey], on: screen)
                panel.put(help, row: index, column: 18, style: .plain, on: screen)
            }
        }
        if first + panel.innerRows < rows.count { panel.footnote("↓ j, PgDn: more", screen: screen, theme: theme) }
    }
}
