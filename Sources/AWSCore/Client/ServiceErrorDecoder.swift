import Foundation

/// Turns an error response (REST-JSON, JSON 1.1 or the query protocol's XML) into an
/// AWSServiceError named as the service names it.
enum ServiceErrorDecoder {
    static func decode(_ response: HTTPResponse, operation: String, service: String = "lambda", now: Date = Date()) -> AWSServiceError {
        let json = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
        let xml = response.body.isEmpty || !json.isEmpty ? "" : String(decoding: response.body.prefix(8192), as: UTF8.self)

        var code = response.headers["x-amzn-ErrorType"].map(stripCode)
            ?? (json["__type"] as? String).map(stripCode)
            ?? (json["code"] as? String) ?? (json["Code"] as? String)
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
        let message = (json["message"] as? String) ?? (json["Message"] as? String)
            ?? (json["errorMessage"] as? String) ?? xmlElement("Message", in: xml) ?? ""

        return AWSServiceError(
            code: AWSErrorCode(rawValue: code ?? ""),
            message: message,
            status: response.status,
            operation: operation,
            requestID: response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"],
            reason: json["Reason"] as? String,
            retryAfter: retryAfter(response.headers["Retry-After"], body: json["retryAfterSeconds"], now: now),
            service: service
        )
    }

    /// `x-amzn-ErrorType` is "Code:http://...", `__type` may be "namespace#Code".
    private static func stripCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return code.trimmingCharacters(in: .whitespaces)
    }

    /// Seconds to wait: a number (a negative one is "now") or an HTTP-date, within a day; nil
    /// for what is neither (inf, nan, 1e30 are no waits anyone means).
    static func retryAfter(_ header: String?, body: Any?, now: Date) -> TimeInterval? {
        func sane(_ seconds: TimeInterval?) -> TimeInterval? {
            guard let seconds, seconds.isFinite else { return nil }
            return min(max(0, seconds), Seconds.maximum)
        }
        if let header {
            let text = header.trimmingCharacters(in: .whitespaces)
            if let seconds = TimeInterval(text) { return sane(seconds) }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            if let date = formatter.date(from: text) { return sane(date.timeIntervalSince(now)) }
        }
        if let number = body as? NSNumber { return sane(number.doubleValue) }
        if let text = body as? String { return sane(TimeInterval(text)) }
        return nil
    }

    static func xmlElement(_ name: String, in xml: String) -> String? {
        guard let start = xml.range(of: "<\(name)>"), let end = xml.range(of: "</\(name)>", range: start.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[start.upperBound..<end.lowerBound])
    }
}
