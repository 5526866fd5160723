import AWSCore
import FoundationEssentials
import LambdaAPI

/// Turns a validated form into the mutation it asks for. Configuration sends only what changed,
/// so that opening the form and saving it changes nothing by accident.
public enum FormSubmission {
    public static func mutation(from form: FormState) -> Mutation? {
        let target = form.target
        let function = target.function
        func text(_ id: FieldID) -> String { form.value(id).trimmingWhitespace() }
        func number(_ id: FieldID) -> Int? { Int(text(id)) }
        func optional(_ id: FieldID) -> String? { text(id).isEmpty ? nil : text(id) }

        switch form.action {
        case .invoke:
            let count = number(.count) ?? 1
            return .invoke(InvocationRequest(function: function, qualifier: optional(.qualifier), invocationType: form.value(.invocationType),
                                             payload: form.value(.payload).isEmpty ? "{}" : form.value(.payload),
                                             clientContext: optional(.clientContext), streamed: form.value(.response) == "streamed" && count == 1,
                                             burst: count > 1 ? BurstSpec(count: count, perSecond: number(.rate) ?? 5) : nil,
                                             saveAs: optional(.saveAs)))
        case .publishVersion:
            return .publishVersion(function: function, description: form.value(.description), codeSha256: optional(.codeSha256),
                                   revisionId: target.revisionId)
        case .updateCode:
            let source: CodeSource
            switch form.value(.source) {
            case CodeSourceChoice.directory: source = .directory(path: text(.path))
            case CodeSourceChoice.s3: source = .s3(bucket: text(.bucket), key: text(.key), objectVersion: optional(.objectVersion))
            case CodeSourceChoice.image: source = .image(uri: text(.imageUri))
            default: source = .zipFile(path: text(.path))
            }
            let architecture = form.field(.architecture).flatMap { $0.changed ? Architecture(rawValue: $0.value) : nil }
            return .updateCode(function: function, source: source, architecture: architecture, publish: form.value(.publish) == YesNo.yes,
                               revisionId: target.revisionId)
        case .editConfiguration:
            return .updateConfiguration(function: function, configurationChanges(form), revisionId: target.revisionId)
        case .editTags:
            let original = Dictionary(form.fields.filter { $0.isPair(of: .tags) && !$0.original.isEmpty }
                .map { pair($0.original) }, uniquingKeysWith: { $1 })
            let now = Dictionary(form.pairs(.tags).map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
            let add = now.filter { original[$0.key] != $0.value }
            let remove = original.keys.filter { now[$0] == nil }.sorted()
            return .setTags(function: function, arn: target.functionArn ?? function, add: add, remove: remove)
        case .createAlias:
            return .createAlias(function: function, aliasSettings(form, name: text(.name)))
        case .editAlias:
            return .updateAlias(function: function, aliasSettings(form, name: target.qualifier ?? ""), revisionId: target.revisionId)
        case .shiftTraffic, .gradualRollout:
            return nil
        case .deleteAlias:
            return .deleteAlias(function: function, name: target.qualifier ?? "")
        case .toggleMapping:
            return .setMappingEnabled(function: function, uuid: target.mappingUUID ?? "", enabled: form.value(.enabled) == "enabled")
        case .editMapping:
            return .updateMapping(function: function, uuid: target.mappingUUID ?? "", batchSize: number(.batchSize), batchingWindow: number(.window))
        case .createMapping:
            let position = text(.startingPosition)
            return .createMapping(function: function, MappingSource(
                arn: text(.sourceArn), batchSize: number(.batchSize), batchingWindow: number(.window),
                startingPosition: position.isEmpty ? nil : position,
                startingTimestamp: position == "AT_TIMESTAMP" ? FieldRules.timestamp(text(.startingTimestamp)) : nil,
                enabled: form.value(.enabled) == YesNo.yes))
        case .deleteMapping:
            return .deleteMapping(function: function, uuid: target.mappingUUID ?? "")
        case .reservedConcurrency:
            return .setReservedConcurrency(function: function, number(.reserved))
        case .provisionedConcurrency:
            return .setProvisionedConcurrency(function: function, qualifier: target.qualifier ?? "", number(.provisioned))
        case .addPermission, .removePermission, .asyncInvocation, .recursion, .functionURL, .runtimeUpdates, .codeSigning, .invokeURL:
            return ResourceForms.mutation(form)
        case .createFunction:
            let source: CodeSource? = switch form.value(.source) {
            case CodeSourceChoice.zip: .zipFile(path: text(.path))
            case CodeSourceChoice.directory: .directory(path: text(.path))
            case CodeSourceChoice.image: .image(uri: text(.imageUri))
            default: nil
            }
            let runtime = form.value(.source) == CodeSourceChoice.image ? nil : form.value(.runtime)
            let handler = optional(.handler) ?? (source == nil ? runtime.flatMap(FunctionTemplates.template(for:))?.handler : nil)
            return .createFunction(NewFunction(name: text(.name), source: source, runtime: runtime, handler: handler, role: text(.role),
                                               architecture: form.value(.architecture), memory: number(.memory) ?? 128, timeout: number(.timeout) ?? 3))
        case .shareLayer:
            return .shareLayer(layer: function, version: Int64(target.qualifier ?? "") ?? 0, statementId: text(.statementId), principal: text(.principal),
                               organization: optional(.sourceAccount))
        case .unshareLayer:
            return .unshareLayer(layer: function, version: Int64(target.qualifier ?? "") ?? 0, statementId: text(.statementId))
        case .createSigningConfig, .editSigningConfig:
            let settings = SigningConfigSettings(description: text(.description),
                                                 profiles: text(.publishers).split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init),
                                                 untrusted: form.value(.enabled))
            return form.action == .createSigningConfig ? .createSigningConfig(settings) : .updateSigningConfig(arn: function, settings)
        case .publishLayer:
            func words(_ id: FieldID) -> [String] { text(id).split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) }
            let path = text(.path)
            return .publishLayer(LayerPublication(layer: text(.layerName), source: form.value(.source) == CodeSourceChoice.zip ? .zipFile(path: path)
                                                    : .directory(path: path), description: text(.description), runtimes: words(.runtime),
                                                  architectures: words(.architecture), license: optional(.license)))
        case .deleteFunction:
            return .deleteFunction(function: function, version: nil)
        case .deleteVersion:
            return .deleteFunction(function: function, version: target.qualifier)
        }
    }

    /// Checks that belong to one action rather than to one field.
    public static func actionErrors(_ form: FormState) -> [FieldID: String] {
        var errors: [FieldID: String] = [:]
        func empty(_ id: FieldID) -> Bool { form.value(id).trimmingWhitespace().isEmpty }
        switch form.action {
        case .updateCode:
            switch form.value(.source) {
            case CodeSourceChoice.zip, CodeSourceChoice.directory: if empty(.path) { errors[.path] = "a path is needed" }
            case CodeSourceChoice.s3:
                if empty(.bucket) { errors[.bucket] = "a bucket is needed" }
                if empty(.key) { errors[.key] = "a key is needed" }
            default: if empty(.imageUri) { errors[.imageUri] = "an image URI is needed" }
            }
        case .createAlias, .editAlias:
            if form.action == .createAlias && empty(.name) { errors[.name] = "a name is needed" }
            if empty(.version) { errors[.version] = "a version is needed" }
            if !empty(.additionalVersion) && empty(.weight) { errors[.weight] = "a weight (1-99 %) for the additional version" }
            if !empty(.additionalVersion) && form.value(.additionalVersion) == form.value(.version) {
                errors[.additionalVersion] = "must differ from the version"
            }
        case .createMapping:
            let arn = form.value(.sourceArn).trimmingWhitespace()
            let position = form.value(.startingPosition)
            let batch = Int(form.value(.batchSize).trimmingWhitespace()) ?? 0
            let window = Int(form.value(.window).trimmingWhitespace()) ?? 0
            switch MappingSource.kind(of: arn) {
            case _ where !arn.hasPrefix("arn:"):
                errors[.sourceArn] = "an ARN (arn:aws:...)"
            case .kinesis, .dynamoDBStream, .kafka:
                if position.isEmpty { errors[.startingPosition] = "a stream needs one: LATEST, TRIM_HORIZON or AT_TIMESTAMP" }
                if position == "AT_TIMESTAMP", MappingSource.kind(of: arn) == .dynamoDBStream {
                    errors[.startingPosition] = "DynamoDB streams start at LATEST or TRIM_HORIZON"
                }
                if position == "AT_TIMESTAMP", FieldRules.timestamp(form.value(.startingTimestamp)) == nil {
                    errors[.startingTimestamp] = "a time: 2026-11-25T10:00:00Z or seconds since 1970"
                }
            case .queue:
                if !position.isEmpty { errors[.startingPosition] = "SQS has no starting position; leave it empty" }
                if batch > 10, window < 1 { errors[.window] = "more than 10 messages a batch needs a window of 1 s or more" }
            case .other:
                break
            }
        case .gradualRollout:
            if empty(.target) { errors[.target] = "publish a version to roll out first" }
            if form.value(.plan) == "custom", RolloutPlan.parse(form.value(.custom)) == nil {
                errors[.custom] = "write canary 10% 5m or linear 20% 30s"
            }
        case .editConfiguration:
            if configurationChanges(form).isEmpty { errors[.description] = "nothing changed" }
        case .shareLayer:
            let principal = form.value(.principal).trimmingWhitespace()
            if principal != "*", !(principal.count == 12 && principal.allSatisfy(\.isNumber)), !principal.hasPrefix("arn:aws:iam::") {
                errors[.principal] = "a 12-digit account id, an account's ARN, or *"
            }
            let organization = form.value(.sourceAccount).trimmingWhitespace()
            if !organization.isEmpty, !organization.hasPrefix("o-") { errors[.sourceAccount] = "an organization id (o-…)" }
            if !organization.isEmpty, principal != "*" { errors[.principal] = "with an organization the principal is *" }
            let sid = form.value(.statementId)
            if sid.isEmpty || sid.count > 100 || !sid.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                errors[.statementId] = "1 to 100 letters, digits, - or _"
            }
        case .createSigningConfig, .editSigningConfig:
            let profiles = form.value(.publishers).split(whereSeparator: { $0 == " " || $0 == "," })
            if profiles.isEmpty || profiles.count > 20 { errors[.publishers] = "1 to 20 signing profile version ARNs" }
            else if let bad = profiles.first(where: { !$0.hasPrefix("arn:") || !$0.contains(":signer:") }) {
                errors[.publishers] = "\(bad.prefix(30)) is not a signing profile version ARN (arn:aws:signer:…)"
            }
            if form.value(.description).count > 256 { errors[.description] = "at most 256 characters" }
        case .publishLayer:
            let name = form.value(.layerName).trimmingWhitespace()
            if name.isEmpty || name.count > 64 || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                errors[.layerName] = "1 to 64 letters, digits, - or _"
            }
            if empty(.path) { errors[.path] = "a path is needed" }
            let runtimes = form.value(.runtime).split(whereSeparator: { $0 == " " || $0 == "," })
            if runtimes.count > 15 { errors[.runtime] = "at most 15 runtimes" }
            if let bad = runtimes.first(where: { !FieldRules.runtimes.contains(String($0)) }) { errors[.runtime] = "\(bad.prefix(20)) is not a runtime" }
            if let bad = form.value(.architecture).split(whereSeparator: { $0 == " " || $0 == "," }).first(where: { !FieldRules.architectures.contains(String($0)) }) {
                errors[.architecture] = "\(bad.prefix(20)) is not x86_64 or arm64"
            }
            if form.value(.license).count > 256 { errors[.license] = "at most 256 characters" }
        case .createFunction:
            let name = form.value(.name).trimmingWhitespace()
            if name.isEmpty || name.count > 64 || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                errors[.name] = "1 to 64 letters, digits, - or _"
            }
            if !form.value(.role).hasPrefix("arn:") || !form.value(.role).contains(":role/") { errors[.role] = "an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)" }
            switch form.value(.source) {
            case CodeSourceChoice.zip, CodeSourceChoice.directory: if empty(.path) { errors[.path] = "a path is needed" }
            case CodeSourceChoice.image: if empty(.imageUri) { errors[.imageUri] = "an image URI is needed" }
            default:
                if FunctionTemplates.template(for: form.value(.runtime)) == nil {
                    errors[.runtime] = "no hello world for \(form.value(.runtime)): choose Python, Node.js or Ruby, or give a zip or folder"
                }
            }
            if form.value(.source) != CodeSourceChoice.image, form.value(.source) != "template", empty(.handler) {
                errors[.handler] = "a handler (file.function) is needed with your own code"
            }
        case .addPermission, .asyncInvocation, .functionURL, .runtimeUpdates, .codeSigning:
            errors = ResourceForms.errors(form)
        case .invoke:
            let context = form.value(.clientContext).trimmed()
            if !context.isEmpty, !Self.isObject(context) {
                errors[.clientContext] = "a JSON object, like {\"custom\": {\"tenant\": \"a\"}}"
            } else if Data(context.utf8).base64EncodedString().utf8.count > 3583 {
                errors[.clientContext] = "at most 3,583 bytes once base64-encoded (about 2.6 KB of JSON)"
            }
            if form.value(.response) == "streamed", form.value(.invocationType) != "RequestResponse" {
                errors[.response] = "only a RequestResponse invocation can be streamed"
            }
        default:
            break
        }
        return errors
    }

    /// The rollout a submitted rollout form starts.
    public static func rollout(from form: FormState, description: String, primary: String) -> Rollout? {
        let plan = form.value(.plan) == "custom" ? RolloutPlan.parse(form.value(.custom)) : RolloutPlan.parse(form.value(.plan))
        guard let plan, let alias = form.target.qualifier, !form.value(.target).isEmpty else { return nil }
        return Rollout(function: form.target.function, alias: alias, description: description, primary: primary, target: form.value(.target),
                       plan: plan, errorThreshold: Double(Int(form.value(.threshold)) ?? 5), revisionId: form.target.revisionId,
                       logGroup: form.target.logGroup, minimumInvocations: Int(form.value(.minInvocations)) ?? 10,
                       maximumWait: Double(Int(form.value(.maxWait)) ?? 10) * 60)
    }

    static func configurationChanges(_ form: FormState) -> ConfigurationChanges {
        var changes = ConfigurationChanges()
        func changed(_ id: FieldID) -> String? { form.field(id).flatMap { $0.changed ? $0.value.trimmingWhitespace() : nil } }
        changes.description = changed(.description)
        changes.handler = changed(.handler)
        changes.runtime = changed(.runtime).map(Runtime.init(rawValue:))
        changes.memorySize = changed(.memory).flatMap { Int($0) }
        changes.timeout = changed(.timeout).flatMap { Int($0) }
        changes.ephemeralStorage = changed(.ephemeral).flatMap { Int($0) }
        changes.tracingMode = changed(.tracing).map(TracingMode.init(rawValue:))
        let logging = [FieldID.logFormat, .applicationLogLevel, .systemLogLevel].contains { form.field($0)?.changed == true }
        if logging {
            // LoggingConfig is replaced as a whole, so a change to one part sends all three.
            let format = LogFormat(rawValue: form.value(.logFormat))
            func level(_ id: FieldID) -> LogLevel? { format == .json && !form.value(id).isEmpty ? LogLevel(rawValue: form.value(id)) : nil }
            changes.logFormat = format
            changes.applicationLogLevel = level(.applicationLogLevel)
            changes.systemLogLevel = level(.systemLogLevel)
        }
        changes.layers = changed(.layers).map { $0.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty } }
        let environmentRows = form.fields.filter { $0.isPair(of: .environment) }
        if environmentRows.contains(where: \.changed) || environmentRows.filter({ !$0.original.isEmpty }).count != form.pairs(.environment).count {
            changes.environment = Dictionary(form.pairs(.environment).map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        }
        return changes
    }

    static func aliasSettings(_ form: FormState, name: String) -> AliasSettings {
        let extra = form.value(.additionalVersion).trimmingWhitespace()
        // The routing the form opened with, for the audit line.
        let was = { (id: FieldID) in form.field(id)?.original.trimmingWhitespace() ?? "" }
        let before = form.action == .createAlias ? nil
            : was(.additionalVersion).isEmpty ? was(.version) : "\(was(.version)), \(was(.additionalVersion)) at \(was(.weight)) %"
        return AliasSettings(name: name, version: form.value(.version).trimmingWhitespace(), description: form.value(.description),
                             additionalVersion: extra.isEmpty ? nil : extra, weight: Double(Int(form.value(.weight)) ?? 0) / 100, before: before)
    }

    static func pair(_ text: String) -> (String, String) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts[0]).trimmingWhitespace(), parts.count > 1 ? String(parts[1]) : "")
    }

    static func isObject(_ text: String) -> Bool {
        if case .object = try? JSONValue.parse(text) { return true }
        return false
    }

    /// What a form that cannot be taken back would send, said before the second Enter sends it.
    static func readBack(_ mutation: Mutation) -> String? {
        guard case .publishVersion(let function, let description, let codeSha256, _) = mutation else { return nil }
        let code = codeSha256.map { "code \(String($0.prefix(12)))…" } ?? "its current code"
        let said = description.isEmpty ? "no description" : "description \u{201C}\(description)\u{201D}"
        return "Enter again publishes a new version of \(function) from \(code) with \(said); versions cannot be changed. Esc cancels."
    }
}
