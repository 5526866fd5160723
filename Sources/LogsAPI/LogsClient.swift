import AWSCore
import FoundationEssentials

/// The CloudWatch Logs calls the console needs, over the JSON 1.1 protocol
/// (`X-Amz-Target: Logs_20140328.<Action>`).
public struct LogsClient: Sendable {
    public let client: AWSClient
    private let encoder = JSONEncoder()
    private let decoder = JSONValueDecoder()

    public init(client: AWSClient) {
        self.client = client
    }

    public init(settings: AWSSettings, credentials: any CredentialProvider, transport: any HTTPTransport) {
        self.init(client: AWSClient(service: .logs, settings: settings, credentials: credentials, transport: transport))
    }

    func request(_ action: String, _ body: some Encodable, repeatability: Repeatability = .safe) throws -> AWSRequest {
        AWSRequest(operation: action, method: "POST", path: "/",
                   headers: HTTPHeaders([("X-Amz-Target", "Logs_20140328.\(action)"), ("Content-Type", "application/x-amz-json-1.1")]),
                   body: try encoder.encode(body), repeatability: repeatability)
    }

    func call<Output: Decodable>(_ action: String, _ body: some Encodable, as type: Output.Type = Output.self) async throws -> Output {
        let response = try await client.send(try request(action, body))
        return try decoder.decodeResponse(type, from: response.body, operation: action)
    }

    public func describeLogGroups(prefix: String? = nil, nextToken: String? = nil, limit: Int? = nil) async throws -> DescribeLogGroupsPage {
        struct Body: Encodable { var logGroupNamePrefix: String?; var nextToken: String?; var limit: Int? }
        return try await call("DescribeLogGroups", Body(logGroupNamePrefix: prefix, nextToken: nextToken, limit: limit))
    }

    /// Streams of a group, newest first by default (orderBy LastEventTime, descending).
    public func describeLogStreams(logGroupName: String, newestFirst: Bool = true, prefix: String? = nil, nextToken: String? = nil,
                                   limit: Int? = nil) async throws -> DescribeLogStreamsPage {
        struct Body: Encodable {
            var logGroupName: String; var orderBy: String?; var descending: Bool?; var logStreamNamePrefix: String?
            var nextToken: String?; var limit: Int?
        }
        // A prefix can only be combined with ordering by name (API reference, DescribeLogStreams).
        let orderBy = prefix == nil && newestFirst ? "LastEventTime" : nil
        return try await call("DescribeLogStreams", Body(logGroupName: logGroupName, orderBy: orderBy, descending: newestFirst ? true : nil,
                                                         logStreamNamePrefix: prefix, nextToken: nextToken, limit: limit))
    }

    public func getLogEvents(logGroupName: String, logStreamName: String, startTime: Int64? = nil, endTime: Int64? = nil,
                             startFromHead: Bool? = nil, nextToken: String? = nil, limit: Int? = nil) async throws -> GetLogEventsPage {
        struct Body: Encodable {
            var logGroupName: String; var logStreamName: String; var startTime: Int64?; var endTime: Int64?
            var startFromHead: Bool?; var nextToken: String?; var limit: Int?
        }
        return try await call("GetLogEvents", Body(logGroupName: logGroupName, logStreamName: logStreamName, startTime: startTime,
                                                   endTime: endTime, startFromHead: startFromHead, nextToken: nextToken, limit: limit))
    }

    public func filterLogEvents(_ request: FilterLogEventsRequest) async throws -> FilterLogEventsPage {
        try await call("FilterLogEvents", request)
    }

    /// Every page of FilterLogEvents for the request, in order.
    public func filteredEvents(_ request: FilterLogEventsRequest) -> AsyncThrowingStream<[FilteredLogEvent], Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                var next = request
                do {
                    repeat {
                        let page = try await filterLogEvents(next)
                        continuation.yield(page.events ?? [])
                        guard let token = page.nextToken, token != next.nextToken else { break }
                        next.nextToken = token
                    } while !Task.isCancelled
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    public func createLogGroup(_ name: String) async throws {
        struct Body: Encodable { var logGroupName: String }
        _ = try await client.send(try request("CreateLogGroup", Body(logGroupName: name)))
    }

    public func createLogStream(group: String, stream: String) async throws {
        struct Body: Encodable { var logGroupName: String; var logStreamName: String }
        _ = try await client.send(try request("CreateLogStream", Body(logGroupName: group, logStreamName: stream)))
    }

    /// Writes events (sorted by time, as the API requires). Not retried: a repeat would duplicate them.
    public func putLogEvents(group: String, stream: String, events: [InputLogEvent]) async throws {
        struct Body: Encodable { var logGroupName: String; var logStreamName: String; var logEvents: [InputLogEvent] }
        let sorted = events.sorted { $0.timestamp < $1.timestamp }
        _ = try await client.send(try request("PutLogEvents", Body(logGroupName: group, logStreamName: stream, logEvents: sorted),
                                              repeatability: .onlyIfNotRun))
    }

    /// StartLiveTail: a session of pushed log events, where the endpoint offers it (AWS does;
    /// moto does not, and the console then polls FilterLogEvents). AWS wants the log groups by
    /// ARN, and serves the call at the `streaming-` host.
    public func startLiveTail(logGroupIdentifiers: [String], logStreamNamePrefixes: [String]? = nil,
                              filterPattern: String? = nil) async throws -> AsyncThrowingStream<LiveTailEvent, Error> {
        struct Body: Encodable { var logGroupIdentifiers: [String]; var logStreamNamePrefixes: [String]?; var logEventFilterPattern: String? }
        var wire = try request("StartLiveTail", Body(logGroupIdentifiers: logGroupIdentifiers, logStreamNamePrefixes: logStreamNamePrefixes,
                                                      logEventFilterPattern: filterPattern))
        wire.readTimeout = .seconds(3 * 3600)  // sessions last up to three hours
        wire.hostPrefix = "streaming-"
        let response = try await client.stream(wire)
        return AsyncThrowingStream { continuation in
            let reader = Task {
                var framing = EventStreamDecoder()
                do {
                    for try await chunk in response.body {
                        for message in try framing.feed(chunk) {
                            if let event = try Self.liveTailEvent(message) { continuation.yield(event) }
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in reader.cancel() }
        }
    }

    static func liveTailEvent(_ message: EventStreamMessage) throws -> LiveTailEvent? {
        let json = (try? JSONValue.parse(message.payload)) ?? .object([])
        switch (message.string(":message-type"), message.string(":event-type")) {
        case ("event", "sessionStart"):
            return .sessionStart(sessionId: json["sessionId"]?.stringValue, requestId: json["requestId"]?.stringValue)
        case ("event", "sessionUpdate"):
            let events = try JSONValueDecoder().decode([LiveTailSessionLogEvent].self, from: json["sessionResults"] ?? .array([]))
            var sampled = false
            if case .bool(let flag)? = json["sessionMetadata"]?["sampled"] { sampled = flag }
            return .sessionUpdate(events: events, sampled: sampled)
        case ("exception", _), ("error", _):
            let code = message.string(":exception-type") ?? message.string(":error-code") ?? "SessionStreamingException"
            throw AWSClientError.service(AWSServiceError(code: AWSErrorCode(rawValue: code), message: json["message"]?.stringValue ?? "",
                                                         status: 200, operation: "StartLiveTail", service: "logs"))
        default:
            return nil
        }
    }
}
