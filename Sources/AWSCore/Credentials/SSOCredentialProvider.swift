import FoundationEssentials

/// IAM Identity Center (SSO) profiles, as `aws sso login` leaves them: the profile names an
/// account and role, and either an `[sso-session NAME]` section or (the legacy form) its own
/// `sso_start_url` and `sso_region`. The login's token is read from `~/.aws/sso/cache`, renewed
/// with SSO OIDC when it is about to expire and the login allows it (sso-session only), and
/// traded at the SSO portal for the role's temporary credentials.
public struct SSOCredentialProvider: CredentialProvider {
    public struct Profile: Sendable, Equatable {
        public var name: String
        /// Nil for the legacy form, whose token cannot be renewed.
        public var sessionName: String?
        public var startURL: String
        public var region: String
        public var accountID: String
        public var roleName: String
    }

    let profile: Profile
    let tokens: SSOTokenCache
    let portal: AWSClient
    let oidc: AWSClient
    let now: @Sendable () -> Date

    public init(profile: Profile, cacheDirectory: String, portalEndpoint: String, oidcEndpoint: String, transport: any HTTPTransport,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.profile = profile
        tokens = SSOTokenCache(directory: cacheDirectory, key: profile.sessionName ?? profile.startURL)
        let unsigned = StaticCredentialProvider(nil, source: "none")
        portal = AWSClient(service: .ssoPortal, region: profile.region, endpoint: portalEndpoint, credentials: unsigned, transport: transport)
        oidc = AWSClient(service: .ssoOIDC, region: profile.region, endpoint: oidcEndpoint, credentials: unsigned, transport: transport)
        self.now = now
    }

    /// The profile's SSO settings, nil when it has none; throws when they are incomplete.
    public static func profile(_ name: String, in config: SharedConfig) throws -> Profile? {
        // The login's settings (session, start URL, region) are read as `lambda-tui login` reads them.
        let sessionName = config.value("sso_session", profile: name)
        guard sessionName != nil || config.value("sso_start_url", profile: name) != nil else { return nil }
        let account = config.value("sso_account_id", profile: name)
        let role = config.value("sso_role_name", profile: name)
        let login = try? SSODeviceLogin.target(name, in: config)
        guard let login, let account, let role else {
            if let missing = Self.sessionProblem(name, sessionName, config) { throw missing }
            let session = sessionName.flatMap { config.ssoSessions[$0] }
            let startURL = login?.startURL ?? session?["sso_start_url"].nonEmpty ?? config.value("sso_start_url", profile: name)
            let region = login?.region ?? session?["sso_region"].nonEmpty ?? config.value("sso_region", profile: name)
            let missing = [("sso_start_url", startURL), ("sso_region", region), ("sso_account_id", account), ("sso_role_name", role)]
                .filter { $0.1 == nil }.map(\.0)
            throw AWSClientError.credentials("profile '\(name)' uses IAM Identity Center (SSO) but lacks \(missing.joined(separator: ", "))")
        }
        return Profile(name: name, sessionName: login.sessionName, startURL: login.startURL, region: login.region, accountID: account, roleName: role)
    }

    /// The sentence for a profile naming an sso-session its config file does not have.
    private static func sessionProblem(_ name: String, _ sessionName: String?, _ config: SharedConfig) -> AWSClientError? {
        guard let sessionName, config.ssoSessions[sessionName] == nil else { return nil }
        return AWSClientError.credentials("profile '\(name)' names sso_session '\(sessionName)', but \(config.configPath) "
                                          + "has no [sso-session \(sessionName)] section")
    }

