import FoundationEssentials
import Subprocess
import Synchronization

/// `credential_process`: runs the configured command and reads its JSON
/// (`Version` 1, `AccessKeyId`, `SecretAccessKey`, `SessionToken`, `Expiration`).
public struct ProcessCredentialProvider: CredentialProvider {
    public let command: String
    public let profile: String

    public init(command: String, profile: String) {
        self.command = command
        self.profile = profile
    }

    public func resolve() async throws -> ResolvedCredentials? {
        let (status, output, errors) = try await Self.run(command)
        guard status == 0 else {
            let detail = errors.trimmed()
            throw AWSClientError.credentials(
                "credential_process of profile '\(profile)' exited with status \(status)\(detail.isEmpty ? "" : ": \(detail)")")
        }
        let credentials = try Self.parse(output, what: "credential_process of profile '\(profile)'")
        return ResolvedCredentials(credentials: credentials, source: "credential_process (profile '\(profile)')")
    }

    static func parse(_ output: Data, what: String) throws -> Credentials {
        guard let json = try? JSONValue.parse(output), case .object = json else {
            throw AWSClientError.credentials("\(what) did not print a JSON object")
        }
        if let version = json["Version"], version.wholeNumber(Int.self) != 1 {
            throw AWSClientError.credentials("\(what) printed Version \(version.serialized); only Version 1 is understood")
        }
        guard let key = json["AccessKeyId"]?.stringValue, let secret = json["SecretAccessKey"]?.stringValue else {
            throw AWSClientError.credentials("\(what) printed no AccessKeyId and SecretAccessKey")
        }
        var expiration: Date?
        if let text = json["Expiration"]?.stringValue {
            guard let date = ISO8601Timestamp.parse(text) else {
                throw AWSClientError.credentials("\(what) printed an Expiration that is not an ISO 8601 time: \(text)")
            }
            // The CLI refuses credentials that have already expired rather than sending them.
            guard date > Date() else {
                throw AWSClientError.credentials("\(what) printed credentials that expired at \(text); it must print fresh ones")
            }
            expiration = date
        }
        return Credentials(accessKeyID: key, secretAccessKey: secret,
                           sessionToken: json["SessionToken"]?.stringValue ?? json["Token"]?.stringValue, expiration: expiration)
    }

    /// How long the command may take: long enough for a prompt for an MFA code or a browser
    /// login, short enough that a hung helper does not leave a blank console for ever.
    public static let timeLimit: Duration = .seconds(60)
    /// What it may print: credentials are a few kilobytes.
    static let outputLimit = 1 << 20

    /// Runs through the shell, as the CLI documents quoting for this setting, in a process group
    /// of its own: past the time limit the whole group is ended (SIGTERM, then SIGKILL), so no
    /// helper it started is left behind.
    static func run(_ command: String, timeLimit: Duration = timeLimit) async throws -> (Int32, Data, String) {
        typealias Outcome = Result<(Int32, Data, String), AWSClientError>
        let outcome: Outcome? = await withTaskGroup(of: Outcome?.self) { group in
            group.addTask { await spawn(command) }
            group.addTask {
                try? await Task.sleep(for: timeLimit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let outcome else {
            throw AWSClientError.credentials("credential_process did not finish within \(timeLimit) and was stopped")
        }
        return try outcome.get()
    }

    private static func spawn(_ command: String) async -> Result<(Int32, Data, String), AWSClientError> {
        var options = PlatformOptions()
        options.processGroupID = 0
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: .seconds(1))]
        do {
            let started = Mutex<pid_t?>(nil)
            defer { if let group = started.withLock({ $0 }) { ChildProcessGroups.remove(group) } }
            let result = try await Subprocess.run(.path("/bin/sh"), arguments: ["-c", command], platformOptions: options, input: .none,
                                                  output: .bytes(limit: outputLimit), error: .string(limit: 64 * 1024)) { execution in
                let group = execution.processIdentifier.value
                started.withLock { $0 = group }
                ChildProcessGroups.add(group)
            }
            let status: Int32 = switch result.terminationStatus {
            case .exited(let code): Int32(truncatingIfNeeded: code)
            case .signaled(let signal): 128 + Int32(truncatingIfNeeded: signal)
            }
            return .success((status, Data(result.standardOutput), result.standardError))
        } catch {
            return .failure(.credentials("cannot run credential_process: \(error)"))
        }
    }
}
