import FoundationEssentials

/// ECS and EKS Pod Identity credentials: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (under
/// 169.254.170.2) or `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with the authorization token from
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
public struct ContainerCredentialProvider: CredentialProvider {
    let environment: [String: String]
    let transport: any HTTPTransport
    let relativeBase: String

    public init(environment: [String: String], transport: any HTTPTransport, relativeBase: String = "http://169.254.170.2") {
        self.environment = environment
        self.transport = transport
        self.relativeBase = relativeBase
    }

    public func resolve() async throws -> ResolvedCredentials? {
        let url: String
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"].nonEmpty {
            url = relativeBase + (relative.hasPrefix("/") ? relative : "/" + relative)
        } else if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"].nonEmpty {
            guard Self.isAllowed(full) else {
                throw AWSClientError.credentials(
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI must use https or a loopback or container-agent address, not \(full)")
            }
            url = full
        } else {
            return nil
        }
        var headers = HTTPHeaders([("Accept", "application/json")])
        if let token = try authorizationToken() { headers.add("Authorization", token) }
        let request = HTTPRequest(method: "GET", url: url, headers: headers,
                                  connectTimeout: .seconds(2), readTimeout: .seconds(5))
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as TransportError {
            throw AWSClientError.credentials("the container credentials endpoint did not answer: \(error.humanDescription)")
        }
        guard response.status == 200 else {
            throw AWSClientError.credentials("the container credentials endpoint answered HTTP \(response.status)")
        }
        let credentials = try ProcessCredentialProvider.parse(response.body, what: "the container credentials endpoint")
        return ResolvedCredentials(credentials: credentials, source: "container credentials (\(url))")
    }

    private func authorizationToken() throws -> String? {
        if let path = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"].nonEmpty {
            do {
                guard let text = try LocalFile.readText(path, limit: 64 * 1024) else {
                    throw AWSClientError.credentials("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(path) does not exist")
                }
                return text.trimmed()
            } catch let error as LocalFileError {
                throw AWSClientError.credentials("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(error)")
            }
        }
        return environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"].nonEmpty
    }

    /// The SDKs accept plain http only towards loopback or the container agents' addresses.
    static func isAllowed(_ url: String) -> Bool {
        if url.lowercased().hasPrefix("https://") { return true }
        guard url.lowercased().hasPrefix("http://") else { return false }
        let authority = CurlTransfer.origin(of: url).dropFirst("http://".count)
        let host: Substring
        if authority.hasPrefix("[") {
            host = authority.dropFirst().prefix { $0 != "]" }
        } else {
            host = authority.prefix { $0 != ":" }
        }
        return host == "localhost" || host.hasPrefix("127.") || host == "::1"
            || host == "169.254.170.2" || host == "169.254.170.23" || host == "fd00:ec2::23"
    }
}
