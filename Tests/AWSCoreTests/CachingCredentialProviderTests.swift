import AWSCore
import Foundation
import Synchronization
import Testing

/// Counts how often it is asked and hands out credentials that expire `lifetime` after "now".
private final class CountingProvider: CredentialProvider {
    let calls = Mutex(0)
    let clock: Mutex<Date>
    let lifetime: TimeInterval

    init(now: Date, lifetime: TimeInterval) {
        clock = Mutex(now)
        self.lifetime = lifetime
    }

    func resolve() async throws -> ResolvedCredentials? {
        let number = calls.withLock { $0 += 1; return $0 }
        let expiry = clock.withLock { $0 }.addingTimeInterval(lifetime)
        return ResolvedCredentials(credentials: Credentials(accessKeyID: "KEY\(number)", secretAccessKey: "s", expiration: expiry),
                                   source: "counting")
    }
}

@Suite struct CachingCredentialProviderTests {
    @Test func refreshesOnlyWhenCloseToExpiry() async throws {
        let start = Date(timeIntervalSince1970: 1_000_000)
        let base = CountingProvider(now: start, lifetime: 3600)
        let cache = CachingCredentialProvider(base, refreshWindow: 300, now: { base.clock.withLock { $0 } })
        #expect(try await cache.resolve()?.credentials.accessKeyID == "KEY1")
        base.clock.withLock { $0 = start.addingTimeInterval(3000) }
        #expect(try await cache.resolve()?.credentials.accessKeyID == "KEY1")
        base.clock.withLock { $0 = start.addingTimeInterval(3400) }  // inside the 5-minute window
        #expect(try await cache.resolve()?.credentials.accessKeyID == "KEY2")
        #expect(base.calls.withLock { $0 } == 2)
    }

    @Test func concurrentCallersShareOneFetch() async throws {
        let base = CountingProvider(now: Date(), lifetime: 3600)
        let cache = CachingCredentialProvider(base)
        try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.resolve()?.credentials.accessKeyID } }
            for try await key in group { #expect(key == "KEY1") }
        }
        #expect(base.calls.withLock { $0 } == 1)
    }

    @Test func secretsNeverAppearInDescriptions() {
        let credentials = Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG", sessionToken: "tok")
        let text = "\(credentials) \(String(reflecting: credentials))"
        #expect(!text.contains("wJalr"))
        #expect(!text.contains("tok"))
        #expect(text.contains("MPLE"))
        #expect(!text.contains("AKIAIOSF"))
    }
}
