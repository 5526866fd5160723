import ConsoleStore

/// The keys of prompts and overlays: while one is open it takes every key, so each lists all of
/// its own, quitting included. Text entry is a binding too: it takes every character and paste.
extension KeyTables {
    /// Moving through a scrolled text (help, history, a log event): the list keys' movements.
    static let scrolling: [KeyBinding] = [
        KeyBinding([.character("j"), .down], "down", .moveCursor(1)),
        KeyBinding([.character("k"), .up], "up", .moveCursor(-1)),
        KeyBinding([.character("g"), .home], "top", .moveToTop),
        KeyBinding([.character("G"), .end], "bottom", .moveToBottom),
        KeyBinding([.pageDown, .control("f")], "page down", .pageDown),
        KeyBinding([.pageUp, .control("b")], "page up", .pageUp),
        KeyBinding([.control("u")], "half a page up", .halfPageUp),
        KeyBinding([.wheelDown], "wheel down", .moveCursor(3)),
        KeyBinding([.wheelUp], "wheel up", .moveCursor(-3)),
    ]

    static let quitAtOnce = KeyBinding([.control("c")], "quit at once", .quit)

    /// Text typed or pasted into a one-line entry: line breaks and tabs become spaces.
    static func typed(_ key: Key) -> String? {
        switch key {
        case .character(let character): String(character)
        case .paste(let text): ConsoleController.oneLine(text)
        default: nil
        }
    }

    public static let filter: [KeyBinding] = [
        KeyBinding([.enter], "keep the filter", .endFilter(keep: true), hint: "keep"),
        KeyBinding([.escape], "drop the filter", .endFilter(keep: false), hint: "drop"),
        KeyBinding([.backspace], "delete a character (a reopened filter's selected text: all of it)", command: .derived { state, _ in
            .editFilter(state.filterTextSelected ? "" : String((state.tables[state.pane]?.filter ?? "").dropLast()))
        }),
        KeyBinding([.control("u")], "clear the filter", .editFilter("")),
        KeyBinding([.up], "move the selection up", .moveCursor(-1)),
        KeyBinding([.down], "move the selection down", .moveCursor(1)),
        quitAtOnce,
        KeyBinding([], "type the filter (a reopened filter's text is replaced)", command: .derived { state, key in
            guard let text = typed(key) else { return nil }
            return .editFilter((state.filterTextSelected ? "" : state.tables[state.pane]?.filter ?? "") + text)
        }, id: "text", takesText: true),
    ]

    /// The tail's search (`/`) and filter pattern (`F`) prompts.
    public static let prompt: [KeyBinding] = [
        KeyBinding([.enter], "keep it", command: .derived { state, _ in promptEdit(state) { $0 ? .endSearch(keep: true) : .endPattern(keep: true) } },
                   hint: "keep"),
        KeyBinding([.escape], "drop it", command: .derived { state, _ in promptEdit(state) { $0 ? .endSearch(keep: false) : .endPattern(keep: false) } },
                   hint: "drop"),
        KeyBinding([.backspace], "delete a character", command: .derived { state, _ in
            promptEdit(state) { $0 ? .editSearch(String(promptText(state).dropLast())) : .editPattern(String(promptText(state).dropLast())) }
        }),
        KeyBinding([.control("u")], "clear it", command: .derived { state, _ in promptEdit(state) { $0 ? .editSearch("") : .editPattern("") } }),
        quitAtOnce,
        KeyBinding([], "type the search or the pattern", command: .derived { state, key in
            guard let text = typed(key) else { return nil }
            return promptEdit(state) { $0 ? .editSearch(promptText(state) + text) : .editPattern(promptText(state) + text) }
        }, id: "text", takesText: true),
    ]

    private static func promptText(_ state: ConsoleState) -> String {
        guard let name = state.route.tailFunction, let tail = state.tails[name] else { return "" }
        return tail.editingSearch ? tail.search : (tail.filterPattern ?? "")
    }

    private static func promptEdit(_ state: ConsoleState, _ command: (Bool) -> TailCommand) -> ConsoleAction? {
        guard let name = state.route.tailFunction, let tail = state.tails[name] else { return nil }
        return .tailCommand(command(tail.editingSearch))
    }

    private static func commandText(_ state: ConsoleState) -> String {
        if case .commandLine(let text) = state.overlay { text } else { "" }
    }

