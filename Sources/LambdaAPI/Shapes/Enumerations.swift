/// Runtime identifiers (FunctionConfiguration.Runtime).
public struct Runtime: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let nodejs22x: Runtime = "nodejs22.x"
    public static let nodejs20x: Runtime = "nodejs20.x"
    public static let python313: Runtime = "python3.13"
    public static let python312: Runtime = "python3.12"
    public static let python311: Runtime = "python3.11"
    public static let java21: Runtime = "java21"
    public static let java17: Runtime = "java17"
    public static let dotnet8: Runtime = "dotnet8"
    public static let ruby33: Runtime = "ruby3.3"
    public static let providedAL2023: Runtime = "provided.al2023"
    public static let providedAL2: Runtime = "provided.al2"
}

public struct Architecture: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let x86_64: Architecture = "x86_64"
    public static let arm64: Architecture = "arm64"
}

public struct PackageType: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let zip: PackageType = "Zip"
    public static let image: PackageType = "Image"
}

/// FunctionConfiguration.State.
public struct FunctionState: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let pending: FunctionState = "Pending"
    public static let active: FunctionState = "Active"
    public static let inactive: FunctionState = "Inactive"
    public static let failed: FunctionState = "Failed"
}

/// FunctionConfiguration.LastUpdateStatus.
public struct LastUpdateStatus: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let successful: LastUpdateStatus = "Successful"
    public static let failed: LastUpdateStatus = "Failed"
    public static let inProgress: LastUpdateStatus = "InProgress"
}

/// StateReasonCode and LastUpdateStatusReasonCode share these values.
public struct StateReasonCode: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let idle: StateReasonCode = "Idle"
    public static let creating: StateReasonCode = "Creating"
    public static let restoring: StateReasonCode = "Restoring"
    public static let eniLimitExceeded: StateReasonCode = "EniLimitExceeded"
    public static let internalError: StateReasonCode = "InternalError"
}

public struct TracingMode: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let active: TracingMode = "Active"
    public static let passThrough: TracingMode = "PassThrough"
}

public struct LogFormat: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let json: LogFormat = "JSON"
    public static let text: LogFormat = "Text"
}

/// ApplicationLogLevel and SystemLogLevel.
public struct LogLevel: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let trace: LogLevel = "TRACE"
    public static let debug: LogLevel = "DEBUG"
    public static let info: LogLevel = "INFO"
    public static let warn: LogLevel = "WARN"
    public static let error: LogLevel = "ERROR"
    public static let fatal: LogLevel = "FATAL"
}

public struct SnapStartApplyOn: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let publishedVersions: SnapStartApplyOn = "PublishedVersions"
    public static let none: SnapStartApplyOn = "None"
}

public struct SnapStartOptimizationStatus: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let on: SnapStartOptimizationStatus = "On"
    public static let off: SnapStartOptimizationStatus = "Off"
}
