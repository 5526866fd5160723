import AWSCore

/// PublishVersion, ListVersionsByFunction, and the alias operations.
extension LambdaClient {
    public func publishVersion(_ name: String, _ request: PublishVersionRequest = PublishVersionRequest()) async throws -> FunctionConfiguration {
        try await call("PublishVersion", "POST", Self.functionPath(name, "/versions"), json: request)
    }

    public struct ListVersionsPage: Codable, Sendable {
        public var nextMarker: String?
        public var versions: [FunctionConfiguration]?
    }

    public func listVersionsByFunction(_ name: String, marker: String? = nil, maxItems: Int? = nil) async throws -> ListVersionsPage {
        try await call("ListVersionsByFunction", "GET", Self.functionPath(name, "/versions"),
                       query: queryItems(("Marker", marker), ("MaxItems", maxItems.map(String.init))))
    }

    public func versions(of name: String, pageSize: Int? = nil) -> Paginator<FunctionConfiguration> {
        Paginator { marker in
            let page = try await listVersionsByFunction(name, marker: marker, maxItems: pageSize)
            return (page.versions ?? [], page.nextMarker)
        }
    }

    public func createAlias(_ function: String, _ request: CreateAliasRequest) async throws -> AliasConfiguration {
        try await call("CreateAlias", "POST", Self.functionPath(function, "/aliases"), json: request)
    }

    public func getAlias(_ function: String, name: String) async throws -> AliasConfiguration {
        try await call("GetAlias", "GET", Self.functionPath(function, "/aliases/\(AWSRequest.label(name))"))
    }

    public func updateAlias(_ function: String, name: String, _ request: UpdateAliasRequest) async throws -> AliasConfiguration {
        try await call("UpdateAlias", "PUT", Self.functionPath(function, "/aliases/\(AWSRequest.label(name))"), json: request)
    }

    public func deleteAlias(_ function: String, name: String) async throws {
        try await send("DeleteAlias", "DELETE", Self.functionPath(function, "/aliases/\(AWSRequest.label(name))"))
    }

    public struct ListAliasesPage: Codable, Sendable {
        public var aliases: [AliasConfiguration]?
        public var nextMarker: String?
    }

    /// `functionVersion` lists only the aliases that point at that version.
    public func listAliases(_ function: String, functionVersion: String? = nil, marker: String? = nil,
                            maxItems: Int? = nil) async throws -> ListAliasesPage {
        try await call("ListAliases", "GET", Self.functionPath(function, "/aliases"), query: queryItems(
            ("FunctionVersion", functionVersion), ("Marker", marker), ("MaxItems", maxItems.map(String.init))))
    }

    public func aliases(of function: String, functionVersion: String? = nil, pageSize: Int? = nil) -> Paginator<AliasConfiguration> {
        Paginator { marker in
            let page = try await listAliases(function, functionVersion: functionVersion, marker: marker, maxItems: pageSize)
            return (page.aliases ?? [], page.nextMarker)
        }
    }
}
