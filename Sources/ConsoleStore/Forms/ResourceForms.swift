import FoundationEssentials
import LambdaAPI

/// Who may invoke the function, as the common cases name it: the principal and action each
/// preset fills in (AddPermission's reference lists them).
public enum PermissionPreset: String, CaseIterable, Sendable {
    case apiGateway = "API Gateway", s3 = "S3 bucket", eventBridge = "EventBridge rule", sns = "SNS topic"
    case account = "another account", url = "function URL", custom = "custom"

    public var principal: String {
        switch self {
        case .apiGateway: "apigateway.amazonaws.com"
        case .s3: "s3.amazonaws.com"
        case .eventBridge: "events.amazonaws.com"
        case .sns: "sns.amazonaws.com"
        case .account: "123456789012"
        case .url: "*"
        case .custom: ""
        }
    }

    public var action: String { self == .url ? "lambda:InvokeFunctionUrl" : "lambda:InvokeFunction" }
}

/// The forms of the detail's resource sections: a permission to add or remove, the
/// asynchronous invocation settings, recursive loop detection.
enum ResourceForms {
    static func form(for action: ActionID, in state: ConsoleState, target: ActionTarget, name: String,
                     configuration: FunctionConfiguration) -> FormState? {
        let resources = state.resources[name]
        switch action {
        case .addPermission:
            let presets = PermissionPreset.allCases.map(\.rawValue)
            return FormState(action: action, title: "Allow invoking \(name)", target: target, fields: [
                FormField(.principalPreset, "Who", .choice(presets), value: PermissionPreset.apiGateway.rawValue,
                          hint: "fills the principal; another account: type its id below"),
                FormField(.principal, "Principal", value: PermissionPreset.apiGateway.principal, hint: "a service, an account id or ARN, or *"),
                FormField(.statementId, "Statement id", value: "lambda-tui-\(Int(Date().timeIntervalSince1970))",
                          hint: "letters, digits, - and _, up to 100"),
                FormField(.sourceArn, "Source ARN", hint: "the bucket, rule, topic or API that may call it (recommended)"),
                FormField(.sourceAccount, "Source account", hint: "for S3: the bucket owner's account id"),
                FormField(.urlAuthType, "URL auth type", .choice(["", "NONE", "AWS_IAM"]), value: "",
                          hint: "function URL: NONE is public"),
                FormField(.qualifier, "Qualifier", hint: "a version or alias; empty: the function"),
            ])
        case .removePermission:
            let sids = (resources?.policy.value.map(PolicyStatementRow.rows) ?? []).map(\.sid).filter { !$0.isEmpty }
            guard let first = sids.first else { return nil }
            return FormState(action: action, title: "Remove a statement from \(name)'s policy", target: target, fields: [
                FormField(.statementId, "Statement", .choice(sids), value: first),
                FormField(.confirm, "Type remove to confirm", .confirmation(expected: "remove"), hint: "the principal can no longer invoke it"),
            ])
        case .asyncInvocation:
            let current = resources?.eventInvokeConfigs.value?.first { ($0.functionArn ?? "").split(separator: ":").count <= 7 }
            return FormState(action: action, title: "Asynchronous invocation of \(name)", target: target, fields: [
                FormField(.retries, "Retries", .integer(0...2, unit: "retries", optional: false), value: String(current?.maximumRetryAttempts ?? 2)),
                FormField(.maxAge, "Keep events", .integer(60...21_600, unit: "s", optional: false),
                          value: String(current?.maximumEventAgeInSeconds ?? 21_600), hint: "60 s to 6 hours"),
                FormField(.onSuccess, "On success", value: current?.destinationConfig?.onSuccess?.destination ?? "",
                          hint: "an SQS queue, SNS topic, Lambda function or EventBridge bus ARN; empty: none"),
                FormField(.onFailure, "On failure", value: current?.destinationConfig?.onFailure?.destination ?? "",
                          hint: "as above; also an S3 bucket"),
                FormField(.qualifier, "Qualifier", hint: "a version or alias; empty: the function"),
                FormField(.urlPresence, "Configuration", .choice(["set", "remove"]), value: "set",
                          hint: "remove: back to the defaults (DeleteFunctionEventInvokeConfig)"),
            ])
        case .functionURL:
            // The function's own URL (unqualified); an alias's is chosen with the qualifier field.
            let current = state.details[name]?.url
            let cors = current?.cors
            return FormState(action: action, title: current == nil ? "Create a URL for \(name)" : "URL of \(name)", target: target, fields: [
                FormField(.urlPresence, "URL", .choice(current == nil ? ["create"] : ["keep", "delete"]), value: current == nil ? "create" : "keep",
                          hint: current?.functionUrl ?? "a https://….lambda-url.REGION.on.aws address"),
                FormField(.qualifier, "Qualifier", hint: "an alias; empty: the function"),
                FormField(.urlAuthType, "Auth type", .choice(["AWS_IAM", "NONE"]), value: current?.authType ?? "AWS_IAM",
                          hint: "NONE is public: a policy statement lets anyone call it"),
                FormField(.invokeMode, "Invoke mode", .choice(["BUFFERED", "RESPONSE_STREAM"]), value: current?.invokeMode ?? "BUFFERED"),
                FormField(.corsOrigins, "CORS origins", value: cors?.allowOrigins?.joined(separator: " ") ?? "", hint: "e.g. https://app.example.com, or *"),
                FormField(.corsMethods, "CORS methods", value: cors?.allowMethods?.joined(separator: " ") ?? "", hint: "GET POST …, or *"),
                FormField(.corsHeaders, "CORS headers", value: cors?.allowHeaders?.joined(separator: " ") ?? ""),
                FormField(.corsCredentials, "Credentials", .choice(YesNo.values, labels: YesNo.labels),
                          value: cors?.allowCredentials == true ? YesNo.yes : YesNo.no),
                FormField(.corsMaxAge, "CORS max age", .integer(0...86_400, unit: "s", optional: true), value: cors?.maxAge.map(String.init) ?? ""),
            ])
        case .runtimeUpdates:
            let current = resources?.runtimeManagement.value
            return FormState(action: action, title: "Runtime updates of \(name)", target: target, fields: [
                FormField(.updateRuntimeOn, "Update the runtime", .choice(["Auto", "FunctionUpdate", "Manual"]), value: current?.updateRuntimeOn ?? "Auto",
                          hint: "Auto: when AWS releases one; FunctionUpdate: at the next deployment; Manual: pinned"),
                FormField(.runtimeVersionArn, "Runtime version ARN", value: current?.runtimeVersionArn ?? "",
                          hint: "Manual only: arn:aws:lambda:REGION::runtime:…"),
            ])
        case .codeSigning:
            return FormState(action: action, title: "Code signing of \(name)", target: target, fields: [
                FormField(.codeSigningArn, "Configuration ARN", value: resources?.codeSigning.value ?? "",
                          hint: "arn:aws:lambda:REGION:ACCOUNT:code-signing-config:csc-…; empty detaches it"),
            ])
        case .invokeURL:
            guard let url = state.details[name]?.url, let address = url.functionUrl else { return nil }
            return FormState(action: action, title: "Call \(address)", target: target, fields: [
                FormField(.method, "Method", .choice(["GET", "POST", "PUT", "PATCH", "DELETE"]), value: "GET"),
                FormField(.urlPath, "Path", value: "/", hint: "with a query if you like: /orders?id=7"),
                FormField(.body, "Body", hint: "sent as application/json; empty: none"),
                FormField(.urlAuthType, "Auth", .choice([url.authType ?? "NONE"]), value: url.authType ?? "NONE",
                          hint: "AWS_IAM: signed with the console's credentials"),
            ])
        case .recursion:
            let now = resources?.recursion.value ?? "Terminate"
            return FormState(action: action, title: "Recursive loop detection of \(name)", target: target, fields: [
                FormField(.recursiveLoop, "When it loops", .choice(["Terminate", "Allow"]), value: now,
                          hint: "Terminate stops a function calling itself through SQS, SNS or S3"),
            ])
        default:
            return nil
        }
    }

