import FoundationEssentials
import LambdaAPI

/// A change to AWS that a submitted form asks for: what the effect runner sends, and what the
/// audit log records (by `auditAction` and `auditTarget`, never the values themselves).
public enum Mutation: Sendable, Equatable {
    case invoke(InvocationRequest)
    case publishVersion(function: String, description: String, codeSha256: String?, revisionId: String?)
    case updateCode(function: String, source: CodeSource, architecture: Architecture?, publish: Bool, revisionId: String?)
    case updateConfiguration(function: String, ConfigurationChanges, revisionId: String?)
    case setTags(function: String, arn: String, add: [String: String], remove: [String])
    case createAlias(function: String, AliasSettings)
    case updateAlias(function: String, AliasSettings, revisionId: String?)
    case deleteAlias(function: String, name: String)
    case setMappingEnabled(function: String, uuid: String, enabled: Bool)
    case updateMapping(function: String, uuid: String, batchSize: Int?, batchingWindow: Int?)
    case createMapping(function: String, MappingSource)
    case deleteMapping(function: String, uuid: String)
    /// Nil removes the setting.
    case setReservedConcurrency(function: String, Int?)
    case setProvisionedConcurrency(function: String, qualifier: String, Int?)
    case deleteFunction(function: String, version: String?)
    case addPermission(function: String, PermissionGrant, revisionId: String?)
    case removePermission(function: String, statementId: String)
    case setAsyncInvocation(function: String, AsyncInvocationSettings)
    case setRecursion(function: String, loop: String)
    /// Nil deletes the URL; `exists` updates rather than creates it.
    case setFunctionURL(function: String, qualifier: String?, FunctionURLSettings?, exists: Bool)
    case setRuntimeUpdates(function: String, mode: String, versionArn: String?)
    /// Nil detaches the configuration.
    case setCodeSigning(function: String, arn: String?)
    /// A layer version is no function's: `function` names the layer.
    case deleteLayerVersion(layer: String, version: Int64)
    case createFunction(NewFunction)
    case publishLayer(LayerPublication)
    /// Runs the function through its URL: counted as a change, as an invocation is.
    case invokeURL(function: String, URLCall)
    /// Code signing configurations are no function's: `function` names the configuration.
    case createSigningConfig(SigningConfigSettings)
    case updateSigningConfig(arn: String, SigningConfigSettings)
    case deleteSigningConfig(arn: String)
    case shareLayer(layer: String, version: Int64, statementId: String, principal: String, organization: String?)
    case unshareLayer(layer: String, version: Int64, statementId: String)

    public var function: String {
        switch self {
        case .invoke(let request): request.function
        case .publishVersion(let function, _, _, _), .updateCode(let function, _, _, _, _), .updateConfiguration(let function, _, _),
             .setTags(let function, _, _, _), .createAlias(let function, _), .updateAlias(let function, _, _), .deleteAlias(let function, _),
             .setMappingEnabled(let function, _, _), .updateMapping(let function, _, _, _), .createMapping(let function, _),
             .deleteMapping(let function, _), .setReservedConcurrency(let function, _), .setProvisionedConcurrency(let function, _, _),
             .deleteFunction(let function, _), .addPermission(let function, _, _), .removePermission(let function, _),
             .setAsyncInvocation(let function, _), .setRecursion(let function, _), .setFunctionURL(let function, _, _, _),
             .setRuntimeUpdates(let function, _, _), .setCodeSigning(let function, _), .deleteLayerVersion(let function, _):
            function
        case .createFunction(let new): new.name
        case .publishLayer(let publication): publication.layer
        case .invokeURL(let function, _): function
        case .createSigningConfig: "code signing"
        case .updateSigningConfig(let arn, _), .deleteSigningConfig(let arn): arn
        case .shareLayer(let layer, _, _, _, _), .unshareLayer(let layer, _, _): layer
        }
    }

