import ConsoleStore
import FoundationEssentials

/// What the console needs of a real terminal besides drawing: handing it over to another
/// program (an editor, a stop) and taking it back. The grid screen in tests has none.
public protocol TerminalHandOver: AnyObject {
    func handOver(_ work: () -> Void)
    func suspend()
}

extension CursesScreen: TerminalHandOver {}

/// Everything between a key and a frame, with no terminal I/O of its own: text input, overlays
/// and the key tables turn keys into actions, the reducer applies them, and the effects it asks
/// for go to `perform`. The curses loop drives one; the model tests drive one on a grid screen.
public final class ConsoleController {
    public private(set) var state: ConsoleState
    public let screen: any Screen
    let theme: Theme
    /// The key tables, with the user's remappings.
    public let keys: KeyMap
    let terminal: (any TerminalHandOver)?
    /// How `y` reaches the user's clipboard.
    let clipboard: TerminalClipboard
    private let perform: (ConsoleEffect) -> Void

    public init(state: ConsoleState, screen: any Screen, theme: Theme, terminal: (any TerminalHandOver)?, keys: KeyMap = .standard,
                clipboard: TerminalClipboard = TerminalClipboard(environment: [:], filePath: (FileManager.default.temporaryDirectory.path + "/") + "lambda-tui-clipboard.txt"),
                perform: @escaping (ConsoleEffect) -> Void) {
        self.clipboard = clipboard
        self.state = state
        self.keys = keys
        self.screen = screen
        self.theme = theme
        self.terminal = terminal
        self.perform = perform
    }

    /// The screen by its kind, without names or values.
    static func screenName(_ state: ConsoleState) -> String {
        let route = Mirror(reflecting: state.route).children.first?.label ?? "\(state.route)"
        let pane = route == "pane" ? " \(state.pane.rawValue)" : ""
        let overlay = state.overlay.map { Mirror(reflecting: $0).children.first?.label ?? "\($0)" }.map { ", overlay \($0)" } ?? ""
        return route + pane + overlay
    }

    /// Another context's state, on screen from now on (`:region`, `:profile`).
    public func adopt(_ state: ConsoleState) {
        self.state = state
    }

    /// The context switch the user asked for, taken once.
    public func takeContextRequest() -> ContextRequest? {
        guard let request = state.contextRequest else { return nil }
        state.contextRequest = nil
        return request
    }

    public func render(now: Date = Date()) {
        ConsoleView.render(state, on: screen, theme: theme, keys: keys, now: now)
    }

    private var recent = RecentActions()

    public func dispatch(_ action: ConsoleAction, now: Date = Date()) {
        recent.note(action)
        let effects = Reducer.reduce(&state, action, now: now)
        // A detail or JSON view's length depends on the screen's width, which only the UI knows:
        // a scroll is held at the last line here, so that k after G (or after j past the end)
        // moves at once.
        if Reducer.scrollDelta(action, page: state.pageHeight) != nil, state.detailScroll > 0,
           let limit = ConsoleView.detailScrollLimit(state, columns: screen.columns, rows: screen.rows, now: now) {
            state.detailScroll = min(state.detailScroll, limit)
        }
        CrashGuard.record("screen: \(Self.screenName(state))\nlast actions: \(recent.names.joined(separator: ", "))")
        if state.suspendRequested {
            terminal?.suspend()
            dispatch(.resumed)
        }
        // Copying needs the terminal, which only the UI has: written here, then said.
        if let request = state.clipboard {
            dispatch(.clipboardWritten(clipboard.deliver(request, to: screen)), now: now)
        }
        effects.forEach(perform)
    }

    /// Keys as they came in one read: a run of letters typed into text (a paste from a terminal
    /// without bracketed paste) goes in as one edit, so that a 100 KB paste costs one filter
    /// pass, not one per character.
    public func handle(_ keys: [Key]) {
        var index = 0
        while index < keys.count {
            if isEditingText, case .character = keys[index] {
                var text = ""
                while index < keys.count, case .character(let character) = keys[index] {
                    text.append(character)
                    index += 1
                }
                handle(text.count == 1 ? .character(text[text.startIndex]) : .paste(text))
            } else {
                handle(keys[index])
                index += 1
            }
        }
    }

    /// Whether typed letters go into text now (a filter, search, command line, palette or a
    /// form's text field) rather than being keys.
    var isEditingText: Bool {
        KeyTables.activeContexts(state).lazy.flatMap { self.keys.bindings(for: $0) }.first { $0.takesText && $0.applies(self.state) } != nil
    }

    /// A key goes to the first binding of the active contexts that takes it; mouse clicks and
    /// resizes are not keys.
    public func handle(_ key: Key) {
        if key != .resize { dispatch(.userActive) }
        switch key {
        case .resize:
            dispatch(.resized(rows: screen.rows, columns: screen.columns))
            return
        case .mouseClick(let row, let column):
            if state.overlay == nil, !isEditingText { click(row: row, column: column) }
            return
        default:
            break
        }
        guard let binding = KeyTables.binding(for: key, in: state, keys: keys) else { return }
        if case .editInEditor = binding.command {
            if case .form(let form) = state.overlay, let field = form.focusedField { editInEditor(field) }
        } else if let action = binding.action(for: key, in: state) {
            dispatch(action)
        }
    }

    /// A click on a tab shows that pane; a click on a row selects it, and a second opens it.
    func click(row: Int, column: Int) {
        let layout = ScreenLayout(rows: screen.rows, columns: screen.columns)
        if row == layout.tabsRow {
            var x = 0
            for pane in Pane.allCases {
                let width = pane.rawValue.count + 3
                if column >= x && column < x + width { dispatch(.show(pane)); return }
                x += width
            }
            return
        }
        guard case .pane(let pane) = state.route, let table = state.tables[pane],
              let position = layout.tablePosition(screenRow: row, scroll: table.scroll), position < table.visible.count else { return }
        if position == table.cursor { dispatch(.drillDown) } else { dispatch(.moveCursor(position - table.cursor)) }
    }
}
