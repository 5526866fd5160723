import FoundationEssentials

/// `role_arn` profiles: STS AssumeRole signed with the source credentials, or
/// AssumeRoleWithWebIdentity (unsigned) with a token file.
public struct AssumeRoleCredentialProvider: CredentialProvider {
    public enum Source: Sendable {
        case credentials(any CredentialProvider)
        case webIdentityTokenFile(String)
    }

    public let roleARN: String
    public let sessionName: String
    public let externalID: String?
    public let durationSeconds: Int?
    public let source: Source
    let sts: AWSClient

    public init(roleARN: String, sessionName: String?, externalID: String?, durationSeconds: Int?, source: Source,
                region: String, endpoint: String, transport: any HTTPTransport) {
        self.roleARN = roleARN
        self.sessionName = sessionName ?? "lambda-tui-\(Int(Date().timeIntervalSince1970))"
        self.externalID = externalID
        self.durationSeconds = durationSeconds
        self.source = source
        let signing: any CredentialProvider = if case .credentials(let provider) = source { provider } else {
            StaticCredentialProvider(nil, source: "none")
        }
        sts = AWSClient(service: .sts, region: region, endpoint: endpoint, credentials: signing, transport: transport)
    }

    public func resolve() async throws -> ResolvedCredentials? {
        var parameters = [("Version", "2011-06-15"), ("RoleArn", roleARN), ("RoleSessionName", sessionName)]
        if let durationSeconds { parameters.append(("DurationSeconds", String(durationSeconds))) }
        let response: HTTPResponse
        switch source {
        case .credentials:
            if let externalID { parameters.append(("ExternalId", externalID)) }
            response = try await call("AssumeRole", parameters, signed: true)
        case .webIdentityTokenFile(let path):
            let token: String
            do {
                guard let text = try LocalFile.readText(path, limit: 64 * 1024) else {
                    throw AWSClientError.credentials("the web identity token file \(path) does not exist")
                }
                token = text
            } catch let error as LocalFileError {
                throw AWSClientError.credentials("the web identity token file \(error)")
            }
            parameters.append(("WebIdentityToken", token.trimmed()))
            response = try await call("AssumeRoleWithWebIdentity", parameters, signed: false)
        }
        let xml = String(decoding: response.body, as: UTF8.self)
        guard let key = ServiceErrorDecoder.xmlElement("AccessKeyId", in: xml),
              let secret = ServiceErrorDecoder.xmlElement("SecretAccessKey", in: xml),
              let token = ServiceErrorDecoder.xmlElement("SessionToken", in: xml) else {
            throw AWSClientError.invalidResponse(operation: "AssumeRole", detail: "no Credentials element")
        }
        let expiration = ServiceErrorDecoder.xmlElement("Expiration", in: xml).flatMap(ISO8601Timestamp.parse)
        return ResolvedCredentials(
            credentials: Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token, expiration: expiration),
            source: "assumed role \(roleARN)")
    }

    private func call(_ action: String, _ parameters: [(String, String)], signed: Bool) async throws -> HTTPResponse {
        let body = ([("Action", action)] + parameters)
            .map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }
            .joined(separator: "&")
        var request = AWSRequest(operation: action, method: "POST", path: "/",
                                 headers: HTTPHeaders([("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]),
                                 body: Data(body.utf8))
        request.isSigned = signed
        do {
            return try await sts.send(request)
        } catch let error as AWSClientError {
            throw AWSClientError.credentials("could not assume role \(roleARN): \(error.description)")
        }
    }
}
