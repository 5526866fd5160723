import AWSCore
import Foundation
import LambdaAPI

/// The last function list of a profile, region and endpoint, kept under
/// `$XDG_CACHE_HOME/lambda-tui/` so that the next start draws it at once, marked with its age,
/// while the real list is read. Written atomically, mode 600, without environment variables
/// (the only secrets a listing holds); versioned, so that another format is ignored, not misread.
public struct ListingCache: Sendable {
    /// 3: `FunctionRow`s, read with the client's own JSON decoder (Foundation's took most of a
    /// second for 20,000 rows, before the first frame).
    public static let version = 3
    let path: String

    struct File: Codable {
        var version: Int
        /// Seconds since 1970.
        var savedAt: Double
        var functions: [FunctionRow]
    }

    /// One file per profile, region and endpoint, named by a digest of the three.
    public init(folder: String, profile: String, region: String, endpoint: String) {
        let digest = Digest.hex(Digest.sha256("\(profile)\n\(region)\n\(endpoint)")).prefix(24)
        path = folder + "/functions-\(digest).json"
    }

    public func load() -> (functions: [FunctionRow], savedAt: Date)? {
        guard let data = try? LocalFile.read(path, limit: 256 << 20),
              let file = try? JSONValueDecoder().decode(File.self, from: data), file.version == Self.version else { return nil }
        return (file.functions, Date(timeIntervalSince1970: file.savedAt))
    }

    public func save(_ functions: [FunctionRow], at date: Date) throws {
        let data = try LambdaJSON.encoder().encode(File(version: Self.version, savedAt: date.timeIntervalSince1970, functions: functions))
        try PrivateFile.write(data, to: path)
    }
}
