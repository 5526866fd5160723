import AWSCore
import Foundation
import LambdaAPI
import LambdaTestSupport
import Testing
import TestSupport

/// The fleet views on the real binary against moto, which keeps regions and accounts apart as
/// AWS does: `:region all` over three regions, and `:fleet` over two profiles with two access
/// keys, the second assuming a role into another account, each with a function of the same name.
@Suite(.serialized, .timeLimit(.minutes(3))) struct FleetEndToEndTests {
    static func function(_ name: String, region: String, credentials: any CredentialProvider, backend: TestBackend,
                         role: String? = nil) async throws {
        let client = LambdaClient(client: AWSClient(service: .lambda, region: region, endpoint: backend.motoURL, credentials: credentials,
                                                    transport: CurlTransport()))
        let chosenRole: String
        if let role { chosenRole = role } else { chosenRole = try await backend.lambdaRole() }
        _ = try await client.createFunction(CreateFunctionRequest(functionName: name, role: chosenRole,
                                                                  code: FunctionCode(zipFile: try LambdaFixtures.handlerZip()),
                                                                  runtime: .python312, handler: "index.handler"))
    }

    @Test func regionAllListsThreeRegionsOnOneScreenAndOpensAFunctionInItsRegion() async throws {
        let backend = try await TestBackend.shared()
        let prefix = "all\(UUID().uuidString.prefix(6).lowercased())"
        let keys = StaticCredentialProvider(TestBackend.testCredentials, source: "test")
        for region in ["us-east-1", "eu-west-3", "ap-southeast-2"] {
            try await Self.function("\(prefix)-\(region)", region: region, credentials: keys, backend: backend)
        }
        let config = NSTemporaryDirectory() + "lt-config-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: config + "/lambda-tui", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: config) }
        try "regions = us-east-1 eu-west-3 ap-southeast-2\n".write(toFile: config + "/lambda-tui/config", atomically: true, encoding: .utf8)
        let session = try TmuxSession(endpoint: backend.motoURL, environment: ["XDG_CONFIG_HOME": config])
        #expect(await session.waitFor("NAME").satisfied)
        try session.send(":")
        try session.type("region all")
        try session.send("Enter")
        try session.send("/")
        try session.type(prefix)
        try session.send("Enter")
        var result = await session.waitFor { screen in
            screen.contains("3/3 listed") && ["us-east-1", "eu-west-3", "ap-southeast-2"].allSatisfy { screen.contains("\(prefix)-\($0)") }
        }
        #expect(result.satisfied, "the three regions' functions were not on one screen:\n\(result.screen)")
        #expect(result.screen.contains("REGION"))
        // Sorted by region (column 3), the last is us-east-1; the one before it is Paris's.
        try session.send("3")
        try session.send("G")
        try session.send("k")
        try session.send("Enter")
        result = await session.waitFor { $0.contains("│ eu-west-3 │") && $0.contains("functions › \(prefix)-eu-west-3") }
        #expect(result.satisfied, "Enter did not open the function in its own region:\n\(result.screen)")
        try session.send("Escape")
        result = await session.waitFor { $0.contains("functions › all regions") }
        #expect(result.satisfied, "Esc did not go back to the all-regions view:\n\(result.screen)")
        try session.send("q")
        result = await session.waitFor("modes:")
        #expect(result.screen.contains("EXITED 0"), "lambda-tui did not exit cleanly:\n\(result.screen)")
    }

    @Test func fleetOverTwoProfilesInTwoAccountsKeepsTheirSameNamedFunctionsApart() async throws {
        let backend = try await TestBackend.shared()
        let name = "fleet\(UUID().uuidString.prefix(6).lowercased())"
        let alpha = StaticCredentialProvider(Credentials(accessKeyID: "AKIDALPHAKEY", secretAccessKey: "alpha"), source: "test")
        let role = "arn:aws:iam::111111111111:role/fleet-reader"
        let beta = AssumeRoleCredentialProvider(roleARN: role, sessionName: "fleet-test", externalID: nil, durationSeconds: nil,
                                                source: .credentials(alpha), region: "us-east-1", endpoint: backend.motoURL,
                                                transport: CurlTransport())
        try await Self.function(name, region: "us-east-1", credentials: alpha, backend: backend)
        let betaRole = try await TestBackend.createLambdaRole(AWSClient(service: .iam, region: "us-east-1", endpoint: backend.motoURL,
                                                                        credentials: beta, transport: CurlTransport()),
                                                              name: "fleet-\(name)")
        try await Self.function(name, region: "us-east-1", credentials: beta, backend: backend, role: betaRole)
        let home = NSTemporaryDirectory() + "lt-fleet-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: home + "/lambda-tui", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try """
            [profile alpha]
            aws_access_key_id = AKIDALPHAKEY
            aws_secret_access_key = alpha
            region = us-east-1
            [profile beta]
            role_arn = \(role)
            source_profile = alpha
            region = us-east-1
            """.write(toFile: home + "/aws-config", atomically: true, encoding: .utf8)
        try "fleet_profiles = alpha beta\n".write(toFile: home + "/lambda-tui/config", atomically: true, encoding: .utf8)
        let session = try TmuxSession(endpoint: backend.motoURL, arguments: "--profile alpha",
                                      environment: ["XDG_CONFIG_HOME": home, "AWS_CONFIG_FILE": home + "/aws-config",
                                                    "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "",
                                                    "AWS_ENDPOINT_URL_STS": backend.motoURL])
        #expect(await session.waitFor("NAME").satisfied)
        try session.send(":")
        try session.type("fleet")
        try session.send("Enter")
        try session.send("/")
        try session.type(name)
        try session.send("Enter")
        var result = await session.waitFor { screen in
            screen.contains("2/2 listed") && screen.contains("alpha") && screen.contains("111111111111") && screen.contains("123456789012")
        }
        #expect(result.satisfied, "the two accounts' functions were not both listed:\n\(result.screen)")
        let rows = result.screen.split(separator: "\n").filter { $0.contains(name) }
        #expect(rows.count == 2, "one row per account:\n\(result.screen)")
        #expect(rows.contains { $0.contains("beta") && $0.contains("111111111111") } && rows.contains { $0.contains("alpha") && $0.contains("123456789012") })
        // Sorted by profile (column 2), beta is last: Enter opens it in beta's account.
        try session.send("2")
        try session.send("G")
        try session.send("Enter")
        result = await session.waitFor { $0.contains("profile beta") && $0.contains("arn:aws:lambda:us-east-1:111111111111:function:\(name)") }
        #expect(result.satisfied, "Enter did not open beta's function under beta:\n\(result.screen)")
        try session.send("q")
        result = await session.waitFor("modes:")
        #expect(result.screen.contains("EXITED 0"), "lambda-tui did not exit cleanly:\n\(result.screen)")
    }

    /// `:fleet sso`: the accounts the login reaches (the portal played by the fault server), each
    /// listed with credentials the portal gives for it (moto's, for two accounts), and Enter
    /// opening a function under that account's role.
    @Test func fleetSSOListsEveryAccountOfTheLogin() async throws {
        let backend = try await TestBackend.shared()
        let name = "ssofleet\(UUID().uuidString.prefix(6).lowercased())"
        let plain = StaticCredentialProvider(Credentials(accessKeyID: "AKIDSSOFLEET", secretAccessKey: "s"), source: "test")
        let other = AssumeRoleCredentialProvider(roleARN: "arn:aws:iam::111111111111:role/sso-prod", sessionName: "sso-fleet", externalID: nil,
                                                 durationSeconds: nil, source: .credentials(plain), region: "us-east-1",
                                                 endpoint: backend.motoURL, transport: CurlTransport())
        try await Self.function(name, region: "us-east-1", credentials: plain, backend: backend)
        let otherRole = try await TestBackend.createLambdaRole(AWSClient(service: .iam, region: "us-east-1", endpoint: backend.motoURL,
                                                                         credentials: other, transport: CurlTransport()), name: "sso-\(name)")
        try await Self.function(name, region: "us-east-1", credentials: other, backend: backend, role: otherRole)
        let prodKeys = try #require(try await other.resolve()).credentials
        func roleCredentials(_ keys: Credentials) -> String {
            #"{"roleCredentials":{"accessKeyId":"\#(keys.accessKeyID)","secretAccessKey":"\#(keys.secretAccessKey)","sessionToken":"\#(keys.sessionToken ?? "")","expiration":1924992000000}}"#
        }
        let lane = TestBackend.lane("sso-fleet")
        try await backend.script(lane: lane, [
            ["match": ["path": "/assignment/accounts"], "body": #"{"accountList": [{"accountId": "123456789012", "accountName": "Dev"}, {"accountId": "111111111111", "accountName": "Prod"}]}"#],
            ["match": ["path": "/assignment/roles?account_id=123456789012"], "body": #"{"roleList": [{"accountId": "123456789012", "roleName": "Developer"}]}"#],
            ["match": ["path": "/assignment/roles?account_id=111111111111"], "body": #"{"roleList": [{"accountId": "111111111111", "roleName": "Developer"}]}"#],
        ] + (0..<4).flatMap { _ -> [[String: any Sendable]] in
            [["match": ["path": "/federation/credentials?account_id=123456789012"], "body": roleCredentials(Credentials(accessKeyID: "AKIDSSOFLEET", secretAccessKey: "s"))],
             ["match": ["path": "/federation/credentials?account_id=111111111111"], "body": roleCredentials(prodKeys)]]
        })
        let home = NSTemporaryDirectory() + "lt-ssofleet-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: home + "/.aws/sso/cache", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try SSOLoginEndToEndTests.config.replacingOccurrences(of: "111122223333", with: "123456789012")
            .write(toFile: home + "/.aws/config", atomically: true, encoding: .utf8)
        let expires = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3600))
        try JSONSerialization.data(withJSONObject: ["startUrl": "https://corp.awsapps.com/start", "region": "us-east-1", "accessToken": "tok",
                                                    "expiresAt": expires])
            .write(to: URL(fileURLWithPath: home + "/.aws/sso/cache/" + Digest.hex(Digest.sha1(Array("corp".utf8))) + ".json"))
        let session = try TmuxSession(endpoint: backend.motoURL, arguments: "--profile dev",
                                      environment: ["HOME": home, "AWS_CONFIG_FILE": home + "/.aws/config", "AWS_ACCESS_KEY_ID": "",
                                                    "AWS_SECRET_ACCESS_KEY": "", "AWS_ENDPOINT_URL_SSO": backend.faultURL(lane: lane),
                                                    "AWS_ENDPOINT_URL_SSO_OIDC": backend.faultURL(lane: lane)])
        #expect(await session.waitFor("NAME").satisfied)
        try session.send(":")
        try session.type("fleet sso")
        try session.send("Enter")
        // The view opens when the portal has answered: the filter is typed there, not before.
        #expect(await session.waitFor("accounts of dev's SSO login").satisfied)
        try session.send("/")
        try session.type(name)
        try session.send("Enter")
        var result = await session.waitFor { screen in
            screen.contains("2/2 listed") && screen.split(separator: "\n").filter { $0.contains(name) }.count == 2 && screen.contains("2 shown")
        }
        #expect(result.satisfied, "the login's two accounts were not listed:\n\(result.screen)")
        let rows = result.screen.split(separator: "\n").filter { $0.contains(name) }
        #expect(rows.contains { $0.contains("Prod (Developer)") && $0.contains("111111111111") }, "\(result.screen)")
        #expect(rows.contains { $0.contains("Dev (Developer)") && $0.contains("123456789012") }, "\(result.screen)")
        // Sorted by profile (the account's name), Prod is last: Enter opens it under Prod's role.
        try session.send("2")
        try session.send("G")
        try session.send("Enter")
        result = await session.waitFor { $0.contains("profile dev as Developer") && $0.contains("arn:aws:lambda:us-east-1:111111111111:function:\(name)") }
        #expect(result.satisfied, "Enter did not open Prod's function in Prod's account:\n\(result.screen)")
        try session.send("q")
        result = await session.waitFor("modes:")
        #expect(result.screen.contains("EXITED 0"), "lambda-tui did not exit cleanly:\n\(result.screen)")
    }
}
