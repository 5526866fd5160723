import AWSCore
import Foundation
import LambdaAPI
import Testing
import TestSupport

/// Operations moto lacks or gets wrong: the loopback server answers with the response syntax of
/// the API reference, and the test checks both what was sent (method, path, query, body) and
/// what was decoded.
@Suite struct DocumentedResponseTests {
    struct Exchange<T> {
        var result: T
        var request: RecordedRequest
        var body: JSONValue { (try? JSONValue.parse(request.body)) ?? .null }
    }

    func exchange<T>(status: Int = 200, _ answer: String, _ call: (LambdaClient) async throws -> T) async throws -> Exchange<T> {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("documented")
        try await backend.script(lane: lane, [["status": status, "body": answer, "headers": ["Content-Type": "application/json"]]])
        let result = try await call(LambdaClient(client: backend.client(.lambda, lane: lane, retry: RetryStrategy(maxAttempts: 1))))
        let request = try #require(try await backend.requests(lane: lane).first)
        return Exchange(result: result, request: request)
    }

    @Test func provisionedConcurrency() async throws {
        let put = try await exchange(status: 202, #"{"AllocatedProvisionedConcurrentExecutions":0,"AvailableProvisionedConcurrentExecutions":0,"LastModified":"2026-11-25T10:00:00+0000","RequestedProvisionedConcurrentExecutions":50,"Status":"IN_PROGRESS"}"#) {
            try await $0.putProvisionedConcurrencyConfig("f", qualifier: "live", provisionedConcurrentExecutions: 50)
        }
        #expect(put.request.method == "PUT")
        #expect(put.request.path == "/2019-09-30/functions/f/provisioned-concurrency?Qualifier=live")
        #expect(put.body["ProvisionedConcurrentExecutions"] == .number(50))
        #expect(put.result.status == "IN_PROGRESS")
        #expect(put.result.requestedProvisionedConcurrentExecutions == 50)

        let get = try await exchange(#"{"AllocatedProvisionedConcurrentExecutions":50,"Status":"READY"}"#) {
            try await $0.getProvisionedConcurrencyConfig("f", qualifier: "live")
        }
        #expect(get.request.method == "GET")
        #expect(get.result.allocatedProvisionedConcurrentExecutions == 50)

        let list = try await exchange(#"{"ProvisionedConcurrencyConfigs":[{"FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:f:live","Status":"READY","RequestedProvisionedConcurrentExecutions":50}],"NextMarker":"m"}"#) {
            try await $0.listProvisionedConcurrencyConfigs("f", maxItems: 10)
        }
        #expect(list.request.path == "/2019-09-30/functions/f/provisioned-concurrency?List=ALL&MaxItems=10")
        #expect(list.result.provisionedConcurrencyConfigs?.first?.functionArn?.hasSuffix(":live") == true)
        #expect(list.result.nextMarker == "m")

        let delete = try await exchange(status: 204, "") { try await $0.deleteProvisionedConcurrencyConfig("f", qualifier: "live") }
        #expect(delete.request.method == "DELETE")
        #expect(delete.request.path == "/2019-09-30/functions/f/provisioned-concurrency?Qualifier=live")
    }

    @Test func runtimeManagement() async throws {
        let answer = #"{"FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:f","RuntimeVersionArn":"arn:aws:lambda:us-east-1::runtime:abc","UpdateRuntimeOn":"Manual"}"#
        let put = try await exchange(answer) {
            try await $0.putRuntimeManagementConfig("f", updateRuntimeOn: "Manual", runtimeVersionArn: "arn:aws:lambda:us-east-1::runtime:abc")
        }
        #expect(put.request.method == "PUT")
        #expect(put.request.path == "/2021-07-20/functions/f/runtime-management-config")
        #expect(put.body["UpdateRuntimeOn"] == .string("Manual"))
        #expect(put.body["RuntimeVersionArn"] == .string("arn:aws:lambda:us-east-1::runtime:abc"))
        #expect(put.result.updateRuntimeOn == "Manual")
        let get = try await exchange(answer) { try await $0.getRuntimeManagementConfig("f", qualifier: "$LATEST") }
        #expect(get.request.path == "/2021-07-20/functions/f/runtime-management-config?Qualifier=%24LATEST")
        #expect(get.result.runtimeVersionArn == "arn:aws:lambda:us-east-1::runtime:abc")
    }

