import AWSCore
import FoundationEssentials
import LambdaAPI

/// The AWS CLI command that makes the same change a form is about to send, for a runbook or a
/// script: quoted for a POSIX shell, with the profile, region and endpoint of the console.
/// Environment values are never written out: they show as `****` to fill in.
public enum AWSCLICommand {
    public static func render(_ mutation: Mutation, connection: ConnectionInfo) -> String {
        // A function URL is called with curl, signed as Lambda when its auth is AWS_IAM.
        if case .invokeURL(_, let call) = mutation {
            var words = ["curl", "-sS", "-X", call.method]
            if call.signed {
                words += ["--aws-sigv4", "aws:amz:\(connection.region):lambda", "--user", "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY",
                          "-H", "x-amz-security-token: $AWS_SESSION_TOKEN"]
            }
            if !call.body.isEmpty { words += ["-H", "Content-Type: application/json", "--data", call.body] }
            let url = (call.url.hasSuffix("/") ? String(call.url.dropLast()) : call.url) + call.path
            // The credentials are left to the shell to expand; everything else is quoted.
            return (words + [url]).map { $0.contains("$AWS_") ? "\"" + $0 + "\"" : quote($0) }.joined(separator: " ")
        }
        var words = ["aws", "lambda"] + arguments(mutation)
        if connection.profile != "default" { words += ["--profile", connection.profile] }
        words += ["--region", connection.region]
        if !connection.endpoint.isEmpty, !connection.endpoint.hasSuffix(".amazonaws.com"), connection.endpoint.hasPrefix("http") {
            words += ["--endpoint-url", connection.endpoint]
        }
        let command = words.map(quote).joined(separator: " ")
        // An invocation's answer goes to a file, as the CLI needs one.
        if case .invoke = mutation { return command + " response.json" }
        if case .updateCode(let function, .directory(let path), _, _, _) = mutation {
            return "(cd \(quote(path)) && zip -qr /tmp/\(quote(function)).zip .) && " + command
        }
        if case .publishLayer(let publication) = mutation, case .directory(let path) = publication.source {
            return "(cd \(quote(path)) && zip -qr /tmp/\(quote(publication.layer)).zip .) && " + command
        }
        if case .createFunction(let new) = mutation, case .directory(let path)? = new.source {
            return "(cd \(quote(path)) && zip -qr /tmp/\(quote(new.name)).zip .) && " + command
        }
        // The hello world is written and zipped first, as the console zips it.
        if case .createFunction(let new) = mutation, new.source == nil, let template = new.runtime.flatMap(FunctionTemplates.template(for:)) {
            return "printf '%s' \(quote(template.code)) > \(quote(template.file)) && zip -q \(quote(new.name)).zip \(quote(template.file)) && " + command
        }
        return command
    }

