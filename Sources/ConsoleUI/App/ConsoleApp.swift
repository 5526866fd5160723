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
    private let controller: ConsoleController
    private let screen: CursesScreen
    private let refreshInterval: TimeInterval
    private let mailbox: Mailbox
    private let runner: EffectRunner
    private var signalSources: [any DispatchSourceSignal] = []

    public init(state: ConsoleState, runner: EffectRunner, screen: CursesScreen, theme: Theme, keys: KeyMap = .standard,
                refreshInterval: TimeInterval, clipboard: TerminalClipboard) {
        let mailbox = Mailbox()
        self.mailbox = mailbox
        self.screen = screen
        self.refreshInterval = max(1, refreshInterval)
        controller = ConsoleController(state: state, screen: screen, theme: theme, terminal: screen, keys: keys, clipboard: clipboard) { effect in
            Task.detached { mailbox.post(await runner.run(effect) { mailbox.post($0) }) }
        }
        self.runner = runner
    }

    private var state: ConsoleState { controller.state }

    /// Runs until the user quits or a signal asks to; returns with the terminal restored.
    public func run() {
        watchSignals()
        var input = TerminalInput(window: screen.window)
        controller.dispatch(.resized(rows: screen.rows, columns: screen.columns))
        controller.dispatch(.show(.functions))
        var nextRefresh = Date().addingTimeInterval(refreshInterval)
        var dirty = true
        let idleReport = IdleReport(environment: ProcessInfo.processInfo.environment)
        var frame = 0
        while !state.quitRequested {
            if dirty {
                controller.render()
                dirty = false
                frame += 1
            }
            idleReport?.report(idle: state.inFlight.isEmpty && state.activity == nil && !input.hasPendingInput, frame: frame)
            let held = runner.heldByBudget
            if held != state.budgetHeld {
                controller.dispatch(.budgetHeld(held))
                dirty = true
            }
            // A running rollout's countdown and a running invocation's clock are redrawn every
            // second; otherwise nothing wakes the loop.
            // While reads run, once a second too: the footer says when the request budget holds them.
            let ticking = state.rollouts.values.contains { $0.status == .running } || state.invokeSessions.values.contains { $0.running }
                || !state.inFlight.isEmpty || state.budgetHeld > 0
            let wait = min(max(0, nextRefresh.timeIntervalSinceNow), ticking ? 1 : .infinity)
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: mailbox.readEnd, events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 2, Int32(min(wait, 3600) * 1000) + 1)
            mailbox.drainWakeUps()
            let keys = input.readKeys()
            if !keys.isEmpty {
                controller.handle(keys)
                dirty = true
            }
            if mailbox.takeResize() {
                screen.adoptTerminalSize()
                controller.dispatch(.resized(rows: screen.rows, columns: screen.columns))
                dirty = true
            }
            for action in mailbox.take() {
                controller.dispatch(action)
                dirty = true
            }
            if ticking { dirty = true }
            if nextRefresh.timeIntervalSinceNow <= 0 {
                controller.dispatch(.timerFired)
                nextRefresh = Date().addingTimeInterval(refreshInterval)
                dirty = true
            }
        }
        screen.close()
        for source in signalSources { source.cancel() }
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
