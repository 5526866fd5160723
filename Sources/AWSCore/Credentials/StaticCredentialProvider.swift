import FoundationEssentials

/// Keys from the environment or from a profile's keys.
public struct StaticCredentialProvider: CredentialProvider {
    public let credentials: Credentials?
    public let source: String

    public init(_ credentials: Credentials?, source: String) {
        self.credentials = credentials
        self.source = source
    }

    public func resolve() async throws -> ResolvedCredentials? {
        credentials.map { ResolvedCredentials(credentials: $0, source: source) }
    }

    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` (the CLI also reads the
    /// older `AWS_SECURITY_TOKEN`).
    public static func environment(_ env: [String: String]) -> StaticCredentialProvider {
        guard let key = env["AWS_ACCESS_KEY_ID"].nonEmpty, let secret = env["AWS_SECRET_ACCESS_KEY"].nonEmpty else {
            return StaticCredentialProvider(nil, source: "environment")
        }
        let token = env["AWS_SESSION_TOKEN"].nonEmpty ?? env["AWS_SECURITY_TOKEN"].nonEmpty
        return StaticCredentialProvider(
            Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token),
            source: "environment variables (AWS_ACCESS_KEY_ID)"
        )
    }
}

extension Optional where Wrapped == String {
    /// The value, or nil when it is missing or blank: an empty variable counts as unset.
    var nonEmpty: String? {
        guard let value = self?.trimmingWhitespace(), !value.isEmpty else { return nil }
        return value
    }
}
