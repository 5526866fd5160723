import AWSCore
import FoundationEssentials
import LambdaAPI

/// Sends the mutations of submitted forms, one audit line each.
extension EffectRunner {
    func mutate(_ mutation: Mutation, progress: @escaping @Sendable (ConsoleAction) -> Void) async -> ConsoleAction {
        // The reducer never asks for this in read-only mode; this makes sure nothing is sent even if it did.
        guard !readOnly else {
            return .mutationFinished(mutation, .failed("Read-only mode: \(mutation.auditAction) was not sent."))
        }
        let outcome: MutationOutcome
        // What the change replaces, for undo (read before it is sent).
        let capture = audit == nil ? (step: nil, reason: nil) : await undoCapture(mutation)
        do {
            outcome = try await send(mutation, progress: progress)
        } catch AWSClientError.service(let error) where error.code == .preconditionFailedException {
            outcome = .conflict("Someone else changed \(mutation.auditTarget) since you opened this; what you typed is kept.")
        } catch let error as AWSClientError {
            outcome = .failed(error.description)
        } catch let error as WaiterError {
            outcome = .failed(error.description)
        } catch let error as MutationError {
            outcome = .failed(error.message)
        } catch {
            outcome = .failed("\(mutation.auditAction) failed: \(error.sentence)")
        }
        let detail = mutation.auditDetail(outcome).map { ": \($0)" } ?? ""
        let result: String = switch outcome {
        case .done: "ok" + detail
        case .invoked(let invocation): "status \(invocation.statusCode)\(invocation.functionError.map { " \($0)" } ?? "")"
        case .burst(let burst): "\(burst.answered) answered, \(burst.functionErrors) function errors, \(burst.failed) failed"
        case .conflict: "refused: RevisionId changed"
        case .failed(let message): "failed: \(message)"
        }
        if case .done = outcome, let entry = await journalEntry(mutation, capture) { try? journal?.append(entry) }
        guard let problem = audit?.record(mutation, result: result) else { return .mutationFinished(mutation, outcome) }
        // The change is done either way; the user learns that its audit line is missing.
        switch outcome {
        case .done(let message, let select): return .mutationFinished(mutation, .done(message + " " + problem, select: select))
        case .conflict(let message): return .mutationFinished(mutation, .conflict(message + " " + problem))
        case .failed(let message): return .mutationFinished(mutation, .failed(message + " " + problem))
        case .invoked, .burst:
            progress(.showError(problem))
            return .mutationFinished(mutation, outcome)
        }
    }

