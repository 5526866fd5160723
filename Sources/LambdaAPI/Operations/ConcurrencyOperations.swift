import AWSCore

/// Reserved concurrency (Put/Get/DeleteFunctionConcurrency), provisioned concurrency
/// (Put/Get/Delete/ListProvisionedConcurrencyConfig(s)) and Get/PutRuntimeManagementConfig.
extension LambdaClient {
    private struct ReservedConcurrencyBody: Codable { var reservedConcurrentExecutions: Int }
    private struct ProvisionedConcurrencyBody: Codable { var provisionedConcurrentExecutions: Int }
    private struct RuntimeManagementBody: Codable { var runtimeVersionArn: String?; var updateRuntimeOn: String }

    public func putFunctionConcurrency(_ name: String, reservedConcurrentExecutions: Int) async throws -> Concurrency {
        try await call("PutFunctionConcurrency", "PUT", "/2017-10-31/functions/\(AWSRequest.label(name))/concurrency",
                       json: ReservedConcurrencyBody(reservedConcurrentExecutions: reservedConcurrentExecutions))
    }

    public func getFunctionConcurrency(_ name: String) async throws -> Concurrency {
        try await call("GetFunctionConcurrency", "GET", "/2019-09-30/functions/\(AWSRequest.label(name))/concurrency")
    }

    public func deleteFunctionConcurrency(_ name: String) async throws {
        try await send("DeleteFunctionConcurrency", "DELETE", "/2017-10-31/functions/\(AWSRequest.label(name))/concurrency")
    }

    static func provisionedPath(_ name: String) -> String {
        "/2019-09-30/functions/\(AWSRequest.label(name))/provisioned-concurrency"
    }

    public func putProvisionedConcurrencyConfig(_ name: String, qualifier: String, provisionedConcurrentExecutions: Int) async throws
        -> ProvisionedConcurrencyConfig {
        try await call("PutProvisionedConcurrencyConfig", "PUT", Self.provisionedPath(name),
                       query: [("Qualifier", qualifier)],
                       json: ProvisionedConcurrencyBody(provisionedConcurrentExecutions: provisionedConcurrentExecutions))
    }

    public func getProvisionedConcurrencyConfig(_ name: String, qualifier: String) async throws -> ProvisionedConcurrencyConfig {
        try await call("GetProvisionedConcurrencyConfig", "GET", Self.provisionedPath(name), query: [("Qualifier", qualifier)])
    }

    public func deleteProvisionedConcurrencyConfig(_ name: String, qualifier: String) async throws {
        try await send("DeleteProvisionedConcurrencyConfig", "DELETE", Self.provisionedPath(name), query: [("Qualifier", qualifier)])
    }

    public struct ListProvisionedConcurrencyConfigsPage: Codable, Sendable {
        public var nextMarker: String?
        public var provisionedConcurrencyConfigs: [ProvisionedConcurrencyConfigListItem]?
    }

    public func listProvisionedConcurrencyConfigs(_ name: String, marker: String? = nil, maxItems: Int? = nil) async throws
        -> ListProvisionedConcurrencyConfigsPage {
        try await call("ListProvisionedConcurrencyConfigs", "GET", Self.provisionedPath(name),
                       query: [("List", "ALL")] + queryItems(("Marker", marker), ("MaxItems", maxItems.map(String.init))))
    }

    public func provisionedConcurrencyConfigs(of name: String, pageSize: Int? = nil) -> Paginator<ProvisionedConcurrencyConfigListItem> {
        Paginator { marker in
            let page = try await listProvisionedConcurrencyConfigs(name, marker: marker, maxItems: pageSize)
            return (page.provisionedConcurrencyConfigs ?? [], page.nextMarker)
        }
    }

    static func runtimeManagementPath(_ name: String) -> String {
        "/2021-07-20/functions/\(AWSRequest.label(name))/runtime-management-config"
    }

    public func getRuntimeManagementConfig(_ name: String, qualifier: String? = nil) async throws -> RuntimeManagementConfig {
        try await call("GetRuntimeManagementConfig", "GET", Self.runtimeManagementPath(name), query: queryItems(("Qualifier", qualifier)))
    }

    public func putRuntimeManagementConfig(_ name: String, qualifier: String? = nil, updateRuntimeOn: String,
                                           runtimeVersionArn: String? = nil) async throws -> RuntimeManagementConfig {
        try await call("PutRuntimeManagementConfig", "PUT", Self.runtimeManagementPath(name), query: queryItems(("Qualifier", qualifier)),
                       json: RuntimeManagementBody(runtimeVersionArn: runtimeVersionArn, updateRuntimeOn: updateRuntimeOn))
    }
}
