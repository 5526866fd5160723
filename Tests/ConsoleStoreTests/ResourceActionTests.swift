import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import Testing
import TestSupport

/// The permission, asynchronous invocation and recursion actions: their forms (presets, checks),
/// what the runner sends (moto for what it serves, the fault server's record for recursion,
/// which moto lacks), the audit line, the equivalent CLI command, and read-only.
@Suite struct ResourceActionTests {
    static func state(name: String, policy: String? = nil) -> ConsoleState {
        var state = ConsoleState(connection: ConnectionInfo(profile: "dev", region: "us-east-1", endpoint: "e", readOnly: false))
        var configuration = FunctionConfiguration(functionName: name)
        configuration.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:\(name)"
        _ = Reducer.reduce(&state, .functionsLoaded(.listed([configuration])))
        if let policy { _ = Reducer.reduce(&state, .resourcesLoaded(function: name, FunctionResources(policy: .value(policy)))) }
        return state
    }

    @Test func thePresetFillsThePrincipalAndTheChecksHold() throws {
        var state = Self.state(name: "api")
        #expect(!ActionCatalog.available(in: state).contains(.removePermission), "nothing to remove before the policy is read")
        _ = Reducer.reduce(&state, .openAction(.addPermission))
        guard case .form(var form) = state.overlay else { Issue.record("no form"); return }
        #expect(form.value(.principal) == "apigateway.amazonaws.com")
        // Cycle to "function URL": principal *, auth type AWS_IAM.
        while form.value(.principalPreset) != PermissionPreset.url.rawValue {
            form.focus = form.fields.firstIndex { $0.id == .principalPreset } ?? 0
            state.overlay = .form(form)
            _ = Reducer.reduce(&state, .cycleChoice(1))
            guard case .form(let next) = state.overlay else { return }
            form = next
        }
        #expect(form.value(.principal) == "*" && form.value(.urlAuthType) == "AWS_IAM")
        form.set(.statementId, "bad id!")
        form.set(.sourceArn, "bucket")
        let errors = FormSubmission.actionErrors(form)
        #expect(errors[.statementId] != nil && errors[.sourceArn] != nil)
        form.set(.statementId, "url-iam")
        form.set(.sourceArn, "")
        #expect(FormSubmission.actionErrors(form).isEmpty)
        let mutation = try #require(FormSubmission.mutation(from: form))
        #expect(AWSCLICommand.render(mutation, connection: state.connection).contains(
            "aws lambda add-permission --function-name api --statement-id url-iam --action lambda:InvokeFunctionUrl --principal '*' --function-url-auth-type AWS_IAM"))
    }

    @Test func addRemovePermissionAndAsyncInvocationOnMoto() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("resource-actions")
        try await fixtures.createFunction(name)
        let folder = MutationRunnerTests.folder()
        let runner = MutationRunnerTests.runner(fixtures.backend, folder: folder)
        let grant = PermissionGrant(statementId: "s3-uploads", action: "lambda:InvokeFunction", principal: "s3.amazonaws.com",
                                    sourceArn: "arn:aws:s3:::uploads", sourceAccount: "123456789012", urlAuthType: nil, qualifier: nil)
        var action = await runner.run(.mutate(.addPermission(function: name, grant, revisionId: nil)))
        guard case .mutationFinished(_, .done) = action else { Issue.record("\(action)"); return }
        var resources = await fixtures.lambda.functionResources(name)
        #expect(PolicyStatementRow.rows(resources.policy.value ?? "").map(\.sid) == ["s3-uploads"])

        action = await runner.run(.mutate(.setAsyncInvocation(function: name, AsyncInvocationSettings(
            retries: 1, maximumAge: 3600, onSuccess: nil, onFailure: "arn:aws:sqs:us-east-1:123456789012:dlq"))))
        guard case .mutationFinished(_, .done) = action else { Issue.record("\(action)"); return }
        action = await runner.run(.mutate(.removePermission(function: name, statementId: "s3-uploads")))
        guard case .mutationFinished(_, .done) = action else { Issue.record("\(action)"); return }
        resources = await fixtures.lambda.functionResources(name)
        #expect(PolicyStatementRow.rows(resources.policy.value ?? "").isEmpty)
        let invoke = try #require(resources.eventInvokeConfigs.value?.first)
        #expect(invoke.maximumRetryAttempts == 1 && invoke.maximumEventAgeInSeconds == 3600)
        #expect(invoke.destinationConfig?.onFailure?.destination == "arn:aws:sqs:us-east-1:123456789012:dlq")
        // And back to the defaults.
        action = await runner.run(.mutate(.setAsyncInvocation(function: name, AsyncInvocationSettings(
            retries: 2, maximumAge: 21_600, onSuccess: nil, onFailure: nil, remove: true))))
        guard case .mutationFinished(_, .done) = action else { Issue.record("\(action)"); return }
        #expect(await fixtures.lambda.functionResources(name).eventInvokeConfigs == .none)
        let audit = try String(contentsOfFile: folder + "/audit.log", encoding: .utf8)
        #expect(audit.contains("AddPermission") && audit.contains("RemovePermission") && audit.contains("PutFunctionEventInvokeConfig"))
        #expect(audit.contains("DeleteFunctionEventInvokeConfig"))
        #expect(audit.contains("statement s3-uploads"))
    }

    @Test func recursionGoesAsTheAPIDocumentsItAndReadOnlySendsNothing() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("recursion")
        // The GET is undo's look at what the change replaces (journaled); the PUT is the change.
        try await backend.script(lane: lane, [["match": ["method": "GET", "path": "/recursion-config"], "body": #"{"RecursiveLoop": "Terminate"}"#],
                                              ["match": ["method": "PUT", "path": "/recursion-config"], "body": #"{"RecursiveLoop": "Allow"}"#]])
        let folder = MutationRunnerTests.folder()
        let action = await MutationRunnerTests.runner(backend, lane: lane, folder: folder).run(.mutate(.setRecursion(function: "loopy", loop: "Allow")))
        guard case .mutationFinished(_, .done(let sentence, _)) = action else { Issue.record("\(action)"); return }
        #expect(sentence.contains("Allow"))
        let request = try #require(try await backend.requests(lane: lane).first { $0.method == "PUT" })
        #expect(request.path == "/2024-08-31/functions/loopy/recursion-config")
        #expect(request.body == #"{"RecursiveLoop":"Allow"}"#)

        let quiet = TestBackend.lane("recursion-read-only")
        for mutation in [Mutation.setRecursion(function: "f", loop: "Allow"), .removePermission(function: "f", statementId: "s"),
                         .setAsyncInvocation(function: "f", AsyncInvocationSettings(retries: 0, maximumAge: 60, onSuccess: nil, onFailure: nil))] {
            _ = await MutationRunnerTests.runner(backend, lane: quiet, readOnly: true, folder: folder).run(.mutate(mutation))
        }
        #expect(try await backend.requests(lane: quiet).isEmpty)
        // And read-only offers none of them.
        var readOnly = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: true))
        _ = Reducer.reduce(&readOnly, .functionsLoaded(.listed([FunctionConfiguration(functionName: "f")])))
        #expect(ActionCatalog.available(in: readOnly).isEmpty)
    }

    @Test func removeOffersThePolicysStatements() {
        let policy = #"{"Statement": [{"Sid": "a", "Effect": "Allow", "Principal": "*", "Action": "lambda:InvokeFunctionUrl"}, {"Sid": "b", "Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "lambda:InvokeFunction"}]}"#
        var state = Self.state(name: "api", policy: policy)
        #expect(ActionCatalog.available(in: state).contains(.removePermission))
        _ = Reducer.reduce(&state, .openAction(.removePermission))
        guard case .form(let form) = state.overlay, case .choice(let sids, _)? = form.field(.statementId)?.kind else {
            Issue.record("no statement choice")
            return
        }
        #expect(sids == ["a", "b"])
    }
}

