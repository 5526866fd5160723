import FoundationEssentials
import Glibc
import Synchronization

/// Whether repeating a request could repeat its effect on the user's functions.
public enum Repeatability: Sendable {
    /// Reads, and writes that AWS makes idempotent or that fail harmlessly when repeated.
    case safe
    /// Invoke and friends: repeated only when the first attempt certainly never ran.
    case onlyIfNotRun
}

/// The SDKs' "standard" retry mode: up to `maxAttempts` tries, exponential backoff with full
/// jitter capped at 20 s, `Retry-After` honoured, and a shared retry quota so that an outage
/// does not multiply traffic.
public final class RetryStrategy: Sendable {
    public let maxAttempts: Int
    public let maxBackoff: TimeInterval
    /// A server asking for a longer pause than this gets the error surfaced instead of a hang.
    public let longestHonouredRetryAfter: TimeInterval
    private let random: @Sendable () -> Double
    private let quota: Mutex<Int>

    static let initialQuota = 500
    static let retryCost = 5
    static let timeoutCost = 10

    public init(maxAttempts: Int = 3, maxBackoff: TimeInterval = 20, longestHonouredRetryAfter: TimeInterval = 30,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxBackoff = maxBackoff
        self.longestHonouredRetryAfter = longestHonouredRetryAfter
        self.random = random
        self.quota = Mutex(Self.initialQuota)
    }

    /// How long to wait before attempt `attempt + 1`, or nil to give up. `attempt` counts from 1.
    public func delay(after error: AWSClientError, attempt: Int, repeatability: Repeatability) -> TimeInterval? {
        guard attempt < maxAttempts, let retryAfter = retryable(error, repeatability) else { return nil }
        let cost = if case .transport(.readTimeout) = error { Self.timeoutCost } else { Self.retryCost }
        let granted = quota.withLock { available in
            guard available >= cost else { return false }
            available -= cost
            return true
        }
        guard granted else { return nil }
        let backoff = min(random() * pow(2, Double(attempt - 1)), maxBackoff)
        return max(backoff, retryAfter)
    }

    /// A success gives back part of the quota that retries used.
    public func recordSuccess(afterRetry: Bool) {
        quota.withLock { available in
            available = min(Self.initialQuota, available + (afterRetry ? Self.retryCost : 1))
        }
    }

    public var remainingQuota: Int { quota.withLock { $0 } }

    /// The minimum wait the server asked for (0 if none), or nil when the error is final.
    private func retryable(_ error: AWSClientError, _ repeatability: Repeatability) -> TimeInterval? {
        switch error {
        case .transport(let failure):
            // No libcurl or no thread: it will be the same the next time.
            if case .networkUnavailable = failure { return nil }
            if repeatability == .onlyIfNotRun && failure.mayHaveReachedServer { return nil }
            return 0
        case .service(let failure):
            let retryAfter = failure.retryAfter ?? 0
            if retryAfter > longestHonouredRetryAfter { return nil }
            // A throttled call was refused before it ran, so even Invoke may be repeated.
            if failure.code.isThrottling || failure.status == 429 { return retryAfter }
            guard repeatability == .safe else { return nil }
            if AWSErrorCode.transientCodes.contains(failure.code) || [500, 502, 503, 504].contains(failure.status) {
                return retryAfter
            }
            return nil
        default:
            return nil
        }
    }
}
