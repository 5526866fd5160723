import ConsoleStore

/// Where a binding applies. The dispatcher, the footer hints, the help overlay and the read-only
/// filter all read the same tables, so they cannot disagree; `KeyTables.activeContexts` alone says
/// which apply now.
public enum KeyContext: String, CaseIterable, Sendable {
    case global = "Everywhere"
    case table = "Lists"
    case detail = "Function detail"
    case tail = "Live tail"
    case invoke = "Invoke screen (logs keys as in the live tail)"
    case actions = "Actions (not in --read-only)"
    case filter = "Typing a filter"
    case prompt = "Typing a search or a filter pattern (tail)"
    case commandLine = "Command line"
    case palette = "Action palette"
    case form = "Forms"
    case shift = "Shift traffic"
    case rollout = "Rollout"
    case history = "Invocation history"
    case help = "This help"
    case logEvent = "A log event"
    case copyMenu = "Copy menu"
    case monitor = "Monitor view"
    case insights = "Logs Insights"
    case fleet = "All regions (:region all) and fleet (:fleet) views"
    case contexts = "Contexts (C, :ctx)"
    case login = "SSO login (:login)"
    case account = "Account (:account)"
    case versionDiff = "Comparing two versions (d)"
    case layers = "Layers (:layers)"
    case audit = "Changes made here, to undo (:audit)"
    case signing = "Code signing configurations (:signing)"

    /// The name a `keys` file uses for it.
    public var id: String {
        switch self {
        case .global: "global"
        case .table: "lists"
        case .detail: "detail"
        case .tail: "tail"
        case .invoke: "invoke"
        case .actions: "actions"
        case .filter: "filter"
        case .prompt: "prompt"
        case .commandLine: "command"
        case .palette: "palette"
        case .form: "form"
        case .shift: "shift"
        case .rollout: "rollout"
        case .history: "history"
        case .help: "help"
        case .logEvent: "event"
        case .copyMenu: "copy"
        case .monitor: "monitor"
        case .insights: "insights"
        case .fleet: "fleet"
        case .contexts: "contexts"
        case .login: "login"
        case .account: "account"
        case .versionDiff: "diff"
        case .layers: "layers"
        case .audit: "audit"
        case .signing: "signing"
        }
    }
}

/// What a binding does: an action, one worked out from the state and the key (the text typed
/// into the field being edited), or the editor, which needs the terminal.
public enum KeyCommand: Sendable {
    case action(ConsoleAction)
    case derived(@Sendable (ConsoleState, Key) -> ConsoleAction?)
    case editInEditor
}

public struct KeyBinding: Sendable {
    /// The binding's name in a `keys` file (`lists.down = j ctrl-n`).
    public var id: String
    public var keys: [Key]
    public var help: String
    public var command: KeyCommand
    /// Changes something in AWS: hidden and refused in --read-only.
    public var mutates: Bool
    /// Shown in the footer's hints.
    public var hint: String?
    /// Where the key does something; elsewhere the footer does not offer it.
    public var isAvailable: @Sendable (ConsoleState) -> Bool
    /// Whether the key means this binding now (space cycles a choice field, and types a space in
    /// a text field); when not, the next binding is asked.
    public var applies: @Sendable (ConsoleState) -> Bool
    /// Takes every typed character and paste: the text entry of a field or prompt.
    public var takesText: Bool

    public init(_ keys: [Key], _ help: String, _ action: ConsoleAction, mutates: Bool = false, hint: String? = nil, id: String? = nil,
                when isAvailable: @escaping @Sendable (ConsoleState) -> Bool = { _ in true }) {
        self.init(keys, help, command: .action(action), mutates: mutates, hint: hint, id: id, when: isAvailable)
    }

