import FoundationEssentials

/// Why a request could not complete at the network level.
public enum TransportError: Error, Sendable, Equatable {
    case cannotResolveHost(String)
    case cannotConnect(String)
    case connectTimeout(String)
    case readTimeout(String)
    /// The connection closed or reset before a whole response arrived.
    case connectionDropped(String)
    case tls(String)
    case other(String)
    /// The network could not start (libcurl not found, no thread for it): nothing was sent.
    case networkUnavailable(String)

    /// False only when the request certainly never reached a server, which is what makes a
    /// non-idempotent call such as Invoke safe to repeat.
    public var mayHaveReachedServer: Bool {
        switch self {
        case .cannotResolveHost, .cannotConnect, .connectTimeout, .networkUnavailable: return false
        case .readTimeout, .connectionDropped, .tls, .other: return true
        }
    }
}

/// An error answer from an AWS service, as the API reference names it.
public struct AWSServiceError: Error, Sendable, Equatable {
    public var code: AWSErrorCode
    public var message: String
    public var status: Int
    public var operation: String
    public var requestID: String?
    /// TooManyRequestsException's `Reason` (ConcurrentInvocationLimitExceeded, ...).
    public var reason: String?
    /// From the `Retry-After` header or TooManyRequestsException's `retryAfterSeconds`.
    public var retryAfter: TimeInterval?
    /// The service's prefix in IAM actions (`lambda`, `logs`, `cloudwatch`, `sts`), for the
    /// permission an access-denied answer asks for.
    public var service: String

    public init(code: AWSErrorCode, message: String, status: Int, operation: String, requestID: String? = nil,
                reason: String? = nil, retryAfter: TimeInterval? = nil, service: String = "lambda") {
        self.service = service
        self.code = code
        self.message = message
        self.status = status
        self.operation = operation
        self.requestID = requestID
        self.reason = reason
        self.retryAfter = retryAfter
    }
}

/// Everything the AWS layer can fail with.
public enum AWSClientError: Error, Sendable, Equatable {
    case service(AWSServiceError)
    case transport(TransportError)
    case noCredentials(lookedIn: [String])
    case credentials(String)
    case missingRegion(profile: String)
    case unknownProfile(String, files: [String])
    case config(ConfigError)
    case invalidResponse(operation: String, detail: String)
    case invalidRequest(String)
    case cancelled
}

extension AWSClientError: LocalizedError, CustomStringConvertible {
    public var errorDescription: String? { description }

    /// One sentence a person can act on.
    public var description: String {
        switch self {
        case .service(let error): return error.humanDescription
        case .transport(let error): return error.humanDescription
        case .noCredentials(let places):
            let looked = places.isEmpty ? "" : " (looked in: \(places.joined(separator: ", ")))"
            return "No AWS credentials found\(looked). Set AWS_PROFILE or pass --profile, or run `aws configure`."
        case .credentials(let detail): return "Could not get AWS credentials: \(detail)"
        case .missingRegion(let profile):
            return "No AWS region is set. Pass --region, set AWS_REGION, or add `region = ...` to profile '\(profile)'."
        case .unknownProfile(let name, let files):
            return "The profile '\(name)' is not in \(files.joined(separator: " or ")). "
                + "Check the name, or set AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE."
        case .config(let error): return "Bad AWS configuration: \(error)."
        case .invalidResponse(let operation, let detail):
            return "\(operation) returned a response lambda-tui cannot read (\(detail)). Is the endpoint an AWS API?"
        case .invalidRequest(let detail): return detail
        case .cancelled: return "Cancelled."
        }
    }
}

extension TransportError {
    public var humanDescription: String {
        switch self {
        case .cannotResolveHost(let host):
            return "Cannot resolve \(host): check the region, --endpoint-url and your network or proxy."
        case .cannotConnect(let host):
            return "Cannot connect to \(host): nothing is listening there or a firewall is in the way; check --endpoint-url."
        case .connectTimeout(let host):
            return "Timed out connecting to \(host): check your network, proxy or VPN (connect_timeout)."
        case .readTimeout(let host):
            return "\(host) stopped answering before the response was complete (read_timeout); try again."
        case .connectionDropped(let host):
            return "The connection to \(host) was closed before the response was complete; try again."
        case .tls(let detail):
            return "TLS failed: \(detail). If you use a corporate proxy, set AWS_CA_BUNDLE to its certificate."
        case .other(let detail):
            return "Network error: \(detail)."
        case .networkUnavailable(let detail):
            return detail + "."
        }
    }
}
