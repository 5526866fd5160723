import ConsoleStore
import Foundation
import LambdaAPI

/// The fleet view: what it lists and how far each source got (the regions not enabled, denied or
/// failed named), then every source's functions in one table.
enum FleetView {
    static func draw(_ state: ConsoleState, _ screen: Screen, _ theme: Theme, top: Int, height: Int, now: Date) {
        guard let fleet = state.fleet, height > 2 else { return }
        let sources = fleet.sources
        func named(_ matches: (FleetProgress) -> Bool) -> [String] {
            sources.filter { matches(fleet.progress[$0] ?? .waiting) }.map { source in
                fleet.showsProfile ? source.profile : source.region ?? source.profile
            }
        }
        let listing = named { !$0.isFinished }
        var summary = "\(fleet.scope.title) · \(fleet.listedCount)/\(sources.count) listed · \(Formatting.count(fleet.rows.count)) functions"
        if !listing.isEmpty { summary += " · ⟳ " + listing.prefix(4).joined(separator: " ") + (listing.count > 4 ? " …" : "") }
        if fleet.table.visible.count != fleet.rows.count { summary += " · \(Formatting.count(fleet.table.visible.count)) shown" }
        line(" " + summary, screen, theme[.title], row: top)
        // One line of problems: a region not enabled is not an empty one.
        var problems: [String] = []
        let disabled = named { $0 == .notEnabled }
        if !disabled.isEmpty { problems.append("not enabled: " + disabled.joined(separator: " ")) }
        for source in sources {
            let place = fleet.showsProfile ? source.profile : source.region ?? source.profile
            switch fleet.progress[source] {
            case .denied(let sentence)?: problems.append("\(place) denied: \(sentence)")
            case .failed(let sentence)?: problems.append("\(place): \(sentence)")
            default: break
            }
        }
        let tableTop = problems.isEmpty ? top + 1 : top + 2
        if !problems.isEmpty { line(" " + problems.joined(separator: " · "), screen, theme[.warn], row: top + 1) }
        TableView.draw(fleet.rows, columns: PaneColumns.fleet(profiles: fleet.showsProfile, now: now), table: fleet.table, theme: theme,
                       screen: screen, top: tableTop, height: height - (tableTop - top))
        if fleet.rows.isEmpty, !fleet.isListing {
            line(" No functions in any of them.", screen, theme[.dim], row: tableTop + 2)
        }
    }

    private static func line(_ text: String, _ screen: Screen, _ style: TextStyle, row: Int) {
        screen.put(DisplayWidth.clip(TableView.sanitize(text), width: screen.columns - 1), row: row, column: 0, style: style)
    }
}

/// `C` or `:ctx`: the contexts visited this session, the one on screen first, to go back to one
/// as it was left.
enum ContextsView {
    static func draw(_ state: ConsoleState, cursor: Int, _ screen: Screen, _ theme: Theme) {
        let recent = state.contextChoices.recent
        let panel = Panel(title: "Contexts", width: 60, height: min(screen.rows - 2, recent.count + 2), screen: screen, theme: theme)
        let first = max(0, min(cursor - panel.innerRows + 1, recent.count - panel.innerRows))
        for (offset, index) in (first..<min(recent.count, first + panel.innerRows)).enumerated() {
            let context = recent[index]
            let here = context.profile == state.connection.profile && context.region == state.connection.region
                && context.ssoAccount == state.connection.ssoAccount
            let readOnly = state.contextChoices.isReadOnly(profile: context.profile ?? "") ? "  read-only" : ""
            let text = (index < 9 ? "\(index + 1) " : "  ") + context.label + (here ? "  (shown)" : "") + readOnly
            panel.put(DisplayWidth.fit(TableView.sanitize(text), width: panel.innerWidth), row: offset,
                      style: index == cursor ? theme[.selection] : .plain, on: screen)
        }
        panel.footnote("Enter or 1-9 goes there, as it was left · Esc closes", screen: screen, theme: theme)
    }
}