    /// The API operation, as the audit log names it.
    public var auditAction: String {
        switch self {
        case .invoke(let request): request.burst.map { "Invoke ×\($0.count) at \($0.perSecond)/s" } ?? (request.streamed ? "InvokeWithResponseStream" : "Invoke")
        case .publishVersion: "PublishVersion"
        case .updateCode: "UpdateFunctionCode"
        case .updateConfiguration: "UpdateFunctionConfiguration"
        case .setTags: "TagResource/UntagResource"
        case .createAlias: "CreateAlias"
        case .updateAlias: "UpdateAlias"
        case .deleteAlias: "DeleteAlias"
        case .setMappingEnabled(_, _, let enabled): enabled ? "UpdateEventSourceMapping(enable)" : "UpdateEventSourceMapping(disable)"
        case .updateMapping: "UpdateEventSourceMapping"
        case .createMapping: "CreateEventSourceMapping"
        case .deleteMapping: "DeleteEventSourceMapping"
        case .setReservedConcurrency(_, let value): value == nil ? "DeleteFunctionConcurrency" : "PutFunctionConcurrency"
        case .setProvisionedConcurrency(_, _, let value): value == nil ? "DeleteProvisionedConcurrencyConfig" : "PutProvisionedConcurrencyConfig"
        case .deleteFunction: "DeleteFunction"
        case .addPermission: "AddPermission"
        case .removePermission: "RemovePermission"
        case .setAsyncInvocation(_, let settings): settings.remove ? "DeleteFunctionEventInvokeConfig" : "PutFunctionEventInvokeConfig"
        case .setRecursion: "PutFunctionRecursionConfig"
        case .setFunctionURL(_, _, let settings, let exists):
            settings == nil ? "DeleteFunctionUrlConfig" : exists ? "UpdateFunctionUrlConfig" : "CreateFunctionUrlConfig"
        case .setRuntimeUpdates: "PutRuntimeManagementConfig"
        case .setCodeSigning(_, let arn): arn == nil ? "DeleteFunctionCodeSigningConfig" : "PutFunctionCodeSigningConfig"
        case .deleteLayerVersion: "DeleteLayerVersion"
        case .createFunction: "CreateFunction"
        case .publishLayer: "PublishLayerVersion"
        case .invokeURL(_, let call): "InvokeFunctionUrl \(call.method)"
        case .createSigningConfig: "CreateCodeSigningConfig"
        case .updateSigningConfig: "UpdateCodeSigningConfig"
        case .deleteSigningConfig: "DeleteCodeSigningConfig"
        case .shareLayer: "AddLayerVersionPermission"
        case .unshareLayer: "RemoveLayerVersionPermission"
        }
    }

    /// What changed, for the audit line, without a value: the fields a configuration update
    /// changed, an alias's routing before and after, the version a publish made.
    public func auditDetail(_ outcome: MutationOutcome) -> String? {
        switch (self, outcome) {
        case (.publishVersion, .done(_, let select?)), (.updateCode(_, _, _, true, _), .done(_, let select?)):
            return "version \(select.1)"
        case (.updateConfiguration(_, let changes, _), _):
            return "changed " + changes.changedFieldNames.joined(separator: ", ")
        case (.updateAlias(_, let settings, _), _), (.createAlias(_, let settings), _):
            return settings.before.map { "\($0) → \(settings.routing)" } ?? "→ \(settings.routing)"
        case (.setTags(_, _, let add, let remove), _):
            return "set \(add.keys.sorted().joined(separator: ", "))" + (remove.isEmpty ? "" : "; removed \(remove.sorted().joined(separator: ", "))")
        default:
            return nil
        }
    }