    private func send(_ mutation: Mutation, progress: @escaping @Sendable (ConsoleAction) -> Void) async throws -> MutationOutcome {
        switch mutation {
        case .invoke(let request):
            if let spec = request.burst { return .burst(await burst(request, spec, progress: progress)) }
            return .invoked(try await invoke(request, progress: progress))
        case .publishVersion(let function, let description, let sha, let revision):
            let version = try await lambda.publishVersion(function, PublishVersionRequest(description: description, codeSha256: sha, revisionId: revision))
            return .done("Published version \(version.version ?? "?") of \(function).", select: version.version.map { (.versions, $0) })
        case .updateCode(let function, let source, let architecture, let publish, let revision):
            var request = try await codeRequest(source)
            request.publish = publish
            request.revisionId = revision
            request.architectures = architecture.map { [$0] }
            let updated = try await lambda.updateFunctionCode(function, request)
            try await waitForUpdate(function, progress: progress)
            let published = publish ? updated.version.map { " and published version \($0)" } ?? "" : ""
            return .done("Updated the code of \(function)\(published).", select: publish ? updated.version.map { (.versions, $0) } : nil)
        case .updateConfiguration(let function, let changes, let revision):
            _ = try await lambda.updateFunctionConfiguration(function, configurationRequest(changes, revisionId: revision))
            try await waitForUpdate(function, progress: progress)
            return .done("Updated the configuration of \(function).", select: nil)
        case .setTags(let function, let arn, let add, let remove):
            if !add.isEmpty { try await lambda.tagResource(arn, tags: add) }
            if !remove.isEmpty { try await lambda.untagResource(arn, tagKeys: remove) }
            return .done("Tags of \(function): \(add.count) set, \(remove.count) removed.", select: nil)
        case .createAlias(let function, let alias):
            let created = try await lambda.createAlias(function, CreateAliasRequest(name: alias.name, functionVersion: alias.version,
                                                                                     description: alias.description, routingConfig: routing(alias)))
            return .done("Created alias \(function):\(alias.name).", select: created.aliasArn.map { (.aliases, $0) })
        case .updateAlias(let function, let alias, let revision):
            _ = try await updateAlias(function, alias, revisionId: revision)
            return .done("Updated alias \(function):\(alias.name).", select: nil)
        case .deleteAlias(let function, let name):
            try await lambda.deleteAlias(function, name: name)
            return .done("Deleted alias \(function):\(name).", select: nil)
        case .setMappingEnabled(_, let uuid, let enabled):
            _ = try await lambda.updateEventSourceMapping(uuid, UpdateEventSourceMappingRequest(enabled: enabled))
            return .done("\(enabled ? "Enabled" : "Disabled") mapping \(uuid).", select: nil)
        case .updateMapping(_, let uuid, let batchSize, let window):
            _ = try await lambda.updateEventSourceMapping(uuid, UpdateEventSourceMappingRequest(batchSize: batchSize, maximumBatchingWindowInSeconds: window))
            return .done("Updated mapping \(uuid).", select: nil)
        case .createMapping(let function, let source):
            var request = CreateEventSourceMappingRequest(functionName: function, eventSourceArn: source.arn, batchSize: source.batchSize,
                                                          enabled: source.enabled, startingPosition: source.startingPosition)
            request.startingPositionTimestamp = source.startingTimestamp
            request.maximumBatchingWindowInSeconds = source.batchingWindow
            let created = try await lambda.createEventSourceMapping(request)
            return .done("Created mapping \(created.uuid ?? "") from \(source.arn).", select: created.uuid.map { (.mappings, $0) })
        case .deleteMapping(_, let uuid):
            _ = try await lambda.deleteEventSourceMapping(uuid)
            return .done("Deleted mapping \(uuid).", select: nil)
        case .setReservedConcurrency(let function, let value):
            if let value { _ = try await lambda.putFunctionConcurrency(function, reservedConcurrentExecutions: value) }
            else { try await lambda.deleteFunctionConcurrency(function) }
            return .done(value.map { "Reserved \($0) concurrent executions for \(function)." } ?? "Removed the reserved concurrency of \(function).",
                         select: nil)
        case .setProvisionedConcurrency(let function, let qualifier, let value):
            if let value {
                let config = try await lambda.putProvisionedConcurrencyConfig(function, qualifier: qualifier, provisionedConcurrentExecutions: value)
                return .done("Provisioned concurrency of \(function):\(qualifier): \(value) requested, \(config.status ?? "status unknown").",
                             select: nil)
            }
            try await lambda.deleteProvisionedConcurrencyConfig(function, qualifier: qualifier)
            return .done("Removed the provisioned concurrency of \(function):\(qualifier).", select: nil)
        case .deleteFunction(let function, let version):
            try await lambda.deleteFunction(function, qualifier: version)
            return .done(version.map { "Deleted version \($0) of \(function)." } ?? "Deleted function \(function).", select: nil)
        case .addPermission(let function, let grant, let revisionId):
            var request = LambdaClient.AddPermissionRequest(statementId: grant.statementId, action: grant.action, principal: grant.principal,
                                                            sourceArn: grant.sourceArn, sourceAccount: grant.sourceAccount)
            request.functionUrlAuthType = grant.urlAuthType
            request.revisionId = revisionId
            _ = try await lambda.addPermission(function, qualifier: grant.qualifier, request)
            return .done("\(grant.principal) may now \(grant.action) \(function) (statement \(grant.statementId)).", select: nil)
        case .removePermission(let function, let sid):
            try await lambda.removePermission(function, statementId: sid)
            return .done("Removed statement \(sid) from \(function)'s policy.", select: nil)
        case .setAsyncInvocation(let function, let settings) where settings.remove:
            try await lambda.deleteFunctionEventInvokeConfig(function, qualifier: settings.qualifier)
            return .done("Asynchronous invocation of \(function)\(settings.qualifier.map { ":" + $0 } ?? ""): back to the defaults.", select: nil)
        case .setAsyncInvocation(let function, let settings):
            let destinations = DestinationConfig(onSuccess: settings.onSuccess.map { OnSuccess(destination: $0) },
                                                 onFailure: settings.onFailure.map { OnFailure(destination: $0) })
            _ = try await lambda.putFunctionEventInvokeConfig(function, qualifier: settings.qualifier, FunctionEventInvokeConfigRequest(
                maximumRetryAttempts: settings.retries, maximumEventAgeInSeconds: settings.maximumAge, destinationConfig: destinations))
            return .done("Asynchronous invocation of \(function): \(settings.retries) retries, events kept \(Formatting.duration(seconds: settings.maximumAge)).",
                         select: nil)
        case .setFunctionURL(let function, let qualifier, nil, _):
            try await lambda.deleteFunctionUrlConfig(function, qualifier: qualifier)
            return .done("Deleted the URL of \(function)\(qualifier.map { ":" + $0 } ?? "").", select: nil)
        case .setFunctionURL(let function, let qualifier, let settings?, let exists):
            let request = FunctionUrlConfigRequest(authType: settings.authType, cors: settings.cors, invokeMode: settings.invokeMode)
            let config = exists ? try await lambda.updateFunctionUrlConfig(function, qualifier: qualifier, request)
                : try await lambda.createFunctionUrlConfig(function, qualifier: qualifier, request)
            // A public URL needs a statement letting anyone call it, as the Lambda console adds.
            if !exists, settings.authType == "NONE" {
                var grant = LambdaClient.AddPermissionRequest(statementId: "FunctionURLAllowPublicAccess", action: "lambda:InvokeFunctionUrl",
                                                              principal: "*")
                grant.functionUrlAuthType = "NONE"
                _ = try? await lambda.addPermission(function, qualifier: qualifier, grant)
            }
            return .done("\(exists ? "Changed" : "Created") \(config.functionUrl ?? "the URL") (\(settings.authType), \(settings.invokeMode)).", select: nil)
        case .setRuntimeUpdates(let function, let mode, let arn):
            _ = try await lambda.putRuntimeManagementConfig(function, updateRuntimeOn: mode, runtimeVersionArn: arn)
            return .done("Runtime updates of \(function): \(mode)\(arn.map { ", pinned to \($0)" } ?? "").", select: nil)
        case .setCodeSigning(let function, let arn?):
            _ = try await lambda.putFunctionCodeSigningConfig(function, codeSigningConfigArn: arn)
            return .done("\(function) now needs code signed as \(arn) says.", select: nil)
        case .setCodeSigning(let function, nil):
            try await lambda.deleteFunctionCodeSigningConfig(function)
            return .done("Detached the code signing configuration of \(function).", select: nil)
        case .createFunction(let new):
            var code = FunctionCode()
            switch new.source {
            case nil:
                guard let runtime = new.runtime, let template = FunctionTemplates.template(for: runtime) else {
                    throw MutationError("No hello world for this runtime.")
                }
                code.zipFile = try FunctionTemplates.zip(template)
            case .image(let uri)?: code.imageUri = uri
            case let source?:
                let request = try await codeRequest(source)
                code = FunctionCode(zipFile: request.zipFile, s3Bucket: request.s3Bucket, s3Key: request.s3Key, s3ObjectVersion: request.s3ObjectVersion)
            }
            var request = CreateFunctionRequest(functionName: new.name, role: new.role, code: code, runtime: new.runtime.map(Runtime.init(rawValue:)),
                                                handler: new.handler)
            if case .image? = new.source { request.packageType = .image }
            request.architectures = [Architecture(rawValue: new.architecture)]
            request.memorySize = new.memory
            request.timeout = new.timeout
            _ = try await lambda.createFunction(request)
            progress(.mutationProgress("Created \(new.name); waiting until it is Active…"))
            _ = try await lambda.waitUntilFunctionActive(new.name)
            return .done("Created \(new.name): Active.", select: nil)
        case .publishLayer(let publication):
            guard let zip = try await codeRequest(publication.source).zipFile else { throw MutationError("No content to publish.") }
            let published = try await lambda.publishLayerVersion(publication.layer, PublishLayerVersionRequest(
                content: LayerVersionContentInput(zipFile: zip), description: publication.description,
                compatibleRuntimes: publication.runtimes.isEmpty ? nil : publication.runtimes.map(Runtime.init(rawValue:)),
                compatibleArchitectures: publication.architectures.isEmpty ? nil : publication.architectures.map(Architecture.init(rawValue:)),
                licenseInfo: publication.license))
            return .done("Published version \(published.version.map(String.init) ?? "?") of layer \(publication.layer) "
                         + "(\(Formatting.bytes(published.content?.codeSize))).", select: nil)
        case .invokeURL(let function, let call):
            let started = ContinuousClock.now
            let response = try await lambda.client.invokeURL(call.url, method: call.method, path: call.path, body: Data(call.body.utf8),
                                                             signed: call.signed)
            let elapsed = ContinuousClock.now - started
            let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            let headers = ["content-type", "x-amzn-requestid", "x-amzn-remapped-date"].compactMap { name in
                response.headers[name].map { "\(name): \($0)" }
            }
            // The body kept to what the event view shows (it cuts long text too).
            let body = String(decoding: response.body.prefix(1_048_576), as: UTF8.self)
            progress(.showResponse(title: "\(call.method) \(call.path) → HTTP \(response.status) in \(milliseconds) ms",
                                   text: (headers + ["", body]).joined(separator: "\n")))
            return .done("\(function)'s URL answered HTTP \(response.status) in \(milliseconds) ms.", select: nil)
        case .createSigningConfig(let settings):
            let created = try await lambda.createCodeSigningConfig(Self.signingRequest(settings))
            return .done("Created code signing configuration \(created.codeSigningConfigId ?? "") (\(settings.untrusted)).", select: nil)
        case .updateSigningConfig(let arn, let settings):
            _ = try await lambda.updateCodeSigningConfig(arn, Self.signingRequest(settings))
            return .done("Changed code signing configuration \(arn.split(separator: ":").last ?? "").", select: nil)
        case .shareLayer(let layer, let version, let sid, let principal, let organization):
            _ = try await lambda.addLayerVersionPermission(layer, version: version, LambdaClient.AddLayerVersionPermissionRequest(
                statementId: sid, principal: principal, organizationId: organization))
            return .done("\(organization ?? principal) may now use \(layer):\(version).", select: nil)
        case .unshareLayer(let layer, let version, let sid):
            try await lambda.removeLayerVersionPermission(layer, version: version, statementId: sid)
            return .done("Removed statement \(sid) from \(layer):\(version).", select: nil)
        case .deleteSigningConfig(let arn):
            try await lambda.deleteCodeSigningConfig(arn)
            return .done("Deleted code signing configuration \(arn.split(separator: ":").last ?? "").", select: nil)
        case .deleteLayerVersion(let layer, let version):
            try await lambda.deleteLayerVersion(layer, version: version)
            return .done("Deleted version \(version) of layer \(layer); functions that use it keep running with it.", select: nil)
        case .setRecursion(let function, let loop):
            _ = try await lambda.putFunctionRecursionConfig(function, recursiveLoop: loop)
            return .done("Recursive loops of \(function): \(loop).", select: nil)
        }
    }

