import FoundationEssentials
import Logging

/// Signs, sends and retries requests to one AWS service at one endpoint; turns error answers
/// into AWSClientError. Shared by every service API (Lambda, Logs, STS).
public final class AWSClient: Sendable {
    public let service: AWSService
    public let region: String
    public let endpoint: String
    public let credentials: any CredentialProvider
    public let retry: RetryStrategy
    private let transport: any HTTPTransport
    private let sleep: @Sendable (TimeInterval) async throws -> Void
    private let now: @Sendable () -> Date
    /// Worked out once: the Host header the signature covers, and any base path of the endpoint.
    private let host: String
    private let basePath: String
    /// Whether the endpoint is one of AWS's own service hostnames, where host prefixes apply.
    private let acceptsHostPrefix: Bool
    /// A line per attempt at debug level: operation, status or error, time. Never a header value or a body.
    private let log: Logger
    /// Shared by the console's clients: control-plane reads wait for a token (RequestBudget).
    public let budget: RequestBudget?

    public init(service: AWSService, region: String, endpoint: String, credentials: any CredentialProvider,
                transport: any HTTPTransport, retry: RetryStrategy = RetryStrategy(),
                sleep: @escaping @Sendable (TimeInterval) async throws -> Void = { try await Task.sleep(for: .seconds($0)) },
                now: @escaping @Sendable () -> Date = Date.init, endpointProblem: String? = nil,
                log: Logger = Logger(label: "lambda-tui.aws"), budget: RequestBudget? = nil) {
        self.endpointProblem = endpointProblem
        self.log = log
        self.budget = budget
        self.service = service
        self.region = region
        self.endpoint = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        self.credentials = credentials
        self.transport = transport
        self.retry = retry
        self.sleep = sleep
        self.now = now
        host = Self.hostHeader(of: self.endpoint)
        basePath = String(self.endpoint.dropFirst(CurlTransfer.origin(of: self.endpoint).count))
        acceptsHostPrefix = Self.isAWSHostname(host, service: service)
    }

    /// A client for `service` at the endpoint, region and retry settings resolved for it.
    public convenience init(service: AWSService, settings: AWSSettings, credentials: any CredentialProvider, transport: any HTTPTransport,
                            budget: RequestBudget? = nil) {
        let endpoint = settings.endpoint(for: service)
        self.init(service: service, region: settings.region, endpoint: endpoint.url, credentials: credentials,
                  transport: transport, retry: RetryStrategy(maxAttempts: settings.maxAttempts), endpointProblem: endpoint.problem,
                  budget: budget)
    }

    /// Why this service has no endpoint with these settings; every request then fails with it.
    public let endpointProblem: String?

    /// Sends and returns a 2xx response, or throws.
    public func send(_ request: AWSRequest) async throws -> HTTPResponse {
        try await withRetries(request, status: \.status) { signed in
            let response = try await self.transport.send(signed)
            guard (200..<300).contains(response.status) else {
                throw AWSClientError.service(ServiceErrorDecoder.decode(response, operation: request.operation, service: self.service.iamPrefix, now: self.now()))
            }
            return response
        }
    }

    /// Sends and returns the head of a 2xx response with its body still arriving.
    public func stream(_ request: AWSRequest) async throws -> HTTPStreamingResponse {
        try await withRetries(request, status: \.head.status) { signed in
            let response = try await self.transport.stream(signed)
            guard (200..<300).contains(response.head.status) else {
                var body = Data()
                for try await chunk in response.body { body.append(chunk) }
                let whole = HTTPResponse(status: response.head.status, headers: response.head.headers, body: body)
                throw AWSClientError.service(ServiceErrorDecoder.decode(whole, operation: request.operation, service: self.service.iamPrefix, now: self.now()))
            }
            return response
        }
    }

