import AWSCore
import Testing

@Suite struct SettingsTests {
    @Test func regionComesFromFlagThenEnvironmentThenProfile() throws {
        let home = try TemporaryHome(config: "[default]\nregion = eu-central-1\n[profile other]\nregion = ap-south-1\n")
        #expect(try AWSSettings.resolve(.init(), environment: home.environment()).region == "eu-central-1")
        #expect(try AWSSettings.resolve(.init(profile: "other"), environment: home.environment()).region == "ap-south-1")
        #expect(try AWSSettings.resolve(.init(), environment: home.environment(["AWS_DEFAULT_REGION": "us-west-1"])).region == "us-west-1")
        let both = home.environment(["AWS_DEFAULT_REGION": "us-west-1", "AWS_REGION": "us-east-2"])
        #expect(try AWSSettings.resolve(.init(), environment: both).region == "us-east-2")
        #expect(try AWSSettings.resolve(.init(region: "sa-east-1"), environment: both).region == "sa-east-1")
    }

    @Test func missingRegionSaysWhatToDo() throws {
        let home = try TemporaryHome()
        #expect(throws: AWSClientError.missingRegion(profile: "default")) {
            try AWSSettings.resolve(.init(), environment: home.environment())
        }
        #expect(AWSClientError.missingRegion(profile: "default").description.contains("--region"))
    }

    @Test func unknownProfileIsNamed() throws {
        let home = try TemporaryHome(config: "[default]\nregion = us-east-1\n")
        #expect {
            try AWSSettings.resolve(.init(profile: "typo"), environment: home.environment())
        } throws: { error in
            (error as? AWSClientError)?.description.contains("'typo' is not in") == true
        }
    }

    @Test func brokenConfigFileIsReportedWithItsLine() throws {
        let home = try TemporaryHome(config: "[default]\nregion us-east-1\n")
        #expect {
            try AWSSettings.resolve(.init(), environment: home.environment())
        } throws: { error in
            (error as? AWSClientError)?.description.contains("config, line 2") == true
        }
    }

    @Test func endpointPrecedenceFollowsTheCLI() throws {
        let home = try TemporaryHome(config: """
            [default]
            region = us-east-1
            endpoint_url = http://profile-wide
            services = svc
            [services svc]
            lambda =
              endpoint_url = http://services-section
            """)
        func lambdaURL(_ env: [String: String], flag: String? = nil) throws -> String {
            try AWSSettings.resolve(.init(endpointURL: flag), environment: home.environment(env)).endpoint(for: .lambda).url
        }
        #expect(try lambdaURL([:]) == "http://services-section")
        #expect(try AWSSettings.resolve(.init(), environment: home.environment()).endpoint(for: .logs).url == "http://profile-wide")
        #expect(try lambdaURL(["AWS_ENDPOINT_URL": "http://global-env/"]) == "http://global-env")
        #expect(try lambdaURL(["AWS_ENDPOINT_URL": "http://global-env", "AWS_ENDPOINT_URL_LAMBDA": "http://lambda-env"]) == "http://lambda-env")
        #expect(try lambdaURL(["AWS_ENDPOINT_URL_LAMBDA": "http://lambda-env"], flag: "http://flag") == "http://flag")
        #expect(try lambdaURL(["AWS_ENDPOINT_URL_LAMBDA": "http://lambda-env", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"])
                == "https://lambda.us-east-1.amazonaws.com")
    }

    @Test(arguments: [
        ("us-east-1", "https://lambda.us-east-1.amazonaws.com"),
        ("cn-north-1", "https://lambda.cn-north-1.amazonaws.com.cn"),
        ("us-gov-west-1", "https://lambda.us-gov-west-1.amazonaws.com"),
        ("us-iso-east-1", "https://lambda.us-iso-east-1.c2s.ic.gov"),
    ])
    func defaultEndpointsPerPartition(region: String, url: String) throws {
        let home = try TemporaryHome()
        let settings = try AWSSettings.resolve(.init(region: region), environment: home.environment())
        #expect(settings.endpoint(for: .lambda).url == url)
        #expect(settings.endpoint(for: .logs).url == url.replacingOccurrences(of: "lambda.", with: "logs."))
    }

    @Test func fipsAndDualStack() throws {
        let home = try TemporaryHome()
        let settings = try AWSSettings.resolve(.init(region: "us-west-2"),
                                               environment: home.environment(["AWS_USE_FIPS_ENDPOINT": "true", "AWS_USE_DUALSTACK_ENDPOINT": "true"]))
        #expect(settings.endpoint(for: .lambda).url == "https://lambda-fips.us-west-2.api.aws")
    }

    @Test func retryAndTimeoutSettings() throws {
        let home = try TemporaryHome(config: "[default]\nregion = us-east-1\nmax_attempts = 7\nconnect_timeout = 2.5\nread_timeout = 30\n")
        let settings = try AWSSettings.resolve(.init(), environment: home.environment())
        #expect(settings.maxAttempts == 7)
        #expect(settings.transport.connectTimeout == .milliseconds(2500))
        #expect(settings.transport.readTimeout == .seconds(30))
        #expect(try AWSSettings.resolve(.init(), environment: home.environment(["AWS_MAX_ATTEMPTS": "2"])).maxAttempts == 2)
        #expect(throws: AWSClientError.self) {
            try AWSSettings.resolve(.init(), environment: home.environment(["AWS_MAX_ATTEMPTS": "lots"]))
        }
    }
}
