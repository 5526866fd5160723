/// Provisioned concurrency of one version or alias (Put/GetProvisionedConcurrencyConfig).
public struct ProvisionedConcurrencyConfig: Codable, Hashable, Sendable {
    public var allocatedProvisionedConcurrentExecutions: Int?
    public var availableProvisionedConcurrentExecutions: Int?
    public var lastModified: String?
    public var requestedProvisionedConcurrentExecutions: Int?
    /// IN_PROGRESS, READY or FAILED.
    public var status: String?
    public var statusReason: String?
}

/// One entry of ListProvisionedConcurrencyConfigs.
public struct ProvisionedConcurrencyConfigListItem: Codable, Hashable, Sendable {
    public var allocatedProvisionedConcurrentExecutions: Int?
    public var availableProvisionedConcurrentExecutions: Int?
    public var functionArn: String?
    public var lastModified: String?
    public var requestedProvisionedConcurrentExecutions: Int?
    public var status: String?
    public var statusReason: String?
}

/// Get/PutRuntimeManagementConfig.
public struct RuntimeManagementConfig: Codable, Hashable, Sendable {
    public var functionArn: String?
    public var runtimeVersionArn: String?
    /// Auto, FunctionUpdate or Manual.
    public var updateRuntimeOn: String?
}
