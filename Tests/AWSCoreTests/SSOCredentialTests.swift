import AWSCore
import Foundation
import Testing
import TestSupport

/// IAM Identity Center profiles, with the SSO portal and OIDC service played by the loopback
/// fault server (AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL_SSO_OIDC point at one lane).
@Suite struct SSOCredentialTests {
    static let sessionConfig = """
        [profile dev]
        sso_session = corp
        sso_account_id = 111122223333
        sso_role_name = Developer
        region = eu-west-1

        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = us-east-1
        sso_registration_scopes = sso:account:access

        """
    static let legacyConfig = """
        [profile legacy]
        sso_start_url = https://old.awsapps.com/start
        sso_region = us-west-2
        sso_account_id = 444455556666
        sso_role_name = ReadOnly

        """
    static let roleCredentials = #"{"roleCredentials":{"accessKeyId":"ASIASSO","secretAccessKey":"ssosecret","sessionToken":"ssotoken","expiration":1924992000000}}"#

    let backend: TestBackend
    let lane = TestBackend.lane("sso")

    init() async throws {
        backend = try await TestBackend.shared()
    }

    /// Where `aws sso login` caches the token of a session name or start URL.
    static func cachePath(_ home: TemporaryHome, key: String) -> String {
        home.path + "/.aws/sso/cache/" + Digest.hex(Digest.sha1(Array(key.utf8))) + ".json"
    }

    static func writeToken(_ home: TemporaryHome, key: String, _ fields: [String: Any]) throws {
        try FileManager.default.createDirectory(atPath: home.path + "/.aws/sso/cache", withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: fields).write(to: URL(fileURLWithPath: cachePath(home, key: key)))
    }

    static func time(_ offset: TimeInterval) -> String {
        ISO8601DateFormatter().string(from: Date().addingTimeInterval(offset))
    }

    func resolve(_ home: TemporaryHome, profile: String) async throws -> ResolvedCredentials? {
        let environment = home.environment(["AWS_ENDPOINT_URL_SSO": backend.faultURL(lane: lane),
                                            "AWS_ENDPOINT_URL_SSO_OIDC": backend.faultURL(lane: lane)])
        // --endpoint-url names where Lambda is; the login still goes to the SSO endpoints.
        let settings = try AWSSettings.resolve(.init(profile: profile, region: "us-east-1", endpointURL: "http://127.0.0.1:9"), environment: environment)
        return try await DefaultCredentialChain.make(settings: settings, transport: CurlTransport()).resolve()
    }

