import CCurl
import FoundationEssentials
import Synchronization

/// HTTP over libcurl. Every transfer runs on one background thread that drives a curl multi
/// handle, so callers never block and connections are reused across requests.
public final class CurlTransport: HTTPTransport {
    private let loop: CurlTransferLoop

    public init(options: TransportOptions = TransportOptions()) {
        loop = CurlTransferLoop(options: options)
    }

    deinit {
        loop.shutdown()
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let token = CancellationToken()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                token.submit(to: loop, request: request, sink: .buffered(continuation))
            }
        } onCancel: {
            token.cancel(on: loop)
        }
    }

    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        let token = CancellationToken()
        let (body, bodyContinuation) = AsyncThrowingStream<Data, Error>.makeStream()
        bodyContinuation.onTermination = { [loop] termination in
            if case .cancelled = termination { token.cancel(on: loop) }
        }
        let head = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                token.submit(to: loop, request: request, sink: .streaming(head: continuation, body: bodyContinuation))
            }
        } onCancel: {
            token.cancel(on: loop)
        }
        return HTTPStreamingResponse(head: head, body: body)
    }
}

/// A request handed to the transfer thread, with where its result goes.
struct CurlJob: Sendable {
    enum Sink: Sendable {
        case buffered(CheckedContinuation<HTTPResponse, Error>)
        case streaming(head: CheckedContinuation<HTTPResponseHead, Error>, body: AsyncThrowingStream<Data, Error>.Continuation)

        func fail(_ error: Error, headDelivered: Bool) {
            switch self {
            case .buffered(let continuation): continuation.resume(throwing: error)
            case .streaming(let head, let body):
                if !headDelivered { head.resume(throwing: error) }
                body.finish(throwing: error)
            }
        }
    }

    let id: UInt64
    let request: HTTPRequest
    let sink: Sink
}

/// Orders a task's cancellation against its submission: whichever comes second acts.
final class CancellationToken: Sendable {
    private enum State { case pending, submitted(UInt64), cancelled }
    private let state = Mutex(State.pending)

    func submit(to loop: CurlTransferLoop, request: HTTPRequest, sink: CurlJob.Sink) {
        let submitted: Bool = state.withLock { state in
            if case .cancelled = state { return false }
            let id = loop.submit(request: request, sink: sink)
            state = .submitted(id)
            return true
        }
        if !submitted { sink.fail(CancellationError(), headDelivered: false) }
    }

    func cancel(on loop: CurlTransferLoop) {
        let id: UInt64? = state.withLock { state in
            if case .submitted(let id) = state { return id }
            state = .cancelled
            return nil
        }
        if let id { loop.cancel(id) }
    }
}
