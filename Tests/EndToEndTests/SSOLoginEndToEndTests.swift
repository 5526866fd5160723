import AWSCore
import Foundation
import Testing
import TestSupport

/// An IAM Identity Center profile that has not logged in: the console starts anyway and offers
/// the login; Enter shows the link and code; once the (scripted) approval comes, the token is in
/// the cache the AWS CLI reads, the role's credentials are fetched and the functions listed.
@Suite(.serialized, .timeLimit(.minutes(3))) struct SSOLoginEndToEndTests {
    static let config = """
        [profile dev]
        sso_session = corp
        sso_account_id = 111122223333
        sso_role_name = Developer
        region = us-east-1

        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = us-east-1
        sso_registration_scopes = sso:account:access

        """

    @Test func aMissingLoginIsOfferedAndDoneInsideTheConsole() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("sso-console")
        let roleCredentials = #"{"roleCredentials":{"accessKeyId":"ASIASSO","secretAccessKey":"ssosecret","sessionToken":"ssotoken","expiration":1924992000000}}"#
        try await backend.script(lane: lane, [
            ["match": ["path": "/client/register"], "body": #"{"clientId": "cid", "clientSecret": "csecret", "clientIdIssuedAt": 1764000000, "clientSecretExpiresAt": 1924992000}"#],
            ["match": ["path": "/device_authorization"], "body": #"{"deviceCode": "dev-1", "userCode": "WXYZ-2345", "verificationUri": "https://device.sso.us-east-1.amazonaws.com/", "verificationUriComplete": "https://device.sso.us-east-1.amazonaws.com/?user_code=WXYZ-2345", "expiresIn": 600, "interval": 1}"#],
            ["match": ["path": "/token"], "status": 400, "headers": ["x-amzn-ErrorType": "AuthorizationPendingException"],
             "body": #"{"error": "authorization_pending"}"#],
            ["match": ["path": "/token"], "body": #"{"accessToken": "at-console", "tokenType": "Bearer", "expiresIn": 28800, "refreshToken": "rt-1"}"#],
        ] + (0..<4).map { _ in ["match": ["path": "/federation/credentials"], "body": roleCredentials] as [String: any Sendable] })
        let home = NSTemporaryDirectory() + "lt-sso-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try Self.config.write(toFile: home + "/.aws/config", atomically: true, encoding: .utf8)
        let session = try TmuxSession(endpoint: backend.motoURL, arguments: "--profile dev",
                                      environment: ["HOME": home, "AWS_CONFIG_FILE": home + "/.aws/config", "AWS_ACCESS_KEY_ID": "",
                                                    "AWS_SECRET_ACCESS_KEY": "", "AWS_ENDPOINT_URL_SSO_OIDC": backend.faultURL(lane: lane),
                                                    "AWS_ENDPOINT_URL_SSO": backend.faultURL(lane: lane)])
        var result = await session.waitFor { $0.contains("SSO login · profile dev") && $0.contains("Enter logs in") }
        #expect(result.satisfied, "the missing login was not offered:\n\(result.screen)")
        try session.send("Enter")
        result = await session.waitFor { $0.contains("WXYZ-2345") && $0.contains("https://device.sso.us-east-1.amazonaws.com/?user_code=WXYZ-2345") }
        #expect(result.satisfied, "the link and code were not shown:\n\(result.screen)")
        result = await session.waitFor { $0.contains("Logged in: profile dev") && $0.contains("NAME") }
        #expect(result.satisfied, "the console did not log in and list:\n\(result.screen)")
        // The token is where the AWS CLI looks (sha1 of the session name), private.
        let cache = home + "/.aws/sso/cache/" + Digest.hex(Digest.sha1(Array("corp".utf8))) + ".json"
        let text = try String(contentsOfFile: cache, encoding: .utf8)
        #expect(text.contains("at-console"))
        #expect((try FileManager.default.attributesOfItem(atPath: cache)[.posixPermissions] as? Int) == 0o600)
        try session.send("q")
        result = await session.waitFor("modes:")
        #expect(result.screen.contains("EXITED 0"), "lambda-tui did not exit cleanly:\n\(result.screen)")
    }
}