    public init(_ keys: [Key], _ help: String, command: KeyCommand, mutates: Bool = false, hint: String? = nil, id: String? = nil,
                takesText: Bool = false, when isAvailable: @escaping @Sendable (ConsoleState) -> Bool = { _ in true },
                applies: @escaping @Sendable (ConsoleState) -> Bool = { _ in true }) {
        self.id = id ?? Self.slug(help)
        self.keys = keys
        self.help = help
        self.command = command
        self.mutates = mutates
        self.hint = hint
        self.isAvailable = isAvailable
        self.applies = applies
        self.takesText = takesText
    }

    public var label: String { takesText && keys.isEmpty ? "text" : keys.map(\.description).joined(separator: " ") }

    public func matches(_ key: Key) -> Bool {
        if keys.contains(key) { return true }
        guard takesText else { return false }
        switch key {
        case .character, .paste: return true
        default: return false
        }
    }

    /// The action the key means here, with the state as it is.
    func action(for key: Key, in state: ConsoleState) -> ConsoleAction? {
        switch command {
        case .action(let action): action
        case .derived(let derive): derive(state, key)
        case .editInEditor: nil
        }
    }

    /// "sort by memory" → `sort-by-memory`: the first words of the help, up to a colon or bracket.
    /// A help that starts with the part it is about ("logs: search") keeps that part in the name.
    static func slug(_ help: String) -> String {
        if let colon = help.firstIndex(of: ":"), !help[..<colon].contains(" "), help.index(after: colon) < help.endIndex {
            return slug(String(help[..<colon])) + "-" + slug(String(help[help.index(after: colon)...]))
        }
        let head = help.prefix { !":(;,".contains($0) }
        let words = head.lowercased().filter { $0 != "'" }.split { !($0.isLetter || $0.isNumber) }.prefix(4)
        return words.joined(separator: "-")
    }
}

public enum KeyTables {
    public static let global: [KeyBinding] = [
        KeyBinding([.character("?")], "this help", .showHelp, hint: "help"),
        KeyBinding([.character(":")], "command line: :functions :versions :aliases :mappings :logs :monitor :metrics :insights :region NAME|all :profile NAME :ctx :fleet :login :account :layers :signing :audit :q (Tab completes)", .openCommandLine, hint: "command"),
        KeyBinding([.character("C")], "contexts: the profiles and regions shown this session, to go back to one", .openContexts),
        KeyBinding([.tab], "next pane", .nextPane, hint: "pane"),
        KeyBinding([.backTab], "previous pane", .previousPane),
        KeyBinding([.character("r"), .control("r")], "refresh now", .refresh, hint: "refresh"),
        KeyBinding([.escape], "back; dismisses the message", .goBack, hint: "back"),
        KeyBinding([.character("H")], "this session's invocations, to open again", .invokeCommand(.showHistory)),
        KeyBinding([.character("y")], "copy the selection's ARN (or what is shown) to the local clipboard (OSC 52)", .copy(.first)),
        KeyBinding([.character("Y")], "copy: a menu of names, ARNs, request id, log line, masked JSON, console URL", .copy(.menu)),
        KeyBinding([.character("o")], "the AWS web console's URL of what is shown, copied", .copy(.consoleURL)),
        KeyBinding([.character("q")], "quit (asks first while a rollout runs)", .requestQuit, hint: "quit"),
        KeyBinding([.control("c")], "quit at once", .quit),
        KeyBinding([.control("z")], "suspend (fg resumes)", .suspend),
        KeyBinding([.wheelDown], "wheel down", .moveCursor(3)),
        KeyBinding([.wheelUp], "wheel up", .moveCursor(-3)),
    ]

