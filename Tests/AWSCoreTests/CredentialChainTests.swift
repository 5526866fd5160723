import AWSCore
import Foundation
import Testing
import TestSupport

@Suite struct CredentialChainTests {
    let transport = CurlTransport()

    func resolve(_ home: TemporaryHome, _ env: [String: String] = [:], profile: String? = nil) async throws -> ResolvedCredentials? {
        let settings = try AWSSettings.resolve(.init(profile: profile, region: "us-east-1"), environment: home.environment(env))
        return try await DefaultCredentialChain.make(settings: settings, transport: transport).resolve()
    }

    @Test func environmentKeysComeFirst() async throws {
        let home = try TemporaryHome(credentials: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = filesecret\n")
        let found = try #require(try await resolve(home, ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "envsecret",
                                                          "AWS_SESSION_TOKEN": "envtoken"]))
        #expect(found.credentials == Credentials(accessKeyID: "ENVKEY", secretAccessKey: "envsecret", sessionToken: "envtoken"))
        #expect(found.source.contains("environment"))
    }

    @Test func explicitProfileWinsOverEnvironmentKeys() async throws {
        let home = try TemporaryHome(credentials: "[work]\naws_access_key_id = WORKKEY\naws_secret_access_key = worksecret\n")
        let found = try #require(try await resolve(home, ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "x"], profile: "work"))
        #expect(found.credentials.accessKeyID == "WORKKEY")
        #expect(found.source.contains("credentials [work]"))
    }

    @Test func awsProfileVariableSelectsTheProfile() async throws {
        let home = try TemporaryHome(config: "[profile cfg]\naws_access_key_id = CFGKEY\naws_secret_access_key = s\n")
        let found = try #require(try await resolve(home, ["AWS_PROFILE": "cfg"]))
        #expect(found.credentials.accessKeyID == "CFGKEY")
        #expect(found.source.contains("[profile cfg]"))
    }

    @Test func credentialsFileLocationFromEnvironment() async throws {
        let home = try TemporaryHome()
        try home.write("elsewhere", "[default]\naws_access_key_id = MOVED\naws_secret_access_key = s\n")
        let found = try #require(try await resolve(home, ["AWS_SHARED_CREDENTIALS_FILE": home.path + "/elsewhere"]))
        #expect(found.credentials.accessKeyID == "MOVED")
    }

    @Test func credentialProcessIsRunAndItsExpiryKept() async throws {
        let home = try TemporaryHome()
        try home.write("creds.sh", """
            #!/bin/sh
            echo '{"Version": 1, "AccessKeyId": "PROCKEY", "SecretAccessKey": "procsecret", "SessionToken": "tok", "Expiration": "2030-01-02T03:04:05Z"}'
            """, executable: true)
        try home.write(".aws/config", "[default]\ncredential_process = \(home.path)/creds.sh --flag\n")
        let found = try #require(try await resolve(home))
        #expect(found.credentials.accessKeyID == "PROCKEY")
        #expect(found.credentials.sessionToken == "tok")
        #expect(found.credentials.expiration == ISO8601DateFormatter().date(from: "2030-01-02T03:04:05Z"))
    }

    @Test func failingCredentialProcessSaysWhy() async throws {
        let home = try TemporaryHome(config: "[default]\ncredential_process = sh -c 'echo token expired >&2; exit 3'\n")
        await #expect {
            try await resolve(home)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("exited with status 3") && text.contains("token expired")
        }
    }

    @Test func noCredentialsListsWhereItLooked() async throws {
        let home = try TemporaryHome()
        await #expect {
            try await resolve(home)
        } throws: { error in
            guard case .noCredentials(let places) = error as? AWSClientError else { return false }
            return places.contains("environment variables") && places.contains("container credentials")
        }
    }

    @Test func sourceProfileLoopIsAnErrorNotAHang() async throws {
        let home = try TemporaryHome(config: """
            [profile a]
            role_arn = arn:aws:iam::123456789012:role/a
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::123456789012:role/b
            source_profile = a
            """)
        await #expect {
            try await resolve(home, profile: "a")
        } throws: { error in String(describing: error).contains("source_profile loop") }
    }

    @Test func assumeRoleThroughSTSWithSourceProfile() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("sts")
        let home = try TemporaryHome(
            config: """
                [profile deploy]
                role_arn = arn:aws:iam::123456789012:role/deployer
                source_profile = base
                role_session_name = my-session
                external_id = ext-42
                duration_seconds = 1800
                [profile base]
                region = us-east-1
                """,
            credentials: "[base]\naws_access_key_id = BASEKEY\naws_secret_access_key = basesecret\n")
        let found = try #require(try await resolve(home, ["AWS_ENDPOINT_URL_STS": backend.faultURL(lane: lane)], profile: "deploy"))
        #expect(found.credentials.accessKeyID != "BASEKEY")
        #expect(found.credentials.sessionToken?.isEmpty == false)
        #expect(found.credentials.expiration != nil)
        #expect(found.source == "assumed role arn:aws:iam::123456789012:role/deployer")
        let call = try #require(try await backend.requests(lane: lane).first)
        #expect(call.body.contains("Action=AssumeRole"))
        #expect(call.body.contains("RoleSessionName=my-session"))
        #expect(call.body.contains("ExternalId=ext-42"))
        #expect(call.body.contains("DurationSeconds=1800"))
        #expect(call.headers["authorization"]?.contains("Credential=BASEKEY/") == true)
    }

    @Test func containerCredentialsWithTokenFile() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("ecs")
        let home = try TemporaryHome()
        try home.write("token", "secret-agent-token\n")
        try await backend.script(lane: lane, [[
            "status": 200,
            "body": #"{"AccessKeyId":"ECSKEY","SecretAccessKey":"ecssecret","Token":"ecstoken","Expiration":"2030-01-01T00:00:00Z"}"#,
        ]])
        let found = try #require(try await resolve(home, [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": backend.faultURL(lane: lane) + "/v2/credentials",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": home.path + "/token",
        ]))
        #expect(found.credentials == Credentials(accessKeyID: "ECSKEY", secretAccessKey: "ecssecret", sessionToken: "ecstoken",
                                                 expiration: ISO8601DateFormatter().date(from: "2030-01-01T00:00:00Z")))
        let call = try #require(try await backend.requests(lane: lane).first)
        #expect(call.path == "/v2/credentials")
        #expect(call.headers["authorization"] == "secret-agent-token")
    }

    @Test func containerFullURIMustBeLocalOrHTTPS() async throws {
        let home = try TemporaryHome()
        await #expect {
            try await resolve(home, ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://203.0.113.9/creds"])
        } throws: { error in String(describing: error).contains("must use https or a loopback") }
    }

    @Test func instanceMetadataUsesAnIMDSv2Token() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("imds")
        let home = try TemporaryHome()
        try await backend.script(lane: lane, [
            ["status": 200, "body": "imds-session-token"],
            ["status": 200, "body": "web-server-role\n"],
            ["status": 200, "body": #"{"Code":"Success","AccessKeyId":"EC2KEY","SecretAccessKey":"ec2secret","Token":"ec2token","Expiration":"2030-01-01T00:00:00Z"}"#],
        ])
        // A generous time-out: the whole suite shares the loopback server.
        var env = home.environment(["AWS_EC2_METADATA_SERVICE_ENDPOINT": backend.faultURL(lane: lane),
                                    "AWS_METADATA_SERVICE_TIMEOUT": "10"])
        env["AWS_EC2_METADATA_DISABLED"] = nil
        let settings = try AWSSettings.resolve(.init(region: "us-east-1"), environment: env)
        let found = try #require(try await DefaultCredentialChain.make(settings: settings, transport: transport).resolve())
        #expect(found.credentials.accessKeyID == "EC2KEY")
        #expect(found.source == "EC2 instance metadata (role web-server-role)")
        let calls = try await backend.requests(lane: lane)
        #expect(calls.map(\.method) == ["PUT", "GET", "GET"])
        #expect(calls[0].path == "/latest/api/token")
        #expect(calls[0].headers["x-aws-ec2-metadata-token-ttl-seconds"] == "21600")
        #expect(calls[2].path == "/latest/meta-data/iam/security-credentials/web-server-role")
        #expect(calls[2].headers["x-aws-ec2-metadata-token"] == "imds-session-token")
    }

    @Test func unreachableInstanceMetadataMovesOnQuickly() async throws {
        let home = try TemporaryHome()
        var env = home.environment(["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:9"])
        env["AWS_EC2_METADATA_DISABLED"] = nil
        let started = ContinuousClock.now
        await #expect(throws: AWSClientError.self) { try await resolve(home, env) }
        #expect(ContinuousClock.now - started < .seconds(3))
    }
}
