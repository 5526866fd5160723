import FoundationEssentials

/// An access key pair, with a session token and expiry when temporary.
public struct Credentials: Sendable, Equatable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?
    public var expiration: Date?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// The key id with all but its last four characters hidden, safe for screens and logs.
    public var maskedAccessKeyID: String {
        guard accessKeyID.count > 4 else { return "****" }
        // Always twelve stars, as README shows it: the mask says nothing of the key's length.
        return String(repeating: "*", count: 12) + accessKeyID.suffix(4)
    }

    func expires(within interval: TimeInterval, now: Date) -> Bool {
        guard let expiration else { return false }
        return expiration.timeIntervalSince(now) < interval
    }
}

extension Credentials: CustomStringConvertible, CustomDebugStringConvertible {
    // Keeps secrets out of logs and error dumps that interpolate a Credentials value.
    public var description: String { "Credentials(\(maskedAccessKeyID), secret hidden)" }
    public var debugDescription: String { description }
}

/// Credentials together with a human account of where they came from, for `doctor`.
public struct ResolvedCredentials: Sendable {
    public var credentials: Credentials
    public var source: String

    public init(credentials: Credentials, source: String) {
        self.credentials = credentials
        self.source = source
    }
}

/// One place credentials can come from. Returns nil when that place is simply not configured,
/// so that the chain moves on; throws when it is configured but broken.
public protocol CredentialProvider: Sendable {
    func resolve() async throws -> ResolvedCredentials?
}

/// Tries providers in order and returns the first that has credentials.
public struct CredentialChain: CredentialProvider {
    public let providers: [any CredentialProvider]
    public let lookedIn: [String]

    public init(_ providers: [any CredentialProvider], lookedIn: [String]) {
        self.providers = providers
        self.lookedIn = lookedIn
    }

    public func resolve() async throws -> ResolvedCredentials? {
        for provider in providers {
            if let found = try await provider.resolve() { return found }
        }
        throw AWSClientError.noCredentials(lookedIn: lookedIn)
    }
}

/// Keeps the last credentials and fetches new ones shortly before they expire, one fetch at a
/// time however many requests are waiting.
public actor CachingCredentialProvider: CredentialProvider {
    private let base: any CredentialProvider
    private let refreshWindow: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: ResolvedCredentials?
    private var inFlight: Task<ResolvedCredentials?, Error>?

    public init(_ base: any CredentialProvider, refreshWindow: TimeInterval = 300,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.base = base
        self.refreshWindow = refreshWindow
        self.now = now
    }

    public func resolve() async throws -> ResolvedCredentials? {
        if let cached, !cached.credentials.expires(within: refreshWindow, now: now()) {
            return cached
        }
        if let inFlight { return try await inFlight.value }
        let task = Task { [base] in try await base.resolve() }
        inFlight = task
        defer { inFlight = nil }
        do {
            let fresh = try await task.value
            cached = fresh
            return fresh
        } catch {
            // A refresh that fails while the old credentials are still valid keeps them in use.
            if let cached, !cached.credentials.expires(within: 0, now: now()) { return cached }
            throw error
        }
    }

    /// Drops the cache, after AWS said the token expired earlier than announced.
    public func invalidate() {
        cached = nil
    }
}
