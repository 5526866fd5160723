import FoundationEssentials
import Glibc

/// What one SigV4 signing produced: the headers to add and the intermediate texts, which the
/// test vectors check and `doctor` can show when a signature is refused.
public struct SigV4Signature: Sendable, Equatable {
    public var canonicalRequest: String
    public var stringToSign: String
    public var signature: String
    /// Headers the request must carry, in the order they are added (date, token, auth).
    public var headers: [(name: String, value: String)]

    public static func == (lhs: SigV4Signature, rhs: SigV4Signature) -> Bool {
        lhs.signature == rhs.signature && lhs.canonicalRequest == rhs.canonicalRequest
    }
}

/// AWS Signature Version 4, header form (soto-core's AWSSigner is the model).
public struct SigV4Signer: Sendable {
    public var credentials: Credentials
    public var region: String
    public var service: String
    /// Remove dot segments and repeated slashes and double-encode the path: true for every
    /// service but S3.
    public var normalizesPath: Bool
    /// Adds and signs `x-amz-content-sha256` (S3 style); Lambda and Logs do not need it.
    public var signsPayloadHeader: Bool
    /// Sends the session token without signing it (a few IoT-style endpoints want this).
    public var omitsSessionTokenFromSignature: Bool

    public init(credentials: Credentials, region: String, service: String, normalizesPath: Bool = true,
                signsPayloadHeader: Bool = false, omitsSessionTokenFromSignature: Bool = false) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.normalizesPath = normalizesPath
        self.signsPayloadHeader = signsPayloadHeader
        self.omitsSessionTokenFromSignature = omitsSessionTokenFromSignature
    }

    /// Signs a request as it will be sent: `path` and `query` exactly as on the wire.
    public func sign(method: String, path: String, query: String, headers: [(name: String, value: String)],
                     payloadHash: String, date: Date) -> SigV4Signature {
        let stamp = AmzDate(date)
        var added: [(name: String, value: String)] = []
        var signed = headers
        if let token = credentials.sessionToken, !omitsSessionTokenFromSignature {
            signed.append(("X-Amz-Security-Token", token))
            added.append(("X-Amz-Security-Token", token))
        }
        signed.append(("X-Amz-Date", stamp.dateTime))
        added.append(("X-Amz-Date", stamp.dateTime))
        if signsPayloadHeader {
            signed.append(("x-amz-content-sha256", payloadHash))
            added.append(("x-amz-content-sha256", payloadHash))
        }
        if let token = credentials.sessionToken, omitsSessionTokenFromSignature {
            added.append(("X-Amz-Security-Token", token))
        }

        let canonicalHeaders = CanonicalRequest.headers(signed)
        let canonical = [
            method,
            CanonicalRequest.path(path, normalizing: normalizesPath),
            CanonicalRequest.query(query),
            canonicalHeaders.block,
            canonicalHeaders.signedNames,
            payloadHash,
        ].joined(separator: "\n")

        let scope = "\(stamp.date)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", stamp.dateTime, scope, Digest.hex(Digest.sha256(canonical)),
        ].joined(separator: "\n")

        let key = signingKey(date: stamp.date)
        let signature = Digest.hex(Digest.hmacSHA256(key: key, stringToSign))
        added.append((
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
                + "SignedHeaders=\(canonicalHeaders.signedNames), Signature=\(signature)"
        ))
        return SigV4Signature(canonicalRequest: canonical, stringToSign: stringToSign,
                              signature: signature, headers: added)
    }

    private func signingKey(date: String) -> [UInt8] {
        let dateKey = Digest.hmacSHA256(key: Array("AWS4\(credentials.secretAccessKey)".utf8), date)
        let regionKey = Digest.hmacSHA256(key: dateKey, region)
        let serviceKey = Digest.hmacSHA256(key: regionKey, service)
        return Digest.hmacSHA256(key: serviceKey, "aws4_request")
    }
}

/// The two timestamp forms SigV4 uses, always in UTC.
public struct AmzDate: Sendable {
    public let date: String      // 20150830
    public let dateTime: String  // 20150830T123600Z

    public init(_ value: Date) {
        var seconds = time_t(value.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func digits(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let day = digits(parts.tm_year + 1900, 4) + digits(parts.tm_mon + 1, 2) + digits(parts.tm_mday, 2)
        date = day
        dateTime = day + "T" + digits(parts.tm_hour, 2) + digits(parts.tm_min, 2) + digits(parts.tm_sec, 2) + "Z"
    }
}
