import Foundation
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

    @Test func anEndpointPasswordIsNeverPrinted() throws {
        let result = try run(["doctor", "--endpoint-url", "http://user:SECRETPASS@127.0.0.1:9"])
        #expect(result.status == 1)
        #expect(result.output.contains("http://user:****@127.0.0.1:9"), "\(result.output)")
        #expect(!result.output.contains("SECRETPASS"))
    }
}
