/// GetAccountSettings: the account's limits and usage in the region.
public struct AccountSettings: Codable, Hashable, Sendable {
    public var accountLimit: AccountLimit?
    public var accountUsage: AccountUsage?
}

public struct AccountLimit: Codable, Hashable, Sendable {
    public var codeSizeUnzipped: Int64?
    public var codeSizeZipped: Int64?
    public var concurrentExecutions: Int?
    public var totalCodeSize: Int64?
    public var unreservedConcurrentExecutions: Int?

    public init(codeSizeUnzipped: Int64? = nil, codeSizeZipped: Int64? = nil, concurrentExecutions: Int? = nil, totalCodeSize: Int64? = nil,
                unreservedConcurrentExecutions: Int? = nil) {
        self.codeSizeUnzipped = codeSizeUnzipped
        self.codeSizeZipped = codeSizeZipped
        self.concurrentExecutions = concurrentExecutions
        self.totalCodeSize = totalCodeSize
        self.unreservedConcurrentExecutions = unreservedConcurrentExecutions
    }
}

public struct AccountUsage: Codable, Hashable, Sendable {
    public var functionCount: Int64?
    public var totalCodeSize: Int64?

    public init(functionCount: Int64? = nil, totalCodeSize: Int64? = nil) {
        self.functionCount = functionCount
        self.totalCodeSize = totalCodeSize
    }
}
