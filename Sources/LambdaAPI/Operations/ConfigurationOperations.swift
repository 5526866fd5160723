import AWSCore

/// Function URLs, asynchronous invocation settings, and code signing configurations.
extension LambdaClient {
    static func urlPath(_ name: String) -> String { "/2021-10-31/functions/\(AWSRequest.label(name))/url" }

    public func createFunctionUrlConfig(_ name: String, qualifier: String? = nil, _ request: FunctionUrlConfigRequest) async throws
        -> FunctionUrlConfig {
        try await call("CreateFunctionUrlConfig", "POST", Self.urlPath(name), query: queryItems(("Qualifier", qualifier)), json: request)
    }

    public func getFunctionUrlConfig(_ name: String, qualifier: String? = nil) async throws -> FunctionUrlConfig {
        try await call("GetFunctionUrlConfig", "GET", Self.urlPath(name), query: queryItems(("Qualifier", qualifier)))
    }

    public func updateFunctionUrlConfig(_ name: String, qualifier: String? = nil, _ request: FunctionUrlConfigRequest) async throws
        -> FunctionUrlConfig {
        try await call("UpdateFunctionUrlConfig", "PUT", Self.urlPath(name), query: queryItems(("Qualifier", qualifier)), json: request)
    }

    public func deleteFunctionUrlConfig(_ name: String, qualifier: String? = nil) async throws {
        try await send("DeleteFunctionUrlConfig", "DELETE", Self.urlPath(name), query: queryItems(("Qualifier", qualifier)))
    }

    public struct ListFunctionUrlConfigsPage: Codable, Sendable {
        public var functionUrlConfigs: [FunctionUrlConfig]?
        public var nextMarker: String?
    }

    public func listFunctionUrlConfigs(_ name: String, marker: String? = nil, maxItems: Int? = nil) async throws -> ListFunctionUrlConfigsPage {
        try await call("ListFunctionUrlConfigs", "GET", "/2021-10-31/functions/\(AWSRequest.label(name))/urls",
                       query: queryItems(("Marker", marker), ("MaxItems", maxItems.map(String.init))))
    }

    // The reference prints "event-invoker-config" for Get and Put; the service's path is
    // "event-invoke-config" for all five operations.
    static func eventInvokePath(_ name: String) -> String { "/2019-09-25/functions/\(AWSRequest.label(name))/event-invoke-config" }

    public func putFunctionEventInvokeConfig(_ name: String, qualifier: String? = nil, _ request: FunctionEventInvokeConfigRequest)
        async throws -> FunctionEventInvokeConfig {
        try await call("PutFunctionEventInvokeConfig", "PUT", Self.eventInvokePath(name), query: queryItems(("Qualifier", qualifier)),
                       json: request)
    }

    public func updateFunctionEventInvokeConfig(_ name: String, qualifier: String? = nil, _ request: FunctionEventInvokeConfigRequest)
        async throws -> FunctionEventInvokeConfig {
        try await call("UpdateFunctionEventInvokeConfig", "POST", Self.eventInvokePath(name),
                       query: queryItems(("Qualifier", qualifier)), json: request)
    }

    public func getFunctionEventInvokeConfig(_ name: String, qualifier: String? = nil) async throws -> FunctionEventInvokeConfig {
        try await call("GetFunctionEventInvokeConfig", "GET", Self.eventInvokePath(name), query: queryItems(("Qualifier", qualifier)))
    }

    public func deleteFunctionEventInvokeConfig(_ name: String, qualifier: String? = nil) async throws {
        try await send("DeleteFunctionEventInvokeConfig", "DELETE", Self.eventInvokePath(name), query: queryItems(("Qualifier", qualifier)))
    }

    public struct ListFunctionEventInvokeConfigsPage: Codable, Sendable {
        public var functionEventInvokeConfigs: [FunctionEventInvokeConfig]?
        public var nextMarker: String?
    }