    /// What it acts on: the function, with the qualifier, alias or mapping where there is one.
    public var auditTarget: String {
        switch self {
        case .invoke(let request): request.qualifier.map { "\(request.function):\($0)" } ?? request.function
        case .createAlias(let function, let alias), .updateAlias(let function, let alias, _): "\(function):\(alias.name)"
        case .deleteAlias(let function, let name): "\(function):\(name)"
        case .setMappingEnabled(_, let uuid, _), .updateMapping(_, let uuid, _, _), .deleteMapping(_, let uuid): "mapping \(uuid)"
        case .createMapping(let function, let source): "\(function) <- \(source.arn)"
        case .setProvisionedConcurrency(let function, let qualifier, _): "\(function):\(qualifier)"
        case .deleteFunction(let function, let version): version.map { "\(function):\($0)" } ?? function
        case .addPermission(let function, let grant, _): "\(function)\(grant.qualifier.map { ":" + $0 } ?? "") statement \(grant.statementId)"
        case .removePermission(let function, let sid): "\(function) statement \(sid)"
        case .setFunctionURL(let function, let qualifier, _, _): qualifier.map { "\(function):\($0)" } ?? function
        case .deleteLayerVersion(let layer, let version): "layer \(layer):\(version)"
        case .shareLayer(let layer, let version, let sid, _, _), .unshareLayer(let layer, let version, let sid): "layer \(layer):\(version) statement \(sid)"
        default: function
        }
    }
}

public struct InvocationRequest: Sendable, Equatable {
    public var function: String
    public var qualifier: String?
    /// RequestResponse, Event or DryRun.
    public var invocationType: String
    public var payload: String
    /// The ClientContext object as JSON text (for mobile SDK style handlers), nil for none.
    public var clientContext: String?
    /// Read the answer with InvokeWithResponseStream, chunk by chunk.
    public var streamed: Bool
    /// Invoke this many times at this rate instead of once.
    public var burst: BurstSpec?
    /// Saves the payload as a test event of this name too.
    public var saveAs: String?

    public init(function: String, qualifier: String? = nil, invocationType: String = "RequestResponse", payload: String,
                clientContext: String? = nil, streamed: Bool = false, burst: BurstSpec? = nil, saveAs: String? = nil) {
        self.function = function
        self.qualifier = qualifier
        self.invocationType = invocationType
        self.payload = payload
        self.clientContext = clientContext
        self.streamed = streamed
        self.burst = burst
        self.saveAs = saveAs
    }
}

public enum CodeSource: Sendable, Equatable {
    case zipFile(path: String)
    /// Zipped in-process.
    case directory(path: String)
    case s3(bucket: String, key: String, objectVersion: String?)
    case image(uri: String)

    /// The local path of a zip file or a folder.
    public var path: String? {
        switch self {
        case .zipFile(let path), .directory(let path): path
        default: nil
        }
    }
}

/// The fields of the configuration form that differ from what the function had: nil means
/// unchanged and is not sent.
public struct ConfigurationChanges: Sendable, Equatable {
    public var description: String?
    public var handler: String?
    public var runtime: Runtime?
    public var memorySize: Int?
    public var timeout: Int?
    public var environment: [String: String]?
    public var ephemeralStorage: Int?
    public var tracingMode: TracingMode?
    /// LoggingConfig is replaced as a whole: when one part changes, the format and both levels
    /// are sent (a level is sent only with the JSON format; nil is "not set").
    public var logFormat: LogFormat?
    public var applicationLogLevel: LogLevel?
    public var systemLogLevel: LogLevel?
    public var layers: [String]?

    public init() {}

    public var isEmpty: Bool { self == ConfigurationChanges() }

    /// The names of the fields that change, as the API names them (never their values).
    public var changedFieldNames: [String] {
        let fields: [(String, Bool)] = [
            ("Description", description != nil), ("Handler", handler != nil), ("Runtime", runtime != nil), ("MemorySize", memorySize != nil),
            ("Timeout", timeout != nil), ("Environment", environment != nil), ("EphemeralStorage", ephemeralStorage != nil),
            ("TracingConfig", tracingMode != nil), ("LoggingConfig", logFormat != nil || applicationLogLevel != nil || systemLogLevel != nil),
            ("Layers", layers != nil),
        ]
        return fields.filter(\.1).map(\.0)
    }
}

public struct AliasSettings: Sendable, Equatable {
    public var name: String
    public var version: String
    public var description: String
    /// The additional version and its weight (0...1), or nil for no routing.
    public var additionalVersion: String?
    public var weight: Double

    /// The routing before the change, as the audit line shows it ("1, 2 at 10 %"); not sent,
    /// and not part of what makes two settings the same.
    public var before: String?

