import AWSCore
import CNcursesw
import ConsoleStore
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// The main loop: waits with `poll` on the terminal and a wake-up pipe (no CPU while nothing
/// happens), turns keys into actions through the key tables, runs the reducer, starts the
/// effects it asks for in the background, and redraws. Only this loop touches state and screen.
public final class ConsoleApp {
    /// Builds the context a `:region` or `:profile` asks for, from the one on screen.
    public typealias ContextSwitcher = @Sendable (ContextRequest, ConnectionInfo) -> Result<ConsoleContext, ConsoleError>

    private let controller: ConsoleController
    private let screen: CursesScreen
    private let refreshInterval: TimeInterval
    private let mailbox: Mailbox
    /// The context on screen, which effects go to; the others wait with their state as it was.
    private let current: CurrentContext
    private var parked: [String: ConsoleState] = [:]
    private var contexts: [String: ConsoleContext] = [:]
    private let switcher: ContextSwitcher?
    private var signalSources: [any DispatchSourceSignal] = []

    public init(state: ConsoleState, context: ConsoleContext, screen: CursesScreen, theme: Theme, keys: KeyMap = .standard,
                refreshInterval: TimeInterval, clipboard: TerminalClipboard, switcher: ContextSwitcher? = nil) {
        let mailbox = Mailbox()
        let current = CurrentContext(context)
        self.mailbox = mailbox
        self.current = current
        self.switcher = switcher
        self.screen = screen
        self.refreshInterval = max(1, refreshInterval)
        contexts[context.key] = context
        // Each answer names the context that asked: one that arrives after a switch goes to its own.
        controller = ConsoleController(state: state, screen: screen, theme: theme, terminal: screen, keys: keys, clipboard: clipboard) { effect in
            let key = current.context.key, runner = current.context.runner
            Task.detached { mailbox.post(await runner.run(effect) { mailbox.post($0, for: key) }, for: key) }
        }
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
            let held = current.context.runner.heldByBudget
            if held != state.budgetHeld {
                controller.dispatch(.budgetHeld(held))
                dirty = true
            }
            // A running rollout's countdown and a running invocation's clock are redrawn every
            // second; otherwise nothing wakes the loop.
            // While reads run, once a second too: the footer says when the request budget holds them.
            let ticking = state.rollouts.values.contains { $0.status == .running } || state.invokeSessions.values.contains { $0.running }
                || !state.inFlight.isEmpty || state.budgetHeld > 0 || state.resourcesRecheckAt != nil
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
            for (key, action) in mailbox.take() {
                // The fleet view goes with the user from context to context, and so do its answers.
                if key == current.context.key || action.isFleetAnswer {
                    controller.dispatch(action)
                } else if var other = parked[key] {
                    // Kept for when the user comes back; what it would start is started then.
                    _ = Reducer.reduce(&other, action)
                    parked[key] = other
                }
                dirty = true
            }
            if let request = controller.takeContextRequest() {
                switchContext(request)
                dirty = true
            }
            if ticking { dirty = true }
            if let at = state.resourcesRecheckAt, at.timeIntervalSinceNow <= 0 { controller.dispatch(.recheckResources) }
            if nextRefresh.timeIntervalSinceNow <= 0 {
                controller.dispatch(.timerFired)
                nextRefresh = Date().addingTimeInterval(refreshInterval)
                dirty = true
            }
        }
        screen.close()
        for source in signalSources { source.cancel() }
    }

    /// Parks the context on screen and shows the one asked for: kept as it was left (lists,
    /// filters, cursor) and refreshed, or built and read for the first time.
    private func switchContext(_ request: ContextRequest) {
        guard let switcher else {
            controller.dispatch(.showError("This console cannot switch profile or region."))
            return
        }
        let from = controller.state
        let context: ConsoleContext
        switch switcher(request, from.connection) {
        case .success(let built): context = contexts[built.key] ?? built
        case .failure(let error):
            controller.dispatch(.showError("Cannot switch: " + error.sentence))
            return
        }
        guard context.key != current.context.key else {
            if let name = request.open {
                controller.dispatch(.openFunctionNamed(name))
            } else {
                controller.dispatch(.showStatus("Already on profile \(context.connection.profile) in \(context.connection.region)."))
            }
            return
        }
        var leaving = from
        // The fleet view, and the way back to it, go with the user.
        let fleet = leaving.fleet
        let fromFleet = request.open != nil && fleet != nil
        leaving.fleet = nil
        if fromFleet, let index = leaving.routes.lastIndex(of: .fleet) { leaving.routes.removeSubrange(index...) }
        parked[current.context.key] = leaving
        contexts[context.key] = context
        current.context = context
        var next: ConsoleState
        if var back = parked.removeValue(forKey: context.key) {
            // Answers it got while parked are in it; what they would have started is asked for again.
            back.inFlight.removeAll()
            next = back
        } else {
            next = ConsoleState(connection: context.connection)
            next.carrySettings(from: from)
            // Its last list at once, marked with its age, while the real one is read.
            next.cachesListing = context.listingCache != nil
            if let cached = context.listingCache?.load() { _ = Reducer.reduce(&next, .cachedListing(cached.functions, savedAt: cached.savedAt)) }
        }
        next.contextChoices = from.contextChoices
        next.contextChoices.visited(profile: context.connection.profile, region: context.connection.region,
                                    ssoAccount: context.connection.ssoAccount)
        next.fleet = fleet
        // Its list is read first (the fleet view's `r` would list the fleet instead).
        if fromFleet { next.routes = [.pane(.functions)] }
        controller.adopt(next)
        controller.dispatch(.resized(rows: screen.rows, columns: screen.columns))
        controller.dispatch(.refresh)
        if let name = request.open { controller.dispatch(.openFunctionNamed(name)) }
        controller.dispatch(.showStatus("Profile \(context.connection.profile) in \(context.connection.region)"
                                        + (parked.isEmpty ? "." : "; :region or :profile goes back to the others as you left them.")))
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
                // Whichever context is on screen: a signal is the user's, not a context's.
                let current = current
                source.setEventHandler { mailbox.post(.quit, for: current.context.key) }
            }
            source.resume()
            signalSources.append(source)
        }
    }
}

/// Where background work and signals leave actions for the loop, with a pipe to wake it.
final class Mailbox: Sendable {
    private let actions = Mutex<[(String, ConsoleAction)]>([])
    let readEnd: Int32
    private let writeEnd: Int32

    init() {
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    /// An answer, with the context whose work it answers.
    func post(_ action: ConsoleAction, for context: String) {
        actions.withLock { $0.append((context, action)) }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    func take() -> [(String, ConsoleAction)] {
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

/// What the console talks to for one profile and region.
public struct ConsoleContext: Sendable {
    /// "profile@region".
    public var key: String
    public var runner: EffectRunner
    public var connection: ConnectionInfo
    public var credentials: any CredentialProvider
    /// Its last function list, drawn at once when the context is first shown.
    public var listingCache: ListingCache?

    public init(key: String, runner: EffectRunner, connection: ConnectionInfo, credentials: any CredentialProvider, listingCache: ListingCache? = nil) {
        self.listingCache = listingCache
        self.key = key
        self.runner = runner
        self.connection = connection
        self.credentials = credentials
    }
}

/// The context on screen, read by the effects' dispatch; the loop alone changes it.
final class CurrentContext: Sendable {
    private let value: Mutex<ConsoleContext>
    init(_ context: ConsoleContext) { value = Mutex(context) }
    var context: ConsoleContext {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
