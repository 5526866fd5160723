import FoundationEssentials

/// The reducer's part for the action palette, its forms and the mutations they start.
public enum ActionReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date = Date()) -> [ConsoleEffect] {
        switch action {
        case .openPalette:
            if state.connection.readOnly { return refuse(&state, "the action palette") }
            guard state.focusedConfiguration != nil else {
                state.lastError = "Select a function first: the palette acts on the selection."
                return []
            }
            state.overlay = .palette(PaletteState())
        case .editPalette(let text):
            guard case .palette(var palette) = state.overlay else { return [] }
            palette.filter = TextLimits.cut(text, TextLimits.search, &state)
            palette.cursor = 0
            state.overlay = .palette(palette)
        case .choosePaletteItem:
            guard case .palette(let palette) = state.overlay else { return [] }
            let items = paletteItems(state, filter: palette.filter)
            guard items.indices.contains(palette.cursor) else { return [] }
            return open(items[palette.cursor], &state)
        case .perform(let key):
            if state.connection.readOnly { return refuse(&state, "this key") }
            guard let id = ActionCatalog.resolve(key, in: state) else {
                let what = key == .toggleMapping ? "a mapping" : key == .shift ? "an alias" : "a function"
                state.lastError = "Nothing to \(key.verb) here: select \(what) first."
                return []
            }
            if key == .alias, id == .createAlias, state.pane != .aliases {
                // `a` away from the aliases pane lists the alias actions to choose from.
                var palette = PaletteState()
                palette.filter = "alias"
                state.overlay = .palette(palette)
                return []
            }
            return open(id, &state)
        case .openAction(let id):
            return open(id, &state)
        case .editField(let text):
            editForm(&state) { form in
                guard let field = form.focusedField else { return }
                if case .choice = field.kind { return }
                form.set(field.id, text)
            }
        case .setField(let id, let value):
            editForm(&state) { $0.set(id, value) }
        case .moveFieldFocus(let delta):
            editForm(&state) { form in
                form.focus = max(0, min(form.fields.count - 1, form.focus + delta))
                form.tidyPairs()
            }
        case .cycleChoice(let delta):
            let savedEvents = state.savedEvents
            editForm(&state) { form in
                guard let field = form.focusedField, case .choice(let choices, _) = field.kind, !choices.isEmpty else { return }
                let index = choices.firstIndex(of: field.value) ?? 0
                let next = choices[(index + delta + choices.count) % choices.count]
                form.set(field.id, next)
                if form.action == .invoke, field.id == .savedEvent, let function = savedEvents[form.target.function] {
                    // Choosing a saved event puts its payload in the editor.
                    form.set(.payload, next == "(last payload)" ? (function.last ?? "{}") : (function.payloads[next] ?? "{}"))
                }
                if form.action == .addPermission, field.id == .principalPreset, let preset = PermissionPreset(rawValue: next) {
                    // The preset's principal, unless the user typed one of their own; a URL's auth type with it.
                    let typed = form.value(.principal)
                    if typed.isEmpty || PermissionPreset.allCases.contains(where: { $0.principal == typed }) { form.set(.principal, preset.principal) }
                    form.set(.urlAuthType, preset == .url ? "AWS_IAM" : "")
                }
            }
        case .toggleFormSecrets:
            editForm(&state) { $0.revealsSecrets.toggle() }
        case .submitForm:
            return submit(&state, now: now)
        case .savedEventsLoaded(let function, let events):
            state.savedEvents[function] = events
            editForm(&state) { form in
                guard form.action == .invoke, form.target.function == function, form.field(.payload)?.changed == false else { return }
                let options = ["(last payload)"] + events.names
                if let index = form.fields.firstIndex(where: { $0.id == .savedEvent }) { form.fields[index].kind = .choice(options) }
                if let last = events.last { form.set(.payload, last) }
            }
        case .accountLimitLoaded(let result):
            state.inFlight.remove(.accountLimit)
            switch result {
            case .success(let limit):
                state.accountLimit = limit
                state.accountLimitProblem = nil
            case .failure(let error):
                state.accountLimitProblem = error.message
            }
            editForm(&state) { form in
                guard form.action == .reservedConcurrency else { return }
                form.waitingFor = nil
            }
            if case .form(let form) = state.overlay, form.action == .reservedConcurrency {
                state.overlay = .form(ReservedConcurrency.describe(form, state))
            }
        case .mutationProgress(let text):
            state.activity = text
        case .mutationFinished(let mutation, let outcome):
            return finish(mutation, outcome, &state, now: now)
        default:
            break
        }
        return []
    }

    /// The palette's entries for what is typed: every letter in order, in the title or the key.
    public static func paletteItems(_ state: ConsoleState, filter: String) -> [ActionID] {
        let available = ActionCatalog.available(in: state)
        let letters = filter.lowercased().filter { $0 != " " }
        guard !letters.isEmpty else { return available }
        return available.filter { id in
            var remaining = Substring(letters)
            for character in id.title.lowercased() where remaining.first == character { remaining = remaining.dropFirst() }
            return remaining.isEmpty
        }
    }

    static func refuse(_ state: inout ConsoleState, _ what: String) -> [ConsoleEffect] {
        state.lastError = "Read-only mode: \(what) would change AWS, so it is off. Start without --read-only to change things."
        return []
    }

    static func open(_ id: ActionID, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.connection.readOnly { return refuse(&state, id.title.lowercased()) }
        if id == .shiftTraffic, let name = state.focusedName, let aliasName = state.selectedAlias?.name,
           state.rollouts[AliasKey(function: name, alias: aliasName)]?.status.isActive == true {
            // While a rollout drives the alias, `s` shows the rollout instead of a second driver.
            state.overlay = .rollout(RolloutPanel(key: AliasKey(function: name, alias: aliasName)))
            return []
        }
        if id == .shiftTraffic {
            guard let name = state.focusedName, let alias = state.selectedAlias,
                  let shift = TrafficShift(function: name, alias: alias, versions: state.versionRows) else {
                state.lastError = "Select an alias to shift its traffic."
                return []
            }
            state.overlay = .shift(shift)
            return []
        }
        guard let form = ActionForms.form(for: id, in: state) else {
            state.lastError = "\(id.title): select what it applies to first."
            return []
        }
        if id != .invoke, state.details[form.target.function] == nil {
            // A list row holds only what the list shows (`FunctionRow`): the environment,
            // layers, tags, RevisionId and CodeSha256 a form starts from come with the detail, so
            // it is read first, and nothing not seen is sent over. Nor is a list from the last
            // run's cache ever the basis of a change.
            var waiting = form
            let what = id == .editTags ? "the tags of \(form.target.function)" : "the current configuration of \(form.target.function)"
            waiting.waitingFor = what
            waiting.banner = "Loading \(what)…"
            state.overlay = .form(waiting)
            return Reducer.load(.versions, &state)
        }
        if id == .reservedConcurrency {
            // A reservation must leave the account 100 unreserved executions: its limit is read
            // each time (other functions reserve too); the first time, before anything is sent.
            var waiting = ReservedConcurrency.describe(form, state)
            if state.accountLimit == nil { waiting.waitingFor = "the account's concurrency limit" }
            state.overlay = .form(waiting)
            guard !state.inFlight.contains(.accountLimit) else { return [] }
            state.inFlight.insert(.accountLimit)
            return [.loadAccountLimit]
        }
        state.overlay = .form(ReservedConcurrency.describe(form, state))
        if id == .invoke, state.savedEvents[form.target.function] == nil {
            return [.loadSavedEvents(function: form.target.function)]
        }
        return []
    }

    static func editForm(_ state: inout ConsoleState, _ change: (inout FormState) -> Void) {
        guard case .form(var form) = state.overlay else { return }
        change(&form)
        state.overlay = .form(form)
    }

    static func submit(_ state: inout ConsoleState, now: Date) -> [ConsoleEffect] {
        guard case .form(var form) = state.overlay else { return [] }
        if state.connection.readOnly { return refuse(&state, form.title.lowercased()) }
        if let waiting = form.waitingFor {
            form.banner = "Still loading \(waiting); nothing was sent."
            state.overlay = .form(form)
            return []
        }
        guard !state.inFlight.contains(.mutation) else {
            form.banner = "Another change is still running; wait for it to finish."
            state.overlay = .form(form)
            return []
        }
        var valid = FieldRules.validate(&form)
        // Keys both sides changed are shown once as errors; Enter again keeps the user's values.
        for index in form.fields.indices where form.fields[index].conflict != nil {
            form.fields[index].error = form.fields[index].conflict
            form.fields[index].conflict = nil
            valid = false
        }
        for (id, message) in FormSubmission.actionErrors(form) + ReservedConcurrency.errors(form, state) {
            guard let index = form.fields.firstIndex(where: { $0.id == id }), form.fields[index].error == nil else { continue }
            form.fields[index].error = message
            valid = false
        }
        if valid, form.action == .gradualRollout { return RolloutReducer.start(form, &state) }
        guard valid, let mutation = FormSubmission.mutation(from: form) else {
            if let first = form.fields.firstIndex(where: { $0.error != nil }) { form.focus = first }
            form.banner = "Fix the fields marked below; nothing was sent."
            state.overlay = .form(form)
            return []
        }
        // A version is for ever (its number is never given again): the first Enter says what
        // would be published, so one stray Enter from the palette publishes nothing.
        if form.readBack == nil, let sentence = FormSubmission.readBack(mutation) {
            form.readBack = sentence
            form.banner = sentence
            state.overlay = .form(form)
            return []
        }
        form.banner = nil
        form.readBack = nil
        if case .invoke(let request) = mutation {
            // The invoke screen shows the request running; the form comes back only if it fails.
            let effects = InvokeReducer.begin(request, &state, now: now)
            return effects + start(mutation, reopening: .form(form), &state)
        }
        return start(mutation, reopening: .form(form), &state)
    }

    /// Sends `mutation`, one at a time; `overlay` comes back as it was if it fails.
    static func start(_ mutation: Mutation, reopening overlay: Overlay?, _ state: inout ConsoleState) -> [ConsoleEffect] {
        state.pendingOverlay = overlay
        state.overlay = nil
        state.inFlight.insert(.mutation)
        state.activity = "\(mutation.auditAction) \(mutation.auditTarget)"
        state.status = nil
        return [.mutate(mutation)]
    }

    static func finish(_ mutation: Mutation, _ outcome: MutationOutcome, _ state: inout ConsoleState, now: Date) -> [ConsoleEffect] {
        state.inFlight.remove(.mutation)
        state.activity = nil
        let pending = state.pendingOverlay
        state.pendingOverlay = nil
        switch outcome {
        case .done(let message, let select):
            state.status = message
            state.lastError = nil
            if case .deleteFunction(let function, nil) = mutation {
                state.details[function] = nil
                if state.focusedName == function { state.focusedFunction = nil }
                state.routes = [.pane(.functions)]
            }
            if let (pane, key) = select {
                state.pendingSelection[pane] = key
                state.routes = [.pane(pane)]
            }
        case .invoked(let result):
            state.status = "Invoked \(mutation.auditTarget): status \(result.statusCode)\(result.functionError.map { ", \($0) error" } ?? "")"
            if let version = result.executedVersion { state.executedVersions[result.function, default: [:]][version, default: 0] += 1 }
            if case .invoke(let request) = mutation {
                InvokeReducer.answered(result, request, &state, now: now)
                if var events = state.savedEvents[result.function] {
                    events.last = request.payload
                    if let name = request.saveAs { events.payloads[name] = request.payload }
                    state.savedEvents[result.function] = events
                }
            }
        case .burst(let progress):
            if case .invoke(let request) = mutation { InvokeReducer.burstEnded(progress, request: request, &state, now: now) }
            let versions = progress.split.map { "\($0.version): \($0.count)" }.joined(separator: ", ")
            state.status = "Burst \(progress.stopped ? "stopped" : "done"): \(progress.answered) of \(progress.spec.count) answered"
                + (versions.isEmpty ? "" : " (\(versions))") + (progress.failed > 0 ? ", \(progress.failed) failed" : "")
        case .conflict(let message), .failed(let message):
            state.lastError = message
            if case .invoke = mutation { state.invokeSessions[mutation.function]?.running = false }
            // The form or shift view comes back as the user left it; on a conflict the refresh
            // below brings the RevisionId that the next try carries.
            let conflict = if case .conflict = outcome { true } else { false }
            switch pending {
            case .form(var form):
                form.banner = message
                form.staleRevision = conflict
                state.overlay = .form(form)
            case .shift(var shift):
                shift.banner = message
                shift.staleRevision = conflict
                state.overlay = .shift(shift)
            default:
                break
            }
        }
        // An invocation changes no configuration: nothing to read again (a burst would otherwise
        // list every function after it).
        if case .invoke = mutation { return [] }
        // A layer changed: the layers view reads its lists again.
        if case .publishLayer = mutation { return state.route == .layers ? LayersReducer.reduce(&state, .layersCommand(.open), now: now) : [] }
        switch mutation {
        case .deleteLayerVersion(let layer, _), .shareLayer(let layer, _, _, _, _), .unshareLayer(let layer, _, _):
            return state.route == .layers ? [.loadLayerVersions(layer: layer)] : []
        default: break
        }
        switch mutation {
        case .createSigningConfig, .updateSigningConfig, .deleteSigningConfig: return state.route == .signing ? [.loadSigningConfigs] : []
        default: break
        }
        if case .deleteFunction(_, nil) = mutation, case .done = outcome {
            return reload(nil, &state)  // its detail is gone with it
        }
        return reload(mutation.function, &state)
    }

    /// After a change, the function list and the function's detail are read again.
    static func reload(_ function: String?, _ state: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        if !state.inFlight.contains(.functions) {
            state.inFlight.insert(.functions)
            effects.append(.loadFunctions)
        }
        if let function, !state.inFlight.contains(.detail(function: function)) {
            state.inFlight.insert(.detail(function: function))
            effects.append(.loadDetail(function: function))
        }
        return effects
    }

    /// Once the detail is read again: select the row a mutation asked for, and give a form that
    /// met a conflict the RevisionId now current.
    static func detailRefreshed(_ function: String, _ state: inout ConsoleState) {
        for (pane, key) in state.pendingSelection where state.focusedName == function {
            state.rebuild(pane, keepKey: key)
            state.pendingSelection[pane] = nil
        }
        if case .shift(var shift) = state.overlay, shift.staleRevision, shift.function == function {
            ShiftReducer.refresh(&shift, from: state)
            state.overlay = .shift(shift)
            return
        }
        if case .form(var form) = state.overlay, form.waitingFor != nil, form.target.function == function,
           let fresh = ActionForms.form(for: form.action, in: state) {
            // What was typed while it loaded is kept, merged with what arrived; the rest, and the
            // RevisionId and CodeSha256 the form will send, are the detail's.
            for group in Set(form.fields.compactMap({ if case .pair(let group, _) = $0.kind { group } else { nil } })) {
                _ = form.mergePairs(group, with: fresh)
            }
            for freshField in fresh.fields where !freshField.isPair {
                guard let index = form.fields.firstIndex(where: { $0.id == freshField.id }) else { continue }
                let typed = form.fields[index].value != form.fields[index].original
                form.fields[index].original = freshField.original
                if !typed { form.fields[index].value = freshField.value }
            }
            form.target.revisionId = fresh.target.revisionId
            form.target.codeSha256 = fresh.target.codeSha256
            form.waitingFor = nil
            form.banner = nil
            state.overlay = .form(form)
            return
        }
        guard case .form(var form) = state.overlay, form.staleRevision, form.target.function == function,
              let fresh = ActionForms.form(for: form.action, in: state) else { return }
        form.target.revisionId = fresh.target.revisionId
        form.target.codeSha256 = fresh.target.codeSha256
        for freshField in fresh.fields {
            // Fields the user left alone follow the new state; typed ones stay as typed.
            if case .pair = freshField.kind { continue }
            guard let index = form.fields.firstIndex(where: { $0.id == freshField.id }), !form.fields[index].changed else { continue }
            form.fields[index].value = freshField.value
            form.fields[index].original = freshField.value
        }
        // Key/value lists are merged key by key, never overwritten blind.
        let groups = Set(form.fields.compactMap { if case .pair(let group, _) = $0.kind { group } else { nil } })
        let notes = PairGroup.allCases.filter(groups.contains).flatMap { form.mergePairs($0, with: fresh) }
        form.staleRevision = false
        let merged = notes.isEmpty ? "" : " They \(notes.joined(separator: ", ")); merged key by key with your edits."
        form.banner = (form.banner ?? "") + merged + " Refreshed: Enter applies your changes over the new state."
        state.overlay = .form(form)
    }
}
