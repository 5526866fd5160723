import AWSCore
import Foundation
import LambdaAPI
import LambdaTestSupport
import Testing
import TestSupport

/// A function's life against moto: create, read, update, publish, alias, tag, delete.
@Suite struct LifecycleTests {
    @Test func createReadUpdateAndDelete() async throws {
        let fixtures = try await LambdaFixtures()
        let lambda = fixtures.lambda
        let name = LambdaFixtures.uniqueName("life")
        try await fixtures.createFunction(name, environment: ["STAGE": "dev"], tags: ["team": "payments"])

        let fetched = try await lambda.getFunction(name)
        #expect(fetched.configuration?.functionName == name)
        #expect(fetched.tags?["team"] == "payments")
        #expect(fetched.code?.location != nil || fetched.code?.repositoryType != nil)

        var update = UpdateFunctionConfigurationRequest()
        update.memorySize = 1024
        update.timeout = 120
        update.description = "now bigger"
        update.environment = Environment(variables: ["STAGE": "prod", "Mixed_Case": "kept"])
        let updated = try await lambda.updateFunctionConfiguration(name, update)
        #expect(updated.memorySize == 1024)
        #expect(updated.timeout == 120)
        #expect(updated.environment?.variables == ["STAGE": "prod", "Mixed_Case": "kept"])
        let settled = try await lambda.waitUntilFunctionUpdated(name, options: WaiterOptions(timeout: .seconds(10)))
        #expect(settled.lastUpdateStatus == .successful)
        #expect(try await lambda.waitUntilFunctionActive(name).state == .active)

        let newCode = try ZipArchive(entries: [.init(path: "index.py", contents: Data("def handler(e, c):\n    return 2\n".utf8))]).data()
        let recoded = try await lambda.updateFunctionCode(name, UpdateFunctionCodeRequest(zipFile: newCode))
        #expect(recoded.codeSha256 != fetched.configuration?.codeSha256)

        try await lambda.deleteFunction(name)
        await #expect(throws: AWSClientError.self) { try await lambda.getFunction(name) }
    }

