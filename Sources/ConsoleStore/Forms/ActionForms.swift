import FoundationEssentials
import LambdaAPI

/// The form each action opens, filled from what the console shows: the current values, and the
/// RevisionId and CodeSha256 the user is looking at.
public enum ActionForms {
    /// The form of `action` on the focused function, or on `named` (the invoke screen's).
    public static func form(for action: ActionID, in state: ConsoleState, function named: String? = nil) -> FormState? {
        if action == .createFunction { return newFunctionForm(state) }
        if action == .publishLayer { return layerForm(state) }
        if action == .createSigningConfig || action == .editSigningConfig { return signingForm(action, state) }
        if action == .shareLayer || action == .unshareLayer { return layerShareForm(action, state) }
        let chosen = named.map { name in state.function(named: name) } ?? state.focusedConfiguration
        guard let function = chosen, let name = function.functionName else { return nil }
        // A list row has no RevisionId or CodeSha256: they come with the detail, which the forms
        // that send them wait for.
        var target = ActionTarget(function: name, functionArn: function.functionArn, revisionId: nil, codeSha256: nil)
        // The detail's configuration is the freshest the console has (it also carries tags).
        let configuration = state.details[name]?.configuration ?? function.configuration
        target.revisionId = configuration.revisionId ?? target.revisionId
        target.codeSha256 = configuration.codeSha256 ?? target.codeSha256
        target.logGroup = configuration.logGroupName
        let latestVersion = state.details[name]?.versions.compactMap { $0.version }.filter { $0 != "$LATEST" }
            .max { (Int($0) ?? 0) < (Int($1) ?? 0) }

        switch action {
        case .invoke:
            let saved = state.savedEvents[name]
            let qualifier = state.pane == .aliases ? state.selectedAlias?.name : state.pane == .versions ? state.selectedVersion?.version : nil
            let events = ["(last payload)"] + (saved?.names ?? [])
            // A function whose URL streams its responses is read as a stream by default.
            let streams = state.details[name]?.url?.invokeMode == "RESPONSE_STREAM"
            return FormState(action: action, title: "Invoke \(name)", target: target, fields: [
                FormField(.qualifier, "Qualifier", value: qualifier ?? "", hint: "a version or alias; empty for $LATEST"),
                FormField(.invocationType, "Invocation type", .choice(FieldRules.invocationTypes), value: "RequestResponse"),
                FormField(.savedEvent, "Saved event", .choice(events), value: events[0], hint: "saved under $XDG_CONFIG_HOME/lambda-tui/events"),
                FormField(.payload, "Payload (JSON)", .json, value: saved?.last ?? "{}", hint: "ctrl-e edits it in $EDITOR"),
                FormField(.saveAs, "Save as event", hint: "a name to keep this payload for next time; empty: don't"),
                FormField(.clientContext, "Client context", .json, hint: "a JSON object (custom, client, env); empty: none"),
                FormField(.response, "Response", .choice(["buffered", "streamed"]), value: streams ? "streamed" : "buffered",
                          hint: "streamed: InvokeWithResponseStream, chunks as they come"),
                FormField(.count, "Times", .integer(1...BurstSpec.maximumCount, unit: "invocations", optional: false), value: "1",
                          hint: "more than 1: a burst, showing which versions answered"),
                FormField(.rate, "Per second", .integer(1...BurstSpec.maximumRate, unit: "per second", optional: false), value: "5",
                          hint: "a burst's pace; at most \(BurstSpec.maximumInFlight) run at once"),
            ])
        case .publishVersion:
            return FormState(action: action, title: "Publish a version of \(name)", target: target, fields: [
                FormField(.description, "Description"),
                FormField(.codeSha256, "Only if code is", value: target.codeSha256 ?? "", hint: "CodeSha256 precondition; empty: none"),
            ])
        case .updateCode:
            let architecture = configuration.architectures?.first?.rawValue ?? "x86_64"
            let isImage = configuration.packageType == .image
            return FormState(action: action, title: "Update the code of \(name)", target: target, fields: [
                FormField(.source, "Source", .choice(CodeSourceChoice.values, labels: CodeSourceChoice.labels), value: isImage ? "image" : "zip"),
                FormField(.path, "Zip file or directory", hint: "a local path; a directory is zipped here"),
                FormField(.bucket, "S3 bucket"),
                FormField(.key, "S3 key"),
                FormField(.objectVersion, "S3 object version", hint: "optional"),
                FormField(.imageUri, "Image URI", value: state.details[name]?.function.code?.imageUri ?? ""),
                FormField(.architecture, "Architecture", .choice(FieldRules.architectures), value: architecture),
                FormField(.publish, "Publish a version", .choice(YesNo.values, labels: YesNo.labels), value: YesNo.no),
            ])
        case .editConfiguration:
            return FormState(action: action, title: "Configuration of \(name)", target: target, fields: configurationFields(configuration))
        case .editTags:
            let tags = state.details[name]?.tags ?? [:]
            var fields = tags.keys.sorted().enumerated().map { index, key in
                FormField(.pair(.tags, row: index), index == 0 ? "Tags" : "", .pair(group: .tags, masked: false), value: "\(key)=\(tags[key] ?? "")")
            }
            fields.append(FormField(.pair(.tags, row: -1), fields.isEmpty ? "Tags" : "", .pair(group: .tags, masked: false), hint: "KEY=value; clear a row to remove it"))
            return FormState(action: action, title: "Tags of \(name)", target: target, fields: fields)
        case .createAlias:
            return FormState(action: action, title: "New alias of \(name)", target: target, fields: [
                FormField(.name, "Name"),
                FormField(.version, "Version", value: latestVersion ?? "$LATEST"),
                FormField(.description, "Description"),
                FormField(.additionalVersion, "Additional version", hint: "optional: a second version to send traffic to"),
                FormField(.weight, "Its weight", .integer(0...99, unit: "%", optional: true), value: ""),
            ])
        case .editAlias:
            guard let alias = state.selectedAlias, let aliasName = alias.name else { return nil }
            target.qualifier = aliasName
            target.revisionId = alias.revisionId
            let routing = alias.routingConfig?.additionalVersionWeights?.first
            return FormState(action: action, title: "Alias \(name):\(aliasName)", target: target, fields: [
                FormField(.version, "Version", value: alias.functionVersion ?? ""),
                FormField(.description, "Description", value: alias.description ?? ""),
                FormField(.additionalVersion, "Additional version", value: routing?.key ?? "", hint: "empty: no routing"),
                FormField(.weight, "Its weight", .integer(0...99, unit: "%", optional: true),
                          value: routing.map { "\(Int(($0.value * 100).rounded()))" } ?? ""),
            ])
        case .shiftTraffic:
            return nil  // the shift view, not a form
        case .gradualRollout:
            guard let alias = state.selectedAlias, let aliasName = alias.name,
                  let shift = TrafficShift(function: name, alias: alias, versions: state.versionRows) else { return nil }
            target.qualifier = aliasName
            target.revisionId = alias.revisionId
            let plans = RolloutPlan.presets.map(\.name) + ["custom"]
            return FormState(action: action, title: "Gradual rollout of \(name):\(aliasName) from version \(shift.primary)", target: target, fields: [
                FormField(.target, "Target version", .choice(shift.candidates.isEmpty ? [""] : shift.candidates), value: shift.target ?? ""),
                FormField(.plan, "Plan", .choice(plans), value: plans[0]),
                FormField(.custom, "Custom plan", hint: "canary 10% 5m (then 100 %), or linear 20% 30s (s, m, h)"),
                FormField(.threshold, "Roll back above", .integer(0...100, unit: "% errors", optional: false), value: "5",
                          hint: "the target version's error rate, from CloudWatch metrics or else its logs, checked before each step"),
                FormField(.minInvocations, "Judge after", .integer(0...1_000_000, unit: "invocations", optional: false), value: "10",
                          hint: "a step waits until the target was invoked this often (0: judge without data)"),
                FormField(.maxWait, "Wait at most", .integer(1...1_440, unit: "min", optional: false), value: "10",
                          hint: "then the rollout pauses and asks"),
            ])
        case .deleteAlias:
            guard let aliasName = state.selectedAlias?.name else { return nil }
            target.qualifier = aliasName
            return confirmation(action, "Delete alias \(name):\(aliasName)", target, expected: aliasName)
        case .toggleMapping, .editMapping, .deleteMapping:
            guard let mapping = state.selectedMapping, let uuid = mapping.uuid else { return nil }
            target.mappingUUID = uuid
            let enabled = ["Enabled", "Enabling", "Updating"].contains(mapping.state ?? "")
            switch action {
            case .toggleMapping:
                return FormState(action: action, title: "\(enabled ? "Disable" : "Enable") mapping \(uuid)?", target: target, fields: [
                    FormField(.enabled, "State after", .choice(["enabled", "disabled"]), value: enabled ? "disabled" : "enabled",
                              hint: "Enter applies; Esc leaves it as it is"),
                ])
            case .editMapping:
                return FormState(action: action, title: "Mapping \(uuid)", target: target, fields: [
                    FormField(.batchSize, "Batch size", .integer(FieldRules.batchSize, unit: "records", optional: true),
                              value: mapping.batchSize.map(String.init) ?? ""),
                    FormField(.window, "Batching window", .integer(FieldRules.batchingWindow, unit: "s", optional: true),
                              value: mapping.maximumBatchingWindowInSeconds.map(String.init) ?? ""),
                ])
            default:
                return confirmation(action, "Delete mapping \(uuid)", target, expected: String(uuid.prefix(8)))
            }
        case .createMapping:
            return FormState(action: action, title: "New event source mapping for \(name)", target: target, fields: [
                FormField(.sourceArn, "Event source ARN", hint: "an SQS queue, Kinesis or DynamoDB stream, Kafka or MQ ARN"),
                FormField(.batchSize, "Batch size", .integer(FieldRules.batchSize, unit: "records", optional: true)),
                FormField(.window, "Batching window", .integer(FieldRules.batchingWindow, unit: "s", optional: true),
                          hint: "SQS batches over 10 need 1 s or more"),
                FormField(.startingPosition, "Starting position", .choice(["", "LATEST", "TRIM_HORIZON", "AT_TIMESTAMP"]),
                          hint: "streams (Kinesis, DynamoDB, Kafka) need one; SQS none"),
                FormField(.startingTimestamp, "Start at", hint: "for AT_TIMESTAMP: 2026-11-25T10:00:00Z or seconds since 1970"),
                FormField(.enabled, "Enabled", .choice(YesNo.values.reversed(), labels: YesNo.labels), value: YesNo.yes),
            ])
        case .reservedConcurrency:
            let current = state.details[name]?.reservedConcurrency
            return FormState(action: action, title: "Reserved concurrency of \(name)", target: target, fields: [
                FormField(.reserved, "Reserved", .integer(0...100_000, unit: "executions", optional: true),
                          value: current.map(String.init) ?? "", hint: "empty removes the reservation; 0 stops all invocations"),
            ])
        case .provisionedConcurrency:
            let qualifier = state.pane == .aliases ? state.selectedAlias?.name : state.selectedVersion?.version
            guard let qualifier, qualifier != "$LATEST" else { return nil }
            target.qualifier = qualifier
            return FormState(action: action, title: "Provisioned concurrency of \(name):\(qualifier)", target: target, fields: [
                FormField(.provisioned, "Provisioned", .integer(1...100_000, unit: "executions", optional: true),
                          hint: "empty removes the configuration"),
            ])
        case .createFunction:
            return newFunctionForm(state)
        case .publishLayer:
            return layerForm(state)
        case .createSigningConfig, .editSigningConfig:
            return signingForm(action, state)
        case .shareLayer, .unshareLayer:
            return layerShareForm(action, state)
        case .addPermission, .removePermission, .asyncInvocation, .recursion, .functionURL, .runtimeUpdates, .codeSigning, .invokeURL:
            return ResourceForms.form(for: action, in: state, target: target, name: name, configuration: configuration)
        case .deleteFunction:
            return confirmation(action, "Delete function \(name) with all its versions and aliases", target, expected: name)
        case .deleteVersion:
            guard let version = state.selectedVersion?.version, version != "$LATEST" else { return nil }
            target.qualifier = version
            return confirmation(action, "Delete version \(version) of \(name)", target, expected: version)
        }
    }

