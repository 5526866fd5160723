import FoundationEssentials

/// A Logs Insights query the user can run: one of the console's, one saved in the config
/// folder's `queries/`, or one the account keeps (DescribeQueryDefinitions).
public struct InsightsQuery: Sendable, Equatable {
    public enum Origin: String, Sendable {
        case builtIn = "lambda-tui", file = "queries/", account = "saved in the account"
    }

    public var name: String
    public var text: String
    public var origin: Origin
    /// The key that runs it at once from the query list.
    public var key: Character?

    public init(name: String, text: String, origin: Origin, key: Character? = nil) {
        self.name = name
        self.text = text
        self.origin = origin
        self.key = key
    }

    /// The Lambda questions asked most, each on a key. The version comes from the log stream's
    /// name (`2026/11/25/[3]abc…`), where Lambda writes it.
    public static let lambda: [InsightsQuery] = [
        InsightsQuery(name: "latest errors, with their request ids", text: """
            fields @timestamp, @requestId, @message, @logStream
            | filter @message like /(?i)(error|exception|task timed out)/
            | sort @timestamp desc
            | limit 200
            """, origin: .builtIn, key: "e"),
        InsightsQuery(name: "cold starts and init duration by version", text: """
            filter @type = "REPORT"
            | parse @logStream /\\[(?<version>[^\\]]+)\\]/
            | stats count(*) as invocations, count(@initDuration) as coldStarts, avg(@initDuration) as avgInitMs, max(@initDuration) as maxInitMs by version
            """, origin: .builtIn, key: "c"),
        InsightsQuery(name: "duration p50 / p90 / p99 by version", text: """
            filter @type = "REPORT"
            | parse @logStream /\\[(?<version>[^\\]]+)\\]/
            | stats count(*) as invocations, pct(@duration, 50) as p50, pct(@duration, 90) as p90, pct(@duration, 99) as p99, max(@duration) as maxMs by version
            """, origin: .builtIn, key: "d"),
        InsightsQuery(name: "memory used against memory size (over-provisioned?)", text: """
            filter @type = "REPORT"
            | stats max(@memorySize / 1000 / 1000) as memorySizeMB, max(@maxMemoryUsed / 1000 / 1000) as maxUsedMB, avg(@maxMemoryUsed / 1000 / 1000) as avgUsedMB, memorySizeMB - maxUsedMB as overProvisionedMB
            """, origin: .builtIn, key: "m"),
        InsightsQuery(name: "most frequent error messages", text: """
            filter @message like /(?i)(error|exception)/
            | stats count(*) as occurrences by @message
            | sort occurrences desc
            | limit 50
            """, origin: .builtIn, key: "f"),
        InsightsQuery(name: "slowest invocations", text: """
            filter @type = "REPORT"
            | fields @timestamp, @requestId, @duration, @billedDuration, @maxMemoryUsed / 1000 / 1000 as memoryUsedMB, @logStream
            | sort @duration desc
            | limit 50
            """, origin: .builtIn, key: "s"),
    ]

    /// The queries saved as files in `folder` (one query a file, named by the file), sorted by
    /// name; files that cannot be read are said, not fatal.
    public static func files(in folder: String) -> (queries: [InsightsQuery], problems: [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return ([], []) }
        var queries: [InsightsQuery] = []
        var problems: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            // A query is short; a huge file here is a mistake, not a query.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path), (attributes[.size] as? Int ?? 0) <= 64 * 1024,
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                problems.append("\(path) is not a readable query file (at most 64 KB of text)")
                continue
            }
            let trimmed = text.trimmed()
            guard !trimmed.isEmpty else { continue }
            let title = name.deletingPathExtension
            queries.append(InsightsQuery(name: title, text: trimmed, origin: .file))
        }
        return (queries, problems)
    }
}
