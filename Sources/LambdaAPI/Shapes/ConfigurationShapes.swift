import FoundationEssentials

/// A function URL and its CORS settings.
public struct FunctionUrlConfig: Codable, Hashable, Sendable {
    /// AWS_IAM or NONE.
    public var authType: String?
    public var cors: Cors?
    public var creationTime: String?
    public var functionArn: String?
    public var functionUrl: String?
    /// BUFFERED or RESPONSE_STREAM.
    public var invokeMode: String?
    public var lastModifiedTime: String?
}

public struct Cors: Codable, Hashable, Sendable {
    public var allowCredentials: Bool?
    public var allowHeaders: [String]?
    public var allowMethods: [String]?
    public var allowOrigins: [String]?
    public var exposeHeaders: [String]?
    public var maxAge: Int?

    public init(allowOrigins: [String]? = nil, allowMethods: [String]? = nil, allowHeaders: [String]? = nil,
                exposeHeaders: [String]? = nil, allowCredentials: Bool? = nil, maxAge: Int? = nil) {
        self.allowOrigins = allowOrigins
        self.allowMethods = allowMethods
        self.allowHeaders = allowHeaders
        self.exposeHeaders = exposeHeaders
        self.allowCredentials = allowCredentials
        self.maxAge = maxAge
    }
}

/// Create/UpdateFunctionUrlConfig's body.
public struct FunctionUrlConfigRequest: Codable, Sendable {
    public var authType: String?
    public var cors: Cors?
    public var invokeMode: String?
    public init(authType: String? = nil, cors: Cors? = nil, invokeMode: String? = nil) {
        self.authType = authType
        self.cors = cors
        self.invokeMode = invokeMode
    }
}

/// Asynchronous invocation settings: retries, event age, destinations.
public struct FunctionEventInvokeConfig: Codable, Hashable, Sendable {
    public var destinationConfig: DestinationConfig?
    public var functionArn: String?
    public var lastModified: AWSTimestamp?
    public var maximumEventAgeInSeconds: Int?
    public var maximumRetryAttempts: Int?
}

/// Put/UpdateFunctionEventInvokeConfig's body.
public struct FunctionEventInvokeConfigRequest: Codable, Sendable {
    public var destinationConfig: DestinationConfig?
    public var maximumEventAgeInSeconds: Int?
    public var maximumRetryAttempts: Int?
    public init(maximumRetryAttempts: Int? = nil, maximumEventAgeInSeconds: Int? = nil, destinationConfig: DestinationConfig? = nil) {
        self.maximumRetryAttempts = maximumRetryAttempts
        self.maximumEventAgeInSeconds = maximumEventAgeInSeconds
        self.destinationConfig = destinationConfig
    }
}

public struct CodeSigningConfig: Codable, Hashable, Sendable {
    public var allowedPublishers: AllowedPublishers?
    public var codeSigningConfigArn: String?
    public var codeSigningConfigId: String?
    public var codeSigningPolicies: CodeSigningPolicies?
    public var description: String?
    public var lastModified: String?
}

public struct AllowedPublishers: Codable, Hashable, Sendable {
    public var signingProfileVersionArns: [String]
    public init(signingProfileVersionArns: [String]) { self.signingProfileVersionArns = signingProfileVersionArns }
}

public struct CodeSigningPolicies: Codable, Hashable, Sendable {
    /// Warn or Enforce.
    public var untrustedArtifactOnDeployment: String?
    public init(untrustedArtifactOnDeployment: String?) { self.untrustedArtifactOnDeployment = untrustedArtifactOnDeployment }
}

/// Create/UpdateCodeSigningConfig's body.
public struct CodeSigningConfigRequest: Codable, Sendable {
    public var allowedPublishers: AllowedPublishers?
    public var codeSigningPolicies: CodeSigningPolicies?
    public var description: String?
    public var tags: [String: String]?
    public init(allowedPublishers: AllowedPublishers?, codeSigningPolicies: CodeSigningPolicies? = nil,
                description: String? = nil, tags: [String: String]? = nil) {
        self.allowedPublishers = allowedPublishers
        self.codeSigningPolicies = codeSigningPolicies
        self.description = description
        self.tags = tags
    }
}

public struct FunctionCodeSigningConfig: Codable, Hashable, Sendable {
    public var codeSigningConfigArn: String?
    public var functionName: String?
}
