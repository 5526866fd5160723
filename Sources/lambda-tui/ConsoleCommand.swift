import ArgumentParser
import AWSCore
import ConsoleStore
import ConsoleUI
import FoundationEssentials
import Glibc
import LambdaAPI
import LogsAPI
import MetricsAPI
import TaggingAPI

/// `lambda-tui` (or `lambda-tui console`): the full-screen console.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console (the default): browse functions, versions, aliases, mappings and logs."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .customLong("refresh-interval"), help: "Seconds between background refreshes of the visible pane (default 30).")
    var refreshInterval: Double?

    @Flag(name: .customLong("no-cache"), help: "Neither draw the last run's function list at start nor keep this run's.")
    var noCache = false

    func validate() throws {
        if let refreshInterval, !(refreshInterval.isFinite && refreshInterval >= 1 && refreshInterval <= Seconds.maximum) {
            throw ValidationError("--refresh-interval must be a number of seconds from 1 to \(Int(Seconds.maximum)), not '\(refreshInterval)'.")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        do { try connection.startLogging() } catch { throw fail(error) }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw fail(AWSClientError.invalidRequest("The console needs a terminal. In scripts, use `lambda-tui functions`."))
        }
        if let problem = CursesScreen.terminalProblem(environment["TERM"]) { throw fail(AWSClientError.invalidRequest(problem)) }
        let (preferences, preferenceProblems) = ConsolePreferences.load(environment: environment)
        var overrides = connection.overrides
        overrides.profile = overrides.profile ?? preferences.profile
        overrides.region = overrides.region ?? preferences.region
        let readOnly = connection.readOnly || preferences.readOnly
        // One budget for the control-plane reads of every client and context (`requests_per_second`).
        var builder = ContextBuilder(environment: environment, readOnly: readOnly, preferences: preferences, caching: !noCache && preferences.cache,
                                     budget: RequestBudget(perSecond: preferences.requestsPerSecond, burst: Int(preferences.requestsPerSecond * 2)))
        // The fleet view's sources: a profile named as the first context's is that context's
        // profile as it was chosen (perhaps by default, with no profile in the files).
        let clientBuilder = builder, askedFirst = overrides
        let firstProfileName = (try? AWSSettings.resolve(overrides, environment: environment))?.profile
        builder.fleet = FleetClients { source in
            var asked = askedFirst
            asked.profile = source.profile == firstProfileName ? askedFirst.profile : source.profile
            // A profile listed in its own region when the source names none.
            asked.region = source.region
            asked.ssoAccount = source.ssoAccount
            return try clientBuilder.lambdaClient(asked)
        }
        let contextBuilder = builder
        let first: ConsoleContext
        let listingCache: ListingCache?
        // An IAM Identity Center login that is missing or expired is offered in the console.
        var loginOffer: String?
        do {
            let settings: AWSSettings
            (first, settings, listingCache) = try contextBuilder.make(overrides)
            // Find credentials before taking over the screen, so that a missing key is a plain message.
            do {
                _ = try await first.credentials.resolve()
            } catch AWSClientError.credentials(let reason) where (try? SSODeviceLogin.target(settings.profile, in: settings.config)) != nil {
                loginOffer = reason
            }
        } catch {
            throw fail(error)
        }
        let rolloutFiles = contextBuilder.rolloutFiles
        var state = ConsoleState(connection: first.connection)
        state.tailCapacity = preferences.tailLines
        state.idlePause = preferences.idlePause
        state.cachesListing = listingCache != nil
        state.chartStyle = preferences.chartStyle
        state.contextChoices = Self.contextChoices(preferences, environment: environment, readOnly: readOnly, first: first.connection)
        let (prices, priceProblems) = PriceTable.load(environment: environment)
        state.prices = prices
        // The last run's list is drawn at once, marked with its age, while the real one is read.
        if let cached = listingCache?.load() { _ = Reducer.reduce(&state, .cachedListing(cached.functions, savedAt: cached.savedAt)) }

        // NO_COLOR is the default; a theme the user names, on the command line or in the config
        // file, overrides it (as https://no-color.org asks).
        let requestedTheme = connection.theme ?? preferences.theme
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false && requestedTheme == nil
        let stateFolder = AppDirectories.state(environment)
        let crashNote = stateFolder + "/crash.txt"
        let earlierCrash = CrashGuard.takeEarlierNote(at: crashNote)
        if (try? FileManager.default.createDirectory(atPath: stateFolder, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])) != nil {
            CrashGuard.writeNotes(to: crashNote, heading: "lambda-tui \(LambdaTUIVersion.current)")
        }
        // The curses loop runs on the main thread, where signals and the terminal belong, not on
        // a thread of the concurrency pool (which it would hold for the whole session).
        let initialState = state
        let interval = refreshInterval ?? preferences.refreshInterval
        let (keys, keyProblems) = KeyMap.load(environment: environment)
        let startupNotice = earlierCrash ?? preferenceProblems.first ?? keyProblems.first ?? priceProblems.first
        let baseOverrides = overrides, firstProfile = first.connection.profile, offeredLogin = loginOffer
        try await MainThread.shared.run {
            var state = initialState
            state.refreshInterval = interval
            guard let screen = CursesScreen(useColor: !noColor) else {
                throw fail(AWSClientError.invalidRequest("Cannot start the terminal (is TERM set?)."))
            }
            let (theme, themeProblem) = ThemeLoader(environment: environment)
                .load(requestedTheme, colors: screen.supports256Colors ? 256 : 8, noColor: noColor)
            state.notice = earlierCrash ?? themeProblem ?? startupNotice
            // Rollouts an earlier console left unfinished: the first screen offers to resume or abort them.
            _ = Reducer.reduce(&state, .rolloutsFound(rolloutFiles.unfinished()))
            // Set last: the reductions above drop their effects, and a metrics read asked for in
            // one of them would stay "in flight" for ever.
            state.metricColumns = preferences.metricColumns
            if let loginOffer = offeredLogin {
                state.overlay = .login(LoginPanel(profile: first.connection.profile, offered: true,
                                                  reason: "The SSO login is missing or expired: " + loginOffer + "."))
            }
            let clipboard = TerminalClipboard(mode: preferences.clipboardToFile ? .file : .osc52, environment: environment,
                                              filePath: stateFolder + "/clipboard.txt")
            // `:region` and `:profile`: each other context is built as the first was, from the same
            // command line and config, with the profile or region asked for.
            let switcher: ConsoleApp.ContextSwitcher = { request, current in
                var asked = baseOverrides
                // The first context's profile as it was chosen (perhaps by default, with no profile
                // in the files), any other by its name.
                let profile = request.profile ?? current.profile
                asked.profile = profile == firstProfile ? baseOverrides.profile : profile
                // Another account of an SSO login stays its own until a profile is asked for.
                asked.ssoAccount = request.ssoAccount ?? (request.profile == nil ? current.ssoAccount : nil)
                // A new profile brings its own region unless one is asked for too.
                asked.region = request.region ?? (request.profile == nil ? current.region : nil)
                do { return .success(try contextBuilder.make(asked).context) } catch {
                    return .failure(ConsoleError((error as? AWSClientError) ?? .invalidRequest("\(error)")))
                }
            }
            ConsoleApp(state: state, context: first, screen: screen, theme: theme, keys: keys, refreshInterval: interval, clipboard: clipboard,
                       switcher: switcher).run()
        }
        // The session is over and the terminal restored, but reads may still be in flight on
        // other threads: exit's handlers (OpenSSL's and libcurl's cleanups) would tear those
        // libraries down under them, a segfault (and a crash note) when q came during the first
        // listing. Nothing is left to flush but stdio; the process ends here without them.
        fflush(nil)
        _exit(0)
    }

    /// What `:profile`, `:region`, `:ctx` and the fleet views offer at the start.
    static func contextChoices(_ preferences: ConsolePreferences, environment: [String: String], readOnly: Bool,
                               first: ConnectionInfo) -> ContextChoices {
        var choices = ContextChoices()
        choices.profiles = (try? SharedConfig.load(environment: environment))?.profileNames ?? []
        choices.regions = AWSPartition.of(region: first.region).lambdaRegions
        choices.allRegions = preferences.regions
        choices.fleetProfiles = preferences.fleetProfiles
        choices.readOnlyPatterns = preferences.readOnlyProfiles
        choices.everyContextReadOnly = readOnly
        choices.visited(profile: first.profile, region: first.region)
        return choices
    }
}
