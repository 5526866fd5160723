import FoundationEssentials

/// One call of an AWS operation, before signing.
public struct AWSRequest: Sendable {
    /// The operation's name in the API reference, used in errors.
    public var operation: String
    public var method: String
    /// The path with each label already percent-encoded (see `AWSRequest.label`).
    public var path: String
    /// Query parameters, not yet encoded, in the order given.
    public var query: [(name: String, value: String)]
    public var headers: HTTPHeaders
    public var body: Data
    public var repeatability: Repeatability
    public var readTimeout: Duration?
    /// False only for the few calls AWS takes without a signature (AssumeRoleWithWebIdentity).
    public var isSigned = true
    /// The host prefix an operation's model declares (StartLiveTail's `streaming-`), which
    /// AWS's own endpoints need and a custom endpoint (a proxy, a local emulator) does not get.
    public var hostPrefix: String?

    public init(operation: String, method: String, path: String, query: [(name: String, value: String)] = [],
                headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(), repeatability: Repeatability = .safe,
                readTimeout: Duration? = nil) {
        self.operation = operation
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.repeatability = repeatability
        self.readTimeout = readTimeout
    }

    /// A path label (function name, ARN, `$LATEST`) encoded so that ':' and '/' stay inside it.
    public static func label(_ value: String) -> String {
        PercentEncoding.encode(value)
    }

    var encodedQuery: String {
        query.map { "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))" }.joined(separator: "&")
    }
}