    /// A new function, its role and runtime offered from the one under the cursor.
    static func newFunctionForm(_ state: ConsoleState) -> FormState {
        let near = state.focusedConfiguration.map { state.details[$0.functionName ?? ""]?.configuration ?? $0.configuration }
        let sources = ["template", CodeSourceChoice.zip, CodeSourceChoice.directory, CodeSourceChoice.image]
        let target = ActionTarget(function: "", functionArn: nil, revisionId: nil, codeSha256: nil)
        return FormState(action: .createFunction, title: "New function in \(state.connection.region)", target: target, fields: [
            FormField(.name, "Name", hint: "letters, digits, - and _, up to 64"),
            FormField(.source, "Code", .choice(sources, labels: ["template": "hello world", CodeSourceChoice.zip: "a zip file",
                                                                 CodeSourceChoice.directory: "a folder, zipped here",
                                                                 CodeSourceChoice.image: "a container image"]), value: "template"),
            FormField(.path, "Zip file or folder", hint: "a local path"),
            FormField(.imageUri, "Image URI", hint: "ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO:TAG"),
            FormField(.runtime, "Runtime", .choice(FieldRules.runtimes), value: near?.runtime?.rawValue ?? "python3.13"),
            FormField(.handler, "Handler", hint: "empty: the template's (lambda_function.lambda_handler, index.handler)"),
            FormField(.role, "Execution role", value: near?.role ?? "", hint: "the role's ARN (the function under the cursor's, to start with)"),
            FormField(.architecture, "Architecture", .choice(FieldRules.architectures), value: "arm64"),
            FormField(.memory, "Memory", .integer(128...10_240, unit: "MB", optional: false), value: "128"),
            FormField(.timeout, "Timeout", .integer(1...900, unit: "s", optional: false), value: "3"),
        ])
    }

