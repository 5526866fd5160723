import FoundationEssentials

/// `lambda-tui login`: the IAM Identity Center device authorization flow, as `aws sso login`
/// runs it, for a terminal over SSH where no browser can be opened: RegisterClient,
/// StartDeviceAuthorization, the verification URL and code shown to the user, CreateToken
/// polled at the interval asked (slower after `slow_down`) until the user approves, declines or
/// the code expires, and the token written to `~/.aws/sso/cache` as the AWS CLI writes it, so
/// that `aws` and the console share the login.
public struct SSODeviceLogin: Sendable {
    /// What a login needs of a profile: its session (nil for the legacy form), start URL and region.
    public struct Target: Sendable, Equatable {
        public var profile: String
        public var sessionName: String?
        public var startURL: String
        public var region: String
        public var scopes: [String]
    }

    /// What the user is asked to do.
    public struct Prompt: Sendable, Equatable {
        public var verificationURI: String
        /// The URI with the code in it: opening it is enough.
        public var verificationURIComplete: String?
        public var userCode: String
        public var expiresAt: Date

        public init(verificationURI: String, verificationURIComplete: String?, userCode: String, expiresAt: Date) {
            self.verificationURI = verificationURI
            self.verificationURIComplete = verificationURIComplete
            self.userCode = userCode
            self.expiresAt = expiresAt
        }
    }

    let target: Target
    let oidc: AWSClient
    let cache: SSOTokenCache
    let now: @Sendable () -> Date
    let sleep: @Sendable (TimeInterval) async throws -> Void

