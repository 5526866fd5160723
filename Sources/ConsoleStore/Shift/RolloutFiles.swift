import AWSCore
import FoundationEssentials

/// Rollouts on disk: `$XDG_STATE_HOME/lambda-tui/rollouts/FUNCTION~ALIAS.json`, written after
/// every step; removed once a rollout has ended.
public struct RolloutFiles: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        AppDirectories.state(environment) + "/rollouts"
    }

    func path(_ rollout: Rollout) -> String {
        directory + "/" + SavedEventStore.fileName("\(rollout.function)~\(rollout.alias)") + ".json"
    }

    public func save(_ rollout: Rollout) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if rollout.status.isActive {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try PrivateFile.write(try encoder.encode(rollout), to: path(rollout))
        } else {
            try? FileManager.default.removeItem(atPath: path(rollout))
        }
    }

    /// The rollouts a previous console left running or paused.
    public func unfinished() -> [Rollout] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().compactMap { file in
            guard let data = FileManager.default.contents(atPath: directory + "/" + file) else { return nil }
            return (try? decoder.decode(Rollout.self, from: data)).flatMap { $0.status.isActive ? $0 : nil }
        }
    }
}