/// The SSO login: offered (Enter starts it), waiting for the portal, or its link and code, the
/// link a hyperlink and already on the user's clipboard.
enum LoginView {
    static func draw(_ panel: LoginPanel, _ screen: Screen, _ theme: Theme) {
        var lines: [(String, ThemeRole)] = []
        if panel.offered {
            if let reason = panel.reason { lines.append((reason, .warn)) }
            lines += [("", .text), ("Log in here: Enter shows a link and a code to open in any browser (the laptop's too:", .text),
                      ("the link goes to its clipboard). Esc goes on without.", .text)]
        } else if let prompt = panel.prompt, let link = panel.link {
            lines += [("Open this link in any browser (it is on your clipboard too):", .text), ("", .text),
                      (link, .title), ("", .text), ("and check that the page shows the code  \(prompt.userCode)", .text), ("", .text),
                      ("Waiting for the approval… (Esc closes this; the login goes on)", .dim)]
        } else {
            lines.append(("Asking IAM Identity Center for a login code…", .dim))
        }
        let box = Panel(title: "SSO login · profile \(panel.profile)", width: 100, height: lines.count + 2, screen: screen, theme: theme)
        for (index, (text, role)) in lines.enumerated() {
            let shown = DisplayWidth.clip(TableView.sanitize(text), width: box.innerWidth)
            let end = box.put(shown, row: index, style: theme[role], on: screen)
            if text == panel.link, shown == text, TerminalHyperlink.isSafe(text) { screen.link(text, text: text, row: box.top + 1 + index, column: end - DisplayWidth.of(text)) }
        }
        box.footnote(panel.offered ? "Enter logs in · Esc goes on without" : "y copies the link again · Esc closes", screen: screen, theme: theme)
    }
}

/// `:account`: the account's limits in this region and how near it is to them.
enum AccountView {
    static func draw(_ state: ConsoleState, _ screen: Screen, _ theme: Theme) {
        let summary = AccountSummary(limit: state.accountLimit, usage: state.accountUsage)
        var lines: [(String, String, ThemeRole)] = summary.lines.flatMap { line -> [(String, String, ThemeRole)] in
            [(line.label, line.value, ThemeRole.text)] + (line.warning.map { [("", "⚠ " + $0, ThemeRole.warn)] } ?? [])
        }
        if lines.isEmpty {
            lines.append(("", state.accountLimitProblem.map { "Not read: " + $0 } ?? "Reading GetAccountSettings…",
                          state.accountLimitProblem == nil ? .dim : .warn))
        }
        let title = "Account · \(state.connection.region)" + (state.functions.first?.functionArn?.split(separator: ":").dropFirst(4).first.map { " · \($0)" } ?? "")
        let panel = Panel(title: title, width: 96, height: lines.count + 2, screen: screen, theme: theme)
        let labelWidth = 16
        for (index, (label, value, role)) in lines.enumerated() {
            panel.put(DisplayWidth.fit(label, width: labelWidth), row: index, style: theme[.dim], on: screen)
            panel.put(TableView.sanitize(value), row: index, column: labelWidth + 1, style: theme[role], on: screen)
        }
        panel.footnote("r reads again · Esc closes", screen: screen, theme: theme)
    }
}

/// `:layers`: the account's layers in the region, or one layer's versions with how many
/// functions of the list use each (and, under the cursor, which).
enum LayersView {
    /// "organization o-abc (sid)", "every account (sid)", "111122223333 (sid)".
    static func sharedWith(_ row: PolicyStatementRow) -> String {
        let organization = row.otherConditions.first { $0.contains("PrincipalOrgID") }?.split(separator: "=").last.map(String.init)
        let who = organization.map { "organization " + $0 } ?? (row.principal == "*" ? "every account" : row.principal)
        return "\(who) (\(row.sid))"
    }

    static func draw(_ state: ConsoleState, _ screen: Screen, _ theme: Theme, top: Int, height: Int) {
        let layers = state.layers
        guard height > 3 else { return }
        if let layer = layers.openLayer {
            let heading = " Layer \(layer) · \(layers.versions.count) versions" + (layers.versionsProblem.map { " · not read: " + $0 } ?? "")
            screen.put(DisplayWidth.clip(TableView.sanitize(heading), width: screen.columns - 1), row: top, column: 0,
                       style: theme[layers.versionsProblem == nil ? .title : .warn])
            let usage = layers.usage
            TableView.draw(layers.versions, columns: PaneColumns.layerVersions { usage[$0] ?? 0 }, table: layers.versionsTable, theme: theme,
                           screen: screen, top: top + 1, height: height - 3)
            let arn = layers.selectedVersion?.layerVersionArn
            // Who else may use it: the version's policy, statement by statement.
            let shared: String
            switch arn.flatMap({ layers.policies[$0] }) {
            case .value(let policy)?: shared = " Shared: " + PolicyStatementRow.rows(policy).map(sharedWith).joined(separator: ", ")
            case .none?: shared = " Not shared: this account only."
            case .failed(let sentence)?: shared = " Sharing not read: " + sentence
            case nil: shared = " Sharing: reading…"
            }
            screen.put(DisplayWidth.clip(TableView.sanitize(shared), width: screen.columns - 1), row: top + height - 2, column: 0, style: theme[.dim])
            let users = arn.map { state.functionsUsing(layerVersionArn: $0) } ?? []
            let line = users.isEmpty ? " No function of the list uses this version." : " Used by: " + users.prefix(20).joined(separator: ", ")
                + (users.count > 20 ? " and \(users.count - 20) more" : "")
            screen.put(DisplayWidth.clip(TableView.sanitize(line), width: screen.columns - 1), row: top + height - 1, column: 0, style: theme[.dim])
        } else {
            let heading = layers.layersProblem.map { " Layers · not read: " + $0 }
                ?? (layers.layersRead ? " Layers · \(layers.layers.count) in \(state.connection.region)" : " Layers · reading…")
            screen.put(DisplayWidth.clip(TableView.sanitize(heading), width: screen.columns - 1), row: top, column: 0,
                       style: theme[layers.layersProblem == nil ? .title : .warn])
            TableView.draw(layers.layers, columns: PaneColumns.layers(), table: layers.layersTable, theme: theme, screen: screen,
                           top: top + 1, height: height - 1)
        }
    }
}

