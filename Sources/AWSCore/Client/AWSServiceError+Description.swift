extension AWSServiceError: CustomStringConvertible {
    public var description: String { humanDescription }

    /// AWS's own message, framed by what it means for the user and what to do next.
    public var humanDescription: String {
        let detail = message.isEmpty ? "" : ": \(message)"
        switch code {
        case .resourceNotFoundException:
            return "Not found\(detail). It may have been deleted; refresh the list."
        case .preconditionFailedException:
            return "Someone else changed this since you loaded it (RevisionId no longer matches). Refresh and try again."
        case .resourceConflictException, "ConflictException":
            return "Conflict\(detail). Wait for the update in progress to finish, then try again."
        case .tooManyRequestsException, .throttlingException, .throttling:
            let why = reason.map { " (\($0))" } ?? ""
            let wait = retryAfter.map { " Try again in \(Int($0.rounded(.up))) s." } ?? " Try again shortly."
            return "AWS is throttling \(operation)\(why).\(wait)"
        case .accessDeniedException:
            return "Access denied for \(operation)\(detail). Your IAM identity needs permission for lambda:\(operation)."
        case .expiredTokenException, .requestExpired:
            return "Your AWS session has expired. Refresh your credentials (for SSO: `aws sso login`) and retry."
        case .unrecognizedClientException, .invalidClientTokenId:
            return "AWS does not recognise the access key. Check the profile's credentials."
        case .invalidSignatureException, .signatureDoesNotMatch, .incompleteSignature:
            return "AWS rejected the request signature\(detail). Check the secret key and the system clock."
        case .invalidParameterValueException, .invalidRequestContentException, .validationError:
            return "AWS rejected a value in \(operation)\(detail)."
        case .requestTooLargeException:
            return "The request is larger than Lambda accepts (6 MB for synchronous invoke)\(detail)."
        case .notFound where status == 404:
            return "\(operation) is not available at this endpoint (HTTP 404)."
        default:
            if status >= 500 {
                return "AWS had an internal error in \(operation) (\(code.rawValue), HTTP \(status))\(detail). Try again."
            }
            return "\(operation) failed with \(code.rawValue)\(detail)."
        }
    }
}
