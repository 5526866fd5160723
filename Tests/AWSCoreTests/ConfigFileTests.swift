import AWSCore
import Testing

@Suite struct ConfigFileTests {
    @Test func readsProfilesServicesAndNestedKeys() throws {
        let file = try ConfigFile.parse("""
            # comment
            [default]
            region = eu-west-1 ; trailing comment
            [profile dev]
            region=us-west-2
            services = local
            [services local]
            lambda =
              endpoint_url = http://127.0.0.1:5000
            cloudwatch_logs =
              endpoint_url = http://127.0.0.1:5001
            """, path: "config")
        // As botocore reads it: only whole lines are comments (see BotocoreConformanceTests).
        #expect(file.sections["default"]?["region"] == "eu-west-1 ; trailing comment")
        #expect(file.sections["profile dev"]?["region"] == "us-west-2")
        #expect(file.sections["services local"]?["lambda.endpoint_url"] == "http://127.0.0.1:5000")
        #expect(file.sections["services local"]?["cloudwatch_logs.endpoint_url"] == "http://127.0.0.1:5001")
    }

    @Test func namesFileAndLineOfABrokenLine() {
        #expect(throws: ConfigError(path: "cfg", line: 3, message: "expected 'key = value'")) {
            try ConfigFile.parse("[default]\nregion = x\nthis is not a setting\n", path: "cfg")
        }
        #expect(throws: ConfigError(path: "cfg", line: 1, message: "a setting comes before any [section]")) {
            try ConfigFile.parse("region = x\n", path: "cfg")
        }
        #expect(throws: ConfigError(path: "cfg", line: 2, message: "a section header must end with ']'")) {
            try ConfigFile.parse("\n[default\n", path: "cfg")
        }
    }
}
