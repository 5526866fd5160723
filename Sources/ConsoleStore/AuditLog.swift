import AWSCore
import FoundationEssentials

/// One line per mutation at `$XDG_STATE_HOME/lambda-tui/audit.log`: time, profile, region,
/// action, target, result. Never payloads, environment values or credentials: the line is built
/// from the mutation's action and target names only.
public struct AuditLog: Sendable {
    public let path: String
    let profile: String
    let region: String

    public init(path: String, profile: String, region: String) {
        self.path = path
        self.profile = profile
        self.region = region
    }

    /// `$XDG_STATE_HOME/lambda-tui/audit.log`, or `~/.local/state/lambda-tui/audit.log`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        AppDirectories.state(environment) + "/audit.log"
    }

    /// Appends the line; a log that cannot be written is reported, never fatal.
    @discardableResult
    public func record(_ mutation: Mutation, result: String, at date: Date = Date()) -> String? {
        let time = ISO8601Timestamp.string(date)
        let fields = [time, profile, region, mutation.auditAction, mutation.auditTarget, result]
            .map { $0.replacing("\t", with: " ").replacing("\n", with: " ") }
        let line = fields.joined(separator: "\t") + "\n"
        do {
            // An audit log found 0644 (an older lambda-tui, a copied file) is made 0600.
            try PrivateFile.append(Data(line.utf8), to: path)
            return nil
        } catch {
            return "The audit log \(path) could not be written: \(error.sentence)"
        }
    }
}
