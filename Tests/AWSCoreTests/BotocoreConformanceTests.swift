import AWSCore
import Foundation
import Synchronization
import Testing
import TestSupport

/// The profile, region, endpoints and credentials lambda-tui chooses, case by case against what
/// botocore (the AWS CLI's core, installed beside the tests) chooses with the same files and
/// environment. botocore reads AWS_DEFAULT_REGION only, so the cases set that one.
@Suite(.serialized) struct BotocoreConformanceTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var config = ""
        var credentials = ""
        var environment: [String: String] = [:]
        var profile: String?
        var region: String?
        var endpointURL: String?
        var description: String { name }
    }

    /// What each side chose, in the terms both can express.
    struct Choice: Equatable, CustomStringConvertible {
        var settingsFailed = false
        var profile = ""
        var region = ""
        var lambda = ""
        var logs = ""
        /// The access key found, "STS Operation at endpoint", "none", or "error".
        var credentials = ""
        var description: String {
            settingsFailed ? "settings refused; credentials \(credentials)"
                : "profile \(profile), region \(region), lambda \(lambda), logs \(logs), credentials \(credentials)"
        }
    }

    static let keys = "aws_access_key_id = KEY\naws_secret_access_key = secret\n"

    static let cases: [Case] = [
        Case(name: "static keys in the default profile", config: "[default]\nregion = eu-west-1\n" + keys),
        Case(name: "--endpoint-url sends Lambda and Logs there, AssumeRole to regional STS",
             config: "[profile r]\nregion = eu-west-1\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\n[profile base]\n" + keys,
             profile: "r", endpointURL: "http://127.0.0.1:5000"),
        Case(name: "--region wins over the profile's for STS",
             config: "[profile r]\nregion = eu-west-1\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\n[profile base]\n" + keys,
             profile: "r", region: "us-west-2"),
        Case(name: "AWS_ENDPOINT_URL_STS", config: "[profile r]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\n[profile base]\n" + keys,
             environment: ["AWS_ENDPOINT_URL_STS": "http://sts.local:4566", "AWS_DEFAULT_REGION": "eu-central-1"], profile: "r",
             endpointURL: "http://127.0.0.1:5000"),
        Case(name: "AWS_ENDPOINT_URL", config: "[profile r]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\n[profile base]\n" + keys,
             environment: ["AWS_ENDPOINT_URL": "http://everything.local:4566", "AWS_DEFAULT_REGION": "eu-central-1"], profile: "r"),
        Case(name: "the profile's services section",
             config: "[profile r]\nregion = ap-south-1\nservices = local\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\n"
                + "[profile base]\n" + keys + "[services local]\nsts =\n  endpoint_url = http://sts.section:1\nlambda =\n  endpoint_url = http://lambda.section:2\n",
             profile: "r"),
        Case(name: "--profile wins over a web identity in the environment", config: "[profile prod]\nregion = eu-west-1\n" + keys,
             environment: ["AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/pod", "AWS_WEB_IDENTITY_TOKEN_FILE": "TOKEN"], profile: "prod"),
        Case(name: "AWS_PROFILE loses to a web identity in the environment", config: "[profile prod]\nregion = eu-west-1\n" + keys,
             environment: ["AWS_PROFILE": "prod", "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/pod", "AWS_WEB_IDENTITY_TOKEN_FILE": "TOKEN"]),
        Case(name: "environment keys lose to --profile", config: "[profile p]\nregion = eu-west-1\n" + keys,
             environment: ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"], profile: "p"),
        Case(name: "environment keys win over AWS_PROFILE", config: "[profile p]\nregion = eu-west-1\n" + keys,
             environment: ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s", "AWS_PROFILE": "p"]),
        Case(name: "CRLF line endings", config: "[profile w]\r\nregion = eu-north-1\r\n" + keys.replacingOccurrences(of: "\n", with: "\r\n"),
             credentials: "[w]\r\naws_access_key_id = CREDKEY\r\naws_secret_access_key = s\r\n", profile: "w"),
        Case(name: "a quoted profile name", config: "[profile \"q x\"]\nregion = eu-west-2\n" + keys, profile: "q x"),
        Case(name: "two spaces after profile", config: "[profile  p]\nregion = eu-west-3\n" + keys, profile: "p"),
        Case(name: "a comment after the section header", config: "[profile c] # work account\nregion = sa-east-1\n" + keys, profile: "c"),
        Case(name: "a later [profile default] replaces [default]", config: "[default]\nregion = us-east-1\n" + keys + "[profile default]\nregion = us-west-2\n"),
        Case(name: "a later [default] replaces [profile default]", config: "[profile default]\nregion = us-west-2\n[default]\nregion = ca-central-1\n" + keys),
        Case(name: "no inline comments: the rest of the line is the value", config: "[default]\nregion = eu-west-1 # Ireland\n" + keys),
        Case(name: "a semicolon line is a comment, an indented line continues the value",
             config: "[default]\n; comment\nregion = eu-west-1\n" + keys + "output = json\n  table\n"),
        Case(name: "key: value is a setting", config: "[default]\nregion: ap-northeast-1\naws_access_key_id: COLONKEY\naws_secret_access_key: s\n"),
        Case(name: "a section given twice is an error", config: "[default]\nregion = eu-west-1\n[default]\n" + keys),
        Case(name: "source_profile with credential_source is an error",
             config: "[profile r]\nregion = eu-west-1\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\ncredential_source = Environment\n"
                + "[profile base]\n" + keys, profile: "r"),
        Case(name: "services naming no section is an error", config: "[profile s]\nregion = eu-west-1\nservices = nothere\n" + keys, profile: "s"),
        Case(name: "an unknown --profile is an error", config: "[default]\nregion = eu-west-1\n" + keys, profile: "nope"),
        Case(name: "credentials-file keys win over config-file keys", config: "[default]\nregion = eu-west-1\n" + keys,
             credentials: "[default]\naws_access_key_id = CREDFILE\naws_secret_access_key = s\n"),
    ] + partitionCases

    /// Every partition's regions, with FIPS and dual-stack on and off.
    static var partitionCases: [Case] {
        let regions = ["us-east-1", "cn-north-1", "us-gov-west-1", "us-gov-east-1", "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1",
                       "us-isof-south-1", "eusc-de-east-1", "ap-southeast-7"]
        return regions.flatMap { region in
            [(false, false), (true, false), (false, true), (true, true)].map { fips, dualStack in
                Case(name: "\(region) fips=\(fips) dual-stack=\(dualStack)",
                     config: "[default]\nregion = \(region)\nuse_fips_endpoint = \(fips)\nuse_dualstack_endpoint = \(dualStack)\n" + keys)
            }
        }
    }

    @Test func everyCaseChoosesAsBotocoreDoes() async throws {
        let homes = try Self.cases.map { try Self.home(for: $0) }
        let theirs = try await Self.botocore(Self.cases, homes)
        #expect(theirs.count == Self.cases.count)
        var mismatches: [String] = []
        for ((testCase, home), their) in zip(zip(Self.cases, homes), theirs) {
            let ours = await Self.ours(testCase, home)
            if ours != their { mismatches.append("\(testCase.name):\n    botocore   \(their)\n    lambda-tui \(ours)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(Self.cases.count) cases differ:\n\(mismatches.joined(separator: "\n"))")
    }

    static func home(for testCase: Case) throws -> TemporaryHome {
        let home = try TemporaryHome(config: testCase.config, credentials: testCase.credentials)
        try home.write("token", "header.payload.signature")
        return home
    }

    static func environment(_ testCase: Case, _ home: TemporaryHome) -> [String: String] {
        var environment = home.environment(["AWS_CONFIG_FILE": home.path + "/.aws/config",
                                            "AWS_SHARED_CREDENTIALS_FILE": home.path + "/.aws/credentials"])
        for (key, value) in testCase.environment { environment[key] = value == "TOKEN" ? home.path + "/token" : value }
        return environment
    }

    /// botocore's answers for every case, from one Python process.
    static func botocore(_ cases: [Case], _ homes: [TemporaryHome]) async throws -> [Choice] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/botocore/answer.py").path
        let input = zip(cases, homes).map { testCase, home -> [String: Any] in
            var item: [String: Any] = ["environment": environment(testCase, home)]
            if let profile = testCase.profile { item["profile"] = profile }
            if let region = testCase.region { item["region"] = region }
            if let endpoint = testCase.endpointURL { item["endpoint_url"] = endpoint }
            return item
        }
        let inputFile = NSTemporaryDirectory() + "lt-botocore-\(UUID().uuidString).json"
        try JSONSerialization.data(withJSONObject: input).write(to: URL(fileURLWithPath: inputFile))
        defer { unlink(inputFile) }
        // Waited for without holding a thread of the test pool.
        let outputFile = inputFile + ".out"
        defer { unlink(outputFile) }
        FileManager.default.createFile(atPath: outputFile, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "python3 \"$0\" < \"$1\"", script, inputFile]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputFile))
        process.standardError = FileHandle.nullDevice
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            process.terminationHandler = { _ in done.resume() }
            do { try process.run() } catch { done.resume() }
        }
        let output = try String(contentsOfFile: outputFile, encoding: .utf8)
        let answers = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]], "botocore said: \(output)")
        return answers.map { answer in
            var choice = Choice()
            let lambda = answer["lambda"] as? String
            if lambda == nil || lambda == "error" || answer["region"] is NSNull {
                choice.settingsFailed = true
            } else {
                choice.profile = answer["profile"] as? String ?? ""
                choice.region = answer["region"] as? String ?? ""
                choice.lambda = lambda ?? ""
                choice.logs = answer["logs"] as? String ?? ""
            }
            if answer["error"] != nil {
                choice.credentials = "error"
            } else if let credentials = answer["credentials"] as? [String: Any] {
                if let key = credentials["key"] as? String { choice.credentials = key }
                if let call = credentials["stoppedAt"] as? [String: Any] {
                    choice.credentials = "STS \(call["operation"] as? String ?? "?") at \(call["endpoint"] as? String ?? "?")"
                }
            } else {
                choice.credentials = "none"
            }
            if choice.settingsFailed { choice.credentials = "" }
            return choice
        }
    }

    /// A transport that notes the one request the chain sends (to STS) and sends nothing.
    final class StoppingTransport: HTTPTransport {
        let sent = Mutex<HTTPRequest?>(nil)
        struct Stopped: Error {}
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            sent.withLock { $0 = request }
            throw Stopped()
        }
        func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
            sent.withLock { $0 = request }
            throw Stopped()
        }
    }

    static func ours(_ testCase: Case, _ home: TemporaryHome) async -> Choice {
        var choice = Choice()
        let settings: AWSSettings
        do {
            settings = try AWSSettings.resolve(AWSSettingsOverrides(profile: testCase.profile, region: testCase.region, endpointURL: testCase.endpointURL),
                                               environment: environment(testCase, home))
        } catch {
            choice.settingsFailed = true
            return choice
        }
        choice.profile = settings.profile
        choice.region = settings.region
        choice.lambda = settings.endpoint(for: .lambda).url
        let logs = settings.endpoint(for: .logs)
        choice.logs = logs.problem == nil ? logs.url : "error"
        let transport = StoppingTransport()
        do {
            let chain = try DefaultCredentialChain.make(settings: settings, transport: transport)
            choice.credentials = try await chain.resolve()?.credentials.accessKeyID ?? "none"
        } catch {
            if let request = transport.sent.withLock({ $0 }) {
                let body = String(decoding: request.body, as: UTF8.self)
                let operation = body.split(separator: "&").first { $0.hasPrefix("Action=") }.map { String($0.dropFirst(7)) } ?? "?"
                let origin = request.url.components(separatedBy: "/").prefix(3).joined(separator: "/")
                choice.credentials = "STS \(operation) at \(origin)"
            } else if case .noCredentials = error as? AWSClientError {
                choice.credentials = "none"
            } else {
                choice.credentials = "error"
            }
        }
        return choice
    }
}
