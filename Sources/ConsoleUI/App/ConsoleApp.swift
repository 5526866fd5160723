import CNcursesw
import ConsoleStore
import Dispatch
import Foundation
import Glibc
import Synchronization

/// The main loop: waits with `poll` on the terminal and a wake-up pipe (no CPU while nothing
/// happens), turns keys into actions through the key tables, runs the reducer, starts the
/// effects it asks for in the background, and redraws. Only this loop touches state and screen.
public final class ConsoleApp {
    private(set) var state: ConsoleState
    private let runner: EffectRunner
    let screen: CursesScreen
    private let theme: Theme
    private let refreshInterval: TimeInterval
    private let mailbox = Mailbox()
    private var signalSources: [any DispatchSourceSignal] = []

    public init(state: ConsoleState, runner: EffectRunner, screen: CursesScreen, theme: Theme, refreshInterval: TimeInterval) {
        self.state = state
        self.runner = runner
        self.screen = screen
        self.theme = theme
        self.refreshInterval = max(1, refreshInterval)
    }

    /// Runs until the user quits or a signal asks to; returns with the terminal restored.
    public func run() {
        watchSignals()
        var input = TerminalInput(window: screen.window)
        dispatch(.resized(rows: screen.rows, columns: screen.columns))
        dispatch(.show(.functions))
        var nextRefresh = Date().addingTimeInterval(refreshInterval)
        var dirty = true
        while !state.quitRequested {
            if dirty {
                ConsoleView.render(state, on: screen, theme: theme)
                dirty = false
            }
            // A running rollout's countdown and a running invocation's clock are redrawn every
            // second; otherwise nothing wakes the loop.
            let ticking = state.rollouts.values.contains { $0.status == .running } || state.invokeSessions.values.contains { $0.running }
            let wait = min(max(0, nextRefresh.timeIntervalSinceNow), ticking ? 1 : .infinity)
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: mailbox.readEnd, events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 2, Int32(min(wait, 3600) * 1000) + 1)
            mailbox.drainWakeUps()
            while let key = input.nextKey() {
                handle(key)
                dirty = true
            }
            if mailbox.takeResize() {
                screen.adoptTerminalSize()
                dispatch(.resized(rows: screen.rows, columns: screen.columns))
                dirty = true
            }
            for action in mailbox.take() {
                dispatch(action)
                dirty = true
            }
            if ticking { dirty = true }
            if nextRefresh.timeIntervalSinceNow <= 0 {
                dispatch(.timerFired)
                nextRefresh = Date().addingTimeInterval(refreshInterval)
                dirty = true
            }
        }
        screen.close()
        for source in signalSources { source.cancel() }
    }

    func dispatch(_ action: ConsoleAction) {
        let effects = Reducer.reduce(&state, action)
        if state.suspendRequested {
            screen.suspend()
            dispatch(.resumed)
        }
        for effect in effects {
            let runner = runner
            let mailbox = mailbox
            Task.detached { mailbox.post(await runner.run(effect) { mailbox.post($0) }) }
        }
    }

    /// Text input (the filter and the command line) first, then overlays, then the key tables.
    func handle(_ key: Key) {
        if case .resize = key {
            dispatch(.resized(rows: screen.rows, columns: screen.columns))
            return
        }
        if case .commandLine(let text) = state.overlay {
            switch key {
            case .enter: dispatch(.runCommandLine)
            case .escape: dispatch(.closeOverlay)
            case .backspace: dispatch(.editCommandLine(String(text.dropLast())))
            case .tab:
                let matches = ConsoleCommands.completions(for: text)
                if matches.count == 1 { dispatch(.editCommandLine(matches[0])) }
            case .character(let character): dispatch(.editCommandLine(text + String(character)))
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
            case .character(let character): dispatch(.tailCommand(edit(text + String(character))))
            case .control("c"): dispatch(.quit)
            default: break
            }
            return
        }
        if state.editingFilter {
            let text = state.tables[state.pane]?.filter ?? ""
            switch key {
            case .enter: dispatch(.endFilter(keep: true))
            case .escape: dispatch(.endFilter(keep: false))
            case .backspace: dispatch(.editFilter(String(text.dropLast())))
            case .character(let character): dispatch(.editFilter(text + String(character)))
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
        if row == 1 {
            var x = 0
            for pane in Pane.allCases {
                let width = pane.rawValue.count + 3
                if column >= x && column < x + width { dispatch(.show(pane)); return }
                x += width
            }
            return
        }
        guard case .pane(let pane) = state.route, let table = state.tables[pane], row >= 3 else { return }
        let position = table.scroll + row - 3
        guard position < table.visible.count else { return }
        if position == table.cursor { dispatch(.drillDown) } else { dispatch(.moveCursor(position - table.cursor)) }
    }

    /// SIGTERM, SIGHUP (a dropped SSH session) and SIGINT end the loop cleanly; SIGWINCH wakes it
    /// to adopt the new size. Signals reach whichever thread the runtime has, so they go through
    /// the mailbox rather than through ncurses' own handler.
    private func watchSignals() {
        let mailbox = mailbox
        for signalNumber in [SIGTERM, SIGHUP, SIGINT, SIGWINCH] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            if signalNumber == SIGWINCH {
                source.setEventHandler { mailbox.requestResize() }
            } else {
                source.setEventHandler { mailbox.post(.quit) }
            }
            source.resume()
            signalSources.append(source)
        }
    }
}

/// Where background work and signals leave actions for the loop, with a pipe to wake it.
final class Mailbox: Sendable {
    private let actions = Mutex<[ConsoleAction]>([])
    let readEnd: Int32
    private let writeEnd: Int32

    init() {
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    func post(_ action: ConsoleAction) {
        actions.withLock { $0.append(action) }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    func take() -> [ConsoleAction] {
        actions.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
    }

    private let resizePending = Mutex(false)

    func requestResize() {
        resizePending.withLock { $0 = true }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    func takeResize() -> Bool {
        resizePending.withLock { pending in
            defer { pending = false }
            return pending
        }
    }

    func drainWakeUps() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }
}
