import AWSCore
import Foundation
import Testing
import TestSupport

/// `:fleet sso`: the portal's ListAccounts and ListAccountRoles as their reference describes
/// them (pages joined by nextToken, the bearer token, no signature), played by the fault
/// server; and another account's credentials through the same login.
@Suite struct SSOAccountsTests {
    let backend: TestBackend
    let lane = TestBackend.lane("sso-accounts")

    init() async throws {
        backend = try await TestBackend.shared()
    }

    func provider(_ home: TemporaryHome) throws -> SSOCredentialProvider {
        let config = try SharedConfig.load(environment: home.environment())
        let profile = try #require(try SSOCredentialProvider.profile("dev", in: config))
        return SSOCredentialProvider(profile: profile, cacheDirectory: home.path + "/.aws/sso/cache", portalEndpoint: backend.faultURL(lane: lane),
                                     oidcEndpoint: backend.faultURL(lane: lane), transport: CurlTransport())
    }

    @Test func everyAccountWithTheProfilesRoleOrItsFirst() async throws {
        let home = try TemporaryHome(config: SSOCredentialTests.sessionConfig)
        try SSOCredentialTests.writeToken(home, key: "corp", ["startUrl": "https://corp.awsapps.com/start", "region": "us-east-1",
                                                             "accessToken": "login-token", "expiresAt": SSOCredentialTests.time(3600)])
        try await backend.script(lane: lane, [
            ["match": ["path": "/assignment/accounts"], "body": #"{"accountList": [{"accountId": "111122223333", "accountName": "Dev", "emailAddress": "d@x"}], "nextToken": "p2"}"#],
            ["match": ["path": "/assignment/accounts"], "body": #"{"accountList": [{"accountId": "444455556666", "accountName": "Prod"}, {"accountId": "777788889999", "accountName": "Empty"}]}"#],
            ["match": ["path": "account_id=111122223333"], "body": #"{"roleList": [{"accountId": "111122223333", "roleName": "Admin"}, {"accountId": "111122223333", "roleName": "Developer"}]}"#],
            ["match": ["path": "account_id=444455556666"], "body": #"{"roleList": [{"accountId": "444455556666", "roleName": "ReadOnly"}, {"accountId": "444455556666", "roleName": "Auditor"}]}"#],
            ["match": ["path": "account_id=777788889999"], "body": #"{"roleList": []}"#],
        ])
        let choices = try await provider(home).accountChoices()
        #expect(choices == [
            SSOAccountChoice(role: SSOAccountRole(accountID: "111122223333", roleName: "Developer"), accountName: "Dev", roles: ["Admin", "Developer"]),
            SSOAccountChoice(role: SSOAccountRole(accountID: "444455556666", roleName: "Auditor"), accountName: "Prod", roles: ["Auditor", "ReadOnly"]),
        ])
        let requests = try await backend.requests(lane: lane)
        #expect(requests.count == 5)
        #expect(requests.allSatisfy { $0.headers["x-amz-sso_bearer_token"] == "login-token" && $0.headers["authorization"] == nil })
        #expect(requests[1].path.contains("next_token=p2"))
    }

    @Test func anotherAccountsCredentialsComeThroughTheSameLogin() async throws {
        let home = try TemporaryHome(config: SSOCredentialTests.sessionConfig)
        try SSOCredentialTests.writeToken(home, key: "corp", ["startUrl": "https://corp.awsapps.com/start", "region": "us-east-1",
                                                             "accessToken": "login-token", "expiresAt": SSOCredentialTests.time(3600)])
        try await backend.script(lane: lane, [["match": ["path": "/federation/credentials"], "body": SSOCredentialTests.roleCredentials]])
        let environment = home.environment(["AWS_ENDPOINT_URL_SSO": backend.faultURL(lane: lane), "AWS_ENDPOINT_URL_SSO_OIDC": backend.faultURL(lane: lane)])
        let settings = try AWSSettings.resolve(.init(profile: "dev", region: "us-east-1",
                                                     ssoAccount: SSOAccountRole(accountID: "444455556666", roleName: "Auditor")), environment: environment)
        _ = try await DefaultCredentialChain.make(settings: settings, transport: CurlTransport()).resolve()
        let call = try #require(try await backend.requests(lane: lane).first)
        #expect(call.path == "/federation/credentials?account_id=444455556666&role_name=Auditor")
    }

    @Test func anExpiredLoginSaysHowToLogIn() async throws {
        let home = try TemporaryHome(config: SSOCredentialTests.sessionConfig)
        try SSOCredentialTests.writeToken(home, key: "corp", ["startUrl": "https://corp.awsapps.com/start", "region": "us-east-1",
                                                             "accessToken": "login-token", "expiresAt": SSOCredentialTests.time(3600)])
        try await backend.script(lane: lane, [["match": ["path": "/assignment/accounts"], "status": 401,
                                               "body": #"{"message": "Session token not found or invalid"}"#,
                                               "headers": ["x-amzn-ErrorType": "UnauthorizedException"]]])
        await #expect {
            _ = try await provider(home).accountChoices()
        } throws: { error in
            "\(error)".contains("has expired or was revoked") && "\(error)".contains(":login")
        }
    }
}