/// Provisioned concurrency being allocated is read again every few seconds while the detail shows it.
@Suite struct SettlingResourcesTests {
    @Test func inProgressIsReadAgainUntilItSettles() throws {
        var state = ResourceActionTests.state(name: "api")
        _ = Reducer.reduce(&state, .drillDown)
        #expect(state.route == .detail(function: "api"))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let inProgress = try LambdaJSON.decoder().decode([ProvisionedConcurrencyConfigListItem].self,
                                                         from: Data(#"[{"Status": "IN_PROGRESS", "FunctionArn": "arn:aws:lambda:us-east-1:1:function:api:live"}]"#.utf8))
        _ = Reducer.reduce(&state, .resourcesLoaded(function: "api", FunctionResources(provisioned: .value(inProgress))), now: now)
        #expect(state.resourcesRecheckAt == now.addingTimeInterval(ConsoleState.settlingRecheck))
        #expect(Reducer.reduce(&state, .recheckResources, now: now.addingTimeInterval(1)).isEmpty, "not yet")
        #expect(Reducer.reduce(&state, .recheckResources, now: now.addingTimeInterval(6)) == [.loadResources(function: "api")])
        let ready = try LambdaJSON.decoder().decode([ProvisionedConcurrencyConfigListItem].self,
                                                    from: Data(#"[{"Status": "READY", "FunctionArn": "arn:aws:lambda:us-east-1:1:function:api:live"}]"#.utf8))
        _ = Reducer.reduce(&state, .resourcesLoaded(function: "api", FunctionResources(provisioned: .value(ready))), now: now.addingTimeInterval(7))
        #expect(state.resourcesRecheckAt == nil)
    }
}

/// The function URL action: created public with the statement that lets anyone call it (as the
/// Lambda console does), changed, deleted; on moto, which serves the URL calls but not their list.
@Suite struct FunctionURLActionTests {
    @Test func createChangeAndDeleteOnMoto() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("url-action")
        try await fixtures.createFunction(name)
        // Through a recording lane (everything passes to moto): what was sent is checked where moto keeps less.
        let lane = TestBackend.lane("url-action")
        let runner = MutationRunnerTests.runner(fixtures.backend, lane: lane, folder: MutationRunnerTests.folder())
        let cors = Cors(allowOrigins: ["https://app.example.com"], allowMethods: ["GET", "POST"], maxAge: 300)
        var action = await runner.run(.mutate(.setFunctionURL(function: name, qualifier: nil,
                                                              FunctionURLSettings(authType: "NONE", invokeMode: "BUFFERED", cors: cors), exists: false)))
        guard case .mutationFinished(_, .done(let created, _)) = action else { Issue.record("\(action)"); return }
        #expect(created.contains("lambda-url"))
        var url = try await fixtures.lambda.getFunctionUrlConfig(name)
        #expect(url.authType == "NONE" && url.cors?.allowOrigins == ["https://app.example.com"] && url.cors?.maxAge == 300)
        let policy = await fixtures.lambda.functionResources(name).policy.value ?? ""
        #expect(PolicyStatementRow.rows(policy).contains { $0.sid == "FunctionURLAllowPublicAccess" && $0.principal == "*" })
        var sent = try await fixtures.backend.requests(lane: lane)
        #expect(sent.contains { $0.path.hasSuffix("/policy") && $0.body.contains(#""FunctionUrlAuthType":"NONE""#) })

        action = await runner.run(.mutate(.setFunctionURL(function: name, qualifier: nil,
                                                          FunctionURLSettings(authType: "AWS_IAM", invokeMode: "RESPONSE_STREAM", cors: nil), exists: true)))
        guard case .mutationFinished(_, .done) = action else { Issue.record("\(action)"); return }
        url = try await fixtures.lambda.getFunctionUrlConfig(name)
        #expect(url.authType == "AWS_IAM")
        // moto keeps no invoke mode: the request says it was asked for.
        sent = try await fixtures.backend.requests(lane: lane)
        #expect(sent.contains { $0.method == "PUT" && $0.path.contains("/url") && $0.body.contains(#""InvokeMode":"RESPONSE_STREAM""#) })

        action = await runner.run(.mutate(.setFunctionURL(function: name, qualifier: nil, nil, exists: true)))
        guard case .mutationFinished(_, .done) = action else { Issue.record("\(action)"); return }
        await #expect(throws: (any Error).self) { _ = try await fixtures.lambda.getFunctionUrlConfig(name) }
    }

    @Test func theFormChecksCORSAndRendersTheCommand() throws {
        var state = ResourceActionTests.state(name: "api")
        _ = Reducer.reduce(&state, .openAction(.functionURL))
        guard case .form(var form) = state.overlay else { Issue.record("no form"); return }
        #expect(form.value(.urlPresence) == "create" && form.value(.urlAuthType) == "AWS_IAM")
        form.set(.corsMethods, "GET TRACE")
        #expect(FormSubmission.actionErrors(form)[.corsMethods] != nil)
        form.set(.corsMethods, "GET POST")
        form.set(.corsOrigins, "*")
        form.set(.corsCredentials, "true")
        #expect(FormSubmission.actionErrors(form)[.corsCredentials] != nil)
        form.set(.corsCredentials, "false")
        #expect(FormSubmission.actionErrors(form).isEmpty)
        let mutation = try #require(FormSubmission.mutation(from: form))
        #expect(AWSCLICommand.render(mutation, connection: state.connection).contains(
            #"aws lambda create-function-url-config --function-name api --auth-type AWS_IAM --invoke-mode BUFFERED --cors '{"AllowOrigins":["*"],"AllowMethods":["GET","POST"]}'"#))
    }
}

/// Runtime updates and code signing, which moto lacks: what is sent, as the reference documents it.
@Suite struct RuntimeAndSigningActionTests {
    @Test func theRequestsAreTheReferencesAndTheFormsCheckTheirARNs() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("runtime-signing")
        let csc = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0"
        try await backend.script(lane: lane, [
            ["match": ["path": "/runtime-management-config"], "body": #"{"UpdateRuntimeOn": "Manual", "RuntimeVersionArn": "arn:aws:lambda:us-east-1::runtime:abc"}"#],
            ["match": ["method": "PUT", "path": "/code-signing-config"], "body": #"{"CodeSigningConfigArn": "\#(csc)", "FunctionName": "f"}"#],
            ["match": ["method": "DELETE", "path": "/code-signing-config"], "status": 204, "body": ""],
        ])
        let runner = MutationRunnerTests.runner(backend, lane: lane, folder: MutationRunnerTests.folder())
        for mutation in [Mutation.setRuntimeUpdates(function: "f", mode: "Manual", versionArn: "arn:aws:lambda:us-east-1::runtime:abc"),
                         .setCodeSigning(function: "f", arn: csc), .setCodeSigning(function: "f", arn: nil)] {
            let action = await runner.run(.mutate(mutation))
            guard case .mutationFinished(_, .done) = action else { Issue.record("\(mutation): \(action)"); continue }
        }
        let sent = try await backend.requests(lane: lane)
        #expect(sent.map(\.method) == ["PUT", "PUT", "DELETE"])
        #expect(sent[0].path == "/2021-07-20/functions/f/runtime-management-config")
        #expect(sent[0].body.contains(#""UpdateRuntimeOn":"Manual""#) && sent[0].body.contains("runtime:abc"))
        #expect(sent[1].path == "/2020-06-30/functions/f/code-signing-config" && sent[1].body.contains(csc))

        var state = ResourceActionTests.state(name: "f")
        _ = Reducer.reduce(&state, .openAction(.runtimeUpdates))
        guard case .form(var form) = state.overlay else { Issue.record("no form"); return }
        form.set(.updateRuntimeOn, "Manual")
        #expect(FormSubmission.actionErrors(form)[.runtimeVersionArn] != nil, "Manual without a version")
        form.set(.runtimeVersionArn, "arn:aws:lambda:us-east-1::runtime:abc")
        #expect(FormSubmission.actionErrors(form).isEmpty)
        #expect(FormSubmission.mutation(from: form).map { AWSCLICommand.render($0, connection: state.connection) }?
            .contains("put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn") == true)
    }
}

/// `D`: GetFunction's Code.Location (the fault server answers with a location of its own, as
/// moto's points at an S3 that is not there), downloaded into a private file.
@Suite struct CodeDownloadTests {
    @Test func thePackageIsSavedPrivatelyAndAnImageIsSaid() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("code-download")
        let location = backend.faultURL(lane: lane) + "/package/f.zip?X-Amz-Signature=abc"
        try await backend.script(lane: lane, [
            ["match": ["path": "/2015-03-31/functions/f"], "body": #"{"Configuration": {"FunctionName": "f"}, "Code": {"RepositoryType": "S3", "Location": "\#(location)"}}"#],
            ["match": ["path": "/package/f.zip"], "body": "PK\u{3}\u{4} not really a zip"],
            ["match": ["path": "/2015-03-31/functions/img"], "body": #"{"Configuration": {"FunctionName": "img"}, "Code": {"RepositoryType": "ECR", "ImageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"}}"#],
        ])
        let folder = MutationRunnerTests.folder()
        let runner = MutationRunnerTests.runner(backend, lane: lane, folder: folder)
        let path = folder + "/f.zip"
        let answer = await runner.run(.downloadCode(function: "f", qualifier: nil, path: path))
        guard case .codeDownloaded(.success(let sentence)) = answer else { Issue.record("\(answer)"); return }
        #expect(sentence.contains(path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "PK\u{3}\u{4} not really a zip")
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        let requests = try await backend.requests(lane: lane)
        #expect(requests.first { $0.path.hasPrefix("/package/") }?.headers["authorization"] == nil, "a presigned URL is not signed again")

        let image = await runner.run(.downloadCode(function: "img", qualifier: nil, path: folder + "/img.zip"))
        guard case .codeDownloaded(.failure(let error)) = image else { Issue.record("\(image)"); return }
        #expect(error.sentence.contains("docker pull 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"))
    }

    @Test func dNamesTheFileAfterTheFunctionAndVersion() {
        var state = ResourceActionTests.state(name: "api")
        let effects = Reducer.reduce(&state, .downloadCode)
        #expect(effects == [.downloadCode(function: "api", qualifier: nil, path: "./api.zip")])
    }
}

/// A new function from the palette: a hello world per runtime, created on moto, waited for
/// until Active, invoked; the form's checks; the CLI command writes and zips the same file.
@Suite struct CreateFunctionTests {
    @Test func aHelloWorldIsCreatedActiveAndAnswers() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("hello")
        let role = try await fixtures.backend.lambdaRole()
        let runner = MutationRunnerTests.runner(fixtures.backend, folder: MutationRunnerTests.folder())
        let new = NewFunction(name: name, source: nil, runtime: "python3.12", handler: "lambda_function.lambda_handler", role: role,
                              architecture: "arm64", memory: 256, timeout: 10)
        let action = await runner.run(.mutate(.createFunction(new)))
        guard case .mutationFinished(_, .done(let sentence, _)) = action else { Issue.record("\(action)"); return }
        #expect(sentence.contains("Active"))
        let created = try await fixtures.lambda.getFunctionConfiguration(name)
        #expect(created.handler == "lambda_function.lambda_handler" && created.memorySize == 256 && created.architectures == [.arm64])
        #expect(created.state == .active)
    }

    @Test func theFormOffersItEvenOnAnEmptyListAndChecksIt() throws {
        var state = ConsoleState(connection: ConnectionInfo(profile: "dev", region: "eu-west-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .functionsLoaded(.listed([])))
        #expect(ActionCatalog.available(in: state) == [.createFunction])
        _ = Reducer.reduce(&state, .openAction(.createFunction))
        guard case .form(var form) = state.overlay else { Issue.record("no form"); return }
        form.set(.name, "bad name!")
        form.set(.runtime, "java21")
        let errors = FormSubmission.actionErrors(form)
        #expect(errors[.name] != nil && errors[.role] != nil && errors[.runtime] != nil)
        form.set(.name, "hello-api")
        form.set(.role, "arn:aws:iam::123456789012:role/app")
        form.set(.runtime, "nodejs22.x")
        #expect(FormSubmission.actionErrors(form).isEmpty)
        let mutation = try #require(FormSubmission.mutation(from: form))
        #expect(mutation == .createFunction(NewFunction(name: "hello-api", source: nil, runtime: "nodejs22.x", handler: "index.handler",
                                                        role: "arn:aws:iam::123456789012:role/app", architecture: "arm64", memory: 128, timeout: 3)))
        let command = AWSCLICommand.render(mutation, connection: state.connection)
        #expect(command.hasPrefix("printf '%s' 'export const handler"))
        #expect(command.contains("> index.mjs && zip -q hello-api.zip index.mjs && aws lambda create-function --function-name hello-api"))
        var readOnly = ConsoleState(connection: ConnectionInfo(profile: "p", region: "eu-west-1", endpoint: "e", readOnly: true))
        _ = Reducer.reduce(&readOnly, .functionsLoaded(.listed([])))
        #expect(ActionCatalog.available(in: readOnly).isEmpty)
    }
}

/// `--read-only`: every change the console can make, sent to a read-only runner, reaches the
/// wire not once (not even undo's look at what it would replace).
@Suite struct ReadOnlyEveryMutationTests {
    /// One of each kind; the switch below fails to compile when a kind is added and not listed.
    static let everyKind: [Mutation] = [
        .invoke(InvocationRequest(function: "f", payload: "{}")),
        .publishVersion(function: "f", description: "", codeSha256: nil, revisionId: nil),
        .updateCode(function: "f", source: .image(uri: "x"), architecture: nil, publish: false, revisionId: nil),
        .updateConfiguration(function: "f", ConfigurationChanges(), revisionId: nil),
        .setTags(function: "f", arn: "arn:aws:lambda:us-east-1:1:function:f", add: ["a": "b"], remove: []),
        .createAlias(function: "f", AliasSettings(name: "live", version: "1")),
        .updateAlias(function: "f", AliasSettings(name: "live", version: "1"), revisionId: nil),
        .deleteAlias(function: "f", name: "live"),
        .setMappingEnabled(function: "f", uuid: "u", enabled: false),
        .updateMapping(function: "f", uuid: "u", batchSize: 1, batchingWindow: nil),
        .createMapping(function: "f", MappingSource(arn: "arn:aws:sqs:us-east-1:1:q")),
        .deleteMapping(function: "f", uuid: "u"),
        .setReservedConcurrency(function: "f", 1),
        .setProvisionedConcurrency(function: "f", qualifier: "live", 1),
        .deleteFunction(function: "f", version: nil),
        .addPermission(function: "f", PermissionGrant(statementId: "s", action: "lambda:InvokeFunction", principal: "*", sourceArn: nil,
                                                      sourceAccount: nil, urlAuthType: nil, qualifier: nil), revisionId: nil),
        .removePermission(function: "f", statementId: "s"),
        .setAsyncInvocation(function: "f", AsyncInvocationSettings(retries: 0, maximumAge: 60, onSuccess: nil, onFailure: nil)),
        .setRecursion(function: "f", loop: "Allow"),
        .setFunctionURL(function: "f", qualifier: nil, nil, exists: true),
        .setRuntimeUpdates(function: "f", mode: "Auto", versionArn: nil),
        .setCodeSigning(function: "f", arn: nil),
        .deleteLayerVersion(layer: "l", version: 1),
        .createFunction(NewFunction(name: "n", source: nil, runtime: "python3.12", handler: "h", role: "r", architecture: "arm64", memory: 128,
                                    timeout: 3)),
        .publishLayer(LayerPublication(layer: "l", source: .zipFile(path: "/nonexistent.zip"), description: "", runtimes: [], architectures: [],
                                       license: nil)),
        .invokeURL(function: "f", URLCall(url: "http://127.0.0.1:1", method: "GET", path: "/", body: "", signed: false)),
        .createSigningConfig(SigningConfigSettings(description: "", profiles: ["arn:aws:signer:x"], untrusted: "Warn")),
        .updateSigningConfig(arn: "arn:aws:lambda:us-east-1:1:code-signing-config:csc-1", SigningConfigSettings(description: "", profiles: [], untrusted: "Warn")),
        .deleteSigningConfig(arn: "arn:aws:lambda:us-east-1:1:code-signing-config:csc-1"),
        .shareLayer(layer: "l", version: 1, statementId: "s", principal: "*", organization: "o-abc"),
        .unshareLayer(layer: "l", version: 1, statementId: "s"),
    ]

