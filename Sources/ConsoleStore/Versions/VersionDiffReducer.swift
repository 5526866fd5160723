import FoundationEssentials
import LambdaAPI

/// `space` and `d` on the versions pane, the comparison's keys, and its answers.
enum VersionDiffReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        switch action {
        case .diffCommand(.mark):
            guard state.route == .pane(.versions), let name = state.focusedName, let version = state.selectedVersion?.version else { return [] }
            if state.markedVersion?.function == name, state.markedVersion?.version == version {
                state.markedVersion = nil
                state.status = "Unmarked version \(version)."
            } else {
                state.markedVersion = (name, version)
                state.status = "Marked version \(version): d on another compares the two."
            }
        case .diffCommand(.open):
            return open(&state)
        case .diffCommand(let command):
            guard case .versionDiff(let name) = state.route, var diff = state.versionDiffs[name] else { return [] }
            defer { state.versionDiffs[name] = diff }
            switch command {
            case .moveFile(let delta):
                if diff.file != nil { diff.scroll = max(0, min(1_000_000, diff.scroll + delta)); return [] }
                diff.fileCursor = max(0, min(diff.files.count - 1, diff.fileCursor + delta))
            case .openFile:
                guard diff.files.indices.contains(diff.fileCursor) else { return [] }
                let path = diff.files[diff.fileCursor].path
                diff.file = .loading(path)
                diff.scroll = 0
                return [.diffFile(function: name, old: diff.old, new: diff.new, path: path)]
            case .back:
                if diff.file != nil { diff.file = nil; diff.scroll = 0 } else { state.routes.removeLast() }
            case .mark, .open:
                break
            }
        case .codeCompared(let name, let old, let new, let result):
            guard var diff = state.versionDiffs[name], diff.old == old, diff.new == new else { return [] }
            switch result {
            case .success(let comparison): diff.code = .compared(comparison)
            case .failure(let error): diff.code = .failed(error.sentence)
            }
            state.versionDiffs[name] = diff
        case .fileDiffed(let name, let path, let result):
            guard var diff = state.versionDiffs[name], case .loading(path)? = diff.file else { return [] }
            switch result {
            case .success(let lines?): diff.file = .lines(path, lines)
            case .success(nil): diff.file = .failed(path, "the two differ over more than \(LineDiff.limit) lines: compare them with D and a diff tool")
            case .failure(let error): diff.file = .failed(path, error.sentence)
            }
            state.versionDiffs[name] = diff
        default:
            break
        }
        return []
    }

    private static func open(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.route == .pane(.versions), let name = state.focusedName, let selected = state.selectedVersion else {
            state.status = "On the versions pane: d compares the selected version with $LATEST, or with the one space marked."
            return []
        }
        let marked = state.markedVersion?.function == name ? state.markedVersion?.version : nil
        let otherName = marked ?? "$LATEST"
        guard otherName != selected.version, let other = state.versionRows.first(where: { $0.version == otherName }) else {
            state.status = marked == nil ? "Choose a published version: d compares it with $LATEST (or mark one with space first)."
                : "Choose another version than the marked one."
            return []
        }
        // Older first: published versions by number, $LATEST last.
        func rank(_ version: String?) -> Int { version == "$LATEST" ? Int.max : Int(version ?? "") ?? 0 }
        let (old, new) = rank(other.version) < rank(selected.version) ? (other, selected) : (selected, other)
        let diff = VersionDiffState(function: name, old: old, new: new)
        state.versionDiffs[name] = diff
        state.routes.append(.versionDiff(function: name))
        guard diff.code == .comparing else { return [] }
        return [.compareCode(function: name, old: diff.old, new: diff.new)]
    }
}