    public static func == (lhs: AliasSettings, rhs: AliasSettings) -> Bool {
        lhs.name == rhs.name && lhs.version == rhs.version && lhs.description == rhs.description
            && lhs.additionalVersion == rhs.additionalVersion && lhs.weight == rhs.weight
    }

    /// The routing as the audit line shows it: the version, and the additional one with its weight.
    public var routing: String {
        additionalVersion.map { "\(version), \($0) at \(AliasWeights.percent(weight * 100))" } ?? version
    }

    public init(name: String, version: String, description: String = "", additionalVersion: String? = nil, weight: Double = 0,
                before: String? = nil) {
        self.before = before
        self.name = name
        self.version = version
        self.description = description
        self.additionalVersion = additionalVersion
        self.weight = weight
    }
}

/// How a mutation ended, as the reducer needs to know it.
public enum MutationOutcome: Sendable, Equatable {
    /// Done: a sentence for the footer, and the row to select afterwards (pane and key).
    case done(String, select: (Pane, String)?)
    case invoked(InvocationResult)
    /// A burst ended (done, or stopped by the user).
    case burst(BurstProgress)
    /// The RevisionId sent was not the current one: someone else changed the resource.
    case conflict(String)
    case failed(String)

    public static func == (lhs: MutationOutcome, rhs: MutationOutcome) -> Bool {
        switch (lhs, rhs) {
        case (.done(let a, let x), .done(let b, let y)): a == b && x?.0 == y?.0 && x?.1 == y?.1
        case (.invoked(let a), .invoked(let b)): a == b
        case (.burst(let a), .burst(let b)): a == b
        case (.conflict(let a), .conflict(let b)), (.failed(let a), .failed(let b)): a == b
        default: false
        }
    }
}

/// What an invocation answered, for the invoke view.
public struct InvocationResult: Sendable, Equatable {
    public var function: String
    public var qualifier: String?
    public var statusCode: Int
    public var functionError: String?
    public var executedVersion: String?
    public var payload: String
    /// The decoded `LogType=Tail` result (the last 4 KB of the log), when there is one.
    public var logTail: String?
    /// Round trip, as the console measured it.
    public var milliseconds: Int
    /// Read with InvokeWithResponseStream.
    public var streamed: Bool
    /// The figures of the log tail's REPORT line.
    public var report: InvocationReport?

    public init(function: String, qualifier: String?, statusCode: Int, functionError: String?, executedVersion: String?,
                payload: String, logTail: String?, milliseconds: Int, streamed: Bool = false) {
        self.function = function
        self.qualifier = qualifier
        self.statusCode = statusCode
        self.functionError = functionError
        self.executedVersion = executedVersion
        self.payload = payload
        self.logTail = logTail
        self.milliseconds = milliseconds
        self.streamed = streamed
        report = logTail.flatMap(InvocationReport.parse)
    }
}

/// A new event source mapping: the source and how to read it. Streams (Kinesis, DynamoDB,
/// Kafka) need a starting position; a batch of more than 10 from SQS needs a batching window.
public struct MappingSource: Sendable, Equatable {
    public var arn: String
    public var batchSize: Int?
    public var batchingWindow: Int?
    public var startingPosition: String?
    /// Seconds since 1970, for AT_TIMESTAMP.
    public var startingTimestamp: Double?
    public var enabled: Bool

    public init(arn: String, batchSize: Int? = nil, batchingWindow: Int? = nil, startingPosition: String? = nil,
                startingTimestamp: Double? = nil, enabled: Bool = true) {
        self.arn = arn
        self.batchSize = batchSize
        self.batchingWindow = batchingWindow
        self.startingPosition = startingPosition
        self.startingTimestamp = startingTimestamp
        self.enabled = enabled
    }

    public enum Kind: Sendable, Equatable { case queue, kinesis, dynamoDBStream, kafka, other }

    /// What the ARN names, which decides what the mapping needs.
    public static func kind(of arn: String) -> Kind {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 5 else { return .other }
        switch parts[2] {
        case "sqs": return .queue
        case "kinesis": return .kinesis
        case "dynamodb" where parts[5].contains("/stream/"): return .dynamoDBStream
        case "kafka": return .kafka
        default: return .other
        }
    }
}
