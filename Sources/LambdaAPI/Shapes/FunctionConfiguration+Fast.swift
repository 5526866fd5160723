import AWSCore

// One-pass decoding of ListFunctions' shapes (see JSONValueDecodable). Every member of the
// reference must be listed here as in FunctionConfiguration.swift; FastDecodingTests compares
// this path with Codable's on a document that carries them all.

extension FunctionConfiguration: JSONValueDecodable {
    /// Members by wire name: one hash lookup per member instead of a 36-way string switch,
    /// which cost most of a page's decoding time.
    private enum Member {
        case architectures
        case codeSha256
        case codeSize
        case deadLetterConfig
        case description
        case environment
        case ephemeralStorage
        case fileSystemConfigs
        case functionArn
        case functionName
        case handler
        case imageConfigResponse
        case kmsKeyArn
        case lastModified
        case lastUpdateStatus
        case lastUpdateStatusReason
        case lastUpdateStatusReasonCode
        case layers
        case loggingConfig
        case masterArn
        case memorySize
        case packageType
        case revisionId
        case role
        case runtime
        case runtimeVersionConfig
        case signingJobArn
        case signingProfileVersionArn
        case snapStart
        case state
        case stateReason
        case stateReasonCode
        case timeout
        case tracingConfig
        case version
        case vpcConfig
    }

    private static let members: [String: Member] = [
            "Architectures": .architectures,
            "CodeSha256": .codeSha256,
            "CodeSize": .codeSize,
            "DeadLetterConfig": .deadLetterConfig,
            "Description": .description,
            "Environment": .environment,
            "EphemeralStorage": .ephemeralStorage,
            "FileSystemConfigs": .fileSystemConfigs,
            "FunctionArn": .functionArn,
            "FunctionName": .functionName,
            "Handler": .handler,
            "ImageConfigResponse": .imageConfigResponse,
            "KMSKeyArn": .kmsKeyArn,
            "LastModified": .lastModified,
            "LastUpdateStatus": .lastUpdateStatus,
            "LastUpdateStatusReason": .lastUpdateStatusReason,
            "LastUpdateStatusReasonCode": .lastUpdateStatusReasonCode,
            "Layers": .layers,
            "LoggingConfig": .loggingConfig,
            "MasterArn": .masterArn,
            "MemorySize": .memorySize,
            "PackageType": .packageType,
            "RevisionId": .revisionId,
            "Role": .role,
            "Runtime": .runtime,
            "RuntimeVersionConfig": .runtimeVersionConfig,
            "SigningJobArn": .signingJobArn,
            "SigningProfileVersionArn": .signingProfileVersionArn,
            "SnapStart": .snapStart,
            "State": .state,
            "StateReason": .stateReason,
            "StateReasonCode": .stateReasonCode,
            "Timeout": .timeout,
            "TracingConfig": .tracingConfig,
            "Version": .version,
            "VpcConfig": .vpcConfig,
    ]

    public init(json: JSONValue) throws {
        try json.forEachMember { key, value in
            // Members added after this build are ignored, as Codable does.
            guard let member = Self.members[key] else { return }
            switch member {
            case .architectures: architectures = try value.decodeArray()
            case .codeSha256: codeSha256 = try value.decode()
            case .codeSize: codeSize = try value.decode()
            case .deadLetterConfig: deadLetterConfig = try value.decode()
            case .description: description = try value.decode()
            case .environment: environment = try value.decode()
            case .ephemeralStorage: ephemeralStorage = try value.decode()
            case .fileSystemConfigs: fileSystemConfigs = try value.decodeArray()
            case .functionArn: functionArn = try value.decode()
            case .functionName: functionName = try value.decode()
            case .handler: handler = try value.decode()
            case .imageConfigResponse: imageConfigResponse = try value.decode()
            case .kmsKeyArn: kmsKeyArn = try value.decode()
            case .lastModified: lastModified = try value.decode()
            case .lastUpdateStatus: lastUpdateStatus = try value.decode()
            case .lastUpdateStatusReason: lastUpdateStatusReason = try value.decode()
            case .lastUpdateStatusReasonCode: lastUpdateStatusReasonCode = try value.decode()
            case .layers: layers = try value.decodeArray()
            case .loggingConfig: loggingConfig = try value.decode()
            case .masterArn: masterArn = try value.decode()
            case .memorySize: memorySize = try value.decode()
            case .packageType: packageType = try value.decode()
            case .revisionId: revisionId = try value.decode()
            case .role: role = try value.decode()
            case .runtime: runtime = try value.decode()
            case .runtimeVersionConfig: runtimeVersionConfig = try value.decode()
            case .signingJobArn: signingJobArn = try value.decode()
            case .signingProfileVersionArn: signingProfileVersionArn = try value.decode()
            case .snapStart: snapStart = try value.decode()
            case .state: state = try value.decode()
            case .stateReason: stateReason = try value.decode()
            case .stateReasonCode: stateReasonCode = try value.decode()
            case .timeout: timeout = try value.decode()
            case .tracingConfig: tracingConfig = try value.decode()
            case .version: version = try value.decode()
            case .vpcConfig: vpcConfig = try value.decode()
            }
        }
    }
}

