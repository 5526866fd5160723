import ConsoleStore
import FoundationEssentials
import LambdaAPI

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
    static func draw(_ panel: LoginPanel, _ state: ConsoleState, _ screen: Screen, _ theme: Theme) {
        var lines: [(String, ThemeRole)] = []
        if panel.offered {
            if let reason = panel.reason { lines.append((reason, .warn)) }
            lines += [("", .text), ("Log in here: Enter shows a link and a code to open in any browser (the laptop's too:", .text),
                      ("the link goes to its clipboard). Esc goes on without.", .text)]
        } else if let prompt = state.loginPrompt, let link = state.loginLink {
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
            if text == state.loginLink, shown == text, TerminalHyperlink.isSafe(text) { screen.link(text, text: text, row: box.top + 1 + index, column: end - DisplayWidth.of(text)) }
        }
        box.footnote(panel.offered ? "Enter logs in · Esc goes on without" : "y copies the link again · Esc closes", screen: screen, theme: theme)
    }
}
