import FoundationEssentials

/// EC2 instance role credentials through IMDSv2: a session token first, then the role's name,
/// then its credentials. Time-outs are short so a laptop, where nothing answers, moves on fast.
public struct InstanceMetadataCredentialProvider: CredentialProvider {
    let endpoint: String
    let transport: any HTTPTransport
    let timeout: Duration

    /// `timeout` defaults to AWS_METADATA_SERVICE_TIMEOUT / metadata_service_timeout, else 1 s.
    public init(environment: [String: String], config: SharedConfig, profile: String, transport: any HTTPTransport,
                timeout: Duration? = nil) {
        let mode = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"].nonEmpty
            ?? config.value("ec2_metadata_service_endpoint_mode", profile: profile)
        let fallback = mode?.lowercased() == "ipv6" ? "http://[fd00:ec2::254]" : "http://169.254.169.254"
        let configured = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"].nonEmpty
            ?? config.value("ec2_metadata_service_endpoint", profile: profile)
        var endpoint = configured ?? fallback
        if endpoint.hasSuffix("/") { endpoint.removeLast() }
        self.endpoint = endpoint
        self.transport = transport
        // A value that is not a number of seconds within a day keeps the default, as a typo in
        // it should not stop credentials being found elsewhere.
        let configuredTimeout = (environment["AWS_METADATA_SERVICE_TIMEOUT"].nonEmpty ?? config.value("metadata_service_timeout", profile: profile))
            .flatMap(Seconds.duration)
        self.timeout = timeout ?? configuredTimeout ?? .seconds(1)
    }

    public func resolve() async throws -> ResolvedCredentials? {
        var headers = HTTPHeaders()
        do {
            let token = try await call("PUT", "/latest/api/token", HTTPHeaders([("X-aws-ec2-metadata-token-ttl-seconds", "21600")]))
            switch token.status {
            case 200: headers.add("X-aws-ec2-metadata-token", String(decoding: token.body, as: UTF8.self))
            case 404, 405: break  // an IMDSv1-only endpoint
            default: return nil
            }
        } catch {
            return nil  // not on EC2
        }
        let path = "/latest/meta-data/iam/security-credentials/"
        let roles = try await call("GET", path, headers)
        guard roles.status == 200,
              let role = String(decoding: roles.body, as: UTF8.self).split(whereSeparator: \.isNewline).first
        else { return nil }
        let response = try await call("GET", path + role, headers)
        guard response.status == 200 else {
            throw AWSClientError.credentials("instance metadata answered HTTP \(response.status) for role \(role)")
        }
        let credentials = try ProcessCredentialProvider.parse(response.body, what: "instance metadata")
        return ResolvedCredentials(credentials: credentials, source: "EC2 instance metadata (role \(role))")
    }

    private func call(_ method: String, _ path: String, _ headers: HTTPHeaders) async throws -> HTTPResponse {
        do {
            return try await transport.send(HTTPRequest(method: method, url: endpoint + path, headers: headers,
                                                        connectTimeout: timeout, readTimeout: timeout))
        } catch let error as TransportError {
            throw AWSClientError.credentials("instance metadata did not answer: \(error.humanDescription)")
        }
    }
}
