import AWSCore
import FoundationEssentials

/// How a waiter polls: backoff from `initialDelay` doubling up to `maximumDelay`, giving up after
/// `timeout`. Cancelling the task stops it at once.
public struct WaiterOptions: Sendable {
    public var timeout: Duration
    public var initialDelay: Duration
    public var maximumDelay: Duration
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(timeout: Duration = .seconds(300), initialDelay: Duration = .seconds(1), maximumDelay: Duration = .seconds(10),
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.timeout = timeout
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.sleep = sleep
    }
}

/// Why a waiter stopped without its condition coming true.
public enum WaiterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Lambda reported a failure, with its reason (StateReason or LastUpdateStatusReason).
    case failed(function: String, reason: String)
    case timedOut(function: String, waitingFor: String)

    public var description: String {
        switch self {
        case .failed(let function, let reason): return "\(function) failed: \(reason)"
        case .timedOut(let function, let condition): return "Gave up waiting for \(function) to be \(condition)."
        }
    }
}

extension LambdaClient {
    /// Polls until State is Active (after CreateFunction, or for an Inactive function).
    @discardableResult
    public func waitUntilFunctionActive(_ name: String, qualifier: String? = nil, options: WaiterOptions = WaiterOptions(),
                                        progress: @Sendable (FunctionConfiguration) -> Void = { _ in }) async throws
        -> FunctionConfiguration {
        try await poll(name, qualifier: qualifier, condition: "active", options: options, progress: progress) { configuration in
            switch configuration.state {
            case .active?: return .done
            case .failed?: return .failed(configuration.stateReason ?? "State is Failed")
            default: return .pending
            }
        }
    }

    /// Polls until LastUpdateStatus is Successful (after UpdateFunctionCode or UpdateFunctionConfiguration).
    @discardableResult
    public func waitUntilFunctionUpdated(_ name: String, qualifier: String? = nil, options: WaiterOptions = WaiterOptions(),
                                         progress: @Sendable (FunctionConfiguration) -> Void = { _ in }) async throws
        -> FunctionConfiguration {
        try await poll(name, qualifier: qualifier, condition: "updated", options: options, progress: progress) { configuration in
            switch configuration.lastUpdateStatus {
            case .successful?, nil: return .done
            case .failed?: return .failed(configuration.lastUpdateStatusReason ?? "LastUpdateStatus is Failed")
            default: return .pending
            }
        }
    }

    /// Polls until a published version's State is Active.
    @discardableResult
    public func waitUntilPublishedVersionActive(_ name: String, version: String, options: WaiterOptions = WaiterOptions(),
                                                progress: @Sendable (FunctionConfiguration) -> Void = { _ in }) async throws
        -> FunctionConfiguration {
        try await waitUntilFunctionActive(name, qualifier: version, options: options, progress: progress)
    }

    private enum PollOutcome { case done, pending, failed(String) }

    private func poll(_ name: String, qualifier: String?, condition: String, options: WaiterOptions,
                      progress: @Sendable (FunctionConfiguration) -> Void,
                      check: (FunctionConfiguration) -> PollOutcome) async throws -> FunctionConfiguration {
        let deadline = ContinuousClock.now + options.timeout
        var delay = options.initialDelay
        while true {
            try Task.checkCancellation()
            let configuration = try await getFunctionConfiguration(name, qualifier: qualifier)
            progress(configuration)
            switch check(configuration) {
            case .done: return configuration
            case .failed(let reason): throw WaiterError.failed(function: name, reason: reason)
            case .pending: break
            }
            guard ContinuousClock.now + delay < deadline else { throw WaiterError.timedOut(function: name, waitingFor: condition) }
            try await options.sleep(delay)
            delay = min(delay * 2, options.maximumDelay)
        }
    }
}
