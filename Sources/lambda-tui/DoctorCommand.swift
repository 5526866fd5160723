import ArgumentParser
import AWSCore
import ConsoleUI
import FoundationEssentials
import LambdaAPI

/// `lambda-tui doctor`: what lambda-tui would connect with, and whether a signed call works.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show the resolved profile, region, endpoints and credentials, and try a signed call."
    )

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        do { try connection.startLogging() } catch { throw fail(error) }
        var report = DoctorReport()
        report.line("lambda-tui", LambdaTUIVersion.current)
        let settings: AWSSettings
        do {
            settings = try AWSSettings.resolve(connection.overrides, environment: ProcessInfo.processInfo.environment)
        } catch {
            report.line("settings", "FAILED")
            report.print()
            throw fail(error)
        }
        report.line("profile", "\(settings.profile) (from \(settings.profileSource))")
        report.line("region", "\(settings.region) (from \(settings.regionSource))")
        for (label, service) in [("lambda", AWSService.lambda), ("logs", AWSService.logs)] {
            let endpoint = settings.endpoint(for: service)
            report.line(label, "\(EndpointText.redacted(endpoint.url)) (from \(endpoint.source))")
        }
        report.line("retries", "up to \(settings.maxAttempts) attempts, standard mode")
        report.line("time-outs", "connect \(settings.transport.connectTimeout), read \(settings.transport.readTimeout)")
        report.line("read-only", connection.readOnly ? "yes" : "no")

        let transport = CurlTransport(options: settings.transport)
        let credentials: CachingCredentialProvider
        do {
            credentials = try DefaultCredentialChain.make(settings: settings, transport: transport)
            guard let resolved = try await credentials.resolve() else { throw AWSClientError.noCredentials(lookedIn: []) }
            report.line("credentials", resolved.source)
            report.line("access key", resolved.credentials.maskedAccessKeyID
                + (resolved.credentials.sessionToken == nil ? "" : " with a session token")
                + (resolved.credentials.expiration.map { ", expires \(ISO8601Timestamp.string($0))" } ?? ""))
        } catch {
            report.line("credentials", "FAILED")
            report.print()
            throw fail(error)
        }

        let lambda = LambdaClient(settings: settings, credentials: credentials, transport: transport)
        do {
            report.line("signed call", try await Self.signedCall(lambda))
            report.print()
        } catch {
            report.line("signed call", "FAILED")
            report.print()
            throw fail(error)
        }
    }

    /// GetAccountSettings, or ListFunctions where an endpoint (moto, LocalStack) lacks it.
    static func signedCall(_ lambda: LambdaClient) async throws -> String {
        do {
            let account = try await lambda.getAccountSettings()
            let functions = account.accountUsage?.functionCount.map { "\($0) functions" } ?? "function count unknown"
            let limit = account.accountLimit?.concurrentExecutions.map { ", concurrency limit \($0)" } ?? ""
            return "GetAccountSettings OK: \(functions)\(limit)"
        } catch AWSClientError.service(let error) where error.status == 404 {
            let page = try await lambda.listFunctions(maxItems: 50)
            return "GetAccountSettings is not offered by this endpoint; ListFunctions OK (\(page.functions?.count ?? 0) on the first page)"
        }
    }
}

/// Aligned "label  value" lines.
struct DoctorReport {
    private var lines: [(String, String)] = []

    mutating func line(_ label: String, _ value: String) {
        lines.append((label, value))
    }

    func print() {
        let width = lines.map(\.0.count).max() ?? 0
        for (label, value) in lines {
            Swift.print(label.padded(to: width + 2) + TerminalText.inert(value))
        }
    }
}
