import Foundation
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
            let detail = errors.trimmingCharacters(in: .whitespacesAndNewlines)
            throw AWSClientError.credentials(
                "credential_process of profile '\(profile)' exited with status \(status)\(detail.isEmpty ? "" : ": \(detail)")")
        }
        let credentials = try Self.parse(output, what: "credential_process of profile '\(profile)'")
        return ResolvedCredentials(credentials: credentials, source: "credential_process (profile '\(profile)')")
    }

    static func parse(_ output: Data, what: String) throws -> Credentials {
        guard let json = try? JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw AWSClientError.credentials("\(what) did not print a JSON object")
        }
        if let version = json["Version"] as? Int, version != 1 {
            throw AWSClientError.credentials("\(what) printed Version \(version); only Version 1 is understood")
        }
        guard let key = json["AccessKeyId"] as? String, let secret = json["SecretAccessKey"] as? String else {
            throw AWSClientError.credentials("\(what) printed no AccessKeyId and SecretAccessKey")
        }
        var expiration: Date?
        if let text = json["Expiration"] as? String {
            guard let date = ISO8601Timestamp.parse(text) else {
                throw AWSClientError.credentials("\(what) printed an Expiration that is not an ISO 8601 time: \(text)")
            }
            expiration = date
        }
        return Credentials(accessKeyID: key, secretAccessKey: secret,
                           sessionToken: json["SessionToken"] as? String ?? json["Token"] as? String, expiration: expiration)
    }

    /// Runs through the shell, as the CLI documents quoting for this setting, off the caller's thread.
    private static func run(_ command: String) async throws -> (Int32, Data, String) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", command]
                let stdout = Pipe()
                let stderr = Pipe()
                process.standardOutput = stdout
                process.standardError = stderr
                process.standardInput = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: AWSClientError.credentials("cannot run credential_process: \(error.localizedDescription)"))
                    return
                }
                let errorText = Mutex(Data())
                let group = DispatchGroup()
                group.enter()
                DispatchQueue.global().async {
                    let data = stderr.fileHandleForReading.readDataToEndOfFile()
                    errorText.withLock { $0 = data }
                    group.leave()
                }
                let output = stdout.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                let errors = String(decoding: errorText.withLock { $0 }, as: UTF8.self)
                continuation.resume(returning: (process.terminationStatus, output, errors))
            }
        }
    }
}

/// ISO 8601 times as AWS writes them, with or without fractional seconds.
public enum ISO8601Timestamp {
    public static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
