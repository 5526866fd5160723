import FoundationEssentials

/// Header fields in the order they came, looked up without regard to case.
public struct HTTPHeaders: Sendable, Equatable, Sequence {
    public private(set) var fields: [(name: String, value: String)]

    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    public subscript(name: String) -> String? {
        fields.first { Self.sameName($0.name, name) }?.value
    }

    public mutating func add(_ name: String, _ value: String) {
        fields.append((name, value))
    }

    /// Replaces every field of that name with one.
    public mutating func set(_ name: String, _ value: String) {
        fields.removeAll { Self.sameName($0.name, name) }
        fields.append((name, value))
    }

    /// Header names are ASCII; comparing bytes avoids Foundation's locale-aware compare.
    static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return zip(lhs.utf8, rhs.utf8).allSatisfy { $0 == $1 || ($0 | 0x20 == $1 | 0x20 && ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7a) }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}

/// A request ready for the wire: `url` is already percent-encoded.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: HTTPHeaders
    public var body: Data
    /// Overrides the transport's time-outs for this request (Invoke waits as long as the function).
    public var connectTimeout: Duration?
    public var readTimeout: Duration?
    /// Opens a new connection: curl silently resends a request whose reused connection died
    /// before answering, which must never happen to a call that may run a function twice.
    public var requiresFreshConnection: Bool

    public init(method: String, url: String, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(),
                connectTimeout: Duration? = nil, readTimeout: Duration? = nil, requiresFreshConnection: Bool = false) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.requiresFreshConnection = requiresFreshConnection
    }
}

public struct HTTPResponseHead: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data

    public init(status: Int, headers: HTTPHeaders, body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A response whose body arrives in chunks, for event streams and large payloads.
public struct HTTPStreamingResponse: Sendable {
    public var head: HTTPResponseHead
    public var body: AsyncThrowingStream<Data, Error>
}

/// What sends requests; the libcurl transport in production, the same one in tests.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse
}

/// Transport-wide settings.
public struct TransportOptions: Sendable {
    public var connectTimeout: Duration
    public var readTimeout: Duration
    /// A PEM bundle to verify TLS against (AWS_CA_BUNDLE / ca_bundle).
    public var caBundlePath: String?
    public var userAgent: String
    public var verifiesTLS: Bool

    public init(connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60),
                caBundlePath: String? = nil, userAgent: String = "lambda-tui/\(LambdaTUIVersion.current)",
                verifiesTLS: Bool = true) {
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.caBundlePath = caBundlePath
        self.userAgent = userAgent
        self.verifiesTLS = verifiesTLS
    }
}

public enum LambdaTUIVersion {
    public static let current = "0.1.0"
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