extension DeadLetterConfig: JSONValueDecodable {
    public init(json: JSONValue) throws {
        try json.forEachMember { key, value in if key == "TargetArn" { targetArn = try value.decode() } }
    }
}

extension EnvironmentResponse: JSONValueDecodable {
    public init(json: JSONValue) throws {
        try json.forEachMember { key, value in
            switch key {
            case "Error": error = try value.decode()
            case "Variables": variables = try value.decodeMap()
            default: break
            }
        }
    }
}

extension ShapeError: JSONValueDecodable {
    public init(json: JSONValue) throws {
        try json.forEachMember { key, value in
            switch key {
            case "ErrorCode": errorCode = try value.decode()
            case "Message": message = try value.decode()
            default: break
            }
        }
    }
}

extension EphemeralStorage: JSONValueDecodable {
    public init(json: JSONValue) throws {
        var size: Int?
        try json.forEachMember { key, value in if key == "Size" { size = try value.decode() } }
        guard let size else { throw JSONShapeError(path: ["Size"], expected: "a whole number", found: "nothing") }
        self.init(size: size)
    }
}

extension FileSystemConfig: JSONValueDecodable {
    public init(json: JSONValue) throws {
        var arn: String?
        var path: String?
        try json.forEachMember { key, value in
            switch key {
            case "Arn": arn = try value.decode()
            case "LocalMountPath": path = try value.decode()
            default: break
            }
        }
        guard let arn, let path else { throw JSONShapeError(path: [], expected: "Arn and LocalMountPath", found: "fewer members") }
        self.init(arn: arn, localMountPath: path)
    }
}

extension ImageConfigResponse: JSONValueDecodable {
    public init(json: JSONValue) throws {
        try json.forEachMember { key, value in
            switch key {
            case "Error": error = try value.decode()
            case "ImageConfig": imageConfig = try value.decode()
            default: break
            }
        }
    }
}

extension ImageConfig: JSONValueDecodable {
    public init(json: JSONValue) throws {
        self.init()
        try json.forEachMember { key, value in
            switch key {
            case "Command": command = try value.decodeArray()
            case "EntryPoint": entryPoint = try value.decodeArray()
            case "WorkingDirectory": workingDirectory = try value.decode()
            default: break
            }
        }
    }
}

extension Layer: JSONValueDecodable {
    public init(json: JSONValue) throws {
        try json.forEachMember { key, value in
            switch key {
            case "Arn": arn = try value.decode()
            case "CodeSize": codeSize = try value.decode()
            case "SigningJobArn": signingJobArn = try value.decode()
            case "SigningProfileVersionArn": signingProfileVersionArn = try value.decode()
            default: break
            }
        }
    }
}

extension LoggingConfig: JSONValueDecodable {
    public init(json: JSONValue) throws {
        self.init()
        try json.forEachMember { key, value in
            switch key {
            case "ApplicationLogLevel": applicationLogLevel = try value.decode()
            case "LogFormat": logFormat = try value.decode()
            case "LogGroup": logGroup = try value.decode()
            case "SystemLogLevel": systemLogLevel = try value.decode()
            default: break
            }
        }
    }
}

extension RuntimeVersionConfig: JSONValueDecodable {
    public init(json: JSONValue) throws {
        try json.forEachMember { key, value in
            switch key {
            case "Error": error = try value.decode()
            case "RuntimeVersionArn": runtimeVersionArn = try value.decode()
            default: break
            }
        }
    }
}

extension SnapStartResponse: JSONValueDecodable {
    public init(json: JSONValue) throws {
        try json.forEachMember { key, value in
            switch key {
            case "ApplyOn": applyOn = try value.decode()
            case "OptimizationStatus": optimizationStatus = try value.decode()
            default: break
            }
        }
    }
}

extension TracingConfigResponse: JSONValueDecodable {
    public init(json: JSONValue) throws {
        try json.forEachMember { key, value in if key == "Mode" { mode = try value.decode() } }
    }
}

extension VpcConfigResponse: JSONValueDecodable {
    public init(json: JSONValue) throws {
        try json.forEachMember { key, value in
            switch key {
            case "Ipv6AllowedForDualStack": ipv6AllowedForDualStack = try value.decode()
            case "SecurityGroupIds": securityGroupIds = try value.decodeArray()
            case "SubnetIds": subnetIds = try value.decodeArray()
            case "VpcId": vpcId = try value.decode()
            default: break
            }
        }
    }
}

extension LambdaClient.ListFunctionsPage: JSONValueDecodable {
    public init(json: JSONValue) throws {
        try json.forEachMember { key, value in
            switch key {
            case "Functions": functions = try value.decodeArray()
            case "NextMarker": nextMarker = try value.decode()
            default: break
            }
        }
    }
}