    private func withRetries<T: Sendable>(_ request: AWSRequest, status: (T) -> Int,
                                          _ attempt: (HTTPRequest) async throws -> T) async throws -> T {
        var number = 1
        var refreshedExpiredToken = false
        while true {
            do {
                try Task.checkCancellation()
                if let budget, RequestBudget.applies(to: request.operation) { try await budget.take() }
            } catch {
                throw AWSClientError.cancelled
            }
            let began = ContinuousClock.now
            do {
                try Task.checkCancellation()
                let result = try await attempt(try await sign(request))
                retry.recordSuccess(afterRetry: number > 1)
                note(request, attempt: number, since: began, outcome: "\(status(result))")
                return result
            } catch is CancellationError {
                throw AWSClientError.cancelled
            } catch let error as AWSClientError {
                note(request, attempt: number, since: began, outcome: Self.outcome(error))
                if case .service(let failure) = error, failure.code.isThrottling || failure.status == 429 { budget?.throttled() }
                if case .service(let failure) = error, failure.code == .expiredTokenException, !refreshedExpiredToken,
                   let cache = credentials as? CachingCredentialProvider {
                    // Credentials can expire earlier than announced; fetch new ones once.
                    refreshedExpiredToken = true
                    await cache.invalidate()
                    continue
                }
                guard let delay = retry.delay(after: error, attempt: number, repeatability: request.repeatability) else {
                    throw error
                }
                number += 1
                do { try await sleep(delay) } catch { throw AWSClientError.cancelled }
            } catch let error as TransportError {
                let wrapped = AWSClientError.transport(error)
                note(request, attempt: number, since: began, outcome: Self.outcome(wrapped))
                guard let delay = retry.delay(after: wrapped, attempt: number, repeatability: request.repeatability) else {
                    throw wrapped
                }
                number += 1
                do { try await sleep(delay) } catch { throw AWSClientError.cancelled }
            }
        }
    }

    private func note(_ request: AWSRequest, attempt: Int, since began: ContinuousClock.Instant, outcome: String) {
        guard log.logLevel <= .debug else { return }
        let elapsed = ContinuousClock.now - began
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        log.debug("\(service.signingName) \(request.operation) \(outcome) \(milliseconds) ms attempt \(attempt)")
    }

    /// What came back, as a log line may say it: a status and an error code, never a message
    /// (a message can quote what was sent).
    static func outcome(_ error: AWSClientError) -> String {
        switch error {
        case .service(let failure): "\(failure.status) \(failure.code.rawValue)"
        case .transport(let failure): "no answer (\(Mirror(reflecting: failure).children.first?.label ?? "transport"))"
        default: "failed"
        }
    }

    /// Builds the wire request and signs it with the current credentials.
    func sign(_ request: AWSRequest) async throws -> HTTPRequest {
        if let endpointProblem { throw AWSClientError.invalidRequest(endpointProblem + ".") }
        let query = request.encodedQuery
        var headers = request.headers
        var endpoint = endpoint
        var host = host
        if let prefix = request.hostPrefix, acceptsHostPrefix, let scheme = endpoint.firstRange(of: "://") {
            host = prefix + host
            endpoint.insert(contentsOf: prefix, at: scheme.upperBound)
        }
        headers.set("Host", host)
        let url = endpoint + request.path + (query.isEmpty ? "" : "?" + query)
        guard request.isSigned else {
            try Self.refuseLineBreaks(in: headers, credentialSource: "the request")
            return HTTPRequest(method: request.method, url: url, headers: headers, body: request.body,
                               readTimeout: request.readTimeout)
        }
        let resolved: ResolvedCredentials
        do {
            guard let found = try await credentials.resolve() else { throw AWSClientError.noCredentials(lookedIn: []) }
            resolved = found
        } catch let error as AWSClientError {
            throw error
        } catch {
            throw AWSClientError.credentials(String(describing: error))
        }
        let signer = SigV4Signer(credentials: resolved.credentials, region: region, service: service.signingName)
        let payloadHash = request.body.isEmpty ? Digest.emptyPayloadHash : Digest.hex(Digest.sha256(request.body))
        // An endpoint may carry a base path (a proxy's prefix); it is part of what is signed.
        let signature = signer.sign(method: request.method, path: basePath + request.path, query: query,
                                    headers: headers.fields, payloadHash: payloadHash, date: now())
        for header in signature.headers { headers.set(header.name, header.value) }
        try Self.refuseLineBreaks(in: headers, credentialSource: resolved.source)
        return HTTPRequest(method: request.method, url: url, headers: headers, body: request.body,
                           readTimeout: request.readTimeout, requiresFreshConnection: request.repeatability == .onlyIfNotRun)
    }