    public static let table: [KeyBinding] = [
        KeyBinding([.character("j"), .down], "down", .moveCursor(1)),
        KeyBinding([.character("k"), .up], "up", .moveCursor(-1)),
        KeyBinding([.character("g"), .home], "first row", .moveToTop),
        KeyBinding([.character("G"), .end], "last row", .moveToBottom),
        KeyBinding([.control("u")], "half a page up", .halfPageUp),
        KeyBinding([.pageDown, .control("f")], "page down", .pageDown),
        KeyBinding([.pageUp, .control("b")], "page up", .pageUp),
        KeyBinding([.enter], "open", .drillDown, hint: "open"),
        KeyBinding([.character("/")], "filter as you type (runtime:, tag:k=v, state:, arch:, memory:>=N)", .beginFilter, hint: "filter"),
        KeyBinding([.character("S")], "logs: choose a log stream, or all of them", .toggleStreamList, hint: "streams",
                   when: { $0.pane == .logs }),
        KeyBinding([.character("T")], "live tail of the function's logs", .openTail, hint: "tail"),
        KeyBinding([.character("D")], "download the code package (of the version selected) to the current folder", .downloadCode,
                   when: { $0.pane == .functions || $0.pane == .versions }),
        KeyBinding([.character("d")], "versions: compare with $LATEST, or with the version space marked", .diffCommand(.open), hint: "diff",
                   when: { $0.pane == .versions }),
        KeyBinding([.character(" ")], "versions: mark the version to compare with (d)", .diffCommand(.mark), when: { $0.pane == .versions }),
        KeyBinding([.character("M")], "monitor: the function's metrics as charts", .monitorCommand(.open), hint: "monitor"),
        KeyBinding([.character("L")], "Logs Insights: queries over the function's logs", .insightsCommand(.open), hint: "insights"),
        KeyBinding([.character("m")], "metric columns: the last hour's invocations, errors, p99, throttles, cost (GetMetricData, billed)",
                   .toggleMetricColumns, hint: "metrics", when: { $0.pane == .functions }),
    ] + (1...10).map { position in
        let titles = (PaneColumns.functions(now: .distantPast) as [ColumnSpec<FunctionRow>]).map(\.title)
        let functionColumn = titles.indices.contains(position - 1) ? titles[position - 1] : "none"
        return KeyBinding([.character(Character(String(position % 10)))],
                          "sort by column \(position) (functions: \(functionColumn.lowercased()))" + (position == 1 ? " (again: reverse)" : ""),
                          .sortByPosition(position))
    }

    public static let detail: [KeyBinding] = [
        KeyBinding([.character("s")], "show or hide environment values", .toggleSecrets, hint: "secrets"),
        KeyBinding([.character("J")], "raw JSON", .showRawJSON, hint: "json"),
        KeyBinding([.character("P")], "the resource-based policy as JSON", .showPolicyJSON, hint: "policy"),
        KeyBinding([.character("D")], "download the code package to the current folder", .downloadCode),
        KeyBinding([.character("M")], "monitor: the function's metrics as charts", .monitorCommand(.open), hint: "monitor"),
        KeyBinding([.character("L")], "Logs Insights: queries over the function's logs", .insightsCommand(.open)),
        KeyBinding([.character("j"), .down], "scroll down", .moveCursor(1)),
        KeyBinding([.character("k"), .up], "scroll up", .moveCursor(-1)),
        KeyBinding([.character("g"), .home], "top", .moveToTop),
        KeyBinding([.character("G"), .end], "bottom", .moveToBottom),
    ]

    public static let monitor: [KeyBinding] = MetricRange.allCases.map { range in
        KeyBinding([.character(range.key)], "monitor: the last \(range.rawValue)", .monitorCommand(.range(range)),
                   hint: range == .hour ? "to 6: range" : nil)
    } + [
        KeyBinding([.character("v")], "monitor: the whole function, per version, per alias", .monitorCommand(.cycleSplit), hint: "split"),
        KeyBinding([.character("h"), .left], "monitor: cursor left", .monitorCommand(.moveCursor(-1)), hint: "cursor"),
        KeyBinding([.character("l"), .right], "monitor: cursor right", .monitorCommand(.moveCursor(1))),
        KeyBinding([.character("H")], "monitor: cursor ten cells left", .monitorCommand(.moveCursor(-10))),
        KeyBinding([.character("L"), .end], "monitor: cursor to the latest point", .monitorCommand(.cursorToLatest)),
        KeyBinding([.character("j"), .down], "monitor: next chart", .moveCursor(1)),
        KeyBinding([.character("k"), .up], "monitor: previous chart", .moveCursor(-1)),
        KeyBinding([.character("T")], "live tail of the function's logs", .openTail, hint: "tail"),
    ]

