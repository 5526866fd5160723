import LambdaAPI

/// Every action the palette offers. The palette, the direct keys and the help overlay all read
/// this one list, so a key shown is a key that works.
public enum ActionID: String, CaseIterable, Sendable {
    case invoke, publishVersion, updateCode, editConfiguration, editTags
    case createAlias, editAlias, shiftTraffic, gradualRollout, deleteAlias
    case toggleMapping, editMapping, createMapping, deleteMapping
    case reservedConcurrency, provisionedConcurrency
    case addPermission, removePermission, asyncInvocation, recursion, functionURL, runtimeUpdates, codeSigning
    case createFunction, publishLayer, invokeURL, createSigningConfig, editSigningConfig, shareLayer, unshareLayer
    case deleteFunction, deleteVersion

    public var title: String {
        switch self {
        case .invoke: "Invoke the function"
        case .publishVersion: "Publish a version"
        case .updateCode: "Update code (zip, directory, S3 or image)"
        case .editConfiguration: "Edit configuration"
        case .editTags: "Edit tags"
        case .createAlias: "Create an alias"
        case .editAlias: "Edit the alias (version, routing, description)"
        case .shiftTraffic: "Shift traffic: weights, promote, roll back"
        case .gradualRollout: "Gradual rollout: canary or linear, rolls back on errors"
        case .deleteAlias: "Delete the alias"
        case .toggleMapping: "Enable or disable the mapping"
        case .editMapping: "Edit the mapping (batch size and window)"
        case .createMapping: "Create a mapping from an event source ARN"
        case .deleteMapping: "Delete the mapping"
        case .reservedConcurrency: "Reserved concurrency"
        case .provisionedConcurrency: "Provisioned concurrency"
        case .addPermission: "Permissions: allow a service, an account or a URL to invoke it"
        case .removePermission: "Permissions: remove a statement of the policy"
        case .asyncInvocation: "Asynchronous invocation: retries, event age, destinations"
        case .recursion: "Recursive loop detection: terminate or allow"
        case .functionURL: "Function URL: create, change (auth, mode, CORS) or delete"
        case .runtimeUpdates: "Runtime updates: Auto, on function update, or a pinned runtime version"
        case .codeSigning: "Code signing: attach a configuration, or detach it"
        case .createFunction: "Create a function: hello world, a zip, a folder or an image"
        case .publishLayer: "Publish a layer version from a zip or a folder"
        case .invokeURL: "Function URL: call it (signed when its auth is AWS_IAM)"
        case .createSigningConfig: "Code signing: a new configuration (publishers, Warn or Enforce)"
        case .shareLayer: "Layer version: let an account, an organization or everyone use it"
        case .unshareLayer: "Layer version: remove a statement of its policy"
        case .editSigningConfig: "Code signing: change the configuration under the cursor"
        case .deleteFunction: "Delete the function"
        case .deleteVersion: "Delete the version"
        }
    }

    /// The key that runs it directly where it applies.
    public var directKey: String {
        switch self {
        case .invoke: "i"
        case .publishVersion: "P"
        case .updateCode: "u"
        case .editConfiguration, .editAlias, .editMapping: "e"
        case .editTags: "t"
        case .createAlias: "a"
        case .toggleMapping: "x"
        case .shiftTraffic: "s"
        case .gradualRollout: "G in shift"
        case .reservedConcurrency, .provisionedConcurrency: "c"
        case .deleteFunction, .deleteVersion, .deleteAlias, .deleteMapping: "ctrl-d"
        case .createMapping, .addPermission, .removePermission, .asyncInvocation, .recursion, .functionURL, .runtimeUpdates, .codeSigning, .createFunction, .publishLayer, .invokeURL, .createSigningConfig, .editSigningConfig, .shareLayer, .unshareLayer: ""
        }
    }

    public var destructive: Bool {
        switch self {
        case .deleteAlias, .deleteMapping, .deleteFunction, .deleteVersion, .removePermission: true
        default: false
        }
    }
}

/// The direct keys of the panes; which action one means depends on the pane.
public enum ActionKey: String, Sendable, CaseIterable {
    case invoke, publish, updateCode, edit, tags, alias, concurrency, toggleMapping, shift, delete

    /// What the key does, as a sentence says it ("Nothing to enable or disable here").
    public var verb: String {
        switch self {
        case .invoke: "invoke"
        case .publish: "publish"
        case .updateCode: "update"
        case .edit: "edit"
        case .tags: "tag"
        case .alias: "alias"
        case .concurrency: "set concurrency for"
        case .toggleMapping: "enable or disable"
        case .shift: "shift"
        case .delete: "delete"
        }
    }
}

