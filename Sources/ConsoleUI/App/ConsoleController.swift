import ConsoleStore
import Foundation

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
    let terminal: (any TerminalHandOver)?
    private let perform: (ConsoleEffect) -> Void

    public init(state: ConsoleState, screen: any Screen, theme: Theme, terminal: (any TerminalHandOver)?,
                perform: @escaping (ConsoleEffect) -> Void) {
        self.state = state
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

    public func render(now: Date = Date()) {
        ConsoleView.render(state, on: screen, theme: theme, now: now)
    }

    private var recent = RecentActions()

    public func dispatch(_ action: ConsoleAction, now: Date = Date()) {
        recent.note(action)
        let effects = Reducer.reduce(&state, action, now: now)
        CrashGuard.record("screen: \(Self.screenName(state))\nlast actions: \(recent.names.joined(separator: ", "))")
        if state.suspendRequested {
            terminal?.suspend()
            dispatch(.resumed)
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
        if state.editingFilter { return true }
        if let name = state.route.tailFunction, let tail = state.tails[name], tail.editingSearch || tail.editingPattern { return true }
        switch state.overlay {
        case .commandLine, .palette: return true
        case .form(let form):
            guard let field = form.focusedField else { return false }
            if case .choice = field.kind { return false }
            return true
        default: return false
        }
    }

    /// Text input (the filter and the command line) first, then overlays, then the key tables.
    public func handle(_ key: Key) {
        if case .resize = key {
            dispatch(.resized(rows: screen.rows, columns: screen.columns))
            return
        }
        if case .commandLine(let text) = state.overlay {
            switch key {
            case .enter: dispatch(.runCommandLine)
            case .escape: dispatch(.closeOverlay)
            case .backspace: dispatch(.editCommandLine(String(text.dropLast())))
            case .control("u"): dispatch(.editCommandLine(""))
            case .tab:
                let matches = ConsoleCommands.completions(for: text)
                if matches.count == 1 { dispatch(.editCommandLine(matches[0])) }
            case .character(let character): dispatch(.editCommandLine(text + String(character)))
            case .paste(let pasted): dispatch(.editCommandLine(text + Self.oneLine(pasted)))
            case .control("c"): dispatch(.quit)
            default: break
            }
            return
        }
        if let name = state.route.tailFunction, let tail = state.tails[name], tail.editingSearch || tail.editingPattern {
            let text = tail.editingSearch ? tail.search : (tail.filterPattern ?? "")
            let edit: (String) -> TailCommand = tail.editingSearch ? { .editSearch($0) } : { .editPattern($0) }
            let end: (Bool) -> TailCommand = tail.editingSearch ? { .endSearch(keep: $0) } : { .endPattern(keep: $0) }
            switch key {
            case .enter: dispatch(.tailCommand(end(true)))
            case .escape: dispatch(.tailCommand(end(false)))
            case .backspace: dispatch(.tailCommand(edit(String(text.dropLast()))))
            case .control("u"): dispatch(.tailCommand(edit("")))
            case .character(let character): dispatch(.tailCommand(edit(text + String(character))))
            case .paste(let pasted): dispatch(.tailCommand(edit(text + Self.oneLine(pasted))))
            case .control("c"): dispatch(.quit)
            default: break
            }
            return
        }
        if state.editingFilter {
            // A reopened filter's text is selected: typing replaces it, Backspace clears it.
            let text = state.filterTextSelected ? "" : state.tables[state.pane]?.filter ?? ""
            switch key {
            case .enter: dispatch(.endFilter(keep: true))
            case .escape: dispatch(.endFilter(keep: false))
            case .backspace: dispatch(.editFilter(String(text.dropLast())))
            case .control("u"): dispatch(.editFilter(""))
            case .character(let character): dispatch(.editFilter(text + String(character)))
            case .paste(let pasted): dispatch(.editFilter(text + Self.oneLine(pasted)))
            case .up, .down: dispatch(.moveCursor(key == .up ? -1 : 1))
            case .control("c"): dispatch(.quit)
            default: break
            }
            return
        }
        switch state.overlay {
        case .palette(let palette):
            return handlePalette(key, palette)
        case .form(let form):
            return handleForm(key, form)
        case .shift:
            return handleShift(key)
        case .rollout(let panel):
            return handleRollout(key, panel)
        case .history:
            switch key {
            case .enter: dispatch(.invokeCommand(.openHistory))
            case .escape, .character("q"), .character("H"): dispatch(.closeOverlay)
            case .control("c"): dispatch(.quit)
            default:
                if let action = KeyTables.action(for: key, route: .pane(.functions)), Reducer.scrollDelta(action, page: 1) != nil {
                    dispatch(action)
                }
            }
            return
        default:
            break
        }
        if case .logEvent = state.overlay {
            switch key {
            case .escape, .enter, .character("q"): dispatch(.closeOverlay)
            case .control("c"): dispatch(.quit)
            case .wheelUp: dispatch(.moveCursor(-3))
            case .wheelDown: dispatch(.moveCursor(3))
            default:
                if let action = KeyTables.action(for: key, route: .pane(.functions)), Reducer.scrollDelta(action, page: 1) != nil {
                    dispatch(action)
                }
            }
            return
        }
        if state.overlay == .help {
            switch key {
            case .escape, .character("?"), .character("q"): dispatch(.closeOverlay)
            case .control("c"): dispatch(.quit)
            case .wheelUp: dispatch(.moveCursor(-3))
            case .wheelDown: dispatch(.moveCursor(3))
            default:
                // Movement keys scroll the help; the reducer ignores everything else here.
                if let action = KeyTables.action(for: key, route: .pane(.functions)), Reducer.scrollDelta(action, page: 1) != nil {
                    dispatch(action)
                }
            }
            return
        }
        switch key {
        case .wheelUp: dispatch(.moveCursor(-3))
        case .wheelDown: dispatch(.moveCursor(3))
        case .mouseClick(let row, let column): click(row: row, column: column)
        default:
            if let action = KeyTables.action(for: key, route: state.route) {
                dispatch(action)
            }
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