    public func resolve() async throws -> ResolvedCredentials? {
        let token = try await currentToken()
        let response: HTTPResponse
        do {
            response = try await portalGet("GetRoleCredentials", "/federation/credentials",
                                           [("account_id", profile.accountID), ("role_name", profile.roleName)], token: token.accessToken)
        } catch AWSClientError.service(let error) where error.status == 403 {
            throw AWSClientError.credentials("your SSO login may not use role \(profile.roleName) in account \(profile.accountID) "
                                             + "(profile '\(profile.name)'): \(error.message)")
        } catch let error as AWSClientError {
            throw AWSClientError.credentials("the SSO portal did not give credentials for profile '\(profile.name)': \(error.description)")
        }
        guard let role = (try? JSONValue.parse(response.body))?["roleCredentials"], let key = role["accessKeyId"]?.stringValue,
              let secret = role["secretAccessKey"]?.stringValue else {
            throw AWSClientError.invalidResponse(operation: "GetRoleCredentials", detail: "no roleCredentials with keys")
        }
        let expiration = role["expiration"]?.doubleValue.map { Date(timeIntervalSince1970: $0 / 1000) }
        let credentials = Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: role["sessionToken"]?.stringValue,
                                      expiration: expiration)
        return ResolvedCredentials(credentials: credentials, source: "IAM Identity Center (SSO) profile '\(profile.name)': "
                                   + "role \(profile.roleName) in account \(profile.accountID)")
    }

    /// A GET of the portal with the login's bearer token (not signed); an expired or revoked
    /// login says how to log in again.
    func portalGet(_ operation: String, _ path: String, _ query: [(String, String)], token: String) async throws -> HTTPResponse {
        var request = AWSRequest(operation: operation, method: "GET", path: path, query: query.map { (name: $0.0, value: $0.1) },
                                 headers: HTTPHeaders([("x-amz-sso_bearer_token", token)]))
        request.isSigned = false
        do {
            return try await portal.send(request)
        } catch AWSClientError.service(let error) where error.status == 401 {
            throw AWSClientError.credentials("the SSO login of profile '\(profile.name)' has expired or was revoked; \(loginAdvice)")
        }
    }

    /// The console's own login first (`:login` inside it), then the AWS CLI's: both write the same cache.
    var loginAdvice: String { "run `lambda-tui login --profile \(profile.name)` (:login in the console) or `aws sso login --profile \(profile.name)`" }

    /// The cached token, renewed first when it expires within five minutes and can be.
    func currentToken() async throws -> SSOToken {
        guard var token = try tokens.read() else {
            throw AWSClientError.credentials("profile '\(profile.name)' uses IAM Identity Center (SSO) and has not logged in; \(loginAdvice)")
        }
        guard token.expiresAt.timeIntervalSince(now()) < 300 else { return token }
        if profile.sessionName != nil, let renewed = try? await renew(token) {
            token = renewed
            try? tokens.write(token)
            return token
        }
        guard token.expiresAt > now() else {
            throw AWSClientError.credentials("the SSO login of profile '\(profile.name)' has expired; \(loginAdvice)")
        }
        return token
    }

    /// SSO OIDC CreateToken with the login's refresh token, while its client registration lasts.
    private func renew(_ token: SSOToken) async throws -> SSOToken? {
        guard let refreshToken = token.refreshToken, let clientID = token.clientID, let clientSecret = token.clientSecret,
              (token.registrationExpiresAt ?? .distantFuture) > now() else { return nil }
        struct Body: Encodable { var grantType = "refresh_token"; var clientId: String; var clientSecret: String; var refreshToken: String }
        var request = AWSRequest(operation: "CreateToken", method: "POST", path: "/token",
                                 headers: HTTPHeaders([("Content-Type", "application/json")]),
                                 body: try JSONEncoder().encode(Body(clientId: clientID, clientSecret: clientSecret, refreshToken: refreshToken)))
        request.isSigned = false
        let answer = try JSONValue.parse(try await oidc.send(request).body)
        guard let accessToken = answer["accessToken"]?.stringValue, let lifetime = answer["expiresIn"]?.doubleValue else { return nil }
        var renewed = token
        renewed.accessToken = accessToken
        renewed.expiresAt = now().addingTimeInterval(lifetime)
        renewed.refreshToken = answer["refreshToken"]?.stringValue ?? refreshToken
        return renewed
    }
}

/// What `aws sso login` caches for a login.
struct SSOToken: Sendable, Equatable {
    var accessToken: String
    var expiresAt: Date
    var refreshToken: String?
    var clientID: String?
    var clientSecret: String?
    var registrationExpiresAt: Date?
}

/// `~/.aws/sso/cache/<sha1 of the session name, or of the start URL>.json`, shared with the CLI:
/// a renewed token is written back in place, keeping the fields lambda-tui does not use.
struct SSOTokenCache: Sendable {
    let path: String

    init(directory: String, key: String) {
        path = directory + "/" + Digest.hex(Digest.sha1(Array(key.utf8))) + ".json"
    }

    func read() throws -> SSOToken? {
        let contents: Data?
        do { contents = try LocalFile.read(path, limit: 256 * 1024) } catch { throw AWSClientError.credentials("the SSO token cache \(error)") }
        guard let data = contents else { return nil }
        guard let json = try? JSONValue.parse(data), let token = json["accessToken"]?.stringValue,
              let expiry = json["expiresAt"]?.stringValue else {
            throw AWSClientError.credentials("the SSO token cache \(path) is not what `aws sso login` writes; log in again")
        }
        guard let expiresAt = ISO8601Timestamp.parse(expiry) else {  // `...Z`, fractions, or older CLIs' `...UTC`
            throw AWSClientError.credentials("the SSO token cache \(path) has an expiresAt that is not a time: \(expiry)")
        }
        return SSOToken(accessToken: token, expiresAt: expiresAt, refreshToken: json["refreshToken"]?.stringValue,
                        clientID: json["clientId"]?.stringValue, clientSecret: json["clientSecret"]?.stringValue,
                        registrationExpiresAt: json["registrationExpiresAt"]?.stringValue.flatMap(ISO8601Timestamp.parse))
    }

    func write(_ token: SSOToken) throws {
        // The members this write does not know (the CLI's own) are kept as they were.
        var members: [JSONMember] = []
        if let contents = FileManager.default.contents(atPath: path), case .object(let kept)? = try? JSONValue.parse(contents) { members = kept }
        func set(_ key: String, _ value: String?) {
            members.removeAll { $0.key == key }
            if let value { members.append(JSONMember(key: key, value: .string(value))) }
        }
        set("accessToken", token.accessToken)
        set("expiresAt", ISO8601Timestamp.string(token.expiresAt))
        set("refreshToken", token.refreshToken)
        let data = Data(JSONValue.object(members.sorted { $0.key < $1.key }).serialized.utf8)
        // Written aside then moved, so that a CLI reading at the same moment never sees half a file.
        do { try PrivateFile.write(data, to: path) } catch {
            throw AWSClientError.credentials("cannot write the renewed SSO token to \(path)")
        }
    }

}
