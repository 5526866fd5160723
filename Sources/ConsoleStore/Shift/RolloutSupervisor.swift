import Synchronization

/// Which rollouts run in this process, and which were asked to abort. The rollout loop polls it
/// between steps, so an abort takes effect within a quarter of a second.
public final class RolloutSupervisor: Sendable {
    private let state = Mutex<(running: Set<AliasKey>, aborting: Set<AliasKey>)>(([], []))

    public init() {}

    /// False when the rollout already runs here.
    func begin(_ key: AliasKey) -> Bool {
        state.withLock { $0.running.insert(key).inserted }
    }

    func end(_ key: AliasKey) {
        state.withLock { _ = $0.running.remove(key); _ = $0.aborting.remove(key) }
    }

    func isRunning(_ key: AliasKey) -> Bool { state.withLock { $0.running.contains(key) } }

    func requestAbort(_ key: AliasKey) { state.withLock { _ = $0.aborting.insert(key) } }

    func abortRequested(_ key: AliasKey) -> Bool { state.withLock { $0.aborting.contains(key) } }
}
