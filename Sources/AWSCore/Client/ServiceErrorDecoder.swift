import FoundationEssentials

/// Turns an error response (REST-JSON, JSON 1.1 or the query protocol's XML) into an
/// AWSServiceError named as the service names it.
enum ServiceErrorDecoder {
    static func decode(_ response: HTTPResponse, operation: String, service: String = "lambda", now: Date = Date()) -> AWSServiceError {
        let json: JSONValue? = if let parsed = try? JSONValue.parse(response.body), case .object = parsed { parsed } else { nil }
        let xml = response.body.isEmpty || json != nil ? "" : String(decoding: response.body.prefix(8192), as: UTF8.self)

        var code = response.headers["x-amzn-ErrorType"].map(stripCode)
            ?? json?["__type"]?.stringValue.map(stripCode)
            ?? json?["code"]?.stringValue ?? json?["Code"]?.stringValue
            ?? xmlElement("Code", in: xml)
        if code == nil || code?.isEmpty == true {
            code = switch response.status {
            case 404: "NotFound"
            case 403: "AccessDeniedException"
            case 409: "ResourceConflictException"
            case 412: "PreconditionFailedException"
            case 413: "RequestTooLargeException"
            case 415: "UnsupportedMediaTypeException"
            case 429: "TooManyRequestsException"
            case 503: "ServiceUnavailable"
            default: "HTTP\(response.status)"
            }
        }
        let message = json?["message"]?.stringValue ?? json?["Message"]?.stringValue
            ?? json?["errorMessage"]?.stringValue ?? xmlElement("Message", in: xml) ?? ""

        return AWSServiceError(
            code: AWSErrorCode(rawValue: code ?? ""),
            message: message,
            status: response.status,
            operation: operation,
            requestID: response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"],
            reason: json?["Reason"]?.stringValue,
            retryAfter: retryAfter(response.headers["Retry-After"], body: json?["retryAfterSeconds"], now: now),
            service: service
        )
    }

    /// `x-amzn-ErrorType` is "Code:http://...", `__type` may be "namespace#Code".
    private static func stripCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return code.trimmingWhitespace()
    }

    /// Seconds to wait: a number (a negative one is "now") or an HTTP-date, within a day; nil
    /// for what is neither (inf, nan, 1e30 are no waits anyone means).
    static func retryAfter(_ header: String?, body: JSONValue?, now: Date) -> TimeInterval? {
        func sane(_ seconds: TimeInterval?) -> TimeInterval? {
            guard let seconds, seconds.isFinite else { return nil }
            return min(max(0, seconds), Seconds.maximum)
        }
        if let header {
            let text = header.trimmingWhitespace()
            if let seconds = TimeInterval(text) { return sane(seconds) }
            if let date = HTTPDate.parse(text) { return sane(date.timeIntervalSince(now)) }
        }
        if let number = body?.doubleValue { return sane(number) }
        if let text = body?.stringValue { return sane(TimeInterval(text)) }
        return nil
    }

    static func xmlElement(_ name: String, in xml: String) -> String? {
        guard let start = xml.firstRange(of: "<\(name)>"), let end = xml[start.upperBound...].firstRange(of: "</\(name)>")
        else { return nil }
        return String(xml[start.upperBound..<end.lowerBound])
    }
}
