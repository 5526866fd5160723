import AWSCore

/// Everything the detail view shows about one function, fetched with its calls in flight
/// together so that it costs about one round trip instead of six.
public struct FunctionDetail: Sendable {
    public var function: GetFunctionResponse
    public var versions: [FunctionConfiguration]
    public var aliases: [AliasConfiguration]
    public var mappings: [EventSourceMappingConfiguration]
    public var reservedConcurrency: Int?
    /// Nil when the function has no URL.
    public var url: FunctionUrlConfig?

    public init(function: GetFunctionResponse, versions: [FunctionConfiguration], aliases: [AliasConfiguration],
                mappings: [EventSourceMappingConfiguration], reservedConcurrency: Int?, url: FunctionUrlConfig?) {
        self.function = function
        self.versions = versions
        self.aliases = aliases
        self.mappings = mappings
        self.reservedConcurrency = reservedConcurrency
        self.url = url
    }

    public var configuration: FunctionConfiguration? { function.configuration }
    public var tags: [String: String] { function.tags ?? [:] }
}

extension LambdaClient {
    public func functionDetail(_ name: String) async throws -> FunctionDetail {
        async let function = getFunction(name)
        async let versions = versions(of: name).all()
        async let aliases = aliases(of: name).all()
        async let mappings = eventSourceMappings(functionName: name).all()
        async let concurrency = getFunctionConcurrency(name)
        async let url = optional { try await getFunctionUrlConfig(name) }
        return FunctionDetail(function: try await function, versions: try await versions, aliases: try await aliases,
                              mappings: try await mappings, reservedConcurrency: try await concurrency.reservedConcurrentExecutions,
                              url: try await url)
    }

    /// The result, or nil when the resource does not exist (a function without a URL).
    private func optional<T: Sendable>(_ call: () async throws -> T) async throws -> T? {
        do {
            return try await call()
        } catch AWSClientError.service(let error) where error.code == .resourceNotFoundException || error.status == 404 {
            return nil
        }
    }
}