    private func invoke(_ request: InvocationRequest, progress: @escaping @Sendable (ConsoleAction) -> Void) async throws -> InvocationResult {
        let type = InvocationType(rawValue: request.invocationType) ?? .requestResponse
        let started = ContinuousClock.now
        let wire = InvokeRequest(payload: Data(request.payload.utf8), qualifier: request.qualifier, invocationType: type,
                                 tailLogs: type == .requestResponse, clientContext: request.clientContext)
        let result: InvocationResult
        if request.streamed {
            result = try await invokeStreamed(request, wire, started: started, progress: progress)
        } else {
            let response = try await lambda.invoke(request.function, wire)
            result = InvocationResult(function: request.function, qualifier: request.qualifier, statusCode: response.statusCode,
                                      functionError: response.functionError, executedVersion: response.executedVersion,
                                      payload: String(decoding: response.payload, as: UTF8.self), logTail: response.logResult,
                                      milliseconds: Self.milliseconds(ContinuousClock.now - started))
        }
        try? events?.save(function: request.function, name: request.saveAs, payload: request.payload)
        return result
    }

    /// InvokeWithResponseStream: each chunk is posted as it arrives; the stream's InvokeComplete
    /// carries the error and the log tail.
    private func invokeStreamed(_ request: InvocationRequest, _ wire: InvokeRequest, started: ContinuousClock.Instant,
                                progress: @escaping @Sendable (ConsoleAction) -> Void) async throws -> InvocationResult {
        let stream = try await lambda.invokeWithResponseStream(request.function, wire)
        var body = Data()
        var pending = Data()  // bytes of a character cut between two chunks
        var functionError: String?
        var log: String?
        var completed = false
        for try await event in stream.events {
            switch event {
            case .payloadChunk(let data):
                body.append(data)
                pending.append(data)
                let (text, rest) = Self.completeCharacters(pending)
                pending = rest
                if !text.isEmpty { progress(.invocationChunk(function: request.function, text)) }
            case .invokeComplete(let errorCode, let details, let logResult):
                functionError = errorCode.map { code in details.map { "\(code): \($0)" } ?? code }
                log = logResult
                completed = true
            }
        }
        // Lambda ends every streamed answer with InvokeComplete; without it the connection was
        // cut, and what arrived is only part of the answer.
        guard completed else {
            throw MutationError("The streamed answer was cut after \(body.count) bytes: it ended without its InvokeComplete event, "
                                + "so what shows is incomplete.")
        }
        return InvocationResult(function: request.function, qualifier: request.qualifier, statusCode: stream.statusCode,
                                functionError: functionError, executedVersion: stream.executedVersion,
                                payload: String(decoding: body, as: UTF8.self), logTail: log,
                                milliseconds: Self.milliseconds(ContinuousClock.now - started), streamed: true)
    }

