import FoundationEssentials

/// What the user asked for on the command line; nil means "not given".
public struct AWSSettingsOverrides: Sendable {
    public var profile: String?
    public var region: String?
    public var endpointURL: String?
    public var connectTimeout: Double?
    public var readTimeout: Double?
    /// Another account and role of the profile's IAM Identity Center login (the fleet view's).
    public var ssoAccount: SSOAccountRole?

    public init(profile: String? = nil, region: String? = nil, endpointURL: String? = nil,
                connectTimeout: Double? = nil, readTimeout: Double? = nil, ssoAccount: SSOAccountRole? = nil) {
        self.ssoAccount = ssoAccount
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
    }
}

/// Profile, region, endpoints, retry and time-out settings resolved as the AWS CLI resolves them.
public struct AWSSettings: Sendable {
    public var profile: String
    public var profileSource: String
    /// True when the profile came from --profile, which makes it win over environment keys.
    public var profileIsExplicit: Bool
    public var region: String
    public var regionSource: String
    public var endpoints: EndpointResolver
    public var maxAttempts: Int
    public var transport: TransportOptions
    public var config: SharedConfig
    public var environment: [String: String]
    /// The account and role an SSO profile's credentials are for, instead of its own.
    public var ssoAccount: SSOAccountRole?

    public static func resolve(_ overrides: AWSSettingsOverrides, environment env: [String: String]) throws -> AWSSettings {
        let config: SharedConfig
        do {
            config = try SharedConfig.load(environment: env)
        } catch let error as ConfigError {
            throw AWSClientError.config(error)
        }
        let (profile, profileSource): (String, String) =
            if let name = overrides.profile.nonEmpty { (name, "--profile") }
            else if let name = env["AWS_PROFILE"].nonEmpty { (name, "AWS_PROFILE") }
            else if let name = env["AWS_DEFAULT_PROFILE"].nonEmpty { (name, "AWS_DEFAULT_PROFILE") }
            else { ("default", "default") }
        if profileSource != "default", !config.hasProfile(profile) {
            throw AWSClientError.unknownProfile(profile, files: [config.configPath, config.credentialsPath])
        }

        let (region, regionSource): (String?, String) =
            if let value = overrides.region.nonEmpty { (value, "--region") }
            else if let value = env["AWS_REGION"].nonEmpty { (value, "AWS_REGION") }
            else if let value = env["AWS_DEFAULT_REGION"].nonEmpty { (value, "AWS_DEFAULT_REGION") }
            else { (config.value("region", profile: profile), "profile '\(profile)'") }
        guard let region else { throw AWSClientError.missingRegion(profile: profile) }
        guard Self.isPlausibleRegion(region) else {
            throw AWSClientError.invalidRequest("'\(region)' (from \(regionSource)) is not a region name such as us-east-1.")
        }

        if let problem = config.missingServicesSection(profile: profile) { throw AWSClientError.invalidRequest(problem + ".") }
        let endpoints = EndpointResolver(explicitURL: overrides.endpointURL, environment: env, config: config, profile: profile)
        // Without Lambda nothing works; a Logs endpoint the partition lacks is said when logs are read.
        if let problem = endpoints.resolve(.lambda, region: region).problem { throw AWSClientError.invalidRequest(problem + ".") }

        let attemptsText = env["AWS_MAX_ATTEMPTS"].nonEmpty ?? config.value("max_attempts", profile: profile)
        var maxAttempts = 3
        if let attemptsText {
            guard let value = Int(attemptsText), value >= 1 else {
                throw AWSClientError.invalidRequest("max_attempts must be a whole number of at least 1, not '\(attemptsText)'.")
            }
            maxAttempts = value
        }

        var transport = TransportOptions()
        transport.caBundlePath = env["AWS_CA_BUNDLE"].nonEmpty ?? config.value("ca_bundle", profile: profile)
        if let timeout = try Self.timeout(overrides.connectTimeout, "--connect-timeout", "connect_timeout", config, profile) {
            transport.connectTimeout = timeout
        }
        if let timeout = try Self.timeout(overrides.readTimeout, "--read-timeout", "read_timeout", config, profile) {
            transport.readTimeout = timeout
        }

        var settings = AWSSettings(
            profile: profile, profileSource: profileSource, profileIsExplicit: profileSource == "--profile",
            region: region, regionSource: regionSource,
            endpoints: endpoints,
            maxAttempts: maxAttempts, transport: transport, config: config, environment: env
        )
        settings.ssoAccount = overrides.ssoAccount
        return settings
    }

    public func endpoint(for service: AWSService) -> ResolvedEndpoint {
        endpoints.resolve(service, region: region)
    }

    /// Where credentials come from (STS, the SSO portal and OIDC): the same settings, except
    /// `--endpoint-url`, which names where Lambda and Logs are.
    public var credentialEndpoints: EndpointResolver {
        var resolver = endpoints
        resolver.explicitURL = nil
        return resolver
    }

    /// The option's value, else the profile's setting; either refused with a sentence when it is
    /// not a number of seconds a Duration can hold.
    private static func timeout(_ option: Double?, _ optionName: String, _ key: String, _ config: SharedConfig,
                                _ profile: String) throws -> Duration? {
        if let option {
            guard let duration = Seconds.duration(option) else { throw AWSClientError.invalidRequest(Seconds.problem(optionName, "\(option)")) }
            return duration
        }
        guard let text = config.value(key, profile: profile) else { return nil }
        guard let duration = Seconds.duration(text) else {
            throw AWSClientError.invalidRequest(Seconds.problem("\(key) in profile '\(profile)'", text))
        }
        return duration
    }

    static func isPlausibleRegion(_ region: String) -> Bool {
        !region.isEmpty && region.allSatisfy { $0.isLetter && $0.isASCII || $0.isNumber || $0 == "-" }
    }
}