    public static let commandLine: [KeyBinding] = [
        KeyBinding([.enter], "run the command", .runCommandLine, hint: "run"),
        KeyBinding([.escape], "close the command line", .closeOverlay, hint: "close"),
        KeyBinding([.backspace], "delete a character", command: .derived { state, _ in .editCommandLine(String(commandText(state).dropLast())) }),
        KeyBinding([.control("u")], "clear the command", .editCommandLine("")),
        KeyBinding([.tab], "complete the command", command: .derived { state, _ in
            ConsoleCommands.tabCompletion(for: commandText(state), state.contextChoices).map { .editCommandLine($0) }
        }, hint: "complete"),
        quitAtOnce,
        KeyBinding([], "type the command", command: .derived { state, key in typed(key).map { .editCommandLine(commandText(state) + $0) } },
                   id: "text", takesText: true),
    ]

    private static func paletteFilter(_ state: ConsoleState) -> String {
        if case .palette(let palette) = state.overlay { palette.filter } else { "" }
    }

    public static let palette: [KeyBinding] = [
        KeyBinding([.enter], "open the action", .choosePaletteItem, hint: "open"),
        KeyBinding([.escape], "close the palette", .closeOverlay, hint: "close"),
        KeyBinding([.up, .backTab], "previous action", .moveCursor(-1)),
        KeyBinding([.down, .tab], "next action", .moveCursor(1)),
        KeyBinding([.backspace], "delete a character", command: .derived { state, _ in .editPalette(String(paletteFilter(state).dropLast())) }),
        quitAtOnce,
        KeyBinding([], "type to narrow the actions", command: .derived { state, key in typed(key).map { .editPalette(paletteFilter(state) + $0) } },
                   id: "text", takesText: true),
    ]

    private static func focusedField(_ state: ConsoleState) -> FormField? {
        if case .form(let form) = state.overlay { form.focusedField } else { nil }
    }

    private static func onChoice(_ state: ConsoleState) -> Bool {
        if case .choice = focusedField(state)?.kind { true } else { false }
    }

    public static let form: [KeyBinding] = [
        KeyBinding([.enter], "apply (publishing, the second Enter)", .submitForm, hint: "apply"),
        KeyBinding([.escape], "cancel", .closeOverlay, hint: "cancel"),
        KeyBinding([.tab, .down], "next field", .moveFieldFocus(1), hint: "next"),
        KeyBinding([.backTab, .up], "previous field", .moveFieldFocus(-1)),
        KeyBinding([.left], "previous choice", command: .action(.cycleChoice(-1)), applies: onChoice),
        KeyBinding([.right, .character(" ")], "next choice", command: .action(.cycleChoice(1)), applies: onChoice),
        KeyBinding([.backspace], "delete a character", command: .derived { state, _ in focusedField(state).map { .editField(String($0.value.dropLast())) } }),
        KeyBinding([.control("u")], "clear the field", .editField("")),
        KeyBinding([.control("t")], "show or hide masked values", .toggleFormSecrets),
        KeyBinding([.control("e")], "edit the field in $VISUAL or $EDITOR", command: .editInEditor),
        KeyBinding([.control("y")], "copy the AWS CLI command that makes this change (environment values masked)", .copy(.cliCommand),
                   hint: "cli"),
        quitAtOnce,
        KeyBinding([], "type into the field (a JSON field keeps pasted line breaks)", command: .derived { state, key in
            guard let field = focusedField(state) else { return nil }
            if case .paste(let text) = key, field.kind == .json { return .editField(field.value + text) }
            return typed(key).map { .editField(field.value + $0) }
        }, id: "text", takesText: true, applies: { !onChoice($0) }),
    ]

    public static let shift: [KeyBinding] = [
        KeyBinding([.enter], "apply the weight (or confirm)", .editShift(.confirm), hint: "apply"),
        KeyBinding([.escape], "cancel (a pending confirmation, else the view)", .editShift(.cancel), hint: "cancel"),
        KeyBinding([.character("+"), .character("=")], "5 % more to the target", .editShift(.by(5))),
        KeyBinding([.character("-")], "5 % less to the target", .editShift(.by(-5))),
        KeyBinding([.character(">")], "1 % more", .editShift(.by(1))),
        KeyBinding([.character("<")], "1 % less", .editShift(.by(-1))),
        KeyBinding((0...9).map { Key.character(Character(String($0))) }, "digit: that many tens of percent (0 clears)", command: .derived { _, key in
            guard case .character(let digit) = key, let value = digit.wholeNumberValue else { return nil }
            return .editShift(.to(Double(value) * 10))
        }),
        KeyBinding([.tab, .right], "next target version", .editShift(.target(1))),
        KeyBinding([.backTab, .left], "previous target version", .editShift(.target(-1))),
        KeyBinding([.character("P")], "promote the target to primary", .editShift(.promote)),
        KeyBinding([.character("R")], "roll back to the primary", .editShift(.rollBack)),
        KeyBinding([.character("G")], "gradual rollout instead", .openAction(.gradualRollout)),
        quitAtOnce,
    ]