    /// The mutation a submitted resource form asks for.
    static func mutation(_ form: FormState) -> Mutation? {
        let function = form.target.function
        func text(_ id: FieldID) -> String { form.value(id).trimmingWhitespace() }
        func optional(_ id: FieldID) -> String? { text(id).isEmpty ? nil : text(id) }
        switch form.action {
        case .addPermission:
            let preset = PermissionPreset(rawValue: form.value(.principalPreset)) ?? .custom
            return .addPermission(function: function, PermissionGrant(
                statementId: text(.statementId), action: preset.action, principal: text(.principal), sourceArn: optional(.sourceArn),
                sourceAccount: optional(.sourceAccount), urlAuthType: optional(.urlAuthType), qualifier: optional(.qualifier)),
                revisionId: form.target.revisionId)
        case .removePermission:
            return .removePermission(function: function, statementId: text(.statementId))
        case .asyncInvocation:
            return .setAsyncInvocation(function: function, AsyncInvocationSettings(
                retries: Int(text(.retries)) ?? 2, maximumAge: Int(text(.maxAge)) ?? 21_600, onSuccess: optional(.onSuccess), onFailure: optional(.onFailure),
                qualifier: optional(.qualifier), remove: form.value(.urlPresence) == "remove"))
        case .recursion:
            return .setRecursion(function: function, loop: form.value(.recursiveLoop))
        case .invokeURL:
            let address = form.title.hasPrefix("Call ") ? String(form.title.dropFirst(5)) : ""
            return .invokeURL(function: function, URLCall(url: address, method: form.value(.method), path: text(.urlPath).isEmpty ? "/" : text(.urlPath),
                                                          body: form.value(.body), signed: form.value(.urlAuthType) == "AWS_IAM"))
        case .runtimeUpdates:
            let mode = form.value(.updateRuntimeOn)
            return .setRuntimeUpdates(function: function, mode: mode, versionArn: mode == "Manual" ? optional(.runtimeVersionArn) : nil)
        case .codeSigning:
            return .setCodeSigning(function: function, arn: optional(.codeSigningArn))
        case .functionURL:
            let qualifier = optional(.qualifier)
            switch form.value(.urlPresence) {
            case "delete": return .setFunctionURL(function: function, qualifier: qualifier, nil, exists: true)
            default:
                func words(_ id: FieldID) -> [String]? {
                    let list = text(id).split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
                    return list.isEmpty ? nil : list
                }
                let cors = Cors(allowOrigins: words(.corsOrigins), allowMethods: words(.corsMethods), allowHeaders: words(.corsHeaders),
                                allowCredentials: form.value(.corsCredentials) == YesNo.yes ? true : nil, maxAge: Int(text(.corsMaxAge)))
                let empty = cors == Cors()
                return .setFunctionURL(function: function, qualifier: qualifier, FunctionURLSettings(
                    authType: form.value(.urlAuthType), invokeMode: form.value(.invokeMode), cors: empty ? nil : cors),
                    exists: form.value(.urlPresence) == "keep")
            }
        default:
            return nil
        }
    }

