import FoundationEssentials

/// The keys of the traffic shift view.
public enum ShiftEdit: Sendable, Equatable {
    /// `+`/`-` (5 points), `>`/`<` (1 point).
    case by(Double)
    /// `1`-`9` (10 % to 90 %), `0` (no routing).
    case to(Double)
    /// Another target version.
    case target(Int)
    /// `P` and `R` ask for confirmation first.
    case promote, rollBack
    /// Enter: applies the weight, or the promotion or rollback being confirmed.
    case confirm
    /// Esc: drops a pending confirmation, else closes the view.
    case cancel
}

enum ShiftReducer {
    static func reduce(_ state: inout ConsoleState, _ edit: ShiftEdit) -> [ConsoleEffect] {
        guard case .shift(var shift) = state.overlay else { return [] }
        if state.connection.readOnly { return ActionReducer.refuse(&state, "shifting traffic") }
        switch edit {
        case .by(let points): shift.adjust(by: points)
        case .to(let percent): shift.set(percent)
        case .target(let step): shift.nextTarget(step)
        case .promote:
            guard shift.target != nil else {
                shift.banner = "There is no other published version to promote."
                break
            }
            shift.confirming = .promote
        case .rollBack: shift.confirming = .rollBack
        case .cancel:
            guard shift.confirming != nil else {
                state.overlay = nil
                return []
            }
            shift.confirming = nil
        case .confirm:
            if state.inFlight.contains(.mutation) {
                shift.banner = "Another change is still running; wait for it to finish."
                break
            }
            let command = shift.confirming ?? .apply
            if command == .apply, shift.weight > 0, shift.target == nil {
                shift.banner = "There is no other published version to send traffic to; publish one first."
                break
            }
            let settings = shift.settings(for: command)
            shift.confirming = nil
            shift.banner = nil
            return ActionReducer.start(.updateAlias(function: shift.function, settings, revisionId: shift.revisionId),
                                       reopening: .shift(shift), &state)
        }
        state.overlay = .shift(shift)
        return []
    }

    /// After a conflict: the alias as it now is becomes "before" and brings its RevisionId; the
    /// target and weight the user set stay.
    static func refresh(_ shift: inout TrafficShift, from state: ConsoleState) {
        guard let alias = state.aliasRows.first(where: { $0.name == shift.alias }),
              let fresh = TrafficShift(function: shift.function, alias: alias, versions: state.versionRows) else { return }
        shift.revisionId = fresh.revisionId
        shift.primary = fresh.primary
        shift.candidates = fresh.candidates
        shift.before = fresh.before
        shift.description = fresh.description
        shift.staleRevision = false
        shift.banner = (shift.banner ?? "") + " Refreshed: Enter applies your weight over the new state."
    }
}
