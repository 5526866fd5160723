/// How one AWS service is named in signing, hostnames, environment variables and config files.
public struct AWSService: Sendable, Hashable {
    /// The service in the SigV4 credential scope.
    public var signingName: String
    /// The first label of the default hostname.
    public var endpointPrefix: String
    /// `AWS_ENDPOINT_URL_<suffix>`.
    public var environmentSuffix: String
    /// The key in a `[services NAME]` config section.
    public var configKey: String

    public init(signingName: String, endpointPrefix: String, environmentSuffix: String, configKey: String) {
        self.signingName = signingName
        self.endpointPrefix = endpointPrefix
        self.environmentSuffix = environmentSuffix
        self.configKey = configKey
    }

    public static let lambda = AWSService(signingName: "lambda", endpointPrefix: "lambda",
                                          environmentSuffix: "LAMBDA", configKey: "lambda")
    public static let logs = AWSService(signingName: "logs", endpointPrefix: "logs",
                                        environmentSuffix: "CLOUDWATCH_LOGS", configKey: "cloudwatch_logs")
    public static let sts = AWSService(signingName: "sts", endpointPrefix: "sts",
                                       environmentSuffix: "STS", configKey: "sts")
    /// IAM Identity Center's portal (GetRoleCredentials) and its OIDC service (CreateToken).
    public static let ssoPortal = AWSService(signingName: "awsssoportal", endpointPrefix: "portal.sso",
                                             environmentSuffix: "SSO", configKey: "sso")
    public static let ssoOIDC = AWSService(signingName: "sso-oauth", endpointPrefix: "oidc",
                                           environmentSuffix: "SSO_OIDC", configKey: "sso_oidc")
    public static let monitoring = AWSService(signingName: "monitoring", endpointPrefix: "monitoring",
                                              environmentSuffix: "CLOUDWATCH", configKey: "cloudwatch")
}

/// The partition a region belongs to, which sets its DNS suffix.
public struct AWSPartition: Sendable, Equatable {
    public var name: String
    public var dnsSuffix: String
    public var dualStackSuffix: String

    public static func of(region: String) -> AWSPartition {
        if region.hasPrefix("cn-") {
            return AWSPartition(name: "aws-cn", dnsSuffix: "amazonaws.com.cn", dualStackSuffix: "api.amazonwebservices.com.cn")
        }
        if region.hasPrefix("us-gov-") {
            return AWSPartition(name: "aws-us-gov", dnsSuffix: "amazonaws.com", dualStackSuffix: "api.aws")
        }
        if region.hasPrefix("us-isob-") {
            return AWSPartition(name: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov", dualStackSuffix: "sc2s.sgov.gov")
        }
        if region.hasPrefix("us-iso-") {
            return AWSPartition(name: "aws-iso", dnsSuffix: "c2s.ic.gov", dualStackSuffix: "c2s.ic.gov")
        }
        return AWSPartition(name: "aws", dnsSuffix: "amazonaws.com", dualStackSuffix: "api.aws")
    }
}

/// An endpoint and the setting that chose it, which `doctor` prints.
public struct ResolvedEndpoint: Sendable, Equatable {
    public var url: String
    public var source: String
}

/// Chooses a service's endpoint the way the AWS CLI does: `--endpoint-url`, then (unless
/// configured endpoints are ignored) `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the
/// profile's `services` section, the profile's `endpoint_url`, and finally the regional default.
public struct EndpointResolver: Sendable {
    public var explicitURL: String?
    public var environment: [String: String]
    public var config: SharedConfig
    public var profile: String
    public var useFIPS: Bool
    public var useDualStack: Bool

    public init(explicitURL: String?, environment: [String: String], config: SharedConfig, profile: String) {
        self.explicitURL = explicitURL
        self.environment = environment
        self.config = config
        self.profile = profile
        useFIPS = Self.flag("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint", environment, config, profile)
        useDualStack = Self.flag("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint", environment, config, profile)
    }

    public func resolve(_ service: AWSService, region: String) -> ResolvedEndpoint {
        if let explicitURL = explicitURL.nonEmpty {
            return ResolvedEndpoint(url: Self.trimmed(explicitURL), source: "--endpoint-url")
        }
        if !Self.flag("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "ignore_configured_endpoint_urls", environment, config, profile) {
            let variable = "AWS_ENDPOINT_URL_\(service.environmentSuffix)"
            if let url = environment[variable].nonEmpty { return ResolvedEndpoint(url: Self.trimmed(url), source: variable) }
            if let url = environment["AWS_ENDPOINT_URL"].nonEmpty {
                return ResolvedEndpoint(url: Self.trimmed(url), source: "AWS_ENDPOINT_URL")
            }
            if let url = config.serviceSetting("endpoint_url", service: service.configKey, profile: profile) {
                return ResolvedEndpoint(url: Self.trimmed(url), source: "profile '\(profile)' services section")
            }
            if let url = config.value("endpoint_url", profile: profile) {
                return ResolvedEndpoint(url: Self.trimmed(url), source: "profile '\(profile)' endpoint_url")
            }
        }
        let partition = AWSPartition.of(region: region)
        let prefix = useFIPS ? "\(service.endpointPrefix)-fips" : service.endpointPrefix
        let suffix = useDualStack ? partition.dualStackSuffix : partition.dnsSuffix
        return ResolvedEndpoint(url: "https://\(prefix).\(region).\(suffix)", source: "default for \(region) (\(partition.name))")
    }

    private static func trimmed(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    static func flag(_ variable: String, _ key: String, _ env: [String: String], _ config: SharedConfig, _ profile: String) -> Bool {
        let value = env[variable].nonEmpty ?? config.value(key, profile: profile)
        return value?.lowercased() == "true"
    }
}
