import AWSCore
import FoundationEssentials

/// Test events per function under `$XDG_CONFIG_HOME/lambda-tui/events/<function>/<name>.json`,
/// and the last payload invoked as `.last.json` beside them.
public struct SavedEventStore: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        AppDirectories.config(environment) + "/events"
    }

    public func load(function: String) -> SavedEvents {
        let folder = folder(function)
        var events = SavedEvents()
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where file.hasSuffix(".json") {
            guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8) else { continue }
            if file == ".last.json" { events.last = text } else { events.payloads[String(file.dropLast(5))] = text }
        }
        return events
    }

    public func save(function: String, name: String?, payload: String) throws {
        let folder = folder(function)
        try PrivateFile.write(Data(payload.utf8), to: folder + "/.last.json")
        if let name {
            try PrivateFile.write(Data(payload.utf8), to: folder + "/" + Self.fileName(name) + ".json")
        }
    }

    func folder(_ function: String) -> String { directory + "/" + Self.fileName(function) }

    /// Names become file names: path separators and leading dots are replaced.
    static func fileName(_ name: String) -> String {
        var safe = name.map { $0 == "/" || $0 == "\\" || $0 == ":" ? "_" : $0 }
        while safe.first == "." { safe[0] = "_" }
        return String(safe)
    }
}