    @Test func versionsAndWeightedAliases() async throws {
        let fixtures = try await LambdaFixtures()
        let lambda = fixtures.lambda
        let name = LambdaFixtures.uniqueName("alias")
        try await fixtures.createFunction(name)
        let first = try await lambda.publishVersion(name, PublishVersionRequest(description: "first"))
        _ = try await lambda.updateFunctionConfiguration(name, { var r = UpdateFunctionConfigurationRequest(); r.description = "v2"; return r }())
        let second = try await lambda.publishVersion(name, PublishVersionRequest(description: "second"))
        #expect(first.version == "1")
        #expect(second.version == "2")
        let versions = try await lambda.versions(of: name).all().compactMap(\.version)
        #expect(versions.contains("$LATEST") && versions.contains("1") && versions.contains("2"))
        #expect(try await lambda.waitUntilPublishedVersionActive(name, version: "2").version == "2")

        let live = try await lambda.createAlias(name, CreateAliasRequest(
            name: "live", functionVersion: "1", description: "production",
            routingConfig: AliasRoutingConfiguration(additionalVersionWeights: ["2": 0.1])))
        #expect(live.functionVersion == "1")
        #expect(live.routingConfig?.additionalVersionWeights == ["2": 0.1])
        #expect(live.revisionId != nil)

        let shifted = try await lambda.updateAlias(name, name: "live", UpdateAliasRequest(
            routingConfig: AliasRoutingConfiguration(additionalVersionWeights: ["2": 0.35]), revisionId: live.revisionId))
        #expect(shifted.routingConfig?.additionalVersionWeights == ["2": 0.35])
        #expect(try await lambda.getAlias(name, name: "live").routingConfig?.additionalVersionWeights == ["2": 0.35])

        _ = try await lambda.createAlias(name, CreateAliasRequest(name: "staging", functionVersion: "2"))
        let aliases = try await lambda.aliases(of: name).all()
        #expect(Set(aliases.compactMap(\.name)) == ["live", "staging"])

        await #expect {
            try await lambda.createAlias(name, CreateAliasRequest(name: "live", functionVersion: "2"))
        } throws: { error in
            // AWS names this ResourceConflictException; moto says ConflictException. Both are 409.
            guard case .service(let failure) = error as? AWSClientError else { return false }
            return failure.status == 409 && failure.humanDescription.hasPrefix("Conflict")
        }
        try await lambda.deleteAlias(name, name: "staging")
        #expect(try await lambda.aliases(of: name).all().compactMap(\.name) == ["live"])
    }

    @Test func reservedConcurrency() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("conc")
        try await fixtures.createFunction(name)
        #expect(try await fixtures.lambda.putFunctionConcurrency(name, reservedConcurrentExecutions: 7).reservedConcurrentExecutions == 7)
        #expect(try await fixtures.lambda.getFunctionConcurrency(name).reservedConcurrentExecutions == 7)
        try await fixtures.lambda.deleteFunctionConcurrency(name)
        #expect(try await fixtures.lambda.getFunctionConcurrency(name).reservedConcurrentExecutions == nil)
    }

    @Test func tagsAndPermissions() async throws {
        let fixtures = try await LambdaFixtures()
        let lambda = fixtures.lambda
        let name = LambdaFixtures.uniqueName("tags")
        let arn = try #require(try await fixtures.createFunction(name, tags: ["team": "search"]).functionArn)
        try await lambda.tagResource(arn, tags: ["env": "prod", "Cost Center": "cc-1"])
        #expect(try await lambda.listTags(arn) == ["team": "search", "env": "prod", "Cost Center": "cc-1"])
        try await lambda.untagResource(arn, tagKeys: ["team", "Cost Center"])
        #expect(try await lambda.listTags(arn) == ["env": "prod"])

        let statement = try await lambda.addPermission(name, LambdaClient.AddPermissionRequest(
            statementId: "allow-s3", action: "lambda:InvokeFunction", principal: "s3.amazonaws.com",
            sourceArn: "arn:aws:s3:::my-bucket"))
        #expect(statement.statement?.contains("allow-s3") == true)
        #expect(try await lambda.getPolicy(name).policy?.contains("s3.amazonaws.com") == true)
        try await lambda.removePermission(name, statementId: "allow-s3")
        let after = try? await lambda.getPolicy(name)
        #expect(after?.policy?.contains("allow-s3") != true)
    }

    @Test func functionURLsAndAsyncInvokeSettings() async throws {
        let fixtures = try await LambdaFixtures()
        let lambda = fixtures.lambda
        let name = LambdaFixtures.uniqueName("url")
        try await fixtures.createFunction(name)
        let url = try await lambda.createFunctionUrlConfig(name, FunctionUrlConfigRequest(
            authType: "NONE", cors: Cors(allowOrigins: ["https://example.com"]), invokeMode: "RESPONSE_STREAM"))
        #expect(url.authType == "NONE")
        #expect(url.functionUrl?.isEmpty == false)
        let updated = try await lambda.updateFunctionUrlConfig(name, FunctionUrlConfigRequest(authType: "AWS_IAM"))
        #expect(updated.authType == "AWS_IAM")
        #expect(try await lambda.getFunctionUrlConfig(name).authType == "AWS_IAM")
        try await lambda.deleteFunctionUrlConfig(name)
        await #expect(throws: AWSClientError.self) { try await lambda.getFunctionUrlConfig(name) }

        let settings = try await lambda.putFunctionEventInvokeConfig(name, FunctionEventInvokeConfigRequest(
            maximumRetryAttempts: 1, maximumEventAgeInSeconds: 3600))
        #expect(settings.maximumRetryAttempts == 1)
        #expect(try await lambda.getFunctionEventInvokeConfig(name).maximumEventAgeInSeconds == 3600)
        let changed = try await lambda.updateFunctionEventInvokeConfig(name, FunctionEventInvokeConfigRequest(maximumRetryAttempts: 0))
        #expect(changed.maximumRetryAttempts == 0)
        // moto answers Update without keeping it, so what it stored is not checked here.
        #expect(try await lambda.listFunctionEventInvokeConfigs(name).functionEventInvokeConfigs?.count == 1)
        try await lambda.deleteFunctionEventInvokeConfig(name)
    }
}
