import AWSCore
import FoundationEssentials
import LambdaAPI
import Synchronization

/// How many invocations a burst sends, and how fast. Bounded so that a typo cannot run up a bill
/// or exhaust the account's concurrency.
public struct BurstSpec: Sendable, Equatable {
    public static let maximumCount = 1_000
    public static let maximumRate = 50
    /// Invocations in flight at once, whatever the rate.
    public static let maximumInFlight = 10

    public var count: Int
    public var perSecond: Int

    public init(count: Int, perSecond: Int) {
        self.count = max(1, min(Self.maximumCount, count))
        self.perSecond = max(1, min(Self.maximumRate, perSecond))
    }
}

/// A burst as it goes: how many were sent and answered, which version answered them (the split an
/// alias's routing makes), errors, and round-trip times.
public struct BurstProgress: Sendable, Equatable {
    public var spec: BurstSpec
    public var sent = 0
    public var answered = 0
    /// Answers by ExecutedVersion.
    public var byVersion: [String: Int] = [:]
    /// Answers that carried X-Amz-Function-Error.
    public var functionErrors = 0
    /// Calls that failed (throttled, refused), by their message.
    public var failures: [String: Int] = [:]
    /// Round trips in milliseconds, in arrival order.
    public var roundTrips: [Int] = []
    public var finished = false
    public var stopped = false

    public init(spec: BurstSpec) { self.spec = spec }

    public var failed: Int { failures.values.reduce(0, +) }

    /// The round trip below which `fraction` of the answers came (0.5: the median).
    public func percentile(_ fraction: Double) -> Int? {
        guard !roundTrips.isEmpty else { return nil }
        let sorted = roundTrips.sorted()
        let rank = max(1, Int((Double(sorted.count) * fraction).rounded(.up)))  // nearest-rank method
        return sorted[min(sorted.count, rank) - 1]
    }

    /// The versions with their share of the answers, most first.
    public var split: [(version: String, count: Int, share: Double)] {
        let total = max(1, byVersion.values.reduce(0, +))
        return byVersion.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value, Double($0.value) / Double(total)) }
    }

    mutating func record(_ sample: BurstSample) {
        answered += 1
        switch sample {
        case .answered(let version, let functionError, let milliseconds):
            byVersion[version ?? "?", default: 0] += 1
            if functionError { functionErrors += 1 }
            roundTrips.append(milliseconds)
        case .failed(let message):
            failures[message, default: 0] += 1
        }
    }
}

enum BurstSample: Sendable {
    case answered(version: String?, functionError: Bool, milliseconds: Int)
    case failed(String)
}

/// Lets the user stop the running burst (there is at most one: mutations run one at a time).
final class BurstControl: Sendable {
    private let stop = Mutex(false)
    func reset() { stop.withLock { $0 = false } }
    func requestStop() { stop.withLock { $0 = true } }
    var stopRequested: Bool { stop.withLock { $0 } }
}

extension EffectRunner {
    /// Sends `request` `spec.count` times, one every 1/rate seconds and at most
    /// `BurstSpec.maximumInFlight` at once, reporting progress about ten times a second.
    func burst(_ request: InvocationRequest, _ spec: BurstSpec, progress: @escaping @Sendable (ConsoleAction) -> Void) async -> BurstProgress {
        burstControl.reset()
        var stats = BurstProgress(spec: spec)
        let clock = ContinuousClock()
        let start = clock.now
        var lastReport = start
        let type = InvocationType(rawValue: request.invocationType) ?? .requestResponse
        let wire = InvokeRequest(payload: Data(request.payload.utf8), qualifier: request.qualifier, invocationType: type,
                                 clientContext: request.clientContext)
        let lambda = lambda
        await withTaskGroup(of: BurstSample.self) { group in
            var inFlight = 0
            for index in 0..<spec.count {
                if burstControl.stopRequested {
                    stats.stopped = true
                    break
                }
                if inFlight >= BurstSpec.maximumInFlight, let sample = await group.next() {
                    stats.record(sample)
                    inFlight -= 1
                }
                group.addTask {
                    let sent = clock.now
                    do {
                        let response = try await lambda.invoke(request.function, wire)
                        return .answered(version: response.executedVersion, functionError: response.functionError != nil,
                                         milliseconds: Self.milliseconds(clock.now - sent))
                    } catch let error as AWSClientError {
                        if case .service(let service) = error { return .failed(service.code.rawValue) }
                        return .failed(error.description)
                    } catch {
                        return .failed("unexpected error: \(error.sentence)")
                    }
                }
                inFlight += 1
                stats.sent += 1
                if clock.now - lastReport >= .milliseconds(100) {
                    progress(.burstProgress(function: request.function, stats))
                    lastReport = clock.now
                }
                // Paced from the start, so that slow answers do not slow the rate below what was asked.
                let due = start + .milliseconds(1000 * (index + 1) / spec.perSecond)
                if due > clock.now, index + 1 < spec.count { try? await Task.sleep(until: due, clock: clock) }
            }
            for await sample in group {
                stats.record(sample)
                if clock.now - lastReport >= .milliseconds(100) {
                    progress(.burstProgress(function: request.function, stats))
                    lastReport = clock.now
                }
            }
        }
        stats.finished = true
        return stats
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