    public static let insights: [KeyBinding] = {
        @Sendable func choosing(_ state: ConsoleState) -> Bool {
            if case .insights(let name) = state.route { return state.insights[name]?.choosing ?? true }
            return false
        }
        let canned = InsightsQuery.lambda.compactMap { query in
            query.key.map { key in
                KeyBinding([.character(key)], "insights: \(query.name)", command: .action(.insightsCommand(.run(key))),
                           id: "insights-run-\(key)", when: choosing, applies: choosing)
            }
        }
        let ranges = MetricRange.allCases.map { range in
            KeyBinding([.character(range.key)], "insights: over the last \(range.rawValue)", command: .action(.insightsCommand(.range(range))),
                       hint: range == .hour ? "to 6: range" : nil, id: "insights-range-\(range.rawValue)", when: choosing, applies: choosing)
        }
        let sorts = (1...10).map { position in
            KeyBinding([.character(Character(String(position % 10)))], "insights: sort the results by field \(position) (again: reverse)",
                       command: .action(.insightsCommand(.sortByField(position))), id: "insights-sort-\(position)",
                       when: { !choosing($0) }, applies: { !choosing($0) })
        }
        return [
            KeyBinding([.enter], "insights: run the query; on a result, open its invocation's lines", .insightsCommand(.openRow), hint: "run/open"),
            KeyBinding([.escape], "insights: stop the query; back to the list", .insightsCommand(.back), hint: "back"),
            KeyBinding([.character("j"), .down], "insights: down", .moveCursor(1)),
            KeyBinding([.character("k"), .up], "insights: up", .moveCursor(-1)),
            KeyBinding([.pageDown, .control("f")], "insights: page down", .pageDown),
            KeyBinding([.pageUp, .control("b")], "insights: page up", .pageUp),
            KeyBinding([.character("w")], "insights: save the results as CSV", .insightsCommand(.save(json: false)), hint: "csv",
                       id: "insights-save-csv"),
            KeyBinding([.character("W")], "insights: save the results as JSON", .insightsCommand(.save(json: true)), id: "insights-save-json"),
        ] + canned + ranges + sorts
    }()

    public static let layers: [KeyBinding] = [
        KeyBinding([.character("j"), .down], "layers: down", .moveCursor(1)),
        KeyBinding([.character("k"), .up], "layers: up", .moveCursor(-1)),
        KeyBinding([.pageDown, .control("f")], "layers: page down", .pageDown),
        KeyBinding([.pageUp, .control("b")], "layers: page up", .pageUp),
        KeyBinding([.enter], "layers: the layer's versions, and the functions using each", .layersCommand(.openLayer), hint: "versions"),
        KeyBinding([.escape], "layers: back to the layers, then out", .layersCommand(.back), hint: "back"),
        KeyBinding([.control("d")], "layers: delete the version under the cursor (press twice)", .layersCommand(.deleteVersion), mutates: true),
        KeyBinding([.character("n")], "layers: publish a new version from a zip or a folder", .openAction(.publishLayer), mutates: true, hint: "publish"),
        KeyBinding([.character("s")], "layers: share the version with an account, an organization or everyone", .openAction(.shareLayer), mutates: true),
        KeyBinding([.character("x")], "layers: stop sharing it (a statement of its policy)", .openAction(.unshareLayer), mutates: true),
    ]

