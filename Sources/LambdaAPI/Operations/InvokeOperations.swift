import AWSCore
import FoundationEssentials

/// How Lambda runs an invocation (X-Amz-Invocation-Type).
public enum InvocationType: String, Sendable, CaseIterable {
    case requestResponse = "RequestResponse"
    case event = "Event"
    case dryRun = "DryRun"
}

/// Invoke's and InvokeWithResponseStream's parameters.
public struct InvokeRequest: Sendable {
    public var payload: Data
    public var qualifier: String?
    public var invocationType: InvocationType
    /// Asks for the last 4 KB of the function's log (X-Amz-Log-Type: Tail); synchronous only.
    public var tailLogs: Bool
    /// The ClientContext object as JSON text; sent base64-encoded, at most 3,583 bytes encoded.
    public var clientContext: String?
    /// How long to wait for the answer: at least the function's timeout (Lambda's maximum is 900 s).
    public var readTimeout: Duration

    public init(payload: Data = Data("{}".utf8), qualifier: String? = nil, invocationType: InvocationType = .requestResponse,
                tailLogs: Bool = false, clientContext: String? = nil, readTimeout: Duration = .seconds(905)) {
        self.payload = payload
        self.qualifier = qualifier
        self.invocationType = invocationType
        self.tailLogs = tailLogs
        self.clientContext = clientContext
        self.readTimeout = readTimeout
    }

    /// Synchronous payloads are limited to 6 MB (API reference, Invoke).
    public static let maximumPayload = 6 * 1024 * 1024
    static let maximumClientContext = 3583
}

/// What Invoke returned.
public struct InvokeResponse: Sendable {
    /// 200 for RequestResponse, 202 for Event, 204 for DryRun.
    public var statusCode: Int
    /// Unhandled (or Handled) when the function raised; the payload then holds the error.
    public var functionError: String?
    /// The decoded tail of the log when `tailLogs` was asked.
    public var logResult: String?
    public var executedVersion: String?
    public var payload: Data
}

/// The events of InvokeWithResponseStream.
public enum InvokeStreamEvent: Sendable, Equatable {
    case payloadChunk(Data)
    case invokeComplete(errorCode: String?, errorDetails: String?, logResult: String?)
}

public struct InvokeStream: Sendable {
    public var statusCode: Int
    public var executedVersion: String?
    public var events: AsyncThrowingStream<InvokeStreamEvent, Error>
}

extension LambdaClient {
    /// Invoke. Never retried once the function may have run (see Repeatability).
    public func invoke(_ name: String, _ request: InvokeRequest = InvokeRequest()) async throws -> InvokeResponse {
        let response = try await client.send(try Self.invokeRequest(name, request, operation: "Invoke",
                                                                    path: Self.functionPath(name, "/invocations")))
        let logResult = response.headers["X-Amz-Log-Result"].flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
        return InvokeResponse(statusCode: response.status, functionError: response.headers["X-Amz-Function-Error"],
                              logResult: logResult, executedVersion: response.headers["X-Amz-Executed-Version"],
                              payload: response.body)
    }

    static func invokeRequest(_ name: String, _ request: InvokeRequest, operation: String, path: String) throws -> AWSRequest {
        guard request.payload.count <= InvokeRequest.maximumPayload else {
            throw AWSClientError.invalidRequest(
                "The payload is \(request.payload.count / 1024) KB; Lambda accepts at most 6 MB for a synchronous invocation.")
        }
        var headers = HTTPHeaders([("X-Amz-Invocation-Type", request.invocationType.rawValue),
                                   ("Content-Type", "application/json")])
        if request.tailLogs { headers.add("X-Amz-Log-Type", "Tail") }
        if let context = request.clientContext {
            let encoded = Data(context.utf8).base64EncodedString()
            guard encoded.utf8.count <= InvokeRequest.maximumClientContext else {
                throw AWSClientError.invalidRequest("The ClientContext is \(encoded.utf8.count) bytes encoded; Lambda accepts at most 3,583.")
            }
            headers.add("X-Amz-Client-Context", encoded)
        }
        return AWSRequest(operation: operation, method: "POST", path: path, query: queryItems(("Qualifier", request.qualifier)),
                          headers: headers, body: request.payload, repeatability: .onlyIfNotRun, readTimeout: request.readTimeout)
    }

    /// InvokeAsync, the deprecated asynchronous call: 202 and `Status` when accepted.
    public func invokeAsync(_ name: String, payload: Data) async throws -> Int {
        struct Answer: Codable { var status: Int? }
        let response = try await client.send(AWSRequest(
            operation: "InvokeAsync", method: "POST", path: "/2014-11-13/functions/\(AWSRequest.label(name))/invoke-async/",
            headers: HTTPHeaders([("Content-Type", "application/octet-stream")]), body: payload, repeatability: .onlyIfNotRun))
        return (try? decode(Answer.self, from: response.body, operation: "InvokeAsync").status) ?? response.status
    }

    /// InvokeWithResponseStream: chunks are delivered as they arrive, then InvokeComplete.
    public func invokeWithResponseStream(_ name: String, _ request: InvokeRequest = InvokeRequest()) async throws -> InvokeStream {
        let wire = try Self.invokeRequest(name, request, operation: "InvokeWithResponseStream",
                                          path: "/2021-11-15/functions/\(AWSRequest.label(name))/response-streaming-invocations")
        let response = try await client.stream(wire)
        let events = AsyncThrowingStream<InvokeStreamEvent, Error> { continuation in
            let reader = Task {
                var decoder = EventStreamDecoder()
                do {
                    for try await chunk in response.body {
                        for message in try decoder.feed(chunk) {
                            if let event = try Self.streamEvent(message) { continuation.yield(event) }
                        }
                    }
                    if decoder.hasPartialMessage { throw EventStreamError(reason: "the stream ended inside a message") }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in reader.cancel() }
        }
        return InvokeStream(statusCode: response.head.status, executedVersion: response.head.headers["X-Amz-Executed-Version"],
                            events: events)
    }

    static func streamEvent(_ message: EventStreamMessage) throws -> InvokeStreamEvent? {
        switch message.string(":message-type") {
        case "event":
            switch message.string(":event-type") {
            case "PayloadChunk":
                return .payloadChunk(message.payload)
            case "InvokeComplete":
                let json = (try? JSONValue.parse(message.payload)) ?? .object([])
                let log = json["LogResult"]?.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
                return .invokeComplete(errorCode: json["ErrorCode"]?.stringValue, errorDetails: json["ErrorDetails"]?.stringValue,
                                       logResult: log)
            default:
                return nil  // event types added later are skipped
            }
        case "exception", "error":
            let code = message.string(":exception-type") ?? message.string(":error-code") ?? "ServiceException"
            let json = try? JSONValue.parse(message.payload)
            let text = json?["message"]?.stringValue ?? json?["Message"]?.stringValue ?? message.string(":error-message") ?? ""
            throw AWSClientError.service(AWSServiceError(code: AWSErrorCode(rawValue: code), message: text, status: 200,
                                                         operation: "InvokeWithResponseStream"))
        default:
            return nil
        }
    }
}