    /// A line break (or NUL) in a header's value would end the header and start another that
    /// the value's author chose: a session token from the environment, a qualifier typed in a
    /// form. Such a request is refused before it is sent.
    static func refuseLineBreaks(in headers: HTTPHeaders, credentialSource: String) throws {
        for field in headers.fields where field.value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) {
            let origin = field.name.lowercased() == "x-amz-security-token" ? "the session token from \(credentialSource)" : "the \(field.name) header"
            throw AWSClientError.invalidRequest("\(origin.prefix(1).uppercased() + origin.dropFirst()) holds a line break or a NUL, which would "
                                                + "inject a header into the request; nothing was sent. Check the value for a stray newline.")
        }
    }

    /// `logs.us-east-1.amazonaws.com` and the like (FIPS and dual-stack included), as the
    /// endpoint resolver makes them; not a VPC endpoint, a proxy or an emulator.
    static func isAWSHostname(_ host: String, service: AWSService) -> Bool {
        let suffixes = ["amazonaws.com", "amazonaws.com.cn", "api.aws", "api.amazonwebservices.com.cn", "c2s.ic.gov", "sc2s.sgov.gov"]
        let labels = host.split(separator: ".")
        guard let first = labels.first, first == service.endpointPrefix || first == "\(service.endpointPrefix)-fips", labels.count >= 4 else {
            return false
        }
        let rest = labels.dropFirst(2).joined(separator: ".")
        return suffixes.contains(rest)
    }

    /// `host[:port]` exactly as curl will send it, since the signature covers it.
    static func hostHeader(of endpoint: String) -> String {
        let origin = CurlTransfer.origin(of: endpoint)
        let isHTTPS = origin.hasPrefix("https://")
        let authority = EndpointText.withoutUserInfo(origin.drop { $0 != "/" }.dropFirst(2))
        if isHTTPS, authority.hasSuffix(":443") { return String(authority.dropLast(4)) }
        if !isHTTPS, authority.hasSuffix(":80") { return String(authority.dropLast(3)) }
        return String(authority)
    }

    /// An unsigned GET of a presigned URL AWS handed out (a function's code package), streamed
    /// into a private file at `path` (0600, replaced whole) and stopped past `limit` bytes.
    /// Returns the bytes written.
    public func download(_ url: String, to path: String, limit: Int64) async throws -> Int64 {
        let data = try await fetch(url, limit: limit)
        try PrivateFile.write(data, to: path)
        return Int64(data.count)
    }

    /// The same, kept in memory (two versions' packages compared).
    public func fetch(_ url: String, limit: Int64) async throws -> Data {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw AWSClientError.invalidResponse(operation: "GetFunction", detail: "the code location is not a URL")
        }
        let response = try await transport.stream(HTTPRequest(method: "GET", url: url))
        guard (200..<300).contains(response.head.status) else {
            throw AWSClientError.invalidRequest("the code location answered HTTP \(response.head.status) (a presigned URL lasts 10 minutes)")
        }
        var data = Data()
        for try await chunk in response.body {
            data.append(chunk)
            if Int64(data.count) > limit {
                throw AWSClientError.invalidRequest("the package is larger than \(limit / 1_048_576) MB: not downloaded")
            }
        }
        return data
    }

    /// A call to a function URL (`https://ID.lambda-url.REGION.on.aws/…`): signed as Lambda when
    /// the URL's auth type is AWS_IAM, plain for NONE; sent once (it runs the function) and
    /// answered whatever its status, as a browser would see it.
    public func invokeURL(_ url: String, method: String, path: String, body: Data, signed: Bool) async throws -> HTTPResponse {
        let target = AWSClient(service: service, region: region, endpoint: url, credentials: credentials, transport: transport,
                               retry: RetryStrategy(maxAttempts: 1), sleep: sleep, now: now, log: log)
        // `/orders?id=7`: the query goes apart, to be signed as the URL's own.
        let parts = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let query = parts.count > 1 ? parts[1].split(separator: "&").map { pair -> (name: String, value: String) in
            let item = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (item[0].percentDecoded ?? String(item[0]), item.count > 1 ? item[1].percentDecoded ?? String(item[1]) : "")
        } : []
        let bare = String(parts[0])
        var request = AWSRequest(operation: "InvokeFunctionUrl", method: method, path: bare.hasPrefix("/") ? bare : "/" + bare, query: query,
                                 headers: HTTPHeaders([("Content-Type", "application/json")]), body: body)
        request.isSigned = signed
        request.repeatability = .onlyIfNotRun
        return try await target.withRetries(request, status: \.status) { prepared in try await target.transport.send(prepared) }
    }
}
