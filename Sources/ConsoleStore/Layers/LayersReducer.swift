import FoundationEssentials
import LambdaAPI

/// The layers view: its two lists, their cursor keys, Enter and Esc, and deleting a version
/// (ctrl-d twice, as the reference cannot undo it).
enum LayersReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date) -> [ConsoleEffect] {
        switch action {
        case .layersCommand(.open):
            if state.route != .layers { state.routes.append(.layers) }
            state.layers.openLayer = nil
            return read(&state)
        case .layersCommand(.openLayer):
            guard state.route == .layers, state.layers.openLayer == nil, let name = state.layers.selectedLayer?.layerName else { return [] }
            state.layers.openLayer = name
            state.layers.versions = []
            state.layers.versionsProblem = nil
            state.layers.versionsTable = TableState(sortColumn: .version)
            state.layers.versionsTable.ascending = false
            return [.loadLayerVersions(layer: name)]
        case .layersCommand(.back):
            if state.layers.openLayer != nil { state.layers.openLayer = nil } else if state.route == .layers { state.routes.removeLast() }
        case .layersCommand(.deleteVersion):
            guard state.route == .layers, let layer = state.layers.openLayer, let version = state.layers.selectedVersion?.version else {
                state.status = "Open a layer (Enter) and choose a version: ctrl-d twice deletes it."
                return []
            }
            guard state.confirmsChange("layer-delete-\(layer)-\(version)", now: now, refused: "deleting a layer version",
                                       asking: "ctrl-d again deletes version \(version) of layer \(layer) (it cannot be undone; functions using it keep it).")
            else { return [] }
            return [.mutate(.deleteLayerVersion(layer: layer, version: version))]
        case .layersLoaded(let result):
            state.inFlight.remove(.layers)
            state.layers.layersRead = true
            switch result {
            case .success(let layers):
                state.layers.layers = layers
                state.layers.layersProblem = nil
                rebuild(&state)
            case .failure(let error): state.layers.layersProblem = error.sentence
            }
        case .layerVersionsLoaded(let layer, let result):
            guard state.layers.openLayer == layer else { return [] }
            switch result {
            case .success(let versions):
                state.layers.versions = versions
                state.layers.versionsProblem = nil
                state.layers.policies = [:]
                rebuild(&state)
                return readPolicy(&state)
            case .failure(let error): state.layers.versionsProblem = error.sentence
            }
        case .layerPolicyLoaded(let arn, let read):
            state.layers.policies[arn] = read
        default:
            break
        }
        return []
    }

    /// The cursor keys move the list shown; `r` reads it again.
    static func intercept(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect]? {
        guard state.route == .layers, state.overlay == nil else { return nil }
        if let delta = Reducer.scrollDelta(action, page: state.pageHeight) {
            if state.layers.openLayer == nil {
                state.layers.layersTable.moveCursor(by: delta)
                state.layers.layersTable.scrollToCursor(height: state.pageHeight)
            } else {
                state.layers.versionsTable.moveCursor(by: delta)
                state.layers.versionsTable.scrollToCursor(height: state.pageHeight)
                return readPolicy(&state)
            }
            return []
        }
        switch action {
        case .refresh:
            if let layer = state.layers.openLayer { return [.loadLayerVersions(layer: layer)] }
            return read(&state)
        case .timerFired:
            return []
        default:
            return nil
        }
    }

    /// Who else may use the version under the cursor, read once.
    static func readPolicy(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let layer = state.layers.openLayer, let selected = state.layers.selectedVersion, let version = selected.version,
              let arn = selected.layerVersionArn, state.layers.policies[arn] == nil else { return [] }
        return [.loadLayerPolicy(layer: layer, version: version, arn: arn)]
    }

    private static func read(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard !state.inFlight.contains(.layers) else { return [] }
        state.inFlight.insert(.layers)
        return [.loadLayers]
    }

    static func rebuild(_ state: inout ConsoleState) {
        // Counted once over the list (not per row and frame: 50,000 functions).
        var usage: [String: Int] = [:]
        for row in state.functions { for arn in row.layerArns ?? [] { usage[arn, default: 0] += 1 } }
        state.layers.usage = usage
        let usedBy = { (arn: String) in usage[arn] ?? 0 }
        let layers = state.layers.layers, versions = state.layers.versions
        state.layers.layersTable.rebuild(rows: layers, columns: PaneColumns.layers(), word: "", key: { $0.layerArn ?? "" }, keepKey: nil)
        state.layers.versionsTable.rebuild(rows: versions, columns: PaneColumns.layerVersions(usedBy: usedBy), word: "",
                                           key: { $0.layerVersionArn ?? "" }, keepKey: nil)
    }
}
