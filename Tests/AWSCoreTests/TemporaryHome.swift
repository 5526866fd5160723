import Foundation

/// A throw-away HOME with ~/.aws files, so credential and config tests never read the real ones.
/// Removed when the test lets go of it.
final class TemporaryHome {
    let path: String

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    init(config: String? = nil, credentials: String? = nil) throws {
        path = NSTemporaryDirectory() + "lambda-tui-home-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
        if let config { try write(".aws/config", config) }
        if let credentials { try write(".aws/credentials", credentials) }
    }

    func write(_ relative: String, _ text: String, executable: Bool = false) throws {
        try text.write(toFile: path + "/" + relative, atomically: true, encoding: .utf8)
        if executable {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path + "/" + relative)
        }
    }

    /// An environment with only this HOME and what the test adds.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["HOME": path, "AWS_EC2_METADATA_DISABLED": "true"].merging(extra) { $1 }
    }
}