    /// The UTF-8 text of `data` up to its last whole character, and the bytes after it.
    static func completeCharacters(_ data: Data) -> (String, Data) {
        let bytes = [UInt8](data)
        var end = bytes.count
        // Back over continuation bytes (10xxxxxx) to the lead byte of the last character.
        var lead = bytes.count - 1
        while lead >= 0, bytes.count - lead < 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        if lead >= 0 {
            let byte = bytes[lead]
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            if bytes.count - lead < length { end = lead }
        }
        return (String(decoding: bytes[..<end], as: UTF8.self), Data(bytes[end...]))
    }

    private func codeRequest(_ source: CodeSource) async throws -> UpdateFunctionCodeRequest {
        switch source {
        case .zipFile(let path):
            let expanded = path.expandingTilde
            guard let data = FileManager.default.contents(atPath: expanded) else { throw MutationError("Cannot read the zip file \(path).") }
            return UpdateFunctionCodeRequest(zipFile: data)
        case .directory(let path):
            let expanded = path.expandingTilde
            guard (try? FileManager.default.attributesOfItem(atPath: expanded))?[.type] as? FileAttributeType == .typeDirectory else {
                throw MutationError("\(path) is not a directory.")
            }
            return UpdateFunctionCodeRequest(zipFile: try ZipArchive(directory: URL(fileURLWithPath: expanded)).data())
        case .s3(let bucket, let key, let version):
            return UpdateFunctionCodeRequest(s3Bucket: bucket, s3Key: key, s3ObjectVersion: version)
        case .image(let uri):
            var request = UpdateFunctionCodeRequest()
            request.imageUri = uri
            return request
        }
    }

