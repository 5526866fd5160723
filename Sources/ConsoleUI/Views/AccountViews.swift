import AWSCore
import ConsoleStore
import FoundationEssentials
import LambdaAPI

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
        for (offset, position) in (table.scroll..<min(table.visible.count, table.scroll + rows)).enumerated() {
            let entry = state.journal[table.visible[position]]
            let undo = entry.undone ? "undone" : entry.undo != nil ? "u: undo" : (entry.notUndoable ?? "not undoable")
            let text = " \(ISO8601Timestamp.string(entry.time).prefix(19))  \(DisplayWidth.fit(entry.action, width: 30)) "
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
