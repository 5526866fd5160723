/// An error code as AWS spells it. Services add codes over time, so this is open: any string
/// is a code, and the ones lambda-tui reacts to have names.
public struct AWSErrorCode: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    // Common to all AWS services.
    public static let accessDeniedException: AWSErrorCode = "AccessDeniedException"
    public static let expiredTokenException: AWSErrorCode = "ExpiredTokenException"
    public static let unrecognizedClientException: AWSErrorCode = "UnrecognizedClientException"
    public static let invalidClientTokenId: AWSErrorCode = "InvalidClientTokenId"
    public static let invalidSignatureException: AWSErrorCode = "InvalidSignatureException"
    public static let signatureDoesNotMatch: AWSErrorCode = "SignatureDoesNotMatch"
    public static let incompleteSignature: AWSErrorCode = "IncompleteSignature"
    public static let requestExpired: AWSErrorCode = "RequestExpired"
    public static let throttlingException: AWSErrorCode = "ThrottlingException"
    public static let throttling: AWSErrorCode = "Throttling"
    public static let serviceUnavailable: AWSErrorCode = "ServiceUnavailable"
    public static let internalFailure: AWSErrorCode = "InternalFailure"
    public static let validationError: AWSErrorCode = "ValidationError"
    public static let notFound: AWSErrorCode = "NotFound"

    // Lambda (API reference, "Errors" of each action).
    public static let resourceNotFoundException: AWSErrorCode = "ResourceNotFoundException"
    public static let resourceConflictException: AWSErrorCode = "ResourceConflictException"
    public static let resourceInUseException: AWSErrorCode = "ResourceInUseException"
    public static let resourceNotReadyException: AWSErrorCode = "ResourceNotReadyException"
    public static let preconditionFailedException: AWSErrorCode = "PreconditionFailedException"
    public static let tooManyRequestsException: AWSErrorCode = "TooManyRequestsException"
    public static let invalidParameterValueException: AWSErrorCode = "InvalidParameterValueException"
    public static let invalidRequestContentException: AWSErrorCode = "InvalidRequestContentException"
    public static let requestTooLargeException: AWSErrorCode = "RequestTooLargeException"
    public static let serviceException: AWSErrorCode = "ServiceException"
    public static let codeStorageExceededException: AWSErrorCode = "CodeStorageExceededException"
    public static let ec2ThrottledException: AWSErrorCode = "EC2ThrottledException"
    public static let unsupportedMediaTypeException: AWSErrorCode = "UnsupportedMediaTypeException"

    // CloudWatch Logs.
    public static let limitExceededException: AWSErrorCode = "LimitExceededException"
    public static let serviceUnavailableException: AWSErrorCode = "ServiceUnavailableException"

    /// Codes the SDKs' standard retry mode treats as throttling.
    public static let throttlingCodes: Set<AWSErrorCode> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "EC2ThrottledException",
    ]

    /// Codes the SDKs' standard retry mode treats as transient whatever the status.
    public static let transientCodes: Set<AWSErrorCode> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "ServiceUnavailableException",
    ]

    public var isThrottling: Bool { Self.throttlingCodes.contains(self) }
}