    /// A new version of the open layer (or a new layer).
    static func layerForm(_ state: ConsoleState) -> FormState {
        let layer = state.layers.openLayer ?? state.layers.selectedLayer?.layerName ?? ""
        let latest = state.layers.layers.first { $0.layerName == layer }?.latestMatchingVersion
        let target = ActionTarget(function: layer, functionArn: nil, revisionId: nil, codeSha256: nil)
        return FormState(action: .publishLayer, title: "Publish a layer version", target: target, fields: [
            FormField(.layerName, "Layer", value: layer, hint: "an existing layer's name, or a new one"),
            FormField(.source, "Content", .choice([CodeSourceChoice.zip, CodeSourceChoice.directory],
                                                  labels: [CodeSourceChoice.zip: "a zip file", CodeSourceChoice.directory: "a folder, zipped here"]),
                      value: CodeSourceChoice.directory),
            FormField(.path, "Zip file or folder", hint: "python/…, nodejs/node_modules/… inside, as Lambda mounts them in /opt"),
            FormField(.description, "Description", value: latest?.description ?? ""),
            FormField(.runtime, "Runtimes", value: (latest?.compatibleRuntimes ?? []).map(\.rawValue).joined(separator: " "),
                      hint: "up to 15, space apart; empty: any"),
            FormField(.architecture, "Architectures", value: (latest?.compatibleArchitectures ?? []).map(\.rawValue).joined(separator: " "),
                      hint: "x86_64, arm64 or both; empty: any"),
            FormField(.license, "License", value: latest?.licenseInfo ?? "", hint: "an SPDX identifier, a URL or text (256 characters)"),
        ])
    }

