import AWSCore
import LambdaAPI
import FoundationEssentials

/// How to take a change back: the state before it, as the inverse call needs it, and what the
/// change left (its RevisionId, or the values it set) so that an undo can tell whether anything
/// changed since. Environment values are never kept: a change to them is not undoable.
public enum UndoStep: Codable, Sendable, Equatable {
    case alias(function: String, name: String, version: String, description: String, additionalVersion: String?, weight: Double,
               revision: String?)
    case configuration(function: String, previous: PreviousConfiguration, revision: String?)
    case tags(function: String, arn: String, restore: [String: String], remove: [String], left: [String: String])
    case mapping(function: String, uuid: String, enabled: Bool)
    case reservedConcurrency(function: String, previous: Int?, left: Int?)
    case recursion(function: String, previous: String, left: String)

    /// The call that takes the change back, guarded by the RevisionId the change left where the API takes one.
    public var inverse: Mutation {
        switch self {
        case .alias(let function, let name, let version, let description, let extra, let weight, let revision):
            return .updateAlias(function: function, AliasSettings(name: name, version: version, description: description, additionalVersion: extra,
                                                                  weight: weight, before: nil), revisionId: revision)
        case .configuration(let function, let previous, let revision):
            return .updateConfiguration(function: function, previous.changes, revisionId: revision)
        case .tags(let function, let arn, let restore, let remove, _):
            return .setTags(function: function, arn: arn, add: restore, remove: remove)
        case .mapping(let function, let uuid, let enabled):
            return .setMappingEnabled(function: function, uuid: uuid, enabled: enabled)
        case .reservedConcurrency(let function, let previous, _):
            return .setReservedConcurrency(function: function, previous)
        case .recursion(let function, let previous, _):
            return .setRecursion(function: function, loop: previous)
        }
    }
}

/// The configuration fields a change touched, as they were before it (environment never).
public struct PreviousConfiguration: Codable, Sendable, Equatable {
    public var description: String?
    public var handler: String?
    public var runtime: String?
    public var memorySize: Int?
    public var timeout: Int?
    public var ephemeralStorage: Int?
    public var tracingMode: String?
    public var layers: [String]?

    var changes: ConfigurationChanges {
        var changes = ConfigurationChanges()
        changes.description = description
        changes.handler = handler
        changes.runtime = runtime.map(Runtime.init(rawValue:))
        changes.memorySize = memorySize
        changes.timeout = timeout
        changes.ephemeralStorage = ephemeralStorage
        changes.tracingMode = tracingMode.map(TracingMode.init(rawValue:))
        changes.layers = layers
        return changes
    }
}

/// One change the console made, as `:audit` lists it: what, where, and how to undo it (or why not).
public struct JournalEntry: Codable, Sendable, Equatable {
    public var id: String
    public var time: Date
    public var profile: String
    public var region: String
    public var action: String
    public var target: String
    public var undo: UndoStep?
    public var notUndoable: String?
    /// Set when an undo of this entry went through.
    public var undone = false

    public init(id: String = UUID().uuidString, time: Date, profile: String, region: String, action: String, target: String,
                undo: UndoStep?, notUndoable: String?) {
        self.id = id
        self.time = time
        self.profile = profile
        self.region = region
        self.action = action
        self.target = target
        self.undo = undo
        self.notUndoable = notUndoable
    }
}

/// `$XDG_STATE_HOME/lambda-tui/journal.jsonl` beside the audit log: one JSON line per change and
/// one per undo (`{"undid": ID}`), 0600, read back newest first and bounded.
public struct Journal: Sendable {
    public let path: String
    public static let readLimit = 20_000_000

    public init(path: String) {
        self.path = path
    }

    public func append(_ entry: JournalEntry) throws {
        try PrivateFile.append(Self.line(entry), to: path)
    }

    public func markUndone(_ id: String) throws {
        try PrivateFile.append(try JSONEncoder().encode(["undid": id]) + Data("\n".utf8), to: path)
    }

    static func line(_ entry: JournalEntry) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        return try encoder.encode(entry) + Data("\n".utf8)
    }

    /// The entries of this profile and region, newest first; lines that do not read are skipped.
    public func load(profile: String, region: String, limit: Int = 500) -> [JournalEntry] {
        guard let text = try? LocalFile.readText(path, limit: Self.readLimit) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        var entries: [JournalEntry] = []
        var undone = Set<String>()
        for line in text.split(separator: "\n") {
            let data = Data(line.utf8)
            if let entry = try? decoder.decode(JournalEntry.self, from: data) {
                if entry.profile == profile, entry.region == region { entries.append(entry) }
            } else if let mark = try? decoder.decode([String: String].self, from: data), let id = mark["undid"] {
                undone.insert(id)
            }
        }
        return entries.suffix(limit).reversed().map { entry in
            var entry = entry
            entry.undone = undone.contains(entry.id)
            return entry
        }
    }
}