public enum ActionCatalog {
    /// The actions that apply where the user is, in the palette's order. Every one of them changes
    /// something in AWS (invoke runs code, so it counts too): read-only mode offers none.
    public static func available(in state: ConsoleState) -> [ActionID] {
        guard !state.connection.readOnly else { return [] }
        if state.route == .layers {
            guard state.layers.openLayer != nil, let arn = state.layers.selectedVersion?.layerVersionArn else { return [.publishLayer] }
            let shared = !(state.layers.policies[arn]?.value.map(PolicyStatementRow.rows) ?? []).isEmpty
            return [.publishLayer, .shareLayer] + (shared ? [.unshareLayer] : [])
        }
        if state.route == .signing { return [.createSigningConfig] + (state.signing.selected == nil ? [] : [.editSigningConfig]) }
        // An empty account (or a list still loading) can still have a function created.
        guard state.focusedConfiguration != nil else { return state.route == .pane(.functions) ? [.createFunction] : [] }
        var actions: [ActionID] = [.invoke, .publishVersion, .updateCode, .editConfiguration, .editTags, .reservedConcurrency, .createAlias,
                                   .createMapping, .addPermission, .asyncInvocation, .recursion, .functionURL, .runtimeUpdates, .codeSigning]
        if let name = state.focusedName, state.details[name]?.url?.functionUrl != nil { actions.append(.invokeURL) }
        // A statement to remove needs the policy read (the detail's Permissions section).
        if let name = state.focusedName, !(state.resources[name]?.policy.value.map(PolicyStatementRow.rows) ?? []).isEmpty {
            actions.append(.removePermission)
        }
        switch state.pane {
        case .versions where state.selectedVersion != nil && state.selectedVersion?.version != "$LATEST":
            actions += [.provisionedConcurrency, .deleteVersion]
        case .aliases where state.selectedAlias != nil:
            actions += [.shiftTraffic, .gradualRollout, .editAlias, .provisionedConcurrency, .deleteAlias]
        case .mappings where state.selectedMapping != nil:
            actions += [.toggleMapping, .editMapping, .deleteMapping]
        default:
            break
        }
        if state.route == .pane(.functions) { actions += [.createFunction, .deleteFunction] }
        return actions
    }

    /// The key that runs `id` here, or "" where its key means another action on this pane (`c` is
    /// reserved concurrency on the functions pane and provisioned on versions and aliases).
    public static func directKey(_ id: ActionID, in state: ConsoleState) -> String {
        guard let key = ActionKey.allCases.first(where: { keyFor($0) == id.directKey }) else { return id.directKey }
        return resolve(key, in: state) == id ? id.directKey : ""
    }

    private static func keyFor(_ key: ActionKey) -> String {
        switch key {
        case .invoke: "i"
        case .publish: "P"
        case .updateCode: "u"
        case .edit: "e"
        case .tags: "t"
        case .alias: "a"
        case .concurrency: "c"
        case .toggleMapping: "x"
        case .shift: "s"
        case .delete: "ctrl-d"
        }
    }

    /// What a direct key means on the current pane, or nil where it means nothing.
    public static func resolve(_ key: ActionKey, in state: ConsoleState) -> ActionID? {
        let pane = state.pane
        let candidate: ActionID? = switch key {
        case .invoke: .invoke
        case .publish: .publishVersion
        case .updateCode: .updateCode
        case .tags: .editTags
        case .alias: pane == .aliases && state.selectedAlias != nil ? .editAlias : .createAlias
        case .edit: pane == .aliases ? .editAlias : pane == .mappings ? .editMapping : .editConfiguration
        case .concurrency: pane == .versions || pane == .aliases ? .provisionedConcurrency : .reservedConcurrency
        case .toggleMapping: pane == .mappings ? .toggleMapping : nil
        case .shift: pane == .aliases ? .shiftTraffic : nil
        case .delete:
            switch pane {
            case .versions: .deleteVersion
            case .aliases: .deleteAlias
            case .mappings: .deleteMapping
            case .functions, .logs: .deleteFunction
            }
        }
        guard let candidate, available(in: state).contains(candidate) else { return nil }
        return candidate
    }
}

extension ConsoleState {
    public var selectedVersion: FunctionConfiguration? { selectedRow(.versions, versionRows) }
    public var selectedAlias: AliasConfiguration? { selectedRow(.aliases, aliasRows) }
    public var selectedMapping: EventSourceMappingConfiguration? { selectedRow(.mappings, mappingRows) }

    private func selectedRow<Row>(_ pane: Pane, _ rows: [Row]) -> Row? {
        guard let index = tables[pane]?.selectedIndex, rows.indices.contains(index) else { return nil }
        return rows[index]
    }
}