    /// Polls LastUpdateStatus, telling the footer each state; a failure brings its reason.
    /// The library's waiter, polling briskly at first (an update usually takes seconds) and for up
    /// to ten minutes, its progress on the footer.
    private func waitForUpdate(_ function: String, progress: @escaping @Sendable (ConsoleAction) -> Void) async throws {
        let options = WaiterOptions(timeout: .seconds(600), initialDelay: .milliseconds(500), maximumDelay: .seconds(2))
        try await lambda.waitUntilFunctionUpdated(function, options: options) { configuration in
            progress(.mutationProgress("\(function): LastUpdateStatus \(configuration.lastUpdateStatus?.rawValue ?? "Successful")"))
        }
    }

    private func configurationRequest(_ changes: ConfigurationChanges, revisionId: String?) -> UpdateFunctionConfigurationRequest {
        var request = UpdateFunctionConfigurationRequest(revisionId: revisionId)
        request.description = changes.description
        request.handler = changes.handler
        request.runtime = changes.runtime
        request.memorySize = changes.memorySize
        request.timeout = changes.timeout
        request.environment = changes.environment.map { Environment(variables: $0) }
        request.ephemeralStorage = changes.ephemeralStorage.map { EphemeralStorage(size: $0) }
        request.tracingConfig = changes.tracingMode.map { TracingConfig(mode: $0) }
        if let format = changes.logFormat {
            request.loggingConfig = LoggingConfig(applicationLogLevel: changes.applicationLogLevel, logFormat: format,
                                                  systemLogLevel: changes.systemLogLevel)
        }
        request.layers = changes.layers
        return request
    }