    /// Checks of these forms beyond their fields'.
    static func errors(_ form: FormState) -> [FieldID: String] {
        var errors: [FieldID: String] = [:]
        let value = { (id: FieldID) in form.value(id).trimmingWhitespace() }
        switch form.action {
        case .addPermission:
            let sid = value(.statementId)
            if sid.isEmpty || sid.count > 100 || !sid.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                errors[.statementId] = "1 to 100 letters, digits, - or _"
            }
            if value(.principal).isEmpty { errors[.principal] = "a principal is needed" }
            let preset = PermissionPreset(rawValue: form.value(.principalPreset))
            if preset == .url, value(.urlAuthType).isEmpty { errors[.urlAuthType] = "a URL's permission names its auth type" }
            if preset != .url, !value(.urlAuthType).isEmpty { errors[.urlAuthType] = "only for a function URL" }
            if !value(.sourceArn).isEmpty, !value(.sourceArn).hasPrefix("arn:") { errors[.sourceArn] = "an ARN (arn:aws:...)" }
            if !value(.sourceAccount).isEmpty, !(value(.sourceAccount).count == 12 && value(.sourceAccount).allSatisfy(\.isNumber)) {
                errors[.sourceAccount] = "a 12-digit account id"
            }
        case .asyncInvocation:
            for id in [FieldID.onSuccess, .onFailure] where !value(id).isEmpty && !value(id).hasPrefix("arn:") {
                errors[id] = "an ARN (arn:aws:...)"
            }
        case .runtimeUpdates:
            if form.value(.updateRuntimeOn) == "Manual", !value(.runtimeVersionArn).hasPrefix("arn:") {
                errors[.runtimeVersionArn] = "Manual pins a runtime version: its ARN (arn:aws:lambda:REGION::runtime:…)"
            }
        case .codeSigning:
            if !value(.codeSigningArn).isEmpty, !value(.codeSigningArn).contains(":code-signing-config:") {
                errors[.codeSigningArn] = "a code signing configuration's ARN (…:code-signing-config:csc-…)"
            }
        case .functionURL:
            // The reference's CORS limits: origins up to 253 characters, at most 6 methods of these.
            let methods = value(.corsMethods).split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            let known: Set = ["GET", "PUT", "HEAD", "POST", "PATCH", "DELETE", "*"]
            if let bad = methods.first(where: { !known.contains($0.uppercased()) }) { errors[.corsMethods] = "\(bad.prefix(20)) is not GET, PUT, HEAD, POST, PATCH, DELETE or *" }
            else if methods.count > 6 { errors[.corsMethods] = "at most 6 methods" }
            if value(.corsOrigins).split(separator: " ").contains(where: { $0.count > 253 }) { errors[.corsOrigins] = "an origin is at most 253 characters" }
            if form.value(.corsCredentials) == YesNo.yes, value(.corsOrigins).split(separator: " ").contains("*") {
                errors[.corsCredentials] = "credentials cannot be allowed for every origin (*)"
            }
        default:
            break
        }
        return errors
    }
}