    static func listed(_ mutation: Mutation) -> Bool {
        switch mutation {
        case .invoke, .publishVersion, .updateCode, .updateConfiguration, .setTags, .createAlias, .updateAlias, .deleteAlias, .setMappingEnabled,
             .updateMapping, .createMapping, .deleteMapping, .setReservedConcurrency, .setProvisionedConcurrency, .deleteFunction, .addPermission,
             .removePermission, .setAsyncInvocation, .setRecursion, .setFunctionURL, .setRuntimeUpdates, .setCodeSigning, .deleteLayerVersion,
             .createFunction, .publishLayer, .invokeURL, .createSigningConfig, .updateSigningConfig, .deleteSigningConfig,
             .shareLayer, .unshareLayer:
            return true
        }
    }

    @Test func nothingLeaves() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("read-only-every")
        let runner = MutationRunnerTests.runner(backend, lane: lane, readOnly: true, folder: MutationRunnerTests.folder())
        #expect(Self.everyKind.allSatisfy(Self.listed))
        for mutation in Self.everyKind {
            let answer = await runner.run(.mutate(mutation))
            guard case .mutationFinished(_, .failed(let message)) = answer else { Issue.record("\(mutation.auditAction): \(answer)"); continue }
            #expect(message.hasPrefix("Read-only mode"))
        }
        // An undo is a change too.
        let entry = JournalEntry(time: Date(), profile: "p", region: "us-east-1", action: "UpdateAlias", target: "f:live",
                                 undo: .recursion(function: "f", previous: "Terminate", left: "Allow"), notUndoable: nil)
        _ = await runner.run(.undo(entry))
        #expect(try await backend.requests(lane: lane).isEmpty, "a request left in read-only mode")
    }
}

