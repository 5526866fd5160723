import AWSCore
import FoundationEssentials
import LambdaAPI

/// What a row of the function list keeps: what the columns show, sort and filter on, and what
/// finds its logs and its tags. The rest of a configuration (environment, layers, VPC, its
/// RevisionId and CodeSha256…) is read with the detail when the function is opened, and every
/// form but invoke reads it first. A whole
/// `FunctionConfiguration` is 752 bytes before its strings; 50,000 of them held the list's
/// memory over 150 MB, and the environment values are secrets the list has no reason to hold.
public struct FunctionRow: Hashable, Sendable, FunctionListing {
    public var functionName: String?
    public var functionArn: String?
    public var runtime: Runtime?
    public var packageType: PackageType?
    public var memorySize: Int?
    public var timeout: Int?
    /// The first architecture (a function has one).
    public var architecture: Architecture?
    public var codeSize: Int64?
    /// LastModified, in seconds since 1970 (its text is not kept: 50,000 strings).
    public var modified: Double?
    public var state: FunctionState?
    public var lastUpdateStatus: LastUpdateStatus?
    public var description: String?
    /// A log group of its own; nil for the default, /aws/lambda/NAME.
    public var logGroup: String?
    /// The layer versions it uses (their ARNs), for the layers view's "used by"; nil for none.
    public var layerArns: [String]?

    public init(functionName: String?) {
        self.functionName = functionName
    }

    public init(_ function: FunctionConfiguration) {
        functionName = function.functionName
        functionArn = function.functionArn
        runtime = function.runtime
        packageType = function.packageType
        memorySize = function.memorySize
        timeout = function.timeout
        architecture = function.architectures?.first
        codeSize = function.codeSize
        modified = function.lastModified?.date.timeIntervalSince1970
        state = function.state
        lastUpdateStatus = function.lastUpdateStatus
        description = function.description
        if let group = function.loggingConfig?.logGroup, group != Self.defaultLogGroup(functionName) { logGroup = group }
        let layers = function.layers?.compactMap(\.arn) ?? []
        if !layers.isEmpty { layerArns = layers }
    }

    public var architectures: [Architecture]? { architecture.map { [$0] } }

    public var lastModified: AWSTimestamp? { modified.map { AWSTimestamp(Date(timeIntervalSince1970: $0)) } }

    public var logGroupName: String { logGroup ?? Self.defaultLogGroup(functionName) }

    static func defaultLogGroup(_ name: String?) -> String { "/aws/lambda/\(name ?? "")" }

    /// The row as a configuration, for what shows a configuration before the detail arrives.
    public var configuration: FunctionConfiguration {
        var function = FunctionConfiguration(functionName: functionName)
        function.functionArn = functionArn
        function.runtime = runtime
        function.packageType = packageType
        function.memorySize = memorySize
        function.timeout = timeout
        function.architectures = architectures
        function.codeSize = codeSize
        function.lastModified = lastModified
        function.state = state
        function.lastUpdateStatus = lastUpdateStatus
        function.description = description
        if let logGroup { function.loggingConfig = LoggingConfig(logGroup: logGroup) }
        return function
    }

    /// The log group's ARN, in the function's partition, region and account.
    public var logGroupArn: String? { FunctionConfiguration.logGroupArn(functionArn: functionArn, logGroup: logGroupName) }
}

/// What the function list's columns, sort and filter read, whether from a list row or from a
/// whole configuration (a version, or a test's function).
public protocol FunctionListing {
    var functionName: String? { get }
    var functionArn: String? { get }
    var runtime: Runtime? { get }
    var packageType: PackageType? { get }
    var memorySize: Int? { get }
    var timeout: Int? { get }
    var architectures: [Architecture]? { get }
    var codeSize: Int64? { get }
    var lastModified: AWSTimestamp? { get }
    var state: FunctionState? { get }
    var lastUpdateStatus: LastUpdateStatus? { get }
    var description: String? { get }
}

extension FunctionConfiguration: FunctionListing {}

extension Result where Success == [FunctionRow], Failure == ConsoleError {
    /// A listing's answer from whole configurations (what the client and the tests have).
    public static func listed(_ functions: [FunctionConfiguration]) -> Self { .success(functions.map(FunctionRow.init)) }
}