/// `:audit`: the changes this console made in this profile and region, newest first, each with
/// whether `u` can take it back (or why not).
enum AuditView {
    static func draw(_ state: ConsoleState, _ screen: Screen, _ theme: Theme, top: Int, height: Int) {
        screen.put(DisplayWidth.clip(" Changes made here, newest first · u twice undoes one (refused if it changed since)", width: screen.columns - 1),
                   row: top, column: 0, style: theme[.title])
        guard !state.journal.isEmpty else {
            screen.put(" No change yet in \(state.connection.profile) · \(state.connection.region).", row: top + 2, column: 0, style: theme[.dim])
            return
        }
        let table = state.journalTable
        let rows = max(0, height - 1)
        let formatter = ISO8601DateFormatter()
        for (offset, position) in (table.scroll..<min(table.visible.count, table.scroll + rows)).enumerated() {
            let entry = state.journal[table.visible[position]]
            let undo = entry.undone ? "undone" : entry.undo != nil ? "u: undo" : (entry.notUndoable ?? "not undoable")
            let text = " \(formatter.string(from: entry.time).prefix(19))  \(DisplayWidth.fit(entry.action, width: 30)) "
                + "\(DisplayWidth.fit(entry.target, width: 36))  \(undo)"
            let selected = position == table.cursor
            var style = theme[entry.undone ? .dim : entry.undo != nil ? .text : .dim]
            if selected {
                style = TableView.merge(theme[.selection], over: style)
                screen.fill(row: top + 1 + offset, from: 0, style: theme[.selection])
            }
            screen.put(DisplayWidth.clip(TableView.sanitize(text), width: screen.columns - 1), row: top + 1 + offset, column: 0, style: style)
        }
    }
}

/// `:signing`: the account's code signing configurations and, for the one under the cursor, its
/// publishers and the functions that use it.
enum SigningView {
    static func draw(_ state: ConsoleState, _ screen: Screen, _ theme: Theme, top: Int, height: Int) {
        let signing = state.signing
        guard height > 6 else { return }
        let heading = signing.problem.map { " Code signing · not read: " + $0 }
            ?? (signing.read ? " Code signing · \(signing.configs.count) configurations" : " Code signing · reading…")
        screen.put(DisplayWidth.clip(TableView.sanitize(heading), width: screen.columns - 1), row: top, column: 0,
                   style: theme[signing.problem == nil ? .title : .warn])
        let listHeight = max(2, height - 5)
        TableView.draw(signing.configs, columns: PaneColumns.signing(), table: signing.table, theme: theme, screen: screen, top: top + 1,
                       height: listHeight)
        guard let selected = signing.selected else { return }
        var lines = (selected.allowedPublishers?.signingProfileVersionArns ?? []).prefix(2).map { " publisher " + $0 }
        switch selected.codeSigningConfigArn.flatMap({ signing.users[$0] }) {
        case .value(let arns)?: lines.append(" used by " + arns.map { String($0.split(separator: ":").last ?? "") }.joined(separator: ", "))
        case .none?: lines.append(" used by no function")
        case .failed(let sentence)?: lines.append(" used by: not read: " + sentence)
        case nil: lines.append(" used by: reading…")
        }
        for (offset, line) in lines.prefix(4).enumerated() {
            screen.put(DisplayWidth.clip(TableView.sanitize(line), width: screen.columns - 1), row: top + 1 + listHeight + offset, column: 0,
                       style: theme[.dim])
        }
    }
}
