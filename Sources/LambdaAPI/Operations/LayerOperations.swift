import AWSCore

/// Layers: publish, read, list, delete, and their resource policies.
extension LambdaClient {
    static func layerVersionPath(_ layer: String, _ version: Int64) -> String {
        "/2018-10-31/layers/\(AWSRequest.label(layer))/versions/\(version)"
    }

    public func publishLayerVersion(_ layer: String, _ request: PublishLayerVersionRequest) async throws -> LayerVersion {
        try await call("PublishLayerVersion", "POST", "/2018-10-31/layers/\(AWSRequest.label(layer))/versions", json: request)
    }

    public func getLayerVersion(_ layer: String, version: Int64) async throws -> LayerVersion {
        try await call("GetLayerVersion", "GET", Self.layerVersionPath(layer, version))
    }

    public func getLayerVersionByArn(_ arn: String) async throws -> LayerVersion {
        try await call("GetLayerVersionByArn", "GET", "/2018-10-31/layers", query: [("find", "LayerVersion"), ("Arn", arn)])
    }

    public func deleteLayerVersion(_ layer: String, version: Int64) async throws {
        try await send("DeleteLayerVersion", "DELETE", Self.layerVersionPath(layer, version))
    }

    public struct ListLayersPage: Codable, Sendable {
        public var layers: [LayersListItem]?
        public var nextMarker: String?
    }

    public func listLayers(compatibleRuntime: Runtime? = nil, compatibleArchitecture: Architecture? = nil, marker: String? = nil,
                           maxItems: Int? = nil) async throws -> ListLayersPage {
        try await call("ListLayers", "GET", "/2018-10-31/layers", query: queryItems(
            ("CompatibleArchitecture", compatibleArchitecture?.rawValue), ("CompatibleRuntime", compatibleRuntime?.rawValue),
            ("Marker", marker), ("MaxItems", maxItems.map(String.init))))
    }

    public struct ListLayerVersionsPage: Codable, Sendable {
        public var layerVersions: [LayerVersionsListItem]?
        public var nextMarker: String?
    }

    public func listLayerVersions(_ layer: String, compatibleRuntime: Runtime? = nil, compatibleArchitecture: Architecture? = nil,
                                  marker: String? = nil, maxItems: Int? = nil) async throws -> ListLayerVersionsPage {
        try await call("ListLayerVersions", "GET", "/2018-10-31/layers/\(AWSRequest.label(layer))/versions", query: queryItems(
            ("CompatibleArchitecture", compatibleArchitecture?.rawValue), ("CompatibleRuntime", compatibleRuntime?.rawValue),
            ("Marker", marker), ("MaxItems", maxItems.map(String.init))))
    }

    public struct AddLayerVersionPermissionRequest: Codable, Sendable {
        public var action: String
        public var organizationId: String?
        public var principal: String
        public var statementId: String
        public init(statementId: String, action: String = "lambda:GetLayerVersion", principal: String, organizationId: String? = nil) {
            self.statementId = statementId
            self.action = action
            self.principal = principal
            self.organizationId = organizationId
        }
    }

    public struct LayerPermission: Codable, Sendable {
        public var revisionId: String?
        public var statement: String?
    }

    public func addLayerVersionPermission(_ layer: String, version: Int64, revisionId: String? = nil,
                                          _ request: AddLayerVersionPermissionRequest) async throws -> LayerPermission {
        try await call("AddLayerVersionPermission", "POST", Self.layerVersionPath(layer, version) + "/policy",
                       query: queryItems(("RevisionId", revisionId)), json: request)
    }

    public func removeLayerVersionPermission(_ layer: String, version: Int64, statementId: String, revisionId: String? = nil) async throws {
        try await send("RemoveLayerVersionPermission", "DELETE",
                       Self.layerVersionPath(layer, version) + "/policy/\(AWSRequest.label(statementId))",
                       query: queryItems(("RevisionId", revisionId)))
    }

    public func getLayerVersionPolicy(_ layer: String, version: Int64) async throws -> Policy {
        try await call("GetLayerVersionPolicy", "GET", Self.layerVersionPath(layer, version) + "/policy")
    }
}