    @Test func sha1NamesTheCacheFileAsTheCLIDoes() {
        #expect(Digest.hex(Digest.sha1(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    @Test func aLoggedInSessionGivesTheRolesCredentials() async throws {
        let home = try TemporaryHome(config: Self.sessionConfig)
        try Self.writeToken(home, key: "corp", ["startUrl": "https://corp.awsapps.com/start", "region": "us-east-1",
                                                "accessToken": "login-token", "expiresAt": Self.time(3600)])
        try await backend.script(lane: lane, [["match": ["path": "/federation/credentials"], "status": 200, "body": Self.roleCredentials]])
        let found = try #require(try await resolve(home, profile: "dev"))
        #expect(found.credentials == Credentials(accessKeyID: "ASIASSO", secretAccessKey: "ssosecret", sessionToken: "ssotoken",
                                                 expiration: Date(timeIntervalSince1970: 1_924_992_000)))
        #expect(found.source == "IAM Identity Center (SSO) profile 'dev': role Developer in account 111122223333")
        let call = try #require(try await backend.requests(lane: lane).first)
        #expect(call.method == "GET" && call.path == "/federation/credentials?account_id=111122223333&role_name=Developer")
        #expect(call.headers["x-amz-sso_bearer_token"] == "login-token")
        #expect(call.headers["authorization"] == nil, "the portal takes the bearer token, not a signature")
    }

    @Test func aTokenAboutToExpireIsRenewedAndWrittenBack() async throws {
        let home = try TemporaryHome(config: Self.sessionConfig)
        try Self.writeToken(home, key: "corp", ["startUrl": "https://corp.awsapps.com/start", "region": "us-east-1",
                                                "accessToken": "old-token", "expiresAt": Self.time(60), "refreshToken": "refresh-1",
                                                "clientId": "client", "clientSecret": "client-secret",
                                                "registrationExpiresAt": Self.time(86_400)])
        try await backend.script(lane: lane, [
            ["match": ["method": "POST", "path": "/token"], "status": 200,
             "body": #"{"accessToken":"new-token","expiresIn":28800,"refreshToken":"refresh-2","tokenType":"Bearer"}"#],
            ["match": ["path": "/federation/credentials"], "status": 200, "body": Self.roleCredentials],
        ])
        let found = try #require(try await resolve(home, profile: "dev"))
        #expect(found.credentials.accessKeyID == "ASIASSO")
        let calls = try await backend.requests(lane: lane)
        let renewal = try #require(calls.first { $0.path == "/token" })
        let body = try JSONValue.parse(renewal.body)
        #expect(body["grantType"] == .string("refresh_token") && body["refreshToken"] == .string("refresh-1")
                && body["clientId"] == .string("client") && body["clientSecret"] == .string("client-secret"))
        #expect(calls.first { $0.path.hasPrefix("/federation") }?.headers["x-amz-sso_bearer_token"] == "new-token")
        let cached = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.cachePath(home, key: "corp"))))
            as? [String: Any])
        #expect(cached["accessToken"] as? String == "new-token" && cached["refreshToken"] as? String == "refresh-2")
        #expect(cached["startUrl"] as? String == "https://corp.awsapps.com/start", "the CLI's other fields stay")
        let expiry = try #require((cached["expiresAt"] as? String).flatMap(ISO8601Timestamp.parse))
        #expect(expiry.timeIntervalSinceNow > 28_000)
    }

    @Test func anExpiredLegacyLoginSaysToLogInAgain() async throws {
        let home = try TemporaryHome(config: Self.legacyConfig)
        // Older CLIs wrote the time with "UTC" for a zone.
        let past = String(Self.time(-60).dropLast()) + "UTC"
        try Self.writeToken(home, key: "https://old.awsapps.com/start", ["accessToken": "stale", "expiresAt": past])
        await #expect {
            try await resolve(home, profile: "legacy")
        } throws: { error in
            "\(error)".contains("the SSO login of profile 'legacy' has expired; run `lambda-tui login --profile legacy` (:login in the console) or `aws sso login --profile legacy`")
        }
        #expect(try await backend.requests(lane: lane).isEmpty, "nothing is sent with an expired token")
    }

    @Test func noLoginYetSaysSo() async throws {
        let home = try TemporaryHome(config: Self.sessionConfig)
        await #expect {
            try await resolve(home, profile: "dev")
        } throws: { error in
            "\(error)".contains("profile 'dev' uses IAM Identity Center (SSO) and has not logged in; run `lambda-tui login --profile dev` (:login in the console) or `aws sso login --profile dev`")
        }
    }

    @Test func aRevokedLoginIsReportedAsExpired() async throws {
        let home = try TemporaryHome(config: Self.sessionConfig)
        try Self.writeToken(home, key: "corp", ["accessToken": "revoked", "expiresAt": Self.time(3600)])
        try await backend.script(lane: lane, [["match": ["path": "/federation/credentials"], "status": 401,
                                               "headers": ["x-amzn-ErrorType": "UnauthorizedException"],
                                               "body": #"{"message":"Session token not found or invalid"}"#]])
        await #expect {
            try await resolve(home, profile: "dev")
        } throws: { error in
            "\(error)".contains("the SSO login of profile 'dev' has expired or was revoked")
        }
    }

    @Test(arguments: [("[profile dev]\nsso_session = gone\nsso_account_id = 1\nsso_role_name = R\n",
                       "names sso_session 'gone', but"),
                      ("[profile dev]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 1\n",
                       "uses IAM Identity Center (SSO) but lacks sso_role_name")])
    func incompleteProfilesSayWhatIsMissing(config: String, message: String) async throws {
        let home = try TemporaryHome(config: config)
        await #expect {
            try await resolve(home, profile: "dev")
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
