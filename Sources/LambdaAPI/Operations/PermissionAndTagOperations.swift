import AWSCore

/// The function's resource policy (AddPermission, RemovePermission, GetPolicy) and tags
/// (TagResource, UntagResource, ListTags).
extension LambdaClient {
    public struct AddPermissionRequest: Codable, Sendable {
        public var action: String
        public var eventSourceToken: String?
        public var functionUrlAuthType: String?
        public var principal: String
        public var principalOrgID: String?
        public var revisionId: String?
        public var sourceAccount: String?
        public var sourceArn: String?
        public var statementId: String

        public init(statementId: String, action: String, principal: String, sourceArn: String? = nil,
                    sourceAccount: String? = nil, revisionId: String? = nil) {
            self.statementId = statementId
            self.action = action
            self.principal = principal
            self.sourceArn = sourceArn
            self.sourceAccount = sourceAccount
            self.revisionId = revisionId
        }
    }

    public struct PolicyStatement: Codable, Sendable {
        /// The statement as JSON text.
        public var statement: String?
    }

    public struct Policy: Codable, Sendable {
        /// The whole resource-based policy as JSON text.
        public var policy: String?
        public var revisionId: String?
    }

    public func addPermission(_ name: String, qualifier: String? = nil, _ request: AddPermissionRequest) async throws -> PolicyStatement {
        try await call("AddPermission", "POST", Self.functionPath(name, "/policy"), query: queryItems(("Qualifier", qualifier)),
                       json: request)
    }

    public func removePermission(_ name: String, statementId: String, qualifier: String? = nil, revisionId: String? = nil) async throws {
        try await send("RemovePermission", "DELETE", Self.functionPath(name, "/policy/\(AWSRequest.label(statementId))"),
                       query: queryItems(("Qualifier", qualifier), ("RevisionId", revisionId)))
    }

    public func getPolicy(_ name: String, qualifier: String? = nil) async throws -> Policy {
        try await call("GetPolicy", "GET", Self.functionPath(name, "/policy"), query: queryItems(("Qualifier", qualifier)))
    }

    private struct TagsBody: Codable { var tags: [String: String] }
    private struct TagsResponse: Codable { var tags: [String: String]? }

    /// Tags of a function, event source mapping or code signing config, by ARN.
    public func listTags(_ arn: String) async throws -> [String: String] {
        let response: TagsResponse = try await call("ListTags", "GET", "/2017-03-31/tags/\(AWSRequest.label(arn))")
        return response.tags ?? [:]
    }

    public func tagResource(_ arn: String, tags: [String: String]) async throws {
        try await send("TagResource", "POST", "/2017-03-31/tags/\(AWSRequest.label(arn))", json: TagsBody(tags: tags))
    }

    /// Removes tags; each key is its own `tagKeys` query parameter.
    public func untagResource(_ arn: String, tagKeys: [String]) async throws {
        try await send("UntagResource", "DELETE", "/2017-03-31/tags/\(AWSRequest.label(arn))",
                       query: tagKeys.map { ("tagKeys", $0) })
    }
}