    static func arguments(_ mutation: Mutation) -> [String] {
        switch mutation {
        case .invoke(let request):
            var words = ["invoke", "--function-name", request.function]
            if let qualifier = request.qualifier { words += ["--qualifier", qualifier] }
            words += ["--invocation-type", request.invocationType, "--cli-binary-format", "raw-in-base64-out", "--payload", request.payload]
            if let context = request.clientContext { words += ["--client-context", Data(context.utf8).base64EncodedString()] }
            return words
        case .publishVersion(let function, let description, let sha, let revision):
            return ["publish-version", "--function-name", function] + (description.isEmpty ? [] : ["--description", description])
                + (sha.map { ["--code-sha256", $0] } ?? []) + (revision.map { ["--revision-id", $0] } ?? [])
        case .updateCode(let function, let source, let architecture, let publish, let revision):
            var words = ["update-function-code", "--function-name", function]
            switch source {
            case .zipFile(let path): words += ["--zip-file", "fileb://" + path]
            case .directory: words += ["--zip-file", "fileb:///tmp/\(function).zip"]
            case .s3(let bucket, let key, let version): words += ["--s3-bucket", bucket, "--s3-key", key] + (version.map { ["--s3-object-version", $0] } ?? [])
            case .image(let uri): words += ["--image-uri", uri]
            }
            if let architecture { words += ["--architectures", architecture.rawValue] }
            if publish { words.append("--publish") }
            return words + (revision.map { ["--revision-id", $0] } ?? [])
        case .updateConfiguration(let function, let changes, let revision):
            var words = ["update-function-configuration", "--function-name", function]
            if let description = changes.description { words += ["--description", description] }
            if let handler = changes.handler { words += ["--handler", handler] }
            if let runtime = changes.runtime { words += ["--runtime", runtime.rawValue] }
            if let memory = changes.memorySize { words += ["--memory-size", String(memory)] }
            if let timeout = changes.timeout { words += ["--timeout", String(timeout)] }
            if let environment = changes.environment {
                let variables = environment.keys.sorted().map { "\"\($0)\":\"****\"" }.joined(separator: ",")
                words += ["--environment", "{\"Variables\":{\(variables)}}"]
            }
            if let storage = changes.ephemeralStorage { words += ["--ephemeral-storage", "Size=\(storage)"] }
            if let tracing = changes.tracingMode { words += ["--tracing-config", "Mode=\(tracing.rawValue)"] }
            if changes.logFormat != nil || changes.applicationLogLevel != nil || changes.systemLogLevel != nil {
                let parts = [changes.logFormat.map { "LogFormat=\($0.rawValue)" }, changes.applicationLogLevel.map { "ApplicationLogLevel=\($0.rawValue)" },
                             changes.systemLogLevel.map { "SystemLogLevel=\($0.rawValue)" }].compactMap { $0 }
                words += ["--logging-config", parts.joined(separator: ",")]
            }
            if let layers = changes.layers { words += ["--layers"] + layers }
            return words + (revision.map { ["--revision-id", $0] } ?? [])
        case .setTags(_, let arn, let add, let remove):
            // Two calls when both are asked for; the CLI has one command each.
            var words: [String] = []
            if !add.isEmpty { words += ["tag-resource", "--resource", arn, "--tags", add.keys.sorted().map { "\($0)=\(add[$0] ?? "")" }.joined(separator: ",")] }
            if !remove.isEmpty { words += (words.isEmpty ? [] : ["&&", "aws", "lambda"]) + ["untag-resource", "--resource", arn, "--tag-keys"] + remove.sorted() }
            return words
        case .createAlias(let function, let settings):
            return ["create-alias", "--function-name", function, "--name", settings.name, "--function-version", settings.version]
                + (settings.description.isEmpty ? [] : ["--description", settings.description]) + routing(settings)
        case .updateAlias(let function, let settings, let revision):
            return ["update-alias", "--function-name", function, "--name", settings.name, "--function-version", settings.version,
                    "--description", settings.description] + routing(settings, clearing: true) + (revision.map { ["--revision-id", $0] } ?? [])
        case .deleteAlias(let function, let name):
            return ["delete-alias", "--function-name", function, "--name", name]
        case .setMappingEnabled(_, let uuid, let enabled):
            return ["update-event-source-mapping", "--uuid", uuid, enabled ? "--enabled" : "--no-enabled"]
        case .updateMapping(_, let uuid, let batchSize, let window):
            return ["update-event-source-mapping", "--uuid", uuid] + (batchSize.map { ["--batch-size", String($0)] } ?? [])
                + (window.map { ["--maximum-batching-window-in-seconds", String($0)] } ?? [])
        case .createMapping(let function, let source):
            var words = ["create-event-source-mapping", "--function-name", function, "--event-source-arn", source.arn]
            if let batch = source.batchSize { words += ["--batch-size", String(batch)] }
            if let window = source.batchingWindow { words += ["--maximum-batching-window-in-seconds", String(window)] }
            if let position = source.startingPosition { words += ["--starting-position", position] }
            if let timestamp = source.startingTimestamp, timestamp.isFinite { words += ["--starting-position-timestamp", String(Int64(timestamp.rounded()))] }
            return words + (source.enabled ? [] : ["--no-enabled"])
        case .deleteMapping(_, let uuid):
            return ["delete-event-source-mapping", "--uuid", uuid]
        case .setReservedConcurrency(let function, let count):
            return count.map { ["put-function-concurrency", "--function-name", function, "--reserved-concurrent-executions", String($0)] }
                ?? ["delete-function-concurrency", "--function-name", function]
        case .setProvisionedConcurrency(let function, let qualifier, let count):
            return count.map { ["put-provisioned-concurrency-config", "--function-name", function, "--qualifier", qualifier,
                                "--provisioned-concurrent-executions", String($0)] }
                ?? ["delete-provisioned-concurrency-config", "--function-name", function, "--qualifier", qualifier]
        case .deleteFunction(let function, let version):
            return ["delete-function", "--function-name", function] + (version.map { ["--qualifier", $0] } ?? [])
        case .addPermission(let function, let grant, let revisionId):
            var words = ["add-permission", "--function-name", function, "--statement-id", grant.statementId, "--action", grant.action,
                         "--principal", grant.principal]
            if let arn = grant.sourceArn { words += ["--source-arn", arn] }
            if let account = grant.sourceAccount { words += ["--source-account", account] }
            if let auth = grant.urlAuthType { words += ["--function-url-auth-type", auth] }
            if let qualifier = grant.qualifier { words += ["--qualifier", qualifier] }
            return words + (revisionId.map { ["--revision-id", $0] } ?? [])
        case .removePermission(let function, let sid):
            return ["remove-permission", "--function-name", function, "--statement-id", sid]
        case .setAsyncInvocation(let function, let settings) where settings.remove:
            return ["delete-function-event-invoke-config", "--function-name", function] + (settings.qualifier.map { ["--qualifier", $0] } ?? [])
        case .setAsyncInvocation(let function, let settings):
            var words = ["put-function-event-invoke-config", "--function-name", function, "--maximum-retry-attempts", String(settings.retries),
                         "--maximum-event-age-in-seconds", String(settings.maximumAge)]
            let destinations = [settings.onSuccess.map { "OnSuccess={Destination=\($0)}" }, settings.onFailure.map { "OnFailure={Destination=\($0)}" }]
                .compactMap { $0 }
            if !destinations.isEmpty { words += ["--destination-config", destinations.joined(separator: ",")] }
            return words + (settings.qualifier.map { ["--qualifier", $0] } ?? [])
        case .setFunctionURL(let function, let qualifier, nil, _):
            return ["delete-function-url-config", "--function-name", function] + (qualifier.map { ["--qualifier", $0] } ?? [])
        case .setFunctionURL(let function, let qualifier, let settings?, let exists):
            var words = [exists ? "update-function-url-config" : "create-function-url-config", "--function-name", function,
                         "--auth-type", settings.authType, "--invoke-mode", settings.invokeMode]
            if let qualifier { words += ["--qualifier", qualifier] }
            if let cors = settings.cors {
                // JSON, which the CLI takes for any structure (its shorthand cannot say every list).
                func list(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }
                var members: [JSONMember] = []
                if let origins = cors.allowOrigins { members.append(JSONMember(key: "AllowOrigins", value: list(origins))) }
                if let methods = cors.allowMethods { members.append(JSONMember(key: "AllowMethods", value: list(methods))) }
                if let headers = cors.allowHeaders { members.append(JSONMember(key: "AllowHeaders", value: list(headers))) }
                if cors.allowCredentials == true { members.append(JSONMember(key: "AllowCredentials", value: .bool(true))) }
                if let age = cors.maxAge { members.append(JSONMember(key: "MaxAge", value: .number(Double(age)))) }
                words += ["--cors", JSONValue.object(members).serialized]
            }
            return words
        case .setRuntimeUpdates(let function, let mode, let arn):
            return ["put-runtime-management-config", "--function-name", function, "--update-runtime-on", mode]
                + (arn.map { ["--runtime-version-arn", $0] } ?? [])
        case .setCodeSigning(let function, let arn):
            return arn.map { ["put-function-code-signing-config", "--function-name", function, "--code-signing-config-arn", $0] }
                ?? ["delete-function-code-signing-config", "--function-name", function]
        case .createFunction(let new):
            var words = ["create-function", "--function-name", new.name, "--role", new.role, "--architectures", new.architecture,
                         "--memory-size", String(new.memory), "--timeout", String(new.timeout)]
            if let runtime = new.runtime { words += ["--runtime", runtime] }
            if let handler = new.handler { words += ["--handler", handler] }
            switch new.source {
            case .zipFile(let path)?: words += ["--zip-file", "fileb://" + path]
            case .directory?: words += ["--zip-file", "fileb:///tmp/\(new.name).zip"]
            case .image(let uri)?: words += ["--package-type", "Image", "--code", "ImageUri=" + uri]
            case .s3(let bucket, let key, _)?: words += ["--code", "S3Bucket=\(bucket),S3Key=\(key)"]
            case nil: words += ["--zip-file", "fileb://\(new.name).zip"]
            }
            return words
        case .publishLayer(let publication):
            let zip = if case .zipFile(let path) = publication.source { "fileb://" + path } else { "fileb:///tmp/\(publication.layer).zip" }
            var words = ["publish-layer-version", "--layer-name", publication.layer, "--zip-file", zip]
            if !publication.description.isEmpty { words += ["--description", publication.description] }
            if !publication.runtimes.isEmpty { words += ["--compatible-runtimes"] + publication.runtimes }
            if !publication.architectures.isEmpty { words += ["--compatible-architectures"] + publication.architectures }
            if let license = publication.license { words += ["--license-info", license] }
            return words
        case .invokeURL:
            return []  // curl, not the CLI: see render
        case .createSigningConfig(let settings), .updateSigningConfig(_, let settings):
            var words: [String]
            if case .updateSigningConfig(let arn, _) = mutation { words = ["update-code-signing-config", "--code-signing-config-arn", arn] }
            else { words = ["create-code-signing-config"] }
            words += ["--allowed-publishers", "SigningProfileVersionArns=" + settings.profiles.joined(separator: ","),
                      "--code-signing-policies", "UntrustedArtifactOnDeployment=" + settings.untrusted]
            if !settings.description.isEmpty { words += ["--description", settings.description] }
            return words
        case .shareLayer(let layer, let version, let sid, let principal, let organization):
            return ["add-layer-version-permission", "--layer-name", layer, "--version-number", String(version), "--statement-id", sid,
                    "--action", "lambda:GetLayerVersion", "--principal", principal] + (organization.map { ["--organization-id", $0] } ?? [])
        case .unshareLayer(let layer, let version, let sid):
            return ["remove-layer-version-permission", "--layer-name", layer, "--version-number", String(version), "--statement-id", sid]
        case .deleteSigningConfig(let arn):
            return ["delete-code-signing-config", "--code-signing-config-arn", arn]
        case .deleteLayerVersion(let layer, let version):
            return ["delete-layer-version", "--layer-name", layer, "--version-number", String(version)]
        case .setRecursion(let function, let loop):
            return ["put-function-recursion-config", "--function-name", function, "--recursive-loop", loop]
        }
    }

    static func routing(_ settings: AliasSettings, clearing: Bool = false) -> [String] {
        guard let additional = settings.additionalVersion, settings.weight > 0 else {
            return clearing ? ["--routing-config", "AdditionalVersionWeights={}"] : []
        }
        return ["--routing-config", "AdditionalVersionWeights={\"\(additional)\"=\(settings.weight)}"]
    }

    /// A word as a POSIX shell reads it back: bare when it is safe, else in single quotes.
    static func quote(_ word: String) -> String {
        if word == "&&" { return word }
        let safe = { (scalar: Unicode.Scalar) in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./:=,@%+".unicodeScalars.contains(scalar))
        }
        if !word.isEmpty, word.unicodeScalars.allSatisfy(safe) { return word }
        return "'" + word.replacing("'", with: "'\\''") + "'"
    }
}
