/// A function's settings, as GetFunctionConfiguration, ListFunctions and the update calls return them.
public struct FunctionConfiguration: Codable, Hashable, Sendable {
    public var architectures: [Architecture]?
    public var codeSha256: String?
    public var codeSize: Int64?
    public var deadLetterConfig: DeadLetterConfig?
    public var description: String?
    public var environment: EnvironmentResponse?
    public var ephemeralStorage: EphemeralStorage?
    public var fileSystemConfigs: [FileSystemConfig]?
    public var functionArn: String?
    public var functionName: String?
    public var handler: String?
    public var imageConfigResponse: ImageConfigResponse?
    public var kmsKeyArn: String?
    public var lastModified: AWSTimestamp?
    public var lastUpdateStatus: LastUpdateStatus?
    public var lastUpdateStatusReason: String?
    public var lastUpdateStatusReasonCode: StateReasonCode?
    public var layers: [Layer]?
    public var loggingConfig: LoggingConfig?
    public var masterArn: String?
    public var memorySize: Int?
    public var packageType: PackageType?
    public var revisionId: String?
    public var role: String?
    public var runtime: Runtime?
    public var runtimeVersionConfig: RuntimeVersionConfig?
    public var signingJobArn: String?
    public var signingProfileVersionArn: String?
    public var snapStart: SnapStartResponse?
    public var state: FunctionState?
    public var stateReason: String?
    public var stateReasonCode: StateReasonCode?
    public var timeout: Int?
    public var tracingConfig: TracingConfigResponse?
    public var version: String?
    public var vpcConfig: VpcConfigResponse?

    public init(functionName: String? = nil) {
        self.functionName = functionName
    }
}

public struct DeadLetterConfig: Codable, Hashable, Sendable {
    public var targetArn: String?
    public init(targetArn: String? = nil) { self.targetArn = targetArn }
}

public struct EnvironmentResponse: Codable, Hashable, Sendable {
    public var error: EnvironmentError?
    public var variables: [String: String]?

    public init(variables: [String: String]?, error: EnvironmentError? = nil) {
        self.variables = variables
        self.error = error
    }
}

public typealias EnvironmentError = ShapeError

public struct EphemeralStorage: Codable, Hashable, Sendable {
    public var size: Int
    public init(size: Int) { self.size = size }
}

public struct FileSystemConfig: Codable, Hashable, Sendable {
    public var arn: String
    public var localMountPath: String
    public init(arn: String, localMountPath: String) {
        self.arn = arn
        self.localMountPath = localMountPath
    }
}

public struct ImageConfigResponse: Codable, Hashable, Sendable {
    public var error: ImageConfigError?
    public var imageConfig: ImageConfig?
}

public struct ImageConfig: Codable, Hashable, Sendable {
    public var command: [String]?
    public var entryPoint: [String]?
    public var workingDirectory: String?
    public init(command: [String]? = nil, entryPoint: [String]? = nil, workingDirectory: String? = nil) {
        self.command = command
        self.entryPoint = entryPoint
        self.workingDirectory = workingDirectory
    }
}

public typealias ImageConfigError = ShapeError

public struct Layer: Codable, Hashable, Sendable {
    public var arn: String?
    public var codeSize: Int64?
    public var signingJobArn: String?
    public var signingProfileVersionArn: String?
}

public struct LoggingConfig: Codable, Hashable, Sendable {
    public var applicationLogLevel: LogLevel?
    public var logFormat: LogFormat?
    public var logGroup: String?
    public var systemLogLevel: LogLevel?
    public init(applicationLogLevel: LogLevel? = nil, logFormat: LogFormat? = nil, logGroup: String? = nil,
                systemLogLevel: LogLevel? = nil) {
        self.applicationLogLevel = applicationLogLevel
        self.logFormat = logFormat
        self.logGroup = logGroup
        self.systemLogLevel = systemLogLevel
    }
}

public struct RuntimeVersionConfig: Codable, Hashable, Sendable {
    public var error: RuntimeVersionError?
    public var runtimeVersionArn: String?
}

public typealias RuntimeVersionError = ShapeError

public struct SnapStartResponse: Codable, Hashable, Sendable {
    public var applyOn: SnapStartApplyOn?
    public var optimizationStatus: SnapStartOptimizationStatus?
}

public struct TracingConfigResponse: Codable, Hashable, Sendable {
    public var mode: TracingMode?
}

public struct VpcConfigResponse: Codable, Hashable, Sendable {
    public var ipv6AllowedForDualStack: Bool?
    public var securityGroupIds: [String]?
    public var subnetIds: [String]?
    public var vpcId: String?
}

extension FunctionConfiguration {
    /// A copy with every environment value replaced: what screens and printouts show unless the
    /// user asks for the values.
    public var maskingEnvironmentValues: FunctionConfiguration {
        var copy = self
        if let variables = environment?.variables {
            copy.environment?.variables = variables.mapValues { _ in "********" }
        }
        return copy
    }

    /// The log group the function writes to: LoggingConfig.LogGroup when set, else /aws/lambda/NAME.
    public var logGroupName: String {
        loggingConfig?.logGroup ?? "/aws/lambda/\(functionName ?? "")"
    }

    /// The log group's ARN, in the function's partition, region and account (a function's log
    /// group always lives beside it). StartLiveTail takes log groups only in this form.
    public var logGroupArn: String? { Self.logGroupArn(functionArn: functionArn, logGroup: logGroupName) }

    /// The ARN of `logGroup` beside the function of `functionArn`.
    public static func logGroupArn(functionArn: String?, logGroup: String) -> String? {
        let parts = (functionArn ?? "").split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 7, parts[0] == "arn", parts[2] == "lambda" else { return nil }
        return "arn:\(parts[1]):logs:\(parts[3]):\(parts[4]):log-group:\(logGroup)"
    }
}

/// The reference's EnvironmentError, ImageConfigError, RuntimeVersionError, TagsError and
/// FilterCriteriaError: the same two members under five names.
public struct ShapeError: Codable, Hashable, Sendable {
    public var errorCode: String?
    public var message: String?
}
