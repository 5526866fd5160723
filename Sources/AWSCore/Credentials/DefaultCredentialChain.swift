import FoundationEssentials

/// The AWS CLI's credential order: environment keys (unless --profile was given), the profile
/// (role_arn, web identity, credentials-file keys, credential_process, config-file keys),
/// container credentials, then EC2 instance metadata.
public enum DefaultCredentialChain {
    public static func make(settings: AWSSettings, transport: any HTTPTransport) throws -> CachingCredentialProvider {
        let env = settings.environment
        var providers: [any CredentialProvider] = []
        var lookedIn: [String] = []
        if !settings.profileIsExplicit {
            providers.append(StaticCredentialProvider.environment(env))
            lookedIn.append("environment variables")
        }
        // As botocore: an explicit --profile is used even where a pod or a CI runner sets a web
        // identity in the environment (AWS_PROFILE is not explicit there, and loses to it).
        if !settings.profileIsExplicit, let roleARN = env["AWS_ROLE_ARN"].nonEmpty, let tokenFile = env["AWS_WEB_IDENTITY_TOKEN_FILE"].nonEmpty {
            providers.append(AssumeRoleCredentialProvider(
                roleARN: roleARN, sessionName: env["AWS_ROLE_SESSION_NAME"].nonEmpty, externalID: nil,
                durationSeconds: nil, source: .webIdentityTokenFile(tokenFile), region: settings.region,
                endpoint: settings.credentialEndpoints.resolve(.sts, region: settings.region).url, transport: transport))
            lookedIn.append("AWS_WEB_IDENTITY_TOKEN_FILE")
        }
        let builder = ProfileCredentialBuilder(settings: settings, transport: transport)
        if let profile = try builder.provider(for: settings.profile, visited: []) {
            providers.append(profile)
        }
        lookedIn.append("profile '\(settings.profile)' in \(settings.config.credentialsPath) and \(settings.config.configPath)")
        providers.append(ContainerCredentialProvider(environment: env, transport: transport))
        lookedIn.append("container credentials")
        if env["AWS_EC2_METADATA_DISABLED"]?.lowercased() != "true" {
            providers.append(InstanceMetadataCredentialProvider(
                environment: env, config: settings.config, profile: settings.profile, transport: transport))
            lookedIn.append("EC2 instance metadata")
        }
        return CachingCredentialProvider(CredentialChain(providers, lookedIn: lookedIn))
    }
}

/// Builds the provider a named profile describes, following `source_profile` links.
struct ProfileCredentialBuilder {
    let settings: AWSSettings
    let transport: any HTTPTransport

    func provider(for profile: String, visited: [String]) throws -> (any CredentialProvider)? {
        let config = settings.config
        if visited.contains(profile) {
            throw AWSClientError.credentials("profiles \((visited + [profile]).joined(separator: " -> ")) form a source_profile loop")
        }
        if let roleARN = config.value("role_arn", profile: profile) {
            return try assumeRole(roleARN, profile: profile, visited: visited + [profile])
        }
        return try keys(profile: profile)
    }

    /// SSO, static keys or credential_process: the ways a profile holds credentials without a
    /// role, in the CLI's order.
    private func keys(profile: String) throws -> (any CredentialProvider)? {
        let config = settings.config
        if var login = try SSOCredentialProvider.profile(profile, in: config) {
            // The fleet view's other accounts: the same login, another account and role.
            if let other = settings.ssoAccount, profile == settings.profile {
                login.accountID = other.accountID
                login.roleName = other.roleName
            }
            return sso(login)
        }
        if let section = config.credentialsSection(profile), let credentials = Self.credentials(in: section) {
            return StaticCredentialProvider(credentials, source: "\(config.credentialsPath) [\(profile)]")
        }
        if let command = config.value("credential_process", profile: profile) {
            return ProcessCredentialProvider(command: command, profile: profile)
        }
        if let section = config.configSection(profile), let credentials = Self.credentials(in: section) {
            return StaticCredentialProvider(credentials, source: "\(config.configPath) [profile \(profile)]")
        }
        return nil
    }