    @Test func codeSigningConfigs() async throws {
        let config = #"{"CodeSigningConfig":{"AllowedPublishers":{"SigningProfileVersionArns":["arn:aws:signer:us-east-1:123456789012:/signing-profiles/p/v1"]},"CodeSigningConfigArn":"arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-1","CodeSigningConfigId":"csc-1","CodeSigningPolicies":{"UntrustedArtifactOnDeployment":"Enforce"},"Description":"prod","LastModified":"2026-11-25T10:00:00.000+0000"}}"#
        let arn = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-1"
        let request = CodeSigningConfigRequest(
            allowedPublishers: AllowedPublishers(signingProfileVersionArns: ["arn:aws:signer:us-east-1:123456789012:/signing-profiles/p/v1"]),
            codeSigningPolicies: CodeSigningPolicies(untrustedArtifactOnDeployment: "Enforce"), description: "prod", tags: ["team": "sec"])
        let create = try await exchange(status: 201, config) { try await $0.createCodeSigningConfig(request) }
        #expect(create.request.path == "/2020-04-22/code-signing-configs/")
        #expect(create.body["Tags"]?["team"] == .string("sec"))
        #expect(create.body["CodeSigningPolicies"]?["UntrustedArtifactOnDeployment"] == .string("Enforce"))
        #expect(create.result.codeSigningConfigId == "csc-1")
        let get = try await exchange(config) { try await $0.getCodeSigningConfig(arn) }
        #expect(get.request.path == "/2020-04-22/code-signing-configs/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Acode-signing-config%3Acsc-1")
        #expect(get.result.codeSigningPolicies?.untrustedArtifactOnDeployment == "Enforce")
        let update = try await exchange(config) { try await $0.updateCodeSigningConfig(arn, request) }
        #expect(update.request.method == "PUT")
        #expect(update.body["Tags"] == nil)
        let list = try await exchange(#"{"CodeSigningConfigs":[{"CodeSigningConfigId":"csc-1"}],"NextMarker":"n"}"#) {
            try await $0.listCodeSigningConfigs(maxItems: 5)
        }
        #expect(list.request.path == "/2020-04-22/code-signing-configs/?MaxItems=5")
        #expect(list.result.codeSigningConfigs?.first?.codeSigningConfigId == "csc-1")
        let functions = try await exchange(#"{"FunctionArns":["arn:aws:lambda:us-east-1:123456789012:function:f"]}"#) {
            try await $0.listFunctionsByCodeSigningConfig(arn)
        }
        #expect(functions.request.path.hasSuffix("/functions"))
        #expect(functions.result.functionArns?.count == 1)
        let attach = try await exchange(#"{"CodeSigningConfigArn":"\#(arn)","FunctionName":"f"}"#) {
            try await $0.putFunctionCodeSigningConfig("f", codeSigningConfigArn: arn)
        }
        #expect(attach.request.path == "/2020-06-30/functions/f/code-signing-config")
        #expect(attach.body["CodeSigningConfigArn"] == .string(arn))
        #expect(try await exchange(#"{"CodeSigningConfigArn":"\#(arn)","FunctionName":"f"}"#) {
            try await $0.getFunctionCodeSigningConfig("f")
        }.result.codeSigningConfigArn == arn)
        #expect(try await exchange(status: 204, "") { try await $0.deleteFunctionCodeSigningConfig("f") }.request.method == "DELETE")
        #expect(try await exchange(status: 204, "") { try await $0.deleteCodeSigningConfig(arn) }.request.method == "DELETE")
    }

    @Test func layerVersionByArnAndLayerPolicies() async throws {
        let arn = "arn:aws:lambda:us-east-1:123456789012:layer:utils:3"
        let byArn = try await exchange(#"{"LayerVersionArn":"\#(arn)","Version":3,"Content":{"CodeSha256":"abc","CodeSize":1024},"CompatibleRuntimes":["python3.12"]}"#) {
            try await $0.getLayerVersionByArn(arn)
        }
        #expect(byArn.request.path == "/2018-10-31/layers?find=LayerVersion&Arn=arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Alayer%3Autils%3A3")
        #expect(byArn.result.version == 3)
        #expect(byArn.result.content?.codeSize == 1024)
        let add = try await exchange(status: 201, #"{"RevisionId":"r1","Statement":"{\"Sid\":\"everyone\"}"}"#) {
            try await $0.addLayerVersionPermission("utils", version: 3, revisionId: "r0",
                                                   LambdaClient.AddLayerVersionPermissionRequest(statementId: "everyone", principal: "*"))
        }
        #expect(add.request.path == "/2018-10-31/layers/utils/versions/3/policy?RevisionId=r0")
        #expect(add.body["Action"] == .string("lambda:GetLayerVersion"))
        #expect(add.result.revisionId == "r1")
        #expect(try await exchange(#"{"Policy":"{}","RevisionId":"r1"}"#) { try await $0.getLayerVersionPolicy("utils", version: 3) }
            .result.revisionId == "r1")
        let remove = try await exchange(status: 204, "") {
            try await $0.removeLayerVersionPermission("utils", version: 3, statementId: "everyone", revisionId: "r1")
        }
        #expect(remove.request.path == "/2018-10-31/layers/utils/versions/3/policy/everyone?RevisionId=r1")
    }

    @Test func functionURLListAndAsyncInvoke() async throws {
        let urls = try await exchange(#"{"FunctionUrlConfigs":[{"AuthType":"NONE","FunctionUrl":"https://abc.lambda-url.us-east-1.on.aws/","InvokeMode":"RESPONSE_STREAM","Cors":{"AllowOrigins":["*"],"MaxAge":60}}]}"#) {
            try await $0.listFunctionUrlConfigs("f")
        }
        #expect(urls.request.path == "/2021-10-31/functions/f/urls")
        #expect(urls.result.functionUrlConfigs?.first?.invokeMode == "RESPONSE_STREAM")
        #expect(urls.result.functionUrlConfigs?.first?.cors?.maxAge == 60)
        let async = try await exchange(status: 202, #"{"Status":202}"#) { try await $0.invokeAsync("f", payload: Data("{}".utf8)) }
        #expect(async.request.path == "/2014-11-13/functions/f/invoke-async/")
        #expect(async.result == 202)
    }

    @Test func aStaleRevisionIdIsSentAndItsRefusalNamed() async throws {
        let refusal = #"{"Type":"User","message":"The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id"}"#
        await #expect {
            _ = try await exchange(status: 412, refusal) {
                try await $0.updateAlias("f", name: "live", UpdateAliasRequest(functionVersion: "2", revisionId: "stale-revision"))
            }
        } throws: { error in
            guard case .service(let failure) = error as? AWSClientError else { return false }
            return failure.status == 412 && failure.humanDescription.contains("Someone else changed this")
        }
        // What was sent carries the revision the user saw.
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("revision")
        try await backend.script(lane: lane, [["status": 412, "headers": ["x-amzn-ErrorType": "PreconditionFailedException"], "body": refusal]])
        let lambda = LambdaClient(client: backend.client(.lambda, lane: lane))
        var update = UpdateFunctionConfigurationRequest(revisionId: "seen-revision")
        update.memorySize = 512
        await #expect {
            try await lambda.updateFunctionConfiguration("f", update)
        } throws: { error in
            guard case .service(let failure) = error as? AWSClientError else { return false }
            return failure.code == .preconditionFailedException
        }
        let sent = try #require(try await backend.requests(lane: lane).first)
        #expect(try JSONValue.parse(sent.body)["RevisionId"] == .string("seen-revision"))
        #expect(try JSONValue.parse(sent.body)["MemorySize"] == .number(512))
    }

    @Test func getFunctionBundlesCodeConcurrencyAndTags() async throws {
        let response = try await exchange(#"{"Code":{"Location":"https://awslambda.s3.amazonaws.com/f.zip","RepositoryType":"S3"},"Concurrency":{"ReservedConcurrentExecutions":5},"Configuration":{"FunctionName":"f","Runtime":"python3.12","KMSKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k","SnapStart":{"ApplyOn":"PublishedVersions","OptimizationStatus":"On"},"VpcConfig":{"SubnetIds":["subnet-1"],"SecurityGroupIds":["sg-1"],"VpcId":"vpc-1","Ipv6AllowedForDualStack":false},"LoggingConfig":{"LogFormat":"JSON","ApplicationLogLevel":"INFO","LogGroup":"/custom/group"},"EphemeralStorage":{"Size":1024}},"Tags":{"team":"payments"}}"#) {
            try await $0.getFunction("f", qualifier: "live")
        }
        #expect(response.request.path == "/2015-03-31/functions/f?Qualifier=live")
        let configuration = try #require(response.result.configuration)
        #expect(configuration.kmsKeyArn == "arn:aws:kms:us-east-1:123456789012:key/k")
        #expect(configuration.snapStart?.applyOn == .publishedVersions)
        #expect(configuration.vpcConfig?.vpcId == "vpc-1")
        #expect(configuration.loggingConfig?.logFormat == .json)
        #expect(configuration.logGroupName == "/custom/group")
        #expect(configuration.logGroupArn == nil, "without the function's ARN, no account or region to name the group's")
        #expect(configuration.ephemeralStorage?.size == 1024)
        #expect(response.result.concurrency?.reservedConcurrentExecutions == 5)
        #expect(response.result.tags == ["team": "payments"])
    }
}