/// Calling a function URL from the console: signed as Lambda for AWS_IAM, plain for NONE, the
/// answer (any status) shown in full; the equivalent curl command.
@Suite struct FunctionURLCallTests {
    @Test func signedForIAMPlainForNoneAndTheAnswerShown() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("url-call")
        try await backend.script(lane: lane, [
            ["match": ["method": "POST", "path": "/orders"], "status": 201, "headers": ["Content-Type": "application/json"], "body": #"{"id": 7}"#],
            ["match": ["method": "GET", "path": "/health"], "status": 503, "body": "down"],
        ])
        let folder = MutationRunnerTests.folder()
        let runner = MutationRunnerTests.runner(backend, folder: folder)
        let shown = ShownResponses()
        let signed = URLCall(url: backend.faultURL(lane: lane), method: "POST", path: "/orders?source=console", body: #"{"qty": 1}"#, signed: true)
        let answer = await runner.run(.mutate(.invokeURL(function: "shop", signed))) { action in
            if case .showResponse(let title, let text) = action { shown.add(title + "\n" + text) }
        }
        guard case .mutationFinished(_, .done(let sentence, _)) = answer else { Issue.record("\(answer)"); return }
        #expect(sentence.contains("HTTP 201"))
        #expect(shown.all.first?.contains("POST /orders?source=console → HTTP 201") == true && shown.all.first?.contains(#"{"id": 7}"#) == true)
        let plain = URLCall(url: backend.faultURL(lane: lane), method: "GET", path: "/health", body: "", signed: false)
        guard case .mutationFinished(_, .done(let down, _)) = await runner.run(.mutate(.invokeURL(function: "shop", plain))) else {
            Issue.record("a 503 is an answer, not a failure")
            return
        }
        #expect(down.contains("HTTP 503"))
        let requests = try await backend.requests(lane: lane)
        #expect(requests.count == 2, "a URL call is sent once")
        #expect(requests[0].headers["authorization"]?.contains("/us-east-1/lambda/aws4_request") == true)
        #expect(requests[0].path == "/orders?source=console" && requests[0].body == #"{"qty": 1}"#)
        #expect(requests[1].headers["authorization"] == nil)

        let command = AWSCLICommand.render(.invokeURL(function: "shop", URLCall(url: "https://abc.lambda-url.us-east-1.on.aws/", method: "POST",
                                                                                path: "/orders", body: "{}", signed: true)),
                                           connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "", readOnly: false))
        #expect(command == #"curl -sS -X POST --aws-sigv4 aws:amz:us-east-1:lambda --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" -H "x-amz-security-token: $AWS_SESSION_TOKEN" -H 'Content-Type: application/json' --data '{}' https://abc.lambda-url.us-east-1.on.aws/orders"#)
    }
}

