extension AWSServiceError: CustomStringConvertible {
    public var description: String { humanDescription }

    /// AWS's own message, framed by what it means for the user and what to do next.
    public var humanDescription: String {
        // A service's message is theirs, of any length: a sentence is cut at 500 characters.
        let shown = message.count > 500 ? message.prefix(500) + "…" : Substring(message)
        let detail = shown.isEmpty ? "" : ": \(shown)"
        switch code {
        case .resourceNotFoundException:
            return "Not found\(detail). It may have been deleted; refresh the list."
        case .preconditionFailedException:
            return "Someone else changed this since you loaded it (RevisionId no longer matches). Refresh and try again."
        case .resourceConflictException, "ConflictException":
            return "Conflict\(detail). Wait for the update in progress to finish, then try again."
        case .tooManyRequestsException, .throttlingException, .throttling:
            let why = reason.map { " (\($0))" } ?? ""
            let seconds = retryAfter.flatMap { $0.isFinite ? Int(min(max(0, $0), Seconds.maximum).rounded(.up)) : nil }
            let wait = seconds.map { " Try again in \($0) s." } ?? " Try again shortly."
            return "AWS is throttling \(operation)\(why).\(wait)"
        case .accessDeniedException:
            return "Access denied for \(operation)\(detail). Your IAM identity needs permission for \(service):\(operation)."
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
                let named = code.rawValue.hasPrefix("HTTP") ? "HTTP \(status)" : "\(code.rawValue), HTTP \(status)"
                return "AWS had an internal error in \(operation) (\(named))\(detail). Try again."
            }
            return "\(operation) failed with \(code.rawValue)\(detail)."
        }
    }
}
