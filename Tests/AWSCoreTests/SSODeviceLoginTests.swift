import AWSCore
import Foundation
import Synchronization
import Testing
import TestSupport

/// `lambda-tui login`: the device flow against SSO OIDC as its reference describes it (the fault
/// server plays it: moto has no SSO OIDC), and the cache it writes read back by the console's own
/// provider and by botocore, as the AWS CLI would read it.
@Suite struct SSODeviceLoginTests {
    let backend: TestBackend
    let lane = TestBackend.lane("sso-login")

    init() async throws {
        backend = try await TestBackend.shared()
    }

    static func pending(_ code: String, _ exception: String) -> [String: any Sendable] {
        ["match": ["path": "/token"], "status": 400, "headers": ["x-amzn-ErrorType": exception],
         "body": "{\"error\": \"\(code)\", \"error_description\": null}"]
    }

    func script(_ token: [[String: any Sendable]]) async throws {
        try await backend.script(lane: lane, [
            ["match": ["path": "/client/register"], "body": #"{"clientId": "cid", "clientSecret": "csecret", "clientIdIssuedAt": 1764000000, "clientSecretExpiresAt": 1924992000}"#],
            ["match": ["path": "/device_authorization"], "body": #"{"deviceCode": "dev-1", "userCode": "ABCD-EFGH", "verificationUri": "https://device.sso.us-east-1.amazonaws.com/", "verificationUriComplete": "https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH", "expiresIn": 600, "interval": 1}"#],
        ] + token)
    }

    /// The waits the login asked for, instead of waiting.
    final class Waits: Sendable {
        let values = Mutex<[TimeInterval]>([])
        var all: [TimeInterval] { values.withLock { $0 } }
    }

    func login(_ home: TemporaryHome, profile: String) throws -> (SSODeviceLogin, Waits) {
        let config = try SharedConfig.load(environment: home.environment())
        let target = try #require(try SSODeviceLogin.target(profile, in: config))
        let waits = Waits()
        let login = SSODeviceLogin(target: target, cacheDirectory: home.path + "/.aws/sso/cache", oidcEndpoint: backend.faultURL(lane: lane),
                                   transport: CurlTransport(), sleep: { seconds in waits.values.withLock { $0.append(seconds) } })
        return (login, waits)
    }

    @Test func theDeviceFlowWaitsAsAskedAndWritesWhatTheCLIReads() async throws {
        let home = try TemporaryHome(config: SSOCredentialTests.sessionConfig)
        try await script([Self.pending("authorization_pending", "AuthorizationPendingException"),
                          Self.pending("slow_down", "SlowDownException"),
                          Self.pending("authorization_pending", "AuthorizationPendingException"),
                          ["match": ["path": "/token"], "body": #"{"accessToken": "at-123", "tokenType": "Bearer", "expiresIn": 28800, "refreshToken": "rt-9"}"#]])
        let (login, waits) = try login(home, profile: "dev")
        let shown = Mutex<SSODeviceLogin.Prompt?>(nil)
        let expiry = try await login.run { prompt in shown.withLock { $0 = prompt } }
        #expect(shown.withLock { $0 }?.userCode == "ABCD-EFGH")
        #expect(shown.withLock { $0 }?.verificationURIComplete?.hasSuffix("user_code=ABCD-EFGH") == true)
        // The interval asked (1 s), five more after slow_down, as RFC 8628 says.
        #expect(waits.all == [1, 1, 6, 6])
        #expect(abs(expiry.timeIntervalSinceNow - 28_800) < 60)
        let requests = try await backend.requests(lane: lane)
        #expect(requests.first?.body.contains(#""scopes":["sso:account:access"]"#) == true)
        #expect(requests.filter { $0.path.hasSuffix("/token") }.allSatisfy { $0.body.contains("urn:ietf:params:oauth:grant-type:device_code") })
        #expect(requests.allSatisfy { $0.headers["authorization"] == nil }, "SSO OIDC calls are not signed")

        // The file: private, and read by botocore's own token loader as the AWS CLI reads it.
        let path = SSOCredentialTests.cachePath(home, key: "corp")
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        let script = """
            import json, sys
            from botocore.utils import SSOTokenLoader
            from botocore.credentials import JSONFileCache
            token = SSOTokenLoader(cache=JSONFileCache(sys.argv[1]))("https://corp.awsapps.com/start", session_name="corp")
            print(json.dumps({"accessToken": token["accessToken"], "refreshToken": token.get("refreshToken"), "clientId": token.get("clientId"), "region": token.get("region")}))
            """
        let (status, output) = try Subprocess.run(["python3", "-c", script, home.path + "/.aws/sso/cache"], captureOutput: true)
        #expect(status == 0, "botocore could not read the cache: \(output)")
        let read = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: String]
        #expect(read == ["accessToken": "at-123", "refreshToken": "rt-9", "clientId": "cid", "region": "us-east-1"])
    }

    @Test func aDeclinedOrExpiredCodeIsASentence() async throws {
        let home = try TemporaryHome(config: SSOCredentialTests.legacyConfig)
        for (code, exception, words) in [("access_denied", "AccessDeniedException", "declined"), ("expired_token", "ExpiredTokenException", "expired")] {
            try await script([Self.pending(code, exception)])
            let (login, _) = try login(home, profile: "legacy")
            await #expect { _ = try await login.run { _ in } } throws: { error in
                (error as? AWSClientError)?.description.contains(words) == true
            }
        }
        // A legacy profile's token is keyed by its start URL and carries no client to renew it.
        try await script([["match": ["path": "/token"], "body": #"{"accessToken": "legacy-at", "expiresIn": 3600}"#]])
        let (login, _) = try login(home, profile: "legacy")
        _ = try await login.run { _ in }
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: SSOCredentialTests.cachePath(home, key: "https://old.awsapps.com/start")))) as? [String: String]
        #expect(written?["accessToken"] == "legacy-at" && written?["clientSecret"] == nil && written?["region"] == "us-west-2")
    }

    @Test func aProfileWithoutSSOHasNothingToLogInTo() throws {
        let home = try TemporaryHome(config: "[profile plain]\nregion = eu-west-1\n")
        #expect(try SSODeviceLogin.target("plain", in: try SharedConfig.load(environment: home.environment())) == nil)
    }
}
