import AWSCore
import FoundationEssentials

/// ListFunctions, GetFunction, GetFunctionConfiguration, CreateFunction, UpdateFunctionCode,
/// UpdateFunctionConfiguration, DeleteFunction, GetAccountSettings.
extension LambdaClient {
    public struct ListFunctionsPage: Codable, Sendable {
        public var functions: [FunctionConfiguration]?
        public var nextMarker: String?
    }

    /// One page of ListFunctions. `allVersions` lists every published version too (FunctionVersion=ALL).
    public func listFunctions(marker: String? = nil, maxItems: Int? = nil, allVersions: Bool = false,
                              masterRegion: String? = nil) async throws -> ListFunctionsPage {
        let response = try await send("ListFunctions", "GET", "/2015-03-31/functions/", query: queryItems(
            ("FunctionVersion", allVersions ? "ALL" : nil), ("Marker", marker), ("MasterRegion", masterRegion),
            ("MaxItems", maxItems.map(String.init))))
        return try Self.decodeListFunctions(response.body)
    }

    /// A ListFunctions answer, its functions decoded one by one as the parser reaches them: an
    /// endpoint that sends 20,000 functions in one body (moto does) never has them as a JSON tree,
    /// only the body and the functions.
    public static func decodeListFunctions(_ body: Data) throws -> ListFunctionsPage {
        var functions: [FunctionConfiguration] = []
        do {
            let rest = try JSONValue.parse(body.isEmpty ? Data("{}".utf8) : body, streamingElementsOf: "Functions") { element in
                do {
                    functions.append(try FunctionConfiguration(json: element))
                } catch let error as JSONShapeError {
                    throw error.inside("[\(functions.count)]").inside("Functions")
                }
            }
            var page = try ListFunctionsPage(json: rest)
            // The member was there (as the streamed, emptied array): its functions are these.
            if page.functions != nil { page.functions = functions }
            return page
        } catch let error as JSONShapeError {
            throw AWSClientError.invalidResponse(operation: "ListFunctions", detail: error.description)
        } catch let error as JSONParseError {
            throw AWSClientError.invalidResponse(operation: "ListFunctions", detail: error.description)
        }
    }

    /// Every function, page by page.
    public func functions(pageSize: Int? = nil, allVersions: Bool = false) -> Paginator<FunctionConfiguration> {
        Paginator { marker in
            let page = try await listFunctions(marker: marker, maxItems: pageSize, allVersions: allVersions)
            // AWS always sends the list, empty or not: an answer without it (an empty body,
            // "Functions": null) is an endpoint that answered nothing usable, not "no functions".
            guard let functions = page.functions else {
                throw AWSClientError.invalidResponse(operation: "ListFunctions",
                                                     detail: "the answer has no Functions list (an empty body or null): the endpoint answered nothing usable")
            }
            return (functions, page.nextMarker)
        }
    }

    public func getAccountSettings() async throws -> AccountSettings {
        try await call("GetAccountSettings", "GET", "/2016-08-19/account-settings/")
    }

    public func getFunctionConfiguration(_ name: String, qualifier: String? = nil) async throws -> FunctionConfiguration {
        try await call("GetFunctionConfiguration", "GET", Self.functionPath(name, "/configuration"),
                       query: queryItems(("Qualifier", qualifier)))
    }

    public func getFunction(_ name: String, qualifier: String? = nil) async throws -> GetFunctionResponse {
        try await call("GetFunction", "GET", Self.functionPath(name), query: queryItems(("Qualifier", qualifier)))
    }

    public func updateFunctionCode(_ name: String, _ request: UpdateFunctionCodeRequest) async throws -> FunctionConfiguration {
        try await call("UpdateFunctionCode", "PUT", Self.functionPath(name, "/code"), json: request)
    }

    public func updateFunctionConfiguration(_ name: String, _ request: UpdateFunctionConfigurationRequest) async throws
        -> FunctionConfiguration {
        try await call("UpdateFunctionConfiguration", "PUT", Self.functionPath(name, "/configuration"), json: request)
    }

    public func createFunction(_ request: CreateFunctionRequest) async throws -> FunctionConfiguration {
        try await call("CreateFunction", "POST", "/2015-03-31/functions", json: request)
    }

    public func deleteFunction(_ name: String, qualifier: String? = nil) async throws {
        try await send("DeleteFunction", "DELETE", Self.functionPath(name), query: queryItems(("Qualifier", qualifier)))
    }
}

/// CreateFunction's body.
public struct CreateFunctionRequest: Codable, Sendable {
    public var architectures: [Architecture]?
    public var code: FunctionCode
    public var codeSigningConfigArn: String?
    public var deadLetterConfig: DeadLetterConfig?
    public var description: String?
    public var environment: Environment?
    public var ephemeralStorage: EphemeralStorage?
    public var fileSystemConfigs: [FileSystemConfig]?
    public var functionName: String
    public var handler: String?
    public var imageConfig: ImageConfig?
    public var kmsKeyArn: String?
    public var layers: [String]?
    public var loggingConfig: LoggingConfig?
    public var memorySize: Int?
    public var packageType: PackageType?
    public var publish: Bool?
    public var role: String
    public var runtime: Runtime?
    public var snapStart: SnapStart?
    public var tags: [String: String]?
    public var timeout: Int?
    public var tracingConfig: TracingConfig?
    public var vpcConfig: VpcConfig?

    public init(functionName: String, role: String, code: FunctionCode, runtime: Runtime? = nil, handler: String? = nil) {
        self.functionName = functionName
        self.role = role
        self.code = code
        self.runtime = runtime
        self.handler = handler
    }
}

/// Where a function's code comes from: a zip (base64 in JSON), S3, or a container image.
public struct FunctionCode: Codable, Hashable, Sendable {
    public var imageUri: String?
    public var s3Bucket: String?
    public var s3Key: String?
    public var s3ObjectVersion: String?
    public var zipFile: Data?

    public init(zipFile: Data? = nil, s3Bucket: String? = nil, s3Key: String? = nil, s3ObjectVersion: String? = nil,
                imageUri: String? = nil) {
        self.zipFile = zipFile
        self.s3Bucket = s3Bucket
        self.s3Key = s3Key
        self.s3ObjectVersion = s3ObjectVersion
        self.imageUri = imageUri
    }
}

public struct Environment: Codable, Hashable, Sendable {
    public var variables: [String: String]?
    public init(variables: [String: String]?) { self.variables = variables }
}

public struct SnapStart: Codable, Hashable, Sendable {
    public var applyOn: SnapStartApplyOn?
    public init(applyOn: SnapStartApplyOn?) { self.applyOn = applyOn }
}

public struct TracingConfig: Codable, Hashable, Sendable {
    public var mode: TracingMode?
    public init(mode: TracingMode?) { self.mode = mode }
}

public struct VpcConfig: Codable, Hashable, Sendable {
    public var ipv6AllowedForDualStack: Bool?
    public var securityGroupIds: [String]?
    public var subnetIds: [String]?
    public init(subnetIds: [String]? = nil, securityGroupIds: [String]? = nil, ipv6AllowedForDualStack: Bool? = nil) {
        self.subnetIds = subnetIds
        self.securityGroupIds = securityGroupIds
        self.ipv6AllowedForDualStack = ipv6AllowedForDualStack
    }
}
