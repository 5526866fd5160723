import AWSCore
import LambdaAPI
import Synchronization

/// The Lambda clients the fleet view lists with, one per profile and region, made when first
/// asked and kept: each has its own credentials (an assumed role, an SSO login) and every one
/// shares the request budget.
public final class FleetClients: Sendable {
    /// A source's client, and the region it lists (a profile's own when the source names none).
    public typealias Make = @Sendable (FleetSource) throws -> (client: LambdaClient, region: String)
    private let make: Make
    private let made = Mutex<[FleetSource: (client: LambdaClient, region: String)]>([:])

    public init(_ make: @escaping Make) {
        self.make = make
    }

    func client(for source: FleetSource) throws -> (client: LambdaClient, region: String) {
        if let known = made.withLock({ $0[source] }) { return known }
        let built = try make(source)
        made.withLock { $0[source] = built }
        return built
    }
}

extension EffectRunner {
    /// One source's ListFunctions, each page reported as it comes; the end says how it went, an
    /// opt-in region the account has not enabled and a denied one each in their own words.
    func listFleet(_ source: FleetSource, generation: Int, progress: @escaping @Sendable (ConsoleAction) -> Void) async -> ConsoleAction {
        guard let fleet else {
            return .fleetListed(source: source, generation: generation, region: source.region,
                                outcome: .failed("This console cannot list other profiles or regions."))
        }
        var region = source.region
        do {
            let (client, listed) = try fleet.client(for: source)
            region = listed
            for try await page in client.functions() {
                progress(.fleetPage(source: source, generation: generation, page.map(FunctionRow.init)))
            }
            return .fleetListed(source: source, generation: generation, region: listed, outcome: .listed(0))
        } catch {
            return .fleetListed(source: source, generation: generation, region: region, outcome: Self.fleetOutcome(error))
        }
    }

    /// A disabled opt-in region answers as if the key did not exist (UnrecognizedClientException,
    /// InvalidClientTokenId); a denied one with AccessDenied.
    static func fleetOutcome(_ error: any Error) -> FleetProgress {
        if case AWSClientError.service(let failure) = error {
            switch failure.code {
            case .unrecognizedClientException, .invalidClientTokenId, "OptInRequired", "AuthFailure": return .notEnabled
            case .accessDeniedException, "AccessDenied": return .denied(ConsoleError(AWSClientError.service(failure)).sentence)
            default: break
            }
        }
        return .failed(consoleError(error).sentence)
    }
}