final class ShownResponses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    func add(_ value: String) { lock.withLock { values.append(value) } }
    var all: [String] { lock.withLock { values } }
}

/// `:signing`, which moto lacks: the configurations and who uses each, created, changed and
/// deleted as the reference documents the calls (the fault server plays them).
@Suite struct SigningConfigTests {
    @Test func listCreateChangeDeleteAndWhoUsesOne() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("signing")
        let arn = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0a1b2c3d4e5f60718"
        let profile = "arn:aws:signer:us-east-1:123456789012:/signing-profiles/release/abcdef1234"
        let config = #"{"CodeSigningConfigId": "csc-0a1b2c3d4e5f60718", "CodeSigningConfigArn": "\#(arn)", "AllowedPublishers": {"SigningProfileVersionArns": ["\#(profile)"]}, "CodeSigningPolicies": {"UntrustedArtifactOnDeployment": "Warn"}, "Description": "release", "LastModified": "2026-12-01T10:00:00.000+0000"}"#
        try await backend.script(lane: lane, [
            ["match": ["method": "GET", "path": "/code-signing-configs/"], "body": #"{"CodeSigningConfigs": [\#(config)]}"#],
            ["match": ["method": "GET", "path": "/functions"], "body": #"{"FunctionArns": ["arn:aws:lambda:us-east-1:123456789012:function:billing"]}"#],
            ["match": ["method": "POST", "path": "/code-signing-configs/"], "body": #"{"CodeSigningConfig": \#(config)}"#],
            ["match": ["method": "PUT", "path": "/code-signing-configs/"], "body": #"{"CodeSigningConfig": \#(config)}"#],
            ["match": ["method": "DELETE", "path": "/code-signing-configs/"], "status": 204, "body": ""],
        ])
        let runner = MutationRunnerTests.runner(backend, lane: lane, folder: MutationRunnerTests.folder())
        var state = ConsoleState(connection: ConnectionInfo(profile: "dev", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .resized(rows: 40, columns: 120))
        func run(_ effects: [ConsoleEffect]) async { for effect in effects { await run(Reducer.reduce(&state, await runner.run(effect))) } }
        _ = Reducer.reduce(&state, .openCommandLine)
        _ = Reducer.reduce(&state, .editCommandLine("signing"))
        await run(Reducer.reduce(&state, .runCommandLine))
        #expect(state.signing.configs.map(\.codeSigningConfigArn) == [arn])
        #expect(state.signing.users[arn] == .value(["arn:aws:lambda:us-east-1:123456789012:function:billing"]))

        _ = Reducer.reduce(&state, .openAction(.createSigningConfig))
        guard case .form(var form) = state.overlay else { Issue.record("no form"); return }
        form.set(.publishers, "not-an-arn")
        #expect(FormSubmission.actionErrors(form)[.publishers] != nil)
        form.set(.publishers, profile)
        form.set(.enabled, "Enforce")
        let create = try #require(FormSubmission.mutation(from: form))
        #expect(AWSCLICommand.render(create, connection: state.connection).contains(
            "create-code-signing-config --allowed-publishers SigningProfileVersionArns=\(profile) --code-signing-policies UntrustedArtifactOnDeployment=Enforce"))
        for mutation in [create, .updateSigningConfig(arn: arn, SigningConfigSettings(description: "v2", profiles: [profile], untrusted: "Enforce"))] {
            guard case .mutationFinished(_, .done) = await runner.run(.mutate(mutation)) else { Issue.record("\(mutation.auditAction) failed"); return }
        }
        // ctrl-d once asks; again deletes.
        #expect(Reducer.reduce(&state, .signingCommand(.delete)).isEmpty)
        let delete = Reducer.reduce(&state, .signingCommand(.delete))
        #expect(delete == [.mutate(.deleteSigningConfig(arn: arn))])
        guard case .mutationFinished(_, .done) = await runner.run(delete[0]) else { Issue.record("delete failed"); return }
        let sent = try await backend.requests(lane: lane).filter { $0.method != "GET" }
        #expect(sent.map(\.method) == ["POST", "PUT", "DELETE"])
        #expect(sent[0].path == "/2020-04-22/code-signing-configs/" && sent[0].body.contains(#""UntrustedArtifactOnDeployment":"Enforce""#))
        #expect(sent[1].path.contains("/code-signing-configs/") && sent[1].path.contains("csc-0a1b2c3d4e5f60718"))
    }
}
