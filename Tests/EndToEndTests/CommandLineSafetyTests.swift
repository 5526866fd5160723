import Foundation
import LambdaTestSupport
import Testing
import TestSupport

/// The commands for scripts print what AWS sent inert and bounded, as the console draws it,
/// and never a password from the endpoint.
@Suite struct CommandLineSafetyTests {
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let environment = "env -i PATH=/usr/bin:/bin HOME=\(NSTemporaryDirectory()) AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null "
            + "AWS_ACCESS_KEY_ID=AKIDTEST AWS_SECRET_ACCESS_KEY=secret AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true"
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        return try Subprocess.run(["sh", "-c", "\(environment) \(TmuxSession.binary) \(quoted) 2>&1"], captureOutput: true)
    }

    @Test func functionNamesAndErrorsAreInertAndBounded() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("cli-escapes")
        try await backend.script(lane: lane, [
            ["status": 200, "body": #"{"Functions":[{"FunctionName":"evil\u001b]52;c;aGk=\u0007\u001b[2Jname","Runtime":"python3.12"}]}"#],
            ["status": 400, "headers": ["x-amzn-ErrorType": "ValidationException"],
             "body": #"{"message":"bad \u001b[31mthing\u001b[0m "# + String(repeating: "x", count: 200_000) + #""}"#],
        ])
        let table = try run(["functions", "--endpoint-url", backend.faultURL(lane: lane)])
        #expect(table.status == 0, "\(table.output)")
        #expect(table.output.contains("evil␛]52;c;aGk=␇␛[2Jname"), "\(table.output)")
        #expect(!table.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        let failure = try run(["functions", "--endpoint-url", backend.faultURL(lane: lane)])
        #expect(failure.status == 1)
        #expect(failure.output.contains("bad ␛[31mthing"), "\(failure.output.prefix(300))")
        #expect(failure.output.utf8.count < 3_000)
    }

    /// `--debug FILE` for bug reports: a line per request and attempt, retries included, in a 0600
    /// file; never the key, the signature, a header value or a body.
    @Test func theDebugLogSaysEachRequestAndNoSecret() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("cli-debug")
        try await backend.script(lane: lane, [
            ["status": 429, "headers": ["x-amzn-ErrorType": "TooManyRequestsException"], "body": #"{"message":"Rate exceeded for secret-in-body"}"#],
        ])
        let path = NSTemporaryDirectory() + "lt-debug-\(UUID().uuidString.prefix(8)).log"
        let result = try run(["functions", "--endpoint-url", backend.faultURL(lane: lane), "--debug", path])
        #expect(result.status == 0, "\(result.output)")
        let log = try String(contentsOfFile: path, encoding: .utf8)
        let lines = log.split(separator: "\n")
        #expect(lines.contains { $0.contains("debug lambda-tui.aws: lambda ListFunctions 429 TooManyRequestsException") && $0.hasSuffix("attempt 1") },
                "\(log)")
        #expect(lines.contains { $0.contains("lambda ListFunctions 200") && $0.hasSuffix("attempt 2") }, "\(log)")
        for secret in ["AKIDTEST", "secret", "Signature", "Authorization", "Rate exceeded"] {
            #expect(!log.contains(secret), "the debug log holds \(secret)")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!result.output.contains("ListFunctions"), "without a terminal to spare, nothing is logged to the output")
    }

    @Test func anEndpointPasswordIsNeverPrinted() throws {
        let result = try run(["doctor", "--endpoint-url", "http://user:SECRETPASS@127.0.0.1:9"])
        #expect(result.status == 1)
        #expect(result.output.contains("http://user:****@127.0.0.1:9"), "\(result.output)")
        #expect(!result.output.contains("SECRETPASS"))
    }

    /// A credential_process that hangs, and the user presses ctrl-c: its children were orphaned.
    @Test func anInterruptEndsACredentialProcessWithItsChildren() async throws {
        let folder = NSTemporaryDirectory() + "lt-interrupt-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pidFile = folder + "/child.pid"
        try "[default]\nregion = us-east-1\ncredential_process = sh -c 'sleep 300 & echo $! > \(pidFile); wait'\n"
            .write(toFile: folder + "/config", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        process.arguments = ["functions", "--endpoint-url", "http://127.0.0.1:9"]
        process.environment = ["HOME": folder, "AWS_CONFIG_FILE": folder + "/config", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
                               "AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var child: pid_t?
        for _ in 0..<100 where child == nil {
            child = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if child == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let sleeper = try #require(child, "the credential_process did not start")
        kill(process.processIdentifier, SIGINT)
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "lambda-tui did not stop on ctrl-c")
        var gone = false
        for _ in 0..<60 where !gone {
            gone = kill(sleeper, 0) != 0 || (try? String(contentsOfFile: "/proc/\(sleeper)/stat", encoding: .utf8))?.contains(") Z ") == true
            if !gone { try await Task.sleep(for: .milliseconds(50)) }
        }
        if !gone { kill(sleeper, SIGKILL) }
        #expect(gone, "the credential_process's child outlived ctrl-c")
    }
}

/// The shared options before the subcommand, as with the AWS CLI, and `iam-policy`.
@Suite struct GlobalOptionsTests {
    @Test func optionsBeforeTheSubcommandAreItsOwn() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("global-options")
        try await fixtures.createFunction(name)
        var result = try CommandLineSafetyTests().run(["--region", "us-east-1", "--endpoint-url", fixtures.backend.motoURL, "functions", "--json"])
        #expect(result.status == 0 && result.output.contains(name), "\(result.output.prefix(300))")
        // A value that is a subcommand's name is still the option's value.
        result = try CommandLineSafetyTests().run(["--profile", "login", "doctor"])
        #expect(result.output.contains("The profile 'login' is not in"), "\(result.output.prefix(300))")

        result = try CommandLineSafetyTests().run(["--read-only", "iam-policy"])
        #expect(result.status == 0 && result.output.contains("lambda:ListFunctions") && !result.output.contains("lambda:UpdateFunctionCode"))
        result = try CommandLineSafetyTests().run(["iam-policy"])
        #expect(result.output.contains("lambda:UpdateFunctionCode") && result.output.contains("iam:PassedToService"))

        result = try CommandLineSafetyTests().run(["--help"])
        #expect(result.output.contains("iam-policy") && result.output.contains("--region NAME") && result.output.contains("before or after its name"))

        result = try CommandLineSafetyTests().run(["version", "--verbose"])
        let lines = result.output.split(separator: "\n").map(String.init)
        for label in ["curl            libcurl/", "ncurses         ncurses ", "OpenSSL         OpenSSL ", "config          ", "AWS config      /dev/null"] {
            #expect(lines.contains { $0.hasPrefix(label) }, "no \(label) line in:\n\(result.output)")
        }
    }
}