    private static func rolloutPanel(_ state: ConsoleState) -> RolloutPanel? {
        if case .rollout(let panel) = state.overlay { panel } else { nil }
    }

    public static let rollout: [KeyBinding] = [
        KeyBinding([.escape], "keep the rollout (while asked to abort)", command: .derived { state, _ in
            rolloutPanel(state).map { .rolloutCommand(key: $0.key, .open) }
        }, id: "keep", applies: { rolloutPanel($0)?.confirmingAbort == true }),
        KeyBinding([.enter], "abort it (when asked)", command: .derived { state, _ in
            rolloutPanel(state).map { .rolloutCommand(key: $0.key, .confirmAbort) }
        }, id: "confirm-abort", applies: { rolloutPanel($0)?.confirmingAbort == true }),
        KeyBinding([.escape, .character("q")], "close the view (the rollout goes on)", command: .derived { state, _ in
            rolloutPanel(state).map { .rolloutCommand(key: $0.key, .close) }
        }, hint: "close"),
        KeyBinding([.character("r")], "resume (a rollout an earlier console left)", command: .derived { state, _ in
            rolloutPanel(state).map { .rolloutCommand(key: $0.key, .resume) }
        }, applies: { rolloutPanel($0)?.offersResume == true }),
        KeyBinding([.character("A")], "abort: the alias goes back to the primary", command: .derived { state, _ in
            rolloutPanel(state).map { .rolloutCommand(key: $0.key, .abort) }
        }, hint: "abort"),
        quitAtOnce,
    ]

    public static let history: [KeyBinding] = [
        KeyBinding([.enter], "open the invocation on the invoke screen", .invokeCommand(.openHistory), hint: "open"),
        KeyBinding([.escape, .character("q"), .character("H")], "close", .closeOverlay, hint: "close"),
        quitAtOnce,
    ] + scrolling

    public static let help: [KeyBinding] = [
        KeyBinding([.escape, .character("?"), .character("q")], "close the help", .closeOverlay, hint: "close"),
        quitAtOnce,
    ] + scrolling

    public static let logEvent: [KeyBinding] = [
        KeyBinding([.escape, .enter, .character("q")], "close the event", .closeOverlay, hint: "close"),
        KeyBinding([.character("y")], "event: copy it to the clipboard", .copy(.first), hint: "copy"),
        quitAtOnce,
    ] + scrolling

    public static let login: [KeyBinding] = [
        KeyBinding([.enter], "login: start it (when offered)", .startLogin, hint: "log in", when: { state in
            if case .login(let panel) = state.overlay { return panel.offered } else { return false }
        }),
        KeyBinding([.character("y")], "login: copy the link again", .copy(.first), hint: "copy"),
        KeyBinding([.escape, .character("q")], "login: close (a login under way goes on)", .closeOverlay, hint: "close"),
        quitAtOnce,
    ]

    public static let account: [KeyBinding] = [
        KeyBinding([.character("r")], "account: read the limits again", .openAccount, hint: "refresh"),
        KeyBinding([.escape, .character("q")], "account: close", .closeOverlay, hint: "close"),
        quitAtOnce,
    ]

    public static let contexts: [KeyBinding] = [
        KeyBinding([.enter], "contexts: go to the one under the cursor", .chooseContext(nil), hint: "go"),
        KeyBinding([.escape, .character("q")], "contexts: close", .closeOverlay, hint: "close"),
        quitAtOnce,
    ] + (1...9).map { position in
        KeyBinding([.character(Character(String(position)))], "contexts: number \(position)", command: .derived { state, _ in
            state.contextChoices.recent.count >= position ? .chooseContext(position - 1) : nil
        }, id: "contexts-\(position)")
    } + scrolling

    public static let copyMenu: [KeyBinding] = [
        KeyBinding([.enter], "copy: the one under the cursor", .copy(.menuChoice(nil)), hint: "copy"),
        KeyBinding([.escape, .character("q")], "copy: close the menu", .closeOverlay, hint: "close"),
        quitAtOnce,
    ] + (1...9).map { position in
        KeyBinding([.character(Character(String(position)))], "copy: choice \(position)", .copy(.menuChoice(position - 1)), id: "copy-choice-\(position)")
    } + scrolling
}
