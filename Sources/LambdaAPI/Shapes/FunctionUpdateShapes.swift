import FoundationEssentials

/// GetFunction: the configuration with the code location, reserved concurrency and tags.
public struct GetFunctionResponse: Codable, Hashable, Sendable {
    public var code: FunctionCodeLocation?
    public var concurrency: Concurrency?
    public var configuration: FunctionConfiguration?
    public var tags: [String: String]?
    public var tagsError: TagsError?

    public init(configuration: FunctionConfiguration? = nil, tags: [String: String]? = nil) {
        self.configuration = configuration
        self.tags = tags
    }
}

public struct FunctionCodeLocation: Codable, Hashable, Sendable {
    public var imageUri: String?
    public var location: String?
    public var repositoryType: String?
    public var resolvedImageUri: String?
    public var sourceKMSKeyArn: String?
}

public typealias TagsError = ShapeError

public struct Concurrency: Codable, Hashable, Sendable {
    public var reservedConcurrentExecutions: Int?
    public init(reservedConcurrentExecutions: Int?) { self.reservedConcurrentExecutions = reservedConcurrentExecutions }
}

/// UpdateFunctionCode's body: exactly one code source, optionally publishing a version.
public struct UpdateFunctionCodeRequest: Codable, Sendable {
    public var architectures: [Architecture]?
    public var dryRun: Bool?
    public var imageUri: String?
    public var publish: Bool?
    public var revisionId: String?
    public var s3Bucket: String?
    public var s3Key: String?
    public var s3ObjectVersion: String?
    public var sourceKMSKeyArn: String?
    public var zipFile: Data?

    public init(zipFile: Data? = nil, s3Bucket: String? = nil, s3Key: String? = nil, s3ObjectVersion: String? = nil,
                imageUri: String? = nil, publish: Bool? = nil, architectures: [Architecture]? = nil, revisionId: String? = nil) {
        self.zipFile = zipFile
        self.s3Bucket = s3Bucket
        self.s3Key = s3Key
        self.s3ObjectVersion = s3ObjectVersion
        self.imageUri = imageUri
        self.publish = publish
        self.architectures = architectures
        self.revisionId = revisionId
    }
}

/// UpdateFunctionConfiguration's body: only the settings that are set change.
public struct UpdateFunctionConfigurationRequest: Codable, Sendable {
    public var deadLetterConfig: DeadLetterConfig?
    public var description: String?
    public var environment: Environment?
    public var ephemeralStorage: EphemeralStorage?
    public var fileSystemConfigs: [FileSystemConfig]?
    public var handler: String?
    public var imageConfig: ImageConfig?
    public var kmsKeyArn: String?
    public var layers: [String]?
    public var loggingConfig: LoggingConfig?
    public var memorySize: Int?
    public var revisionId: String?
    public var role: String?
    public var runtime: Runtime?
    public var snapStart: SnapStart?
    public var timeout: Int?
    public var tracingConfig: TracingConfig?
    public var vpcConfig: VpcConfig?

    public init(revisionId: String? = nil) {
        self.revisionId = revisionId
    }
}

