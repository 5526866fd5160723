import FoundationEssentials

/// A layer version as Publish/GetLayerVersion(ByArn) return it.
public struct LayerVersion: Codable, Hashable, Sendable {
    public var compatibleArchitectures: [Architecture]?
    public var compatibleRuntimes: [Runtime]?
    public var content: LayerVersionContentOutput?
    public var createdDate: String?
    public var description: String?
    public var layerArn: String?
    public var layerVersionArn: String?
    public var licenseInfo: String?
    public var version: Int64?
}

public struct LayerVersionContentOutput: Codable, Hashable, Sendable {
    public var codeSha256: String?
    public var codeSize: Int64?
    public var location: String?
    public var signingJobArn: String?
    public var signingProfileVersionArn: String?
}

public struct LayerVersionContentInput: Codable, Hashable, Sendable {
    public var s3Bucket: String?
    public var s3Key: String?
    public var s3ObjectVersion: String?
    public var zipFile: Data?
    public init(zipFile: Data? = nil, s3Bucket: String? = nil, s3Key: String? = nil, s3ObjectVersion: String? = nil) {
        self.zipFile = zipFile
        self.s3Bucket = s3Bucket
        self.s3Key = s3Key
        self.s3ObjectVersion = s3ObjectVersion
    }
}

/// One entry of ListLayerVersions, and ListLayers' latest matching version.
public struct LayerVersionsListItem: Codable, Hashable, Sendable {
    public var compatibleArchitectures: [Architecture]?
    public var compatibleRuntimes: [Runtime]?
    public var createdDate: String?
    public var description: String?
    public var layerVersionArn: String?
    public var licenseInfo: String?
    public var version: Int64?
}

public struct LayersListItem: Codable, Hashable, Sendable {
    public var latestMatchingVersion: LayerVersionsListItem?
    public var layerArn: String?
    public var layerName: String?
}

public struct PublishLayerVersionRequest: Codable, Sendable {
    public var compatibleArchitectures: [Architecture]?
    public var compatibleRuntimes: [Runtime]?
    public var content: LayerVersionContentInput
    public var description: String?
    public var licenseInfo: String?
    public init(content: LayerVersionContentInput, description: String? = nil, compatibleRuntimes: [Runtime]? = nil,
                compatibleArchitectures: [Architecture]? = nil, licenseInfo: String? = nil) {
        self.content = content
        self.description = description
        self.compatibleRuntimes = compatibleRuntimes
        self.compatibleArchitectures = compatibleArchitectures
        self.licenseInfo = licenseInfo
    }
}