    public func listFunctionEventInvokeConfigs(_ name: String, marker: String? = nil, maxItems: Int? = nil) async throws
        -> ListFunctionEventInvokeConfigsPage {
        try await call("ListFunctionEventInvokeConfigs", "GET", Self.eventInvokePath(name) + "/list",
                       query: queryItems(("Marker", marker), ("MaxItems", maxItems.map(String.init))))
    }

    private struct CodeSigningConfigEnvelope: Codable { var codeSigningConfig: CodeSigningConfig }
    static func codeSigningPath(_ arn: String) -> String { "/2020-04-22/code-signing-configs/\(AWSRequest.label(arn))" }

    public func createCodeSigningConfig(_ request: CodeSigningConfigRequest) async throws -> CodeSigningConfig {
        let envelope: CodeSigningConfigEnvelope = try await call("CreateCodeSigningConfig", "POST", "/2020-04-22/code-signing-configs/",
                                                                json: request)
        return envelope.codeSigningConfig
    }

    public func getCodeSigningConfig(_ arn: String) async throws -> CodeSigningConfig {
        let envelope: CodeSigningConfigEnvelope = try await call("GetCodeSigningConfig", "GET", Self.codeSigningPath(arn))
        return envelope.codeSigningConfig
    }

    public func updateCodeSigningConfig(_ arn: String, _ request: CodeSigningConfigRequest) async throws -> CodeSigningConfig {
        var body = request
        body.tags = nil  // UpdateCodeSigningConfig takes no tags
        let envelope: CodeSigningConfigEnvelope = try await call("UpdateCodeSigningConfig", "PUT", Self.codeSigningPath(arn), json: body)
        return envelope.codeSigningConfig
    }

    public func deleteCodeSigningConfig(_ arn: String) async throws {
        try await send("DeleteCodeSigningConfig", "DELETE", Self.codeSigningPath(arn))
    }

    public struct ListCodeSigningConfigsPage: Codable, Sendable {
        public var codeSigningConfigs: [CodeSigningConfig]?
        public var nextMarker: String?
    }

    public func listCodeSigningConfigs(marker: String? = nil, maxItems: Int? = nil) async throws -> ListCodeSigningConfigsPage {
        try await call("ListCodeSigningConfigs", "GET", "/2020-04-22/code-signing-configs/",
                       query: queryItems(("Marker", marker), ("MaxItems", maxItems.map(String.init))))
    }

    public struct ListFunctionsByCodeSigningConfigPage: Codable, Sendable {
        public var functionArns: [String]?
        public var nextMarker: String?
    }

    public func listFunctionsByCodeSigningConfig(_ arn: String, marker: String? = nil, maxItems: Int? = nil) async throws
        -> ListFunctionsByCodeSigningConfigPage {
        try await call("ListFunctionsByCodeSigningConfig", "GET", Self.codeSigningPath(arn) + "/functions",
                       query: queryItems(("Marker", marker), ("MaxItems", maxItems.map(String.init))))
    }

    private struct CodeSigningArnBody: Codable { var codeSigningConfigArn: String }
    static func functionCodeSigningPath(_ name: String) -> String { "/2020-06-30/functions/\(AWSRequest.label(name))/code-signing-config" }

    public func putFunctionCodeSigningConfig(_ name: String, codeSigningConfigArn: String) async throws -> FunctionCodeSigningConfig {
        try await call("PutFunctionCodeSigningConfig", "PUT", Self.functionCodeSigningPath(name),
                       json: CodeSigningArnBody(codeSigningConfigArn: codeSigningConfigArn))
    }

    public func getFunctionCodeSigningConfig(_ name: String) async throws -> FunctionCodeSigningConfig {
        try await call("GetFunctionCodeSigningConfig", "GET", Self.functionCodeSigningPath(name))
    }

    public func deleteFunctionCodeSigningConfig(_ name: String) async throws {
        try await send("DeleteFunctionCodeSigningConfig", "DELETE", Self.functionCodeSigningPath(name))
    }
}
