import AWSCore
import Foundation
import LambdaAPI
import LambdaTestSupport
import Testing
import TestSupport

@Suite struct FunctionOperationTests {
    @Test func createdFunctionsAreListedWithTheirSettings() async throws {
        let fixtures = try await LambdaFixtures()
        let prefix = LambdaFixtures.uniqueName("list")
        let environment = ["DATABASE_URL": "postgres://db", "lowerCase": "kept", "X": "1"]
        for index in 0..<3 {
            try await fixtures.createFunction("\(prefix)-\(index)", memory: 128 * (index + 1), environment: environment)
        }
        let mine = try await fixtures.lambda.functions().all().filter { $0.functionName?.hasPrefix(prefix) == true }
        #expect(mine.count == 3)
        let first = try #require(mine.first { $0.functionName == "\(prefix)-0" })
        #expect(first.runtime == .python312)
        #expect(first.handler == "index.handler")
        #expect(first.memorySize == 128)
        #expect(first.timeout == 30)
        #expect(first.environment?.variables == environment)
        #expect(first.functionArn?.hasSuffix(":function:\(prefix)-0") == true)
        #expect(first.lastModified != nil)
        #expect(first.logGroupName == "/aws/lambda/\(prefix)-0")
        #expect(first.logGroupArn == "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/\(prefix)-0")
    }

    @Test func functionNamesAndARNsAreEncodedAsOnePathLabel() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("arn")
        let created = try await fixtures.createFunction(name)
        let arn = try #require(created.functionArn)
        #expect(try await fixtures.lambda.getFunctionConfiguration(arn).functionName == name)
        #expect(try await fixtures.lambda.getFunctionConfiguration(name, qualifier: "$LATEST").version == "$LATEST")
    }

    @Test func missingFunctionIsResourceNotFound() async throws {
        let fixtures = try await LambdaFixtures()
        await #expect {
            try await fixtures.lambda.getFunctionConfiguration("no-such-function-\(UUID().uuidString.prefix(6))")
        } throws: { error in
            guard case .service(let failure) = error as? AWSClientError else { return false }
            return failure.code == .resourceNotFoundException && failure.status == 404
        }
    }

    @Test func accountSettingsMissingFromAnEndpointIsSaidPlainly() async throws {
        let fixtures = try await LambdaFixtures()
        // moto does not implement GetAccountSettings; the message must say so, not dump HTML.
        await #expect {
            try await fixtures.lambda.getAccountSettings()
        } throws: { error in
            let text = String(describing: error)
            return text.contains("GetAccountSettings") && !text.contains("<html") && !text.contains("<!DOCTYPE")
        }
    }

    @Test func accountSettingsDecodeAsDocumented() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("account")
        try await backend.script(lane: lane, [["status": 200, "body": """
            {"AccountLimit":{"CodeSizeUnzipped":262144000,"CodeSizeZipped":52428800,"ConcurrentExecutions":1000,
             "TotalCodeSize":80530636800,"UnreservedConcurrentExecutions":900},
             "AccountUsage":{"FunctionCount":42,"TotalCodeSize":123456}}
            """]])
        let settings = try await LambdaClient(client: backend.client(.lambda, lane: lane)).getAccountSettings()
        #expect(settings.accountLimit?.concurrentExecutions == 1000)
        #expect(settings.accountLimit?.unreservedConcurrentExecutions == 900)
        #expect(settings.accountUsage?.functionCount == 42)
        let call = try #require(try await backend.requests(lane: lane).first)
        #expect(call.path == "/2016-08-19/account-settings/")
    }
}
