import FoundationEssentials

/// `:audit`: the journal's entries for this profile and region, and `u` (twice) to undo one.
enum AuditReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date) -> [ConsoleEffect] {
        switch action {
        case .auditCommand(.open):
            if state.route != .audit { state.routes.append(.audit) }
            return [.loadJournal]
        case .auditCommand(.back):
            if state.route == .audit { state.routes.removeLast() }
        case .auditCommand(.undo):
            guard state.route == .audit, let index = state.journalTable.selectedIndex, state.journal.indices.contains(index) else { return [] }
            let entry = state.journal[index]
            guard !entry.undone else {
                state.status = "Already undone."
                return []
            }
            guard entry.undo != nil else {
                state.status = "\(entry.action) on \(entry.target): \(entry.notUndoable ?? "not undoable")."
                return []
            }
            guard state.confirmsChange("undo-\(entry.id)", now: now, refused: "undo",
                                       asking: "u again takes back \(entry.action) on \(entry.target) (refused if anything changed since).")
            else { return [] }
            state.status = "Undoing \(entry.action) on \(entry.target)…"
            return [.undo(entry)]
        case .journalLoaded(let entries):
            state.journal = entries
            state.journalTable.rebuild(count: entries.count, matches: { _ in true }, sortKey: { .number(-Double($0)) }, keepRow: nil)
        case .undoFinished(let id, let outcome):
            switch outcome {
            case .done(let sentence, _):
                state.status = "Undone: " + sentence
                if let index = state.journal.firstIndex(where: { $0.id == id }) { state.journal[index].undone = true }
                return state.route == .audit ? [.loadJournal] : []
            case .conflict(let sentence): state.lastError = sentence
            case .failed(let sentence): state.lastError = "Undo failed: " + sentence
            case .invoked, .burst: break
            }
        default:
            break
        }
        return []
    }
}