    public init(target: Target, cacheDirectory: String, oidcEndpoint: String, transport: any HTTPTransport,
                now: @escaping @Sendable () -> Date = Date.init,
                sleep: @escaping @Sendable (TimeInterval) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }) {
        self.target = target
        cache = SSOTokenCache(directory: cacheDirectory, key: target.sessionName ?? target.startURL)
        oidc = AWSClient(service: .ssoOIDC, region: target.region, endpoint: oidcEndpoint, credentials: StaticCredentialProvider(nil, source: "none"),
                         transport: transport)
        self.now = now
        self.sleep = sleep
    }

    /// The profile's login settings; nil when the profile does not use IAM Identity Center.
    public static func target(_ profile: String, in config: SharedConfig) throws -> Target? {
        let sessionName = config.value("sso_session", profile: profile)
        var startURL = config.value("sso_start_url", profile: profile)
        var region = config.value("sso_region", profile: profile)
        var scopes: [String] = []
        if let sessionName {
            guard let session = config.ssoSessions[sessionName] else {
                throw AWSClientError.credentials("profile '\(profile)' names sso_session '\(sessionName)', but \(config.configPath) "
                                                 + "has no [sso-session \(sessionName)] section")
            }
            startURL = session["sso_start_url"].nonEmpty ?? startURL
            region = session["sso_region"].nonEmpty ?? region
            // As the AWS CLI does: an sso-session asks for account access unless it names its scopes.
            scopes = (session["sso_registration_scopes"].nonEmpty ?? "sso:account:access")
                .split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        guard sessionName != nil || startURL != nil else { return nil }
        guard let startURL, let region else {
            throw AWSClientError.credentials("profile '\(profile)' uses IAM Identity Center (SSO) but lacks "
                                             + (startURL == nil ? "sso_start_url" : "sso_region"))
        }
        return Target(profile: profile, sessionName: sessionName, startURL: startURL, region: region, scopes: scopes)
    }

    /// Where the token goes.
    public var cachePath: String { cache.path }

    /// Runs the flow; `show` is called once with what the user must open. Returns when the
    /// token is written, with its expiry.
    public func run(show: @Sendable (Prompt) -> Void) async throws -> Date {
        var register: [JSONMember] = [JSONMember(key: "clientName", value: .string("lambda-tui")), JSONMember(key: "clientType", value: .string("public"))]
        if !target.scopes.isEmpty { register.append(JSONMember(key: "scopes", value: .array(target.scopes.map { .string($0) }))) }
        let client = try await post("RegisterClient", "/client/register", register)
        guard let clientID = client["clientId"]?.stringValue, let clientSecret = client["clientSecret"]?.stringValue else {
            throw AWSClientError.invalidResponse(operation: "RegisterClient", detail: "no clientId and clientSecret")
        }
        let registrationExpiresAt = client["clientSecretExpiresAt"]?.doubleValue.flatMap(Self.date)
        let authorization = try await post("StartDeviceAuthorization", "/device_authorization", [
            JSONMember(key: "clientId", value: .string(clientID)), JSONMember(key: "clientSecret", value: .string(clientSecret)),
            JSONMember(key: "startUrl", value: .string(target.startURL)),
        ])
        guard let deviceCode = authorization["deviceCode"]?.stringValue, let userCode = authorization["userCode"]?.stringValue,
              let uri = authorization["verificationUri"]?.stringValue else {
            throw AWSClientError.invalidResponse(operation: "StartDeviceAuthorization", detail: "no deviceCode, userCode and verificationUri")
        }
        // The interval and lifetime as the answer gives them, within sense (a hostile 1e300 is not a wait).
        let lifetime = min(3_600, max(60, authorization["expiresIn"]?.doubleValue ?? 600))
        var interval = min(60, max(1, authorization["interval"]?.doubleValue ?? 5))
        let expiresAt = now().addingTimeInterval(lifetime)
        show(Prompt(verificationURI: uri, verificationURIComplete: authorization["verificationUriComplete"]?.stringValue, userCode: userCode,
                    expiresAt: expiresAt))
        while true {
            try await sleep(interval)
            guard now() < expiresAt else {
                throw AWSClientError.credentials("the login code \(userCode) expired before it was approved; run `lambda-tui login` again")
            }
            do {
                let token = try await post("CreateToken", "/token", [
                    JSONMember(key: "clientId", value: .string(clientID)), JSONMember(key: "clientSecret", value: .string(clientSecret)),
                    JSONMember(key: "grantType", value: .string("urn:ietf:params:oauth:grant-type:device_code")),
                    JSONMember(key: "deviceCode", value: .string(deviceCode)),
                ])
                guard let accessToken = token["accessToken"]?.stringValue, let seconds = token["expiresIn"]?.doubleValue, seconds.isFinite, seconds > 0 else {
                    throw AWSClientError.invalidResponse(operation: "CreateToken", detail: "no accessToken and expiresIn")
                }
                let expiry = now().addingTimeInterval(min(seconds, 366 * 86_400))
                try cache.writeLogin(SSOToken(accessToken: accessToken, expiresAt: expiry, refreshToken: token["refreshToken"]?.stringValue,
                                              clientID: clientID, clientSecret: clientSecret, registrationExpiresAt: registrationExpiresAt),
                                     startURL: target.startURL, region: target.region, keepsClient: target.sessionName != nil)
                return expiry
            } catch AWSClientError.service(let failure) {
                switch Self.oauthError(failure) {
                case "authorization_pending": continue
                case "slow_down": interval += 5  // RFC 8628, section 3.5
                case "expired_token":
                    throw AWSClientError.credentials("the login code \(userCode) expired before it was approved; run `lambda-tui login` again")
                case "access_denied":
                    throw AWSClientError.credentials("the login was declined in the browser")
                default:
                    throw AWSClientError.service(failure)
                }
            }
        }
    }

    /// The OAuth error of an SSO OIDC answer, by its exception name or its `error` field.
    static func oauthError(_ failure: AWSServiceError) -> String {
        switch failure.code {
        case "AuthorizationPendingException": "authorization_pending"
        case "SlowDownException": "slow_down"
        case "ExpiredTokenException": "expired_token"
        case "AccessDeniedException": "access_denied"
        default: failure.code.rawValue
        }
    }

    static func date(_ seconds: Double) -> Date? {
        seconds.isFinite && seconds > 0 && seconds < 1e11 ? Date(timeIntervalSince1970: seconds) : nil
    }

    private func post(_ operation: String, _ path: String, _ body: [JSONMember]) async throws -> JSONValue {
        var request = AWSRequest(operation: operation, method: "POST", path: path, headers: HTTPHeaders([("Content-Type", "application/json")]),
                                 body: Data(JSONValue.object(body).serialized.utf8), repeatability: .onlyIfNotRun)
        request.isSigned = false
        let response = try await oidc.send(request)
        do { return try JSONValue.parse(response.body) } catch {
            throw AWSClientError.invalidResponse(operation: operation, detail: "not JSON")
        }
    }
}

extension SSOTokenCache {
    /// A new login, written whole as `aws sso login` writes it: start URL, region, token and
    /// expiry, and for an sso-session the client registration and refresh token that renew it.
    func writeLogin(_ token: SSOToken, startURL: String, region: String, keepsClient: Bool) throws {
        var json: [String: String?] = ["startUrl": startURL, "region": region, "accessToken": token.accessToken,
                                       "expiresAt": ISO8601Timestamp.string(token.expiresAt)]
        if keepsClient {
            json["clientId"] = token.clientID
            json["clientSecret"] = token.clientSecret
            json["registrationExpiresAt"] = token.registrationExpiresAt.map(ISO8601Timestamp.string)
            json["refreshToken"] = token.refreshToken
        }
        let data = Data(JSONValue.object(json.compactMap { key, value in value.map { JSONMember(key: key, value: .string($0)) } }
            .sorted { $0.key < $1.key }).serialized.utf8)
        let folder = path.parentPath
        do {
            try PrivateFile.makeFolder(folder)
            try PrivateFile.write(data, to: path)
        } catch {
            throw AWSClientError.credentials("cannot write the SSO token to \(path): \(error.sentence)")
        }
    }
}