    public static let signing: [KeyBinding] = [
        KeyBinding([.character("j"), .down], "signing: down", .moveCursor(1)),
        KeyBinding([.character("k"), .up], "signing: up", .moveCursor(-1)),
        KeyBinding([.enter], "signing: read again which functions use it", .signingCommand(.users), hint: "users"),
        KeyBinding([.character("n")], "signing: a new configuration", .openAction(.createSigningConfig), mutates: true, hint: "new"),
        KeyBinding([.character("e")], "signing: change it", .openAction(.editSigningConfig), mutates: true, hint: "edit"),
        KeyBinding([.control("d")], "signing: delete it (press twice)", .signingCommand(.delete), mutates: true),
        KeyBinding([.escape], "signing: back", .signingCommand(.back), hint: "back"),
    ]

    public static let audit: [KeyBinding] = [
        KeyBinding([.character("j"), .down], "audit: down", .moveCursor(1)),
        KeyBinding([.character("k"), .up], "audit: up", .moveCursor(-1)),
        KeyBinding([.pageDown, .control("f")], "audit: page down", .pageDown),
        KeyBinding([.pageUp, .control("b")], "audit: page up", .pageUp),
        KeyBinding([.character("u")], "audit: undo the change under the cursor (press twice; refused if it changed since)",
                   .auditCommand(.undo), mutates: true, hint: "undo"),
        KeyBinding([.escape], "audit: back", .auditCommand(.back), hint: "back"),
    ]

    public static let versionDiff: [KeyBinding] = [
        KeyBinding([.character("j"), .down], "diff: next file (in a file: scroll)", .diffCommand(.moveFile(1))),
        KeyBinding([.character("k"), .up], "diff: previous file (in a file: scroll)", .diffCommand(.moveFile(-1))),
        KeyBinding([.pageDown, .control("f")], "diff: ten down", .diffCommand(.moveFile(10))),
        KeyBinding([.pageUp, .control("b")], "diff: ten up", .diffCommand(.moveFile(-10))),
        KeyBinding([.enter], "diff: the file's lines, old and new", .diffCommand(.openFile), hint: "file"),
        KeyBinding([.escape], "diff: back to the files, then to the versions", .diffCommand(.back), hint: "back"),
    ]

    /// The fleet view's keys; its digits sort by its columns (where it is, then the functions list's).
    public static let fleet: [KeyBinding] = [
        KeyBinding([.character("j"), .down], "fleet: down", .moveCursor(1)),
        KeyBinding([.character("k"), .up], "fleet: up", .moveCursor(-1)),
        KeyBinding([.character("g"), .home], "fleet: first row", .moveToTop),
        KeyBinding([.character("G"), .end], "fleet: last row", .moveToBottom),
        KeyBinding([.pageDown, .control("f")], "fleet: page down", .pageDown),
        KeyBinding([.pageUp, .control("b")], "fleet: page up", .pageUp),
        KeyBinding([.enter], "fleet: open the function in its own profile and region", .fleetCommand(.openSelected), hint: "open"),
        KeyBinding([.character("/")], "fleet: filter (profile, account, region, name, runtime, description)", .beginFilter, hint: "filter"),
    ] + (1...10).map { position in
        let titles = PaneColumns.fleet(profiles: false, now: .distantPast).map(\.title)
        let title = titles.indices.contains(position - 1) ? titles[position - 1].lowercased() : "none"
        return KeyBinding([.character(Character(String(position % 10)))], "fleet: sort by column \(position) (all regions: \(title))",
                          .sortByPosition(position), id: "fleet-sort-\(position)")
    }

