import AWSCore
import FoundationEssentials
import LambdaAPI

/// The journal behind undo: before a change, what it is about to replace is read (the alias's
/// routing, the configuration fields it changes, the tags it touches…); after it, the RevisionId
/// it left. An undo sends the inverse guarded by that RevisionId, or, where the API takes none,
/// after checking that what the change set is still there.
extension EffectRunner {
    var journal: Journal? {
        audit.map { Journal(path: $0.path.parentPath + "/journal.jsonl") }
    }

    /// What `mutation` will replace, read now; or why it cannot be undone.
    func undoCapture(_ mutation: Mutation) async -> (step: UndoStep?, reason: String?) {
        do {
            switch mutation {
            case .updateAlias(let function, let settings, _):
                let alias = try await lambda.getAlias(function, name: settings.name)
                let weight = alias.routingConfig?.additionalVersionWeights?.first
                return (.alias(function: function, name: settings.name, version: alias.functionVersion ?? "", description: alias.description ?? "",
                               additionalVersion: weight?.key, weight: weight?.value ?? 0, revision: nil), nil)
            case .updateConfiguration(let function, let changes, _):
                if changes.environment != nil || changes.logFormat != nil {
                    return (nil, "environment values are never kept, and logging is replaced whole: not undoable")
                }
                let current = try await lambda.getFunctionConfiguration(function)
                var previous = PreviousConfiguration()
                if changes.description != nil { previous.description = current.description ?? "" }
                if changes.handler != nil { previous.handler = current.handler }
                if changes.runtime != nil { previous.runtime = current.runtime?.rawValue }
                if changes.memorySize != nil { previous.memorySize = current.memorySize }
                if changes.timeout != nil { previous.timeout = current.timeout }
                if changes.ephemeralStorage != nil { previous.ephemeralStorage = current.ephemeralStorage?.size }
                if changes.tracingMode != nil { previous.tracingMode = current.tracingConfig?.mode?.rawValue }
                if changes.layers != nil { previous.layers = (current.layers ?? []).compactMap(\.arn) }
                return (.configuration(function: function, previous: previous, revision: nil), nil)
            case .setTags(let function, let arn, let add, let remove):
                let current = try await lambda.listTags(arn)
                let restore = (Array(add.keys) + remove).reduce(into: [String: String]()) { result, key in if let value = current[key] { result[key] = value } }
                let removeAgain = add.keys.filter { current[$0] == nil }.sorted()
                return (.tags(function: function, arn: arn, restore: restore, remove: removeAgain, left: add), nil)
            case .setMappingEnabled(let function, let uuid, let enabled):
                return (.mapping(function: function, uuid: uuid, enabled: !enabled), nil)
            case .setReservedConcurrency(let function, let value):
                let current = try await lambda.getFunctionConcurrency(function).reservedConcurrentExecutions
                return (.reservedConcurrency(function: function, previous: current, left: value), nil)
            case .setRecursion(let function, let loop):
                // Unset is Lambda's default, Terminate; a read that fails says so rather than guessing.
                let current = try await lambda.getFunctionRecursionConfig(function).recursiveLoop ?? "Terminate"
                return (.recursion(function: function, previous: current, left: loop), nil)
            case .deleteFunction, .deleteAlias, .deleteMapping, .deleteLayerVersion, .removePermission:
                return (nil, "a deletion cannot be undone")
            case .invoke:
                return (nil, "an invocation ran: nothing to undo")
            default:
                return (nil, "not undoable from the console")
            }
        } catch {
            return (nil, "the state before it could not be read: \(Self.consoleError(error).sentence)")
        }
    }

    /// The entry for a change that went through, with the RevisionId it left.
    func journalEntry(_ mutation: Mutation, _ capture: (step: UndoStep?, reason: String?)) async -> JournalEntry? {
        guard let audit else { return nil }
        var step = capture.step
        switch step {
        case .alias(let function, let name, let version, let description, let extra, let weight, _)?:
            let revision = try? await lambda.getAlias(function, name: name).revisionId
            step = .alias(function: function, name: name, version: version, description: description, additionalVersion: extra, weight: weight,
                          revision: revision)
        case .configuration(let function, let previous, _)?:
            step = .configuration(function: function, previous: previous, revision: try? await lambda.getFunctionConfiguration(function).revisionId)
        default:
            break
        }
        return JournalEntry(time: Date(), profile: audit.profile, region: audit.region, action: mutation.auditAction, target: mutation.auditTarget,
                            undo: step, notUndoable: step == nil ? capture.reason ?? "not undoable" : nil)
    }

    /// Takes an entry's change back, or says what changed since.
    func undo(_ entry: JournalEntry, progress: @escaping @Sendable (ConsoleAction) -> Void) async -> ConsoleAction {
        guard !readOnly else { return .undoFinished(id: entry.id, .failed("Read-only mode: the undo was not sent.")) }
        guard let step = entry.undo else { return .undoFinished(id: entry.id, .failed(entry.notUndoable ?? "not undoable")) }
        if let changed = await changedSince(step) {
            return .undoFinished(id: entry.id, .conflict("Undo refused: \(changed) since that change; undo would overwrite it."))
        }
        let answer = await mutate(step.inverse, progress: progress)
        guard case .mutationFinished(_, let outcome) = answer else { return answer }
        if case .done = outcome { try? journal?.markUndone(entry.id) }
        return .undoFinished(id: entry.id, outcome)
    }

    /// Where the API takes no RevisionId: what the change set, if it is no longer there.
    private func changedSince(_ step: UndoStep) async -> String? {
        do {
            switch step {
            case .tags(_, let arn, _, _, let left):
                let now = try await lambda.listTags(arn)
                let moved = left.keys.filter { now[$0] != left[$0] }.sorted()
                return moved.isEmpty ? nil : "tag \(moved.joined(separator: ", ")) changed"
            case .mapping(_, let uuid, let enabled):
                let state = try await lambda.getEventSourceMapping(uuid).state ?? ""
                // The change set the opposite of what undo restores.
                let changeLeftEnabled = !enabled
                let isEnabled = ["Enabled", "Enabling"].contains(state)
                return isEnabled == changeLeftEnabled ? nil : "the mapping is \(state) now"
            case .reservedConcurrency(let function, _, let left):
                let now = try await lambda.getFunctionConcurrency(function).reservedConcurrentExecutions
                return now == left ? nil : "the reserved concurrency is \(now.map(String.init) ?? "unreserved") now"
            case .recursion(let function, _, let left):
                let now = try await lambda.getFunctionRecursionConfig(function).recursiveLoop ?? "Terminate"
                return now == left ? nil : "recursive loops are \(now) now"
            case .alias(let function, let name, _, _, _, _, let revision?):
                // The call carries the RevisionId too; read first, so that what changed can be said.
                let now = try await lambda.getAlias(function, name: name)
                return now.revisionId == revision ? nil : "the alias changed (it routes to version \(now.functionVersion ?? "?") now)"
            case .configuration(let function, _, let revision?):
                let now = try await lambda.getFunctionConfiguration(function)
                return now.revisionId == revision ? nil : "the function changed (RevisionId \(now.revisionId?.prefix(8) ?? "?")…)"
            case .alias, .configuration:
                return "the RevisionId the change left was not read"
            }
        } catch {
            return "it could not be read (\(Self.consoleError(error).sentence))"
        }
    }
}
