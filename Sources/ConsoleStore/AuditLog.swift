import Foundation

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
        let time = ISO8601DateFormatter().string(from: date)
        let fields = [time, profile, region, mutation.auditAction, mutation.auditTarget, result]
            .map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        let line = fields.joined(separator: "\t") + "\n"
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(line.utf8))
            return nil
        } catch {
            return "The audit log \(path) could not be written: \(error.localizedDescription)"
        }
    }
}