    public static let tail: [KeyBinding] = [
        KeyBinding([.character("k"), .up], "up (pauses following)", .moveCursor(-1)),
        KeyBinding([.character("j"), .down], "down", .moveCursor(1)),
        KeyBinding([.pageUp, .control("b")], "page up", .pageUp),
        KeyBinding([.pageDown, .control("f")], "page down", .pageDown),
        KeyBinding([.character("f"), .end, .character("G")], "follow new lines again", .tailCommand(.follow), hint: "follow"),
        KeyBinding([.character("/")], "search (highlighted)", .tailCommand(.beginSearch), hint: "search"),
        KeyBinding([.character("n")], "next match (newer, downward)", .tailCommand(.nextMatch(1))),
        KeyBinding([.character("N")], "previous match (older, upward)", .tailCommand(.nextMatch(-1))),
        KeyBinding([.character("F")], "server-side filter pattern (CloudWatch syntax)", .tailCommand(.beginPattern), hint: "pattern"),
        KeyBinding([.character("I")], "since the last invocation", .tailCommand(.jump(.sinceInvocation))),
        KeyBinding([.character("5")], "the last 5 minutes", .tailCommand(.jump(.lastMinutes(5)))),
        KeyBinding([.character("h")], "the last hour", .tailCommand(.jump(.lastMinutes(60)))),
        KeyBinding([.character("w")], "save the lines to a file in the current folder", .tailCommand(.save), hint: "save"),
        KeyBinding([.character("z")], "fold START/END, REPORT as its figures", .tailCommand(.fold), hint: "fold"),
        KeyBinding([.character("v")], "wrap long lines, every line of multi-line events", .tailCommand(.wrap), hint: "wrap"),
    ]

    public static let invoke: [KeyBinding] = [
        KeyBinding([.character("r")], "invoke again with the same request", .invokeCommand(.rerun), mutates: true, hint: "again"),
        KeyBinding([.character("e"), .character("i")], "edit the request: payload, qualifier, type, context, burst", .invokeCommand(.edit),
                   mutates: true, hint: "edit"),
        KeyBinding([.tab], "scroll the response or the logs", .invokeCommand(.switchFocus), hint: "focus"),
        KeyBinding([.character("j"), .down], "down", .moveCursor(1)),
        KeyBinding([.character("k"), .up], "up (logs: pauses following)", .moveCursor(-1)),
        KeyBinding([.pageDown, .control("f")], "page down", .pageDown),
        KeyBinding([.pageUp, .control("b")], "page up", .pageUp),
        KeyBinding([.character("g"), .home], "top", .moveToTop),
        KeyBinding([.character("v")], "raw or pretty response", .invokeCommand(.toggleRaw), hint: "raw"),
        KeyBinding([.character("w")], "save the whole response body to a file", .invokeCommand(.save), hint: "save"),
        KeyBinding([.character("x")], "stop a running burst", .invokeCommand(.stopBurst)),
        KeyBinding([.character("H")], "history of this session's invocations", .invokeCommand(.showHistory), hint: "history"),
        KeyBinding([.character("f"), .end, .character("G")], "logs: follow new lines again", .tailCommand(.follow), hint: "follow"),
        KeyBinding([.character("z")], "logs: fold START/END, REPORT as its figures", .tailCommand(.fold)),
        KeyBinding([.character("W")], "logs: wrap long lines, every line of multi-line events", .tailCommand(.wrap)),
        KeyBinding([.character("/")], "logs: search", .tailCommand(.beginSearch)),
        KeyBinding([.character("n")], "logs: next match (newer)", .tailCommand(.nextMatch(1))),
        KeyBinding([.character("N")], "logs: previous match (older)", .tailCommand(.nextMatch(-1))),
        KeyBinding([.character("F")], "logs: server-side filter pattern", .tailCommand(.beginPattern)),
    ]