    /// Who may use the layer version under the cursor.
    static func layerShareForm(_ action: ActionID, _ state: ConsoleState) -> FormState? {
        guard let layer = state.layers.openLayer, let selected = state.layers.selectedVersion, let version = selected.version,
              let arn = selected.layerVersionArn else { return nil }
        var target = ActionTarget(function: layer, functionArn: arn, revisionId: nil, codeSha256: nil)
        target.qualifier = String(version)
        if action == .unshareLayer {
            let sids = (state.layers.policies[arn]?.value.map(PolicyStatementRow.rows) ?? []).map(\.sid).filter { !$0.isEmpty }
            guard let first = sids.first else { return nil }
            return FormState(action: action, title: "Stop sharing \(layer):\(version)", target: target, fields: [
                FormField(.statementId, "Statement", .choice(sids), value: first),
            ])
        }
        return FormState(action: action, title: "Share \(layer):\(version)", target: target, fields: [
            FormField(.principal, "Principal", hint: "an account id, or * for every account (with an organization: its accounts)"),
            FormField(.sourceAccount, "Organization", hint: "o-… to share with an organization's accounts only; empty: none"),
            FormField(.statementId, "Statement id", value: "lambda-tui-\(Int(Date().timeIntervalSince1970))"),
        ])
    }

