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

    /// The prefix of the service's actions in IAM policies (`logs:FilterLogEvents`).
    public var iamPrefix: String {
        switch signingName {
        case "monitoring": "cloudwatch"
        case "awsssoportal": "sso"
        case "sso-oauth": "sso-oauth"
        default: signingName
        }
    }

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
    /// The Resource Groups Tagging API: every function's tags in pages of 100 (GetResources).
    public static let tagging = AWSService(signingName: "tagging", endpointPrefix: "tagging",
                                           environmentSuffix: "RESOURCE_GROUPS_TAGGING_API", configKey: "resource_groups_tagging_api")
}

/// The partition a region belongs to, which sets its DNS suffixes (botocore's partitions.json).
public struct AWSPartition: Sendable, Equatable {
    public var name: String
    public var dnsSuffix: String
    public var dualStackSuffix: String
    /// The region's first labels: `us-gov`, `cn`, `eu-isoe` (the rest is a name and a number).
    var prefixes: [String]

    public static let all: [AWSPartition] = [
        AWSPartition(name: "aws-cn", dnsSuffix: "amazonaws.com.cn", dualStackSuffix: "api.amazonwebservices.com.cn", prefixes: ["cn"]),
        AWSPartition(name: "aws-us-gov", dnsSuffix: "amazonaws.com", dualStackSuffix: "api.aws", prefixes: ["us-gov"]),
        AWSPartition(name: "aws-iso", dnsSuffix: "c2s.ic.gov", dualStackSuffix: "api.aws.ic.gov", prefixes: ["us-iso"]),
        AWSPartition(name: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov", dualStackSuffix: "api.aws.scloud", prefixes: ["us-isob"]),
        AWSPartition(name: "aws-iso-e", dnsSuffix: "cloud.adc-e.uk", dualStackSuffix: "api.cloud-aws.adc-e.uk", prefixes: ["eu-isoe"]),
        AWSPartition(name: "aws-iso-f", dnsSuffix: "csp.hci.ic.gov", dualStackSuffix: "api.aws.hci.ic.gov", prefixes: ["us-isof"]),
        AWSPartition(name: "aws-eusc", dnsSuffix: "amazonaws.eu", dualStackSuffix: "api.amazonwebservices.eu", prefixes: ["eusc-de"]),
    ]
    static let aws = AWSPartition(name: "aws", dnsSuffix: "amazonaws.com", dualStackSuffix: "api.aws", prefixes: [])

    /// The partition whose pattern (`PREFIX-name-N`) the region matches; `aws` otherwise, as
    /// botocore falls back.
    public static func of(region: String) -> AWSPartition {
        let labels = region.split(separator: "-", omittingEmptySubsequences: false)
        guard labels.count >= 3 else { return aws }
        let prefix = labels.dropLast(2).joined(separator: "-")
        return all.first { $0.prefixes.contains(prefix) } ?? aws
    }
}

/// An endpoint and the setting that chose it, which `doctor` prints.
public struct ResolvedEndpoint: Sendable, Equatable {
    public var url: String
    public var source: String
    /// Why there is no endpoint for what was asked (a dual-stack endpoint a partition lacks);
    /// the url is empty then.
    public var problem: String?

    public init(url: String, source: String, problem: String? = nil) {
        self.url = url
        self.source = source
        self.problem = problem
    }
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
        return Self.standard(service, region: region, fips: useFIPS, dualStack: useDualStack)
    }

    /// The service's own hostname in the region, as botocore's endpoint rules give it for the
    /// services the console calls: in GovCloud, Logs, STS and CloudWatch are FIPS already and keep
    /// their plain names; the ISO partitions' dual-stack names end in api.aws, and aws-iso-e and
    /// aws-iso-f have dual-stack endpoints for Lambda only, and not with FIPS.
    static func standard(_ service: AWSService, region: String, fips: Bool, dualStack: Bool) -> ResolvedEndpoint {
        let partition = AWSPartition.of(region: region)
        let source = "default for \(region) (\(partition.name))"
        let fipsByDefault = partition.name == "aws-us-gov" && !dualStack && [AWSService.logs, .sts, .monitoring].contains(service)
        let prefix = fips && !fipsByDefault ? "\(service.endpointPrefix)-fips" : service.endpointPrefix
        guard dualStack else { return ResolvedEndpoint(url: "https://\(prefix).\(region).\(partition.dnsSuffix)", source: source) }
        if ["aws-iso-e", "aws-iso-f"].contains(partition.name), service != .lambda || fips {
            let what = fips ? "FIPS dual-stack" : "dual-stack"
            return ResolvedEndpoint(url: "", source: source, problem: "\(partition.name) has no \(what) endpoint for \(service.signingName) in \(region); "
                                    + "turn off use_dualstack_endpoint (AWS_USE_DUALSTACK_ENDPOINT)")
        }
        let suffix = ["aws-iso", "aws-iso-b"].contains(partition.name) ? "api.aws" : partition.dualStackSuffix
        return ResolvedEndpoint(url: "https://\(prefix).\(region).\(suffix)", source: source)
    }

    private static func trimmed(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    static func flag(_ variable: String, _ key: String, _ env: [String: String], _ config: SharedConfig, _ profile: String) -> Bool {
        let value = env[variable].nonEmpty ?? config.value(key, profile: profile)
        return value?.lowercased() == "true"
    }
}

/// An endpoint as it may be shown: `http://user:PASSWORD@host` keeps its user and loses its
/// password, in the header, `doctor` and every error.
public enum EndpointText {
    public static func redacted(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        let userInfo = rest[..<at]
        let user = userInfo.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        let shownUser = userInfo.contains(":") ? user + ":****" : user
        return String(url[..<scheme.upperBound]) + shownUser + String(rest[at...])
    }

    /// The URL without its user and password: what a Host header and a signature name.
    static func withoutUserInfo(_ authority: Substring) -> Substring {
        guard let at = authority.lastIndex(of: "@") else { return authority }
        return authority[authority.index(after: at)...]
    }
}
