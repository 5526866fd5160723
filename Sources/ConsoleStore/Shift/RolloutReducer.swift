import FoundationEssentials

/// Keys of the rollout view and of the offer to resume.
public enum RolloutCommand: Sendable, Equatable {
    case open, close, resume, abort, confirmAbort
}

enum RolloutReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        switch action {
        case .rolloutUpdated(let rollout):
            let previous = state.rollouts[rollout.key]
            state.rollouts[rollout.key] = rollout
            if !rollout.status.isActive || rollout.status == .paused, let message = rollout.message, previous?.message != message {
                // One sentence at a time: a rollback's must not leave an earlier completion to
                // come back when it is dismissed.
                if rollout.status == .completed {
                    state.status = "\(rollout.key): \(message)"
                    state.lastError = nil
                } else {
                    state.lastError = "\(rollout.key): \(message)"
                    state.status = nil
                }
            }
            // Every step changed the alias: the panes read it again.
            return previous?.appliedWeight != rollout.appliedWeight || previous?.status != rollout.status
                ? ActionReducer.reload(rollout.function, &state) : []
        case .rolloutsFound(let rollouts):
            for rollout in rollouts { state.rollouts[rollout.key] = rollout }
            if let first = rollouts.first { state.overlay = .rollout(RolloutPanel(key: first.key, offersResume: true)) }
        case .rolloutCommand(let key, let command):
            guard let rollout = state.rollouts[key] else { return [] }
            if state.connection.readOnly, command != .open, command != .close { return ActionReducer.refuse(&state, "changing a rollout") }
            switch command {
            case .open:
                state.overlay = .rollout(RolloutPanel(key: key))
            case .close:
                state.overlay = nil
            case .resume:
                guard rollout.status == .paused || rollout.status == .running else { return [] }
                state.overlay = .rollout(RolloutPanel(key: key))
                return [.runRollout(rollout)]
            case .abort:
                guard rollout.status.isActive, case .rollout(var panel) = state.overlay else { return [] }
                panel.confirmingAbort = true
                state.overlay = .rollout(panel)
            case .confirmAbort:
                guard rollout.status.isActive else { return [] }
                state.overlay = .rollout(RolloutPanel(key: key))
                return [.abortRollout(rollout)]
            }
        default:
            break
        }
        return []
    }

    /// A submitted rollout form: starts the rollout and shows its view.
    static func start(_ form: FormState, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let alias = state.selectedAlias, alias.name == form.target.qualifier, let primary = alias.functionVersion,
              let rollout = FormSubmission.rollout(from: form, description: alias.description ?? "", primary: primary) else {
            state.lastError = "The alias is no longer selected; open the rollout again."
            state.overlay = nil
            return []
        }
        if let running = state.rollouts[rollout.key], running.status.isActive {
            state.lastError = "\(rollout.key) already has a rollout \(running.status.rawValue); abort it first."
            state.overlay = .rollout(RolloutPanel(key: rollout.key))
            return []
        }
        state.rollouts[rollout.key] = rollout
        state.overlay = .rollout(RolloutPanel(key: rollout.key))
        return [.runRollout(rollout)]
    }
}

extension ConsoleState {
    /// What share of recent invocations each version served: the console's own invocations
    /// (their ExecutedVersion) and the START lines of the log streams read (`[VERSION]` in their names).
    public func observedSplit(_ function: String) -> [(version: String, count: Int)] {
        var counts = executedVersions[function] ?? [:]
        for line in logLines[function] ?? [] where line.message.hasPrefix("START RequestId") {
            guard let open = line.stream.firstIndex(of: "["), let close = line.stream[open...].firstIndex(of: "]") else { continue }
            counts[String(line.stream[line.stream.index(after: open)..<close]), default: 0] += 1
        }
        return counts.map { ($0.key, $0.value) }.sorted { $0.count > $1.count }
    }
}