    /// Every one opens a form or the palette first: nothing changes on a single stray key.
    public static let actions: [KeyBinding] = [
        KeyBinding([.control("p"), .character(".")], "action palette: every action on the selection", .openPalette, mutates: true, hint: "actions"),
        KeyBinding([.character("i")], "invoke (payload, qualifier, type, saved events)", .perform(.invoke), mutates: true, hint: "invoke"),
        KeyBinding([.character("P")], "publish a version", .perform(.publish), mutates: true),
        KeyBinding([.character("u")], "update code from a zip, a directory, S3 or an image", .perform(.updateCode), mutates: true),
        KeyBinding([.character("e")], "edit configuration (on aliases: the alias; on mappings: the mapping)", .perform(.edit), mutates: true),
        KeyBinding([.character("t")], "tags", .perform(.tags), mutates: true),
        KeyBinding([.character("a")], "alias actions", .perform(.alias), mutates: true),
        KeyBinding([.character("c")], "concurrency (versions and aliases: provisioned)", .perform(.concurrency), mutates: true),
        KeyBinding([.character("x")], "mappings: enable or disable", .perform(.toggleMapping), mutates: true),
        KeyBinding([.character("s")], "aliases: shift traffic (+/- 5, >/< 1, 1-9, 0, P promote, R roll back)", .perform(.shift), mutates: true),
        KeyBinding([.control("d")], "delete the function, version, alias or mapping (type its name)", .perform(.delete), mutates: true),
    ]

    public static func bindings(for context: KeyContext) -> [KeyBinding] {
        switch context {
        case .global: return global
        case .table: return table
        case .detail: return detail
        case .tail: return tail
        case .invoke: return invoke
        case .actions: return actions
        case .filter: return filter
        case .prompt: return prompt
        case .commandLine: return commandLine
        case .palette: return palette
        case .form: return form
        case .shift: return shift
        case .rollout: return rollout
        case .history: return history
        case .help: return help
        case .logEvent: return logEvent
        case .copyMenu: return copyMenu
        case .monitor: return monitor
        case .insights: return insights
        case .fleet: return fleet
        case .contexts: return contexts
        case .login: return login
        case .account: return account
        case .versionDiff: return versionDiff
        case .layers: return layers
        case .audit: return audit
        case .signing: return signing
        }
    }

    /// The binding `key` means now: the first of the active contexts' that takes it.
    public static func binding(for key: Key, in state: ConsoleState, keys: KeyMap = .standard) -> KeyBinding? {
        for context in activeContexts(state) {
            if let binding = keys.bindings(for: context).first(where: { $0.matches(key) && $0.applies(state) }) { return binding }
        }
        return nil
    }

    public static func action(for key: Key, in state: ConsoleState, keys: KeyMap = .standard) -> ConsoleAction? {
        binding(for: key, in: state, keys: keys)?.action(for: key, in: state)
    }

    /// The contexts whose keys work now, the first to claim a key winning: a prompt or an
    /// overlay takes every key; otherwise the screen's keys, the actions and the global ones.
    public static func activeContexts(_ state: ConsoleState) -> [KeyContext] {
        if case .commandLine = state.overlay { return [.commandLine] }
        if let name = state.route.tailFunction, let tail = state.tails[name], tail.editingSearch || tail.editingPattern { return [.prompt] }
        if state.editingFilter { return [.filter] }
        switch state.overlay {
        case .palette: return [.palette]
        case .form: return [.form]
        case .shift: return [.shift]
        case .rollout: return [.rollout]
        case .history: return [.history]
        case .help: return [.help]
        case .logEvent: return [.logEvent]
        case .copyMenu: return [.copyMenu]
        case .contexts: return [.contexts]
        case .login: return [.login]
        case .account: return [.account]
        case .commandLine, nil: break
        }
        switch state.route {
        case .pane: return [.table, .actions, .global]
        case .detail, .rawJSON: return [.detail, .actions, .global]
        case .tail: return [.tail, .actions, .global]
        case .invoke: return [.invoke, .global]
        case .monitor: return [.monitor, .global]
        case .insights: return [.insights, .global]
        case .fleet: return [.fleet, .global]
        case .versionDiff: return [.versionDiff, .global]
        case .layers: return [.layers, .global]
        case .audit: return [.audit, .global]
        case .signing: return [.signing, .global]
        }
    }
}