/// AddPermission's statement as the form gives it.
public struct PermissionGrant: Sendable, Equatable {
    public var statementId: String
    public var action: String
    public var principal: String
    public var sourceArn: String?
    public var sourceAccount: String?
    public var urlAuthType: String?
    public var qualifier: String?

    public init(statementId: String, action: String, principal: String, sourceArn: String?, sourceAccount: String?, urlAuthType: String?,
                qualifier: String?) {
        self.statementId = statementId
        self.action = action
        self.principal = principal
        self.sourceArn = sourceArn
        self.sourceAccount = sourceAccount
        self.urlAuthType = urlAuthType
        self.qualifier = qualifier
    }
}

/// One call to a function URL.
public struct URLCall: Sendable, Equatable {
    public var url: String
    public var method: String
    public var path: String
    public var body: String
    public var signed: Bool

    public init(url: String, method: String, path: String, body: String, signed: Bool) {
        self.url = url
        self.method = method
        self.path = path
        self.body = body
        self.signed = signed
    }
}

/// Create/UpdateFunctionUrlConfig's settings.
public struct FunctionURLSettings: Sendable, Equatable {
    public var authType: String
    public var invokeMode: String
    public var cors: Cors?

    public init(authType: String, invokeMode: String, cors: Cors?) {
        self.authType = authType
        self.invokeMode = invokeMode
        self.cors = cors
    }
}

/// Put/UpdateFunctionEventInvokeConfig's settings.
public struct AsyncInvocationSettings: Sendable, Equatable {
    public var retries: Int
    public var maximumAge: Int
    public var onSuccess: String?
    public var onFailure: String?
    /// A version or alias; nil for the function ($LATEST).
    public var qualifier: String?
    /// Removes the configuration (DeleteFunctionEventInvokeConfig) instead of setting it.
    public var remove = false

    public init(retries: Int, maximumAge: Int, onSuccess: String?, onFailure: String?, qualifier: String? = nil, remove: Bool = false) {
        self.qualifier = qualifier
        self.remove = remove
        self.retries = retries
        self.maximumAge = maximumAge
        self.onSuccess = onSuccess
        self.onFailure = onFailure
    }
}