    private func assumeRole(_ roleARN: String, profile: String, visited: [String]) throws -> any CredentialProvider {
        let config = settings.config
        let source: AssumeRoleCredentialProvider.Source
        if let tokenFile = config.value("web_identity_token_file", profile: profile) {
            source = .webIdentityTokenFile(tokenFile)
        } else if let sourceProfile = config.value("source_profile", profile: profile) {
            if config.value("credential_source", profile: profile) != nil {
                throw AWSClientError.credentials("profile '\(profile)' has both source_profile and credential_source; keep one")
            }
            guard config.hasProfile(sourceProfile) else {
                throw AWSClientError.credentials("profile '\(profile)' names source_profile '\(sourceProfile)', which does not exist")
            }
            // A profile that is its own source uses its own keys for the call.
            let base = sourceProfile == profile ? try keys(profile: profile) : try provider(for: sourceProfile, visited: visited)
            guard let base else {
                throw AWSClientError.credentials("source_profile '\(sourceProfile)' of profile '\(profile)' has no credentials")
            }
            source = .credentials(base)
        } else if let credentialSource = config.value("credential_source", profile: profile) {
            source = .credentials(try named(credentialSource, profile: profile))
        } else {
            throw AWSClientError.credentials("profile '\(profile)' has role_arn but no source_profile or credential_source")
        }
        if config.value("mfa_serial", profile: profile) != nil {
            throw AWSClientError.credentials(
                "profile '\(profile)' needs an MFA code (mfa_serial), which lambda-tui cannot prompt for; "
                    + "use credential_process with a tool such as aws-vault")
        }
        var duration: Int?
        if let text = config.value("duration_seconds", profile: profile) {
            guard let value = Int(text), (900...43200).contains(value) else {
                throw AWSClientError.credentials("duration_seconds of profile '\(profile)' must be 900 to 43200, not '\(text)'")
            }
            duration = value
        }
        // STS is called in the region in use (--region wins over the profile's), at the endpoint
        // the STS settings name; never at --endpoint-url, which is where Lambda is.
        return CachingCredentialProvider(AssumeRoleCredentialProvider(
            roleARN: roleARN, sessionName: config.value("role_session_name", profile: profile),
            externalID: config.value("external_id", profile: profile), durationSeconds: duration, source: source,
            region: settings.region, endpoint: settings.credentialEndpoints.resolve(.sts, region: settings.region).url, transport: transport))
    }

    /// The portal and OIDC endpoints follow AWS_ENDPOINT_URL_SSO and the like, but not
    /// `--endpoint-url`, which names where Lambda is, not where the login is.
    private func sso(_ profile: SSOCredentialProvider.Profile) -> any CredentialProvider {
        let endpoints = settings.credentialEndpoints
        let home = settings.environment["HOME"].nonEmpty ?? FileManager.default.homeDirectoryForCurrentUser.path
        return CachingCredentialProvider(SSOCredentialProvider(
            profile: profile, cacheDirectory: home + "/.aws/sso/cache", portalEndpoint: endpoints.resolve(.ssoPortal, region: profile.region).url,
            oidcEndpoint: endpoints.resolve(.ssoOIDC, region: profile.region).url, transport: transport))
    }

    private func named(_ credentialSource: String, profile: String) throws -> any CredentialProvider {
        let env = settings.environment
        switch credentialSource {
        case "Environment": return StaticCredentialProvider.environment(env)
        case "EcsContainer": return ContainerCredentialProvider(environment: env, transport: transport)
        case "Ec2InstanceMetadata":
            return InstanceMetadataCredentialProvider(environment: env, config: settings.config, profile: profile, transport: transport)
        default:
            throw AWSClientError.credentials(
                "credential_source '\(credentialSource)' of profile '\(profile)' is not one of Environment, Ec2InstanceMetadata, EcsContainer")
        }
    }

    static func credentials(in section: [String: String]) -> Credentials? {
        guard let key = section["aws_access_key_id"].nonEmpty, let secret = section["aws_secret_access_key"].nonEmpty else {
            return nil
        }
        return Credentials(accessKeyID: key, secretAccessKey: secret,
                           sessionToken: section["aws_session_token"].nonEmpty ?? section["aws_security_token"].nonEmpty)
    }
}