    static func signingRequest(_ settings: SigningConfigSettings) -> CodeSigningConfigRequest {
        CodeSigningConfigRequest(allowedPublishers: AllowedPublishers(signingProfileVersionArns: settings.profiles),
                                 codeSigningPolicies: CodeSigningPolicies(untrustedArtifactOnDeployment: settings.untrusted),
                                 description: settings.description.isEmpty ? nil : settings.description)
    }

    /// One UpdateAlias that sets the whole routing: an empty map clears it.
    func updateAlias(_ function: String, _ alias: AliasSettings, revisionId: String?) async throws -> AliasConfiguration {
        var request = UpdateAliasRequest(functionVersion: alias.version, description: alias.description,
                                         routingConfig: routing(alias) ?? AliasRoutingConfiguration(additionalVersionWeights: [:]))
        request.revisionId = revisionId
        return try await lambda.updateAlias(function, name: alias.name, request)
    }

    private func routing(_ alias: AliasSettings) -> AliasRoutingConfiguration? {
        guard let extra = alias.additionalVersion, alias.weight > 0 else { return nil }
        return AliasRoutingConfiguration(additionalVersionWeights: [extra: alias.weight])
    }
}

struct MutationError: LocalizedError {
    var message: String
    var errorDescription: String? { message }
    init(_ message: String) { self.message = message }
}