    /// A code signing configuration, new or the one under the cursor.
    static func signingForm(_ action: ActionID, _ state: ConsoleState) -> FormState? {
        let current = action == .editSigningConfig ? state.signing.selected : nil
        if action == .editSigningConfig, current == nil { return nil }
        let target = ActionTarget(function: current?.codeSigningConfigArn ?? "", functionArn: nil, revisionId: nil, codeSha256: nil)
        return FormState(action: action, title: current.map { "Code signing \($0.codeSigningConfigId ?? "")" } ?? "New code signing configuration",
                         target: target, fields: [
            FormField(.publishers, "Signing profiles", value: current?.allowedPublishers?.signingProfileVersionArns.joined(separator: " ") ?? "",
                      hint: "1 to 20 signing profile version ARNs (arn:aws:signer:…), space apart"),
            FormField(.enabled, "Untrusted code", .choice(["Warn", "Enforce"]), value: current?.codeSigningPolicies?.untrustedArtifactOnDeployment ?? "Warn",
                      hint: "Enforce refuses a deployment whose signature does not check"),
            FormField(.description, "Description", value: current?.description ?? ""),
        ])
    }

    static func confirmation(_ action: ActionID, _ title: String, _ target: ActionTarget, expected: String) -> FormState {
        FormState(action: action, title: title, target: target, fields: [
            FormField(.confirm, "Type \(expected) to confirm", .confirmation(expected: expected), hint: "this cannot be undone"),
        ])
    }

    static func configurationFields(_ function: FunctionConfiguration) -> [FormField] {
        let variables = function.environment?.variables ?? [:]
        var fields = [
            FormField(.description, "Description", value: function.description ?? ""),
            FormField(.handler, "Handler", value: function.handler ?? ""),
            FormField(.runtime, "Runtime", .choice(runtimeChoices(current: function.runtime?.rawValue)), value: function.runtime?.rawValue ?? ""),
            FormField(.memory, "Memory", .integer(FieldRules.memory, unit: "MB", optional: false), value: function.memorySize.map(String.init) ?? "128"),
            FormField(.timeout, "Timeout", .integer(FieldRules.timeout, unit: "s", optional: false), value: function.timeout.map(String.init) ?? "3"),
            FormField(.ephemeral, "Ephemeral storage", .integer(FieldRules.ephemeralStorage, unit: "MB", optional: false),
                      value: "\(function.ephemeralStorage?.size ?? 512)"),
            FormField(.tracing, "Tracing", .choice(FieldRules.tracingModes), value: function.tracingConfig?.mode?.rawValue ?? "PassThrough"),
            FormField(.logFormat, "Log format", .choice(FieldRules.logFormats), value: function.loggingConfig?.logFormat?.rawValue ?? "Text"),
            FormField(.applicationLogLevel, "Application log level", .choice(FieldRules.logLevels),
                      value: function.loggingConfig?.applicationLogLevel?.rawValue ?? "", hint: "JSON log format only"),
            FormField(.systemLogLevel, "System log level", .choice(FieldRules.logLevels),
                      value: function.loggingConfig?.systemLogLevel?.rawValue ?? "", hint: "JSON log format only"),
            FormField(.layers, "Layers", value: (function.layers ?? []).compactMap(\.arn).joined(separator: ", "),
                      hint: "layer version ARNs, comma-separated"),
        ]
        for (index, key) in variables.keys.sorted().enumerated() {
            fields.append(FormField(.pair(.environment, row: index), index == 0 ? "Environment" : "", .pair(group: .environment, masked: true),
                                    value: "\(key)=\(variables[key] ?? "")"))
        }
        fields.append(FormField(.pair(.environment, row: -1), variables.isEmpty ? "Environment" : "", .pair(group: .environment, masked: true),
                                hint: "KEY=value; clear a row to remove it; s shows values"))
        return fields
    }

    /// A function on a runtime no longer offered keeps it as a choice, so that opening the form
    /// does not change it.
    static func runtimeChoices(current: String?) -> [String] {
        guard let current else { return [""] + FieldRules.runtimes }
        return FieldRules.runtimes.contains(current) ? FieldRules.runtimes : [current] + FieldRules.runtimes
    }
}
