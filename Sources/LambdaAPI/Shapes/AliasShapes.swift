/// An alias: a name that points at a version, optionally splitting traffic with a second one.
public struct AliasConfiguration: Codable, Hashable, Sendable {
    public var aliasArn: String?
    public var description: String?
    public var functionVersion: String?
    public var name: String?
    public var revisionId: String?
    public var routingConfig: AliasRoutingConfiguration?

    public init(name: String? = nil, functionVersion: String? = nil, description: String? = nil, revisionId: String? = nil,
                routingConfig: AliasRoutingConfiguration? = nil) {
        self.name = name
        self.functionVersion = functionVersion
        self.description = description
        self.revisionId = revisionId
        self.routingConfig = routingConfig
    }
}

/// Weights of additional versions, version number to a fraction from 0 to 1.
public struct AliasRoutingConfiguration: Codable, Hashable, Sendable {
    public var additionalVersionWeights: [String: Double]?
    public init(additionalVersionWeights: [String: Double]?) {
        self.additionalVersionWeights = additionalVersionWeights
    }
}

public struct CreateAliasRequest: Codable, Sendable {
    public var description: String?
    public var functionVersion: String
    public var name: String
    public var routingConfig: AliasRoutingConfiguration?
    public init(name: String, functionVersion: String, description: String? = nil, routingConfig: AliasRoutingConfiguration? = nil) {
        self.name = name
        self.functionVersion = functionVersion
        self.description = description
        self.routingConfig = routingConfig
    }
}

public struct UpdateAliasRequest: Codable, Sendable {
    public var description: String?
    public var functionVersion: String?
    /// The alias's RevisionId as last read: the update fails with PreconditionFailedException if
    /// someone changed the alias since (see UpdateAlias in the API reference).
    public var revisionId: String?
    public var routingConfig: AliasRoutingConfiguration?
    public init(functionVersion: String? = nil, description: String? = nil, routingConfig: AliasRoutingConfiguration? = nil,
                revisionId: String? = nil) {
        self.functionVersion = functionVersion
        self.description = description
        self.routingConfig = routingConfig
        self.revisionId = revisionId
    }
}

public struct PublishVersionRequest: Codable, Sendable {
    public var codeSha256: String?
    public var description: String?
    public var revisionId: String?
    public init(description: String? = nil, codeSha256: String? = nil, revisionId: String? = nil) {
        self.description = description
        self.codeSha256 = codeSha256
        self.revisionId = revisionId
    }
}
