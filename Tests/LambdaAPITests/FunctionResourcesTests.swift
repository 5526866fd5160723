import AWSCore
import Foundation
import LambdaAPI
import LambdaTestSupport
import Testing
import TestSupport

/// The detail's resource sections, read together: what moto serves (a policy, an asynchronous
/// invocation config) from moto, what it lacks (provisioned concurrency in progress, code
/// signing, runtime management, recursion) from the fault server as the reference describes
/// them, and each section's failure kept to itself.
@Suite struct FunctionResourcesTests {
    @Test func motoAndTheReferenceTogether() async throws {
        let fixtures = try await LambdaFixtures()
        let backend = fixtures.backend
        let name = "resources-\(UUID().uuidString.prefix(8).lowercased())"
        _ = try await fixtures.createFunction(name)
        _ = try await fixtures.lambda.addPermission(name, LambdaClient.AddPermissionRequest(statementId: "s3-uploads", action: "lambda:InvokeFunction",
                                                                               principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads",
                                                                               sourceAccount: "123456789012"))
        var invoke = FunctionEventInvokeConfigRequest()
        invoke.maximumRetryAttempts = 1
        invoke.destinationConfig = DestinationConfig(onFailure: OnFailure(destination: "arn:aws:sqs:us-east-1:123456789012:dlq"))
        _ = try await fixtures.lambda.putFunctionEventInvokeConfig(name, invoke)

        let lane = TestBackend.lane("resources")
        try await backend.script(lane: lane, [
            ["match": ["path": "/provisioned-concurrency"], "body": #"{"ProvisionedConcurrencyConfigs": [{"FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:\#(name):live", "RequestedProvisionedConcurrentExecutions": 10, "AllocatedProvisionedConcurrentExecutions": 4, "AvailableProvisionedConcurrentExecutions": 4, "Status": "IN_PROGRESS", "LastModified": "2026-12-04T01:00:00+0000"}]}"#],
            ["match": ["path": "/code-signing-config"], "body": #"{"CodeSigningConfigArn": "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123", "FunctionName": "\#(name)"}"#],
            ["match": ["path": "/runtime-management-config"], "body": #"{"UpdateRuntimeOn": "Manual", "RuntimeVersionArn": "arn:aws:lambda:us-east-1::runtime:0f1e", "FunctionArn": "x"}"#],
            ["match": ["path": "/recursion-config"], "body": #"{"RecursiveLoop": "Allow"}"#],
            ["match": ["path": "/urls"], "status": 403, "headers": ["x-amzn-ErrorType": "AccessDeniedException"],
             "body": #"{"Message": "not authorized to perform lambda:ListFunctionUrlConfigs"}"#],
        ])
        let client = LambdaClient(client: backend.client(.lambda, lane: lane))
        let resources = await client.functionResources(name)

        let statements = PolicyStatementRow.rows(try #require(resources.policy.value))
        #expect(statements.count == 1)
        #expect(statements.first?.sid == "s3-uploads" && statements.first?.principal == "s3.amazonaws.com")
        #expect(statements.first?.sourceArn == "arn:aws:s3:::uploads" && statements.first?.sourceAccount == "123456789012")
        let config = try #require(resources.eventInvokeConfigs.value?.first)
        #expect(config.maximumRetryAttempts == 1 && config.destinationConfig?.onFailure?.destination?.hasSuffix(":dlq") == true)
        #expect(resources.provisioned.value?.first?.status == "IN_PROGRESS" && resources.isSettling)
        #expect(resources.codeSigning == .value("arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123"))
        #expect(resources.runtimeManagement.value?.updateRuntimeOn == "Manual")
        #expect(resources.recursion == .value("Allow"))
        // A denied section says so and hides nothing else.
        if case .failed(let sentence) = resources.urls { #expect(sentence.contains("not authorized")) } else {
            Issue.record("the denied URL list was not said: \(resources.urls)")
        }
        let requests = try await backend.requests(lane: lane)
        #expect(requests.contains { $0.path.contains("/2024-08-31/functions/\(name)/recursion-config") })
    }

    @Test func aFunctionWithoutAPolicyHasNoneAndStatementsOfEveryShapeRead() {
        #expect(PolicyStatementRow.rows("not json").isEmpty)
        let policy = #"""
            {"Version": "2012-10-17", "Statement": {"Sid": "url", "Effect": "Allow", "Principal": "*", "Action": ["lambda:InvokeFunctionUrl"],
              "Condition": {"StringEquals": {"lambda:FunctionUrlAuthType": "NONE"}, "IpAddress": {"aws:SourceIp": ["10.0.0.0/8"]}}}}
            """#
        let rows = PolicyStatementRow.rows(policy)
        #expect(rows == [PolicyStatementRow(sid: "url", effect: "Allow", principal: "*", action: "lambda:InvokeFunctionUrl", urlAuthType: "NONE",
                                            otherConditions: ["IpAddress aws:SourceIp=10.0.0.0/8"])])
        let crossAccount = #"{"Statement": [{"Sid": "x", "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111111111111:root"]}, "Action": "lambda:InvokeFunction"}]}"#
        #expect(PolicyStatementRow.rows(crossAccount).first?.principal == "arn:aws:iam::111111111111:root")
    }
}

/// Policies as AWS might send them, cut and corrupted: read without trapping, what can be read kept.
@Suite struct PolicyCorruptionTests {
    @Test func corruptedPoliciesNeverTrap() {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Sid":"a","Effect":"Allow","Principal":{"Service":["s3.amazonaws.com","sns.amazonaws.com"]},"Action":["lambda:InvokeFunction"],"Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::b"},"Bool":{"aws:SecureTransport":true}}}]}"#
        #expect(PolicyStatementRow.rows(policy).first?.principal == "s3.amazonaws.com, sns.amazonaws.com")
        #expect(PolicyStatementRow.rows(policy).first?.otherConditions == ["Bool aws:SecureTransport=true"])
        var random = SystemRandomNumberGenerator()
        let bytes = Array(policy.utf8)
        for round in 0..<2_000 {
            var corrupted = bytes
            switch round % 3 {
            case 0: corrupted = Array(corrupted.prefix(Int.random(in: 0...bytes.count, using: &random)))
            case 1: corrupted[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            default: corrupted.insert(contentsOf: Array("{\"Statement\":".utf8), at: Int.random(in: 0...bytes.count, using: &random))
            }
            _ = PolicyStatementRow.rows(String(decoding: corrupted, as: UTF8.self))
        }
        // Shapes of the wrong kind everywhere.
        for odd in [#"{"Statement": 7}"#, #"{"Statement": [7, null, "x"]}"#, #"{"Statement": [{"Principal": 5, "Condition": [1]}]}"#] {
            _ = PolicyStatementRow.rows(odd)
        }
        #expect(PolicyStatementRow.rows(#"{"Statement": [{"Principal": {"AWS": 5}}]}"#).count == 1)
    }
}
