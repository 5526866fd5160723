import FoundationEssentials
import Synchronization

/// One budget for the console's control-plane reads (List* and Get*, tags included), shared by
/// every client: a token bucket of `perSecond` calls with bursts of `burst`. A throttling answer
/// halves the rate for a minute, as the SDKs' adaptive retry mode does, so that a console left
/// open never takes the account's quota (15 calls a second) from the team's deploys.
public final class RequestBudget: Sendable {
    private struct Bucket {
        var tokens: Double
        var updatedAt: ContinuousClock.Instant
        var rate: Double
        var throttledUntil: ContinuousClock.Instant?
        var waiting = 0
    }

    public let perSecond: Double
    public let burst: Double
    private let bucket: Mutex<Bucket>
    private let sleep: @Sendable (Duration) async throws -> Void

    public init(perSecond: Double = 5, burst: Int = 10,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.perSecond = max(0.1, perSecond)
        self.burst = Double(max(1, burst))
        self.sleep = sleep
        bucket = Mutex(Bucket(tokens: Double(max(1, burst)), updatedAt: .now, rate: max(0.1, perSecond)))
    }

    /// Whether `operation` spends the budget: reads of the control plane. Invoke, writes the user
    /// asked for and log reads (their own quotas) do not wait behind background refreshes.
    public static func applies(to operation: String) -> Bool {
        operation.hasPrefix("List") || operation.hasPrefix("Get")
    }

    /// Calls waiting for a token now: what the console can say is being held back.
    public var held: Int { bucket.withLock { $0.waiting } }

    /// The rate now (lower for a minute after throttling).
    public var currentRate: Double { bucket.withLock { Self.refill(&$0, perSecond: perSecond, burst: burst); return $0.rate } }

    /// Waits for a token.
    public func take() async throws {
        var waited = false
        defer { if waited { bucket.withLock { $0.waiting -= 1 } } }
        while true {
            let wait: Double = bucket.withLock { state in
                Self.refill(&state, perSecond: perSecond, burst: burst)
                if state.tokens >= 1 {
                    state.tokens -= 1
                    return 0
                }
                return (1 - state.tokens) / state.rate
            }
            guard wait > 0 else { return }
            if !waited {
                waited = true
                bucket.withLock { $0.waiting += 1 }
            }
            try await sleep(.milliseconds(Int((wait * 1000).rounded(.up))))
        }
    }

    /// AWS answered with throttling: half the rate, for a minute.
    public func throttled() {
        bucket.withLock { state in
            Self.refill(&state, perSecond: perSecond, burst: burst)
            state.rate = max(0.1, state.rate / 2)
            state.tokens = min(state.tokens, 0)
            state.throttledUntil = .now + .seconds(60)
        }
    }

    private static func refill(_ state: inout Bucket, perSecond: Double, burst: Double) {
        let now = ContinuousClock.now
        if let until = state.throttledUntil, now >= until {
            state.rate = perSecond
            state.throttledUntil = nil
        }
        let elapsed = now - state.updatedAt
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        state.tokens = min(burst, state.tokens + seconds * state.rate)
        state.updatedAt = now
    }
}
