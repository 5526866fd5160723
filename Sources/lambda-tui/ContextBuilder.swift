import AWSCore
import ConsoleStore
import ConsoleUI
import FoundationEssentials
import LambdaAPI
import LogsAPI
import MetricsAPI
import TaggingAPI

/// Builds what the console talks to for one profile and region: settings from the command line
/// and config files, the credential chain, and the effect runner with every client. The first
/// context and each `:region` or `:profile` switch are built the same way.
struct ContextBuilder: Sendable {
    let environment: [String: String]
    /// `--read-only` or `read_only = true`: every context; else the profiles `read_only_profiles` names.
    let readOnly: Bool
    let preferences: ConsolePreferences
    let caching: Bool
    /// Shared by every context: the account's control-plane quota is one.
    let budget: RequestBudget
    /// The fleet view's clients, shared by every context's runner.
    var fleet: FleetClients?

    var rolloutFiles: RolloutFiles { RolloutFiles(directory: RolloutFiles.defaultDirectory(environment: environment)) }

    func make(_ overrides: AWSSettingsOverrides) throws -> (context: ConsoleContext, settings: AWSSettings, listingCache: ListingCache?) {
        let settings = try AWSSettings.resolve(overrides, environment: environment)
        let readOnly = readOnly || preferences.isReadOnly(profile: settings.profile)
        let transport = CurlTransport(options: settings.transport)
        let credentials = try DefaultCredentialChain.make(settings: settings, transport: transport)
        // AWS's own GetResources lists every tagged function, 100 a call; an emulator's may list none
        // (moto's does), so at another endpoint the tags are read with ListTags.
        let taggingEndpoint = settings.endpoint(for: .tagging)
        let tagging = taggingEndpoint.problem == nil && taggingEndpoint.source.hasPrefix("default")
            ? TaggingClient(settings: settings, credentials: credentials, transport: transport, budget: budget) : nil
        let listingCache = caching ? ListingCache(folder: AppDirectories.cache(environment), profile: settings.profile, region: settings.region,
                                                  endpoint: settings.endpoint(for: .lambda).url) : nil
        let runner = EffectRunner(lambda: LambdaClient(settings: settings, credentials: credentials, transport: transport, budget: budget),
                                  logs: LogsClient(settings: settings, credentials: credentials, transport: transport),
                                  logReadLimit: Double(settings.transport.readTimeout.components.seconds), readOnly: readOnly,
                                  audit: AuditLog(path: AuditLog.defaultPath(environment: environment), profile: settings.profile,
                                                  region: settings.region),
                                  events: SavedEventStore(directory: SavedEventStore.defaultDirectory(environment: environment)),
                                  metrics: MetricsClient(settings: settings, credentials: credentials, transport: transport, budget: budget),
                                  rolloutFiles: rolloutFiles, tagging: tagging, listingCache: listingCache,
                                  preferencesPath: ConsolePreferences.path(environment: environment),
                                  queryFolder: AppDirectories.config(environment) + "/queries", fleet: fleet,
                                  ssoLogin: ssoLogin(settings))
        let connection = ConnectionInfo(profile: settings.profile, region: settings.region,
                                        endpoint: EndpointText.redacted(settings.endpoint(for: .lambda).url), readOnly: readOnly,
                                        ssoAccount: settings.ssoAccount)
        // Another SSO account of the same profile is a context of its own.
        let account = settings.ssoAccount.map { "#\($0.accountID)/\($0.roleName)" } ?? ""
        return (ConsoleContext(key: "\(settings.profile)\(account)@\(settings.region)", runner: runner, connection: connection, credentials: credentials,
                               listingCache: listingCache),
                settings, listingCache)
    }

    /// `:login` for an IAM Identity Center profile: the device flow `lambda-tui login` runs,
    /// writing the cache the AWS CLI reads. Nil for a profile that does not use it.
    func ssoLogin(_ settings: AWSSettings) -> SSOLoginStarter? {
        guard let target = try? SSODeviceLogin.target(settings.profile, in: settings.config) else { return nil }
        let login = SSODeviceLogin(target: target, cacheDirectory: Self.ssoCache(environment),
                                   oidcEndpoint: settings.credentialEndpoints.resolve(.ssoOIDC, region: target.region).url,
                                   transport: CurlTransport(options: settings.transport))
        let endpoints = settings.credentialEndpoints, transport = CurlTransport(options: settings.transport)
        let cache = Self.ssoCache(environment)
        return SSOLoginStarter(profile: settings.profile, run: { show in try await login.run(show: show) }, accounts: {
            guard let profile = try SSOCredentialProvider.profile(settings.profile, in: settings.config) else { return [] }
            return try await SSOCredentialProvider(profile: profile, cacheDirectory: cache,
                                                   portalEndpoint: endpoints.resolve(.ssoPortal, region: profile.region).url,
                                                   oidcEndpoint: endpoints.resolve(.ssoOIDC, region: profile.region).url,
                                                   transport: transport).accountChoices()
        })
    }

    /// Where `aws sso login` keeps its tokens.
    static func ssoCache(_ environment: [String: String]) -> String {
        (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path) + "/.aws/sso/cache"
    }

    /// A Lambda client alone, for the fleet view's listing of another profile or region, and the
    /// region it lists.
    func lambdaClient(_ overrides: AWSSettingsOverrides) throws -> (client: LambdaClient, region: String) {
        let settings = try AWSSettings.resolve(overrides, environment: environment)
        let transport = CurlTransport(options: settings.transport)
        let credentials = try DefaultCredentialChain.make(settings: settings, transport: transport)
        return (LambdaClient(settings: settings, credentials: credentials, transport: transport, budget: budget), settings.region)
    }
}
