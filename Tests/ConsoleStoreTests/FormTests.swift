import ConsoleStore
import Foundation
import LambdaAPI
import Testing

/// The forms' checks against the reference's constraints, and what a submitted form sends.
@Suite struct FormTests {
    static func state(readOnly: Bool = false, detail: Bool = true) -> ConsoleState {
        var function = FunctionConfiguration(functionName: "checkout")
        function.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:checkout"
        function.memorySize = 256
        function.timeout = 30
        function.handler = "index.handler"
        function.runtime = .python312
        function.revisionId = "rev-1"
        function.codeSha256 = "sha-1"
        function.environment = EnvironmentResponse(variables: ["DB_PASSWORD": "hunter2", "STAGE": "prod"])
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: readOnly))
        _ = Reducer.reduce(&state, .show(.functions))
        _ = Reducer.reduce(&state, .functionsLoaded(.listed([function])))
        // The list keeps rows only; the configuration the forms start from is the detail's.
        guard detail else { return state }
        _ = Reducer.reduce(&state, .detailLoaded(function: "checkout", .success(FunctionDetail(
            function: GetFunctionResponse(configuration: function), versions: [], aliases: [], mappings: [], reservedConcurrency: nil, url: nil))))
        return state
    }

    static func open(_ action: ActionID, in state: inout ConsoleState) -> FormState? {
        _ = Reducer.reduce(&state, .openAction(action))
        guard case .form(let form) = state.overlay else { return nil }
        return form
    }

    static func set(_ id: FieldID, _ value: String, in state: inout ConsoleState) {
        _ = Reducer.reduce(&state, .setField(id: id, value: value))
    }

    static func form(_ state: ConsoleState) -> FormState? {
        if case .form(let form) = state.overlay { form } else { nil }
    }

    /// The list keeps rows only: the configuration form waits for the detail rather than start
    /// from a row without the environment (and send it back empty).
    @Test func theConfigurationFormWaitsForTheDetail() throws {
        var state = Self.state(detail: false)
        let effects = Reducer.reduce(&state, .openAction(.editConfiguration))
        #expect(effects.contains(.loadDetail(function: "checkout")))
        let waiting = try #require(Self.form(state))
        #expect(waiting.waitingFor?.contains("current configuration") == true)
        #expect(Reducer.reduce(&state, .submitForm).isEmpty, "nothing is sent before the configuration is read")
    }

    /// A form opened before the detail arrives fills in from it: the RevisionId it sends, the
    /// fields a list row has no value for (the handler), and what was typed meanwhile stays.
    @Test func aWaitingFormTakesTheDetailAndKeepsWhatWasTyped() throws {
        var state = Self.state(detail: false)
        _ = Reducer.reduce(&state, .openAction(.editConfiguration))
        #expect(Self.form(state)?.target.revisionId == nil, "a list row has no RevisionId")
        Self.set(.memory, "1024", in: &state)
        var configuration = try #require(state.focusedConfiguration?.configuration)
        configuration.handler = "index.handler"
        configuration.revisionId = "rev-1"
        configuration.environment = EnvironmentResponse(variables: ["STAGE": "prod"])
        _ = Reducer.reduce(&state, .detailLoaded(function: "checkout", .success(FunctionDetail(
            function: GetFunctionResponse(configuration: configuration), versions: [], aliases: [], mappings: [], reservedConcurrency: nil, url: nil))))
        let form = try #require(Self.form(state))
        #expect(form.waitingFor == nil && form.target.revisionId == "rev-1")
        #expect(form.field(.handler)?.value == "index.handler" && form.field(.handler)?.original == "index.handler")
        #expect(form.field(.memory)?.value == "1024", "what was typed while it loaded is kept")
        #expect(form.pairs(.environment).map(\.key) == ["STAGE"])
        guard case .mutate(.updateConfiguration(_, _, let revision))? = Reducer.reduce(&state, .submitForm).first else {
            Issue.record("the form did not send")
            return
        }
        #expect(revision == "rev-1")
    }

    @Test func fieldsAreNamedByTypeAndFilesAfterThem() {
        #expect(FieldID.payload.fileName == "payload")
        #expect(FieldID.pair(.environment, row: 2).fileName == "environment-2")
        #expect(FieldID.pair(.tags, row: -3).fileName == "tags-new3")
        var state = Self.state()
        let form = Self.open(.editConfiguration, in: &state)
        #expect(form?.fields.contains { $0.id == .pair(.environment, row: 0) } == true)
    }

    /// A choice's value is what the submission reads; its label ("S3 object") is only shown.
    @Test func choicesCarryValuesNotTheirLabels() throws {
        var state = Self.state()
        let form = try #require(Self.open(.updateCode, in: &state))
        guard case .choice(let values, let labels) = form.field(.source)?.kind else {
            Issue.record("the source is not a choice")
            return
        }
        #expect(values == ["zip", "directory", "s3", "image"] && labels["s3"] == "S3 object")
        Self.set(.source, "S3 object", in: &state)
        #expect(Reducer.reduce(&state, .submitForm).isEmpty)
        #expect(Self.form(state)?.field(.source)?.error == "one of zip file, directory, S3 object, image", "a label is not a value")
        Self.set(.source, "s3", in: &state)
        Self.set(.bucket, "code-bucket", in: &state)
        Self.set(.key, "f.zip", in: &state)
        Self.set(.publish, "true", in: &state)
        let effects = Reducer.reduce(&state, .submitForm)
        guard case .mutate(.updateCode(_, let source, _, let publish, _)) = effects.first else {
            Issue.record("nothing was sent: \(effects)")
            return
        }
        #expect(source == .s3(bucket: "code-bucket", key: "f.zip", objectVersion: nil) && publish)
    }

    @Test func numbersAreCheckedAgainstTheReferenceRanges() throws {
        var state = Self.state()
        _ = try #require(Self.open(.editConfiguration, in: &state))
        for (id, bad, good) in [(FieldID.memory, "127", "10240"), (.timeout, "901", "900"), (.ephemeral, "511", "512")] {
            Self.set(id, bad, in: &state)
            #expect(Reducer.reduce(&state, .submitForm).isEmpty, "\(id)=\(bad) must not be sent")
            #expect(Self.form(state)?.field(id)?.error?.contains("must be") == true)
            Self.set(id, good, in: &state)
        }
        let effects = Reducer.reduce(&state, .submitForm)
        guard case .mutate(.updateConfiguration(_, let changes, let revision)) = effects.first else {
            Issue.record("no update was asked for: \(effects)")
            return
        }
        #expect(changes.memorySize == 10240 && changes.timeout == 900 && changes.ephemeralStorage == nil)
        #expect(changes.handler == nil && changes.environment == nil, "unchanged fields are not sent")
        #expect(revision == "rev-1")
    }

    /// A 102,400-character description was sent (the limit is 256).
    @Test func textFieldsKeepTheReferenceLengthsAndPatterns() throws {
        var state = Self.state()
        _ = try #require(Self.open(.editConfiguration, in: &state))
        Self.set(.description, String(repeating: "d", count: 102_400), in: &state)
        #expect(Reducer.reduce(&state, .submitForm).isEmpty, "a 100 KB description must not be sent")
        #expect(Self.form(state)?.field(.description)?.error == "at most 256 characters (this is 102400)")
        Self.set(.description, String(repeating: "d", count: 256), in: &state)
        Self.set(.handler, "index handler", in: &state)
        #expect(Reducer.reduce(&state, .submitForm).isEmpty)
        #expect(Self.form(state)?.field(.handler)?.error == "no spaces")
        Self.set(.handler, "index.handler2", in: &state)
        #expect(!Reducer.reduce(&state, .submitForm).isEmpty)

        for (qualifier, error) in [("live", nil), ("$LATEST", nil), ("7", nil), ("a b", "$LATEST, a version number or an alias name"),
                                   (String(repeating: "q", count: 129), "at most 128 characters (this is 129)")] {
            var invoke = Self.state()
            _ = try #require(Self.open(.invoke, in: &invoke))
            Self.set(.qualifier, qualifier, in: &invoke)
            let effects = Reducer.reduce(&invoke, .submitForm)
            #expect(effects.isEmpty == (error != nil), "\(qualifier)")
            if error != nil { #expect(Self.form(invoke)?.field(.qualifier)?.error == error, "\(qualifier)") }
        }
    }

    @Test func environmentKeysAndTheirTotalSize() throws {
        var state = Self.state()
        let form = try #require(Self.open(.editConfiguration, in: &state))
        let newRow = try #require(form.fields.last { if case .pair = $0.kind { true } else { false } })
        for bad in ["1ABC=x", "A=x", "WITH-DASH=x", "NOEQUALS", "STAGE=again"] {
            Self.set(newRow.id, bad, in: &state)
            _ = Reducer.reduce(&state, .submitForm)
            #expect(Self.form(state)?.hasErrors == true, "\(bad) must be refused")
        }
        Self.set(newRow.id, "BIG=" + String(repeating: "x", count: 4096), in: &state)
        _ = Reducer.reduce(&state, .submitForm)
        #expect(Self.form(state)?.fields.contains { $0.error?.contains("4 KB") == true } == true)
        Self.set(newRow.id, "NEW_KEY=1", in: &state)
        let effects = Reducer.reduce(&state, .submitForm)
        guard case .mutate(.updateConfiguration(_, let changes, _)) = effects.first else {
            Issue.record("no update was asked for")
            return
        }
        #expect(changes.environment == ["DB_PASSWORD": "hunter2", "STAGE": "prod", "NEW_KEY": "1"])
        #expect(FieldRules.isEnvironmentKey("a1_B") && !FieldRules.isEnvironmentKey("_a") && !FieldRules.isEnvironmentKey("é1"))
    }

    @Test func clearingARowRemovesThatVariableOrTag() throws {
        var state = Self.state()
        let form = try #require(Self.open(.editConfiguration, in: &state))
        let password = try #require(form.fields.first { $0.value.hasPrefix("DB_PASSWORD=") })
        Self.set(password.id, "", in: &state)
        _ = Reducer.reduce(&state, .moveFieldFocus(1))
        guard case .mutate(.updateConfiguration(_, let changes, _)) = Reducer.reduce(&state, .submitForm).first else {
            Issue.record("no update was asked for")
            return
        }
        #expect(changes.environment == ["STAGE": "prod"])
    }

    @Test func invokePayloadMustBeJSON() throws {
        var state = Self.state()
        _ = try #require(Self.open(.invoke, in: &state))
        Self.set(.payload, #"{"a": 1,}"#, in: &state)
        #expect(Reducer.reduce(&state, .submitForm).isEmpty)
        #expect(Self.form(state)?.field(.payload)?.error?.hasPrefix("not valid JSON") == true)
        Self.set(.payload, #"{"a": [1, 2]}"#, in: &state)
        Self.set(.qualifier, "live", in: &state)
        let effects = Reducer.reduce(&state, .submitForm)
        #expect(effects.last == .mutate(.invoke(InvocationRequest(function: "checkout", qualifier: "live", payload: #"{"a": [1, 2]}"#))))
        #expect(state.route == .invoke(function: "checkout"), "the invoke screen opens while the invocation runs")
    }

    @Test func clientContextMustBeASmallObjectAndOnlyRequestResponseStreams() throws {
        var state = Self.state()
        _ = try #require(Self.open(.invoke, in: &state))
        Self.set(.clientContext, "[1, 2]", in: &state)
        Self.set(.response, "streamed", in: &state)
        Self.set(.invocationType, "Event", in: &state)
        #expect(Reducer.reduce(&state, .submitForm).isEmpty)
        #expect(Self.form(state)?.field(.clientContext)?.error?.hasPrefix("a JSON object") == true)
        #expect(Self.form(state)?.field(.response)?.error == "only a RequestResponse invocation can be streamed")
        Self.set(.clientContext, #"{"custom": {"blob": "\#(String(repeating: "x", count: 2_700))"}}"#, in: &state)
        _ = Reducer.reduce(&state, .submitForm)
        #expect(Self.form(state)?.field(.clientContext)?.error?.hasPrefix("at most 3,583 bytes") == true)
        Self.set(.clientContext, #"{"custom": {"tenant": "acme"}}"#, in: &state)
        Self.set(.invocationType, "RequestResponse", in: &state)
        Self.set(.count, "1001", in: &state)
        #expect(Reducer.reduce(&state, .submitForm).isEmpty, "a burst is bounded")
        Self.set(.count, "3", in: &state)
        Self.set(.rate, "2", in: &state)
        let effects = Reducer.reduce(&state, .submitForm)
        guard case .mutate(.invoke(let request)) = effects.last else {
            Issue.record("no invocation was sent: \(effects)")
            return
        }
        #expect(request.clientContext == #"{"custom": {"tenant": "acme"}}"#)
        #expect(request.burst == BurstSpec(count: 3, perSecond: 2) && !request.streamed, "a burst reads buffered answers")
    }

    @Test func choicesOnlyTakeTheirValues() throws {
        var state = Self.state()
        let form = try #require(Self.open(.editConfiguration, in: &state))
        let tracing = try #require(form.fields.firstIndex { $0.id == .tracing })
        _ = Reducer.reduce(&state, .moveFieldFocus(tracing))
        _ = Reducer.reduce(&state, .editField("Sometimes"))
        #expect(Self.form(state)?.field(.tracing)?.value == "PassThrough", "typing does not change a choice")
        _ = Reducer.reduce(&state, .cycleChoice(1))
        #expect(Self.form(state)?.field(.tracing)?.value == "Active")
    }

    @Test func deletingNeedsTheNameTyped() throws {
        var state = Self.state()
        _ = Reducer.reduce(&state, .perform(.delete))
        #expect(Self.form(state)?.action == .deleteFunction)
        _ = Reducer.reduce(&state, .editField("checkou"))
        #expect(Reducer.reduce(&state, .submitForm).isEmpty)
        _ = Reducer.reduce(&state, .editField("checkout"))
        #expect(Reducer.reduce(&state, .submitForm) == [.mutate(.deleteFunction(function: "checkout", version: nil))])
    }

    /// Editing Environment while someone else added a variable, then applying after the
    /// refresh, dropped their variable. Each key is merged on its own; a key both changed is
    /// shown to the user first.
    @Test func environmentIsMergedKeyByKeyAfterAConflict() throws {
        var state = Self.state()  // DB_PASSWORD=hunter2, STAGE=prod
        let opened = try #require(Self.open(.editConfiguration, in: &state))
        let rows = opened.fields.filter { if case .pair(.environment, _) = $0.kind { true } else { false } }
        let stage = try #require(rows.first { $0.value.hasPrefix("STAGE=") })
        let password = try #require(rows.first { $0.value.hasPrefix("DB_PASSWORD=") })
        Self.set(stage.id, "STAGE=canary", in: &state)
        Self.set(password.id, "DB_PASSWORD=mine", in: &state)
        guard case .mutate(let mutation) = Reducer.reduce(&state, .submitForm).first else {
            Issue.record("nothing was sent")
            return
        }
        _ = Reducer.reduce(&state, .mutationFinished(mutation, .conflict("Someone else changed checkout.")))
        // Meanwhile: they added REGION, changed DB_PASSWORD too, and left STAGE alone.
        var fresh = try #require(state.details["checkout"]?.configuration ?? state.focusedConfiguration?.configuration)
        fresh.revisionId = "rev-2"
        fresh.environment = EnvironmentResponse(variables: ["DB_PASSWORD": "theirs", "STAGE": "prod", "REGION": "eu"])
        _ = Reducer.reduce(&state, .detailLoaded(function: "checkout", .success(FunctionDetail(
            function: GetFunctionResponse(configuration: fresh), versions: [], aliases: [], mappings: [], reservedConcurrency: nil, url: nil))))
        let merged = try #require(Self.form(state))
        #expect(merged.pairs(.environment).map { "\($0.key)=\($0.value)" }.sorted() == ["DB_PASSWORD=mine", "REGION=eu", "STAGE=canary"])
        #expect(merged.banner?.contains("added REGION") == true, "\(merged.banner ?? "")")
        // DB_PASSWORD was changed on both sides: the first Enter shows it, sends nothing.
        #expect(Reducer.reduce(&state, .submitForm).isEmpty)
        let shown = try #require(Self.form(state))
        #expect(shown.fields.first { $0.value.hasPrefix("DB_PASSWORD=") }?.error?.contains("someone else set DB_PASSWORD") == true)
        #expect(shown.fields.first { $0.value.hasPrefix("DB_PASSWORD=") }?.error?.contains("theirs") == false, "their value stays masked")
        guard case .mutate(.updateConfiguration(_, let changes, let revision)) = Reducer.reduce(&state, .submitForm).first else {
            Issue.record("the second Enter did not send")
            return
        }
        #expect(revision == "rev-2")
        #expect(changes.environment == ["DB_PASSWORD": "mine", "REGION": "eu", "STAGE": "canary"], "their REGION is kept")
    }

    /// `t` on a function whose detail was never opened showed an empty tags form, and applying it
    /// would have removed every tag.
    @Test func theTagsFormLoadsTheTagsBeforeAnythingCanBeSent() throws {
        var state = Self.state(detail: false)
        let effects = Reducer.reduce(&state, .perform(.tags))
        #expect(effects.contains(.loadDetail(function: "checkout")))
        let loading = try #require(Self.form(state))
        #expect(loading.waitingFor != nil && loading.banner?.contains("Loading the tags") == true)
        Self.set(try #require(loading.fields.first { if case .pair(.tags, _) = $0.id { true } else { false } }).id, "owner=me", in: &state)
        #expect(Reducer.reduce(&state, .submitForm).isEmpty, "nothing is sent over tags not seen")
        #expect(Self.form(state)?.banner?.contains("Still loading") == true)
        let configuration = try #require(state.details["checkout"]?.configuration ?? state.focusedConfiguration?.configuration)
        _ = Reducer.reduce(&state, .detailLoaded(function: "checkout", .success(FunctionDetail(
            function: GetFunctionResponse(configuration: configuration, tags: ["team": "payments", "env": "prod"]),
            versions: [], aliases: [], mappings: [], reservedConcurrency: nil, url: nil))))
        let loaded = try #require(Self.form(state))
        #expect(loaded.waitingFor == nil)
        #expect(loaded.pairs(.tags).map { "\($0.key)=\($0.value)" }.sorted() == ["env=prod", "owner=me", "team=payments"])
        guard case .mutate(.setTags(_, _, let add, let remove)) = Reducer.reduce(&state, .submitForm).first else {
            Issue.record("the tags were not sent once loaded")
            return
        }
        #expect(add == ["owner": "me"] && remove.isEmpty, "the loaded tags are kept")
    }

    @Test func tagsFollowAWSsCharacterRules() throws {
        for (text, error) in [("team=payments", nil), ("équipe=paiements 2", nil), ("aws:owner=x", "keys starting with aws: are AWS's own"),
                              ("team=a;b", "letters, digits, spaces and _ . : / = + - @ only"), ("t{x}=y", "letters, digits, spaces and _ . : / = + - @ only")] {
            var state = Self.state()
            let configuration = try #require(state.details["checkout"]?.configuration ?? state.focusedConfiguration?.configuration)
            _ = Reducer.reduce(&state, .detailLoaded(function: "checkout", .success(FunctionDetail(
                function: GetFunctionResponse(configuration: configuration, tags: [:]), versions: [], aliases: [], mappings: [],
                reservedConcurrency: nil, url: nil))))
            let form = try #require(Self.open(.editTags, in: &state))
            let row = try #require(form.fields.first { if case .pair(.tags, _) = $0.id { true } else { false } })
            Self.set(row.id, text, in: &state)
            let effects = Reducer.reduce(&state, .submitForm)
            #expect(effects.isEmpty == (error != nil), "\(text)")
            if error != nil { #expect(Self.form(state)?.fields.first { $0.id == row.id }?.error == error, "\(text)") }
        }
    }

    /// A mapping on a stream was sent without StartingPosition, and SQS batches over 10 without a
    /// batching window: the form asks for what the source needs.
    @Test func aNewMappingAsksForWhatItsSourceNeeds() throws {
        func errors(_ values: [FieldID: String]) throws -> (FormState?, [ConsoleEffect]) {
            var state = Self.state()
            _ = try #require(Self.open(.createMapping, in: &state))
            for (id, value) in values { Self.set(id, value, in: &state) }
            let effects = Reducer.reduce(&state, .submitForm)
            return (Self.form(state), effects)
        }
        let kinesis = "arn:aws:kinesis:us-east-1:123456789012:stream/orders"
        var (form, effects) = try errors([.sourceArn: kinesis])
        #expect(effects.isEmpty && form?.field(.startingPosition)?.error?.contains("a stream needs one") == true)
        (form, effects) = try errors([.sourceArn: "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2026-11-01T00:00:00.000",
                                      .startingPosition: "AT_TIMESTAMP", .startingTimestamp: "2026-11-25T10:00:00Z"])
        #expect(effects.isEmpty && form?.field(.startingPosition)?.error?.contains("LATEST or TRIM_HORIZON") == true)
        (form, effects) = try errors([.sourceArn: "arn:aws:sqs:us-east-1:123456789012:q", .batchSize: "100"])
        #expect(effects.isEmpty && form?.field(.window)?.error?.contains("window of 1 s") == true)
        (form, effects) = try errors([.sourceArn: kinesis, .startingPosition: "AT_TIMESTAMP", .startingTimestamp: "2026-11-25T10:00:00Z"])
        guard case .mutate(.createMapping(_, let source)) = effects.first else {
            Issue.record("a complete stream mapping was not sent: \(String(describing: form?.banner))")
            return
        }
        #expect(source.startingPosition == "AT_TIMESTAMP" && source.startingTimestamp == 1_795_600_800)
    }

    /// A custom plan typed in the rollout form was ignored unless the selector was moved too.
    @Test func typingACustomPlanChoosesIt() {
        var form = FormState(action: .gradualRollout, title: "Gradual rollout", target: ActionTarget(function: "f"), fields: [
            FormField(.plan, "Plan", .choice(["Canary10Percent5Minutes", "custom"]), value: "Canary10Percent5Minutes"),
            FormField(.custom, "Custom plan"),
        ])
        form.set(.custom, "linear 20% 30s")
        #expect(form.value(.plan) == "custom")
    }

    @Test func aConflictReopensTheFormAsTypedAndTheRefreshBringsTheNewRevision() throws {
        var state = Self.state()
        _ = try #require(Self.open(.editConfiguration, in: &state))
        Self.set(.description, "my careful words", in: &state)
        let effects = Reducer.reduce(&state, .submitForm)
        guard case .mutate(let mutation) = effects.first else {
            Issue.record("nothing was sent")
            return
        }
        #expect(state.overlay == nil)
        let reload = Reducer.reduce(&state, .mutationFinished(mutation, .conflict("Someone else changed checkout.")))
        #expect(reload.contains(.loadDetail(function: "checkout")))
        let reopened = try #require(Self.form(state))
        #expect(reopened.value(.description) == "my careful words")
        #expect(reopened.banner?.contains("Someone else changed") == true)

        var fresh = try #require(state.details["checkout"]?.configuration ?? state.focusedConfiguration?.configuration)
        fresh.revisionId = "rev-2"
        fresh.memorySize = 1024
        let detail = FunctionDetail(function: GetFunctionResponse(configuration: fresh), versions: [], aliases: [], mappings: [],
                                    reservedConcurrency: nil, url: nil)
        _ = Reducer.reduce(&state, .detailLoaded(function: "checkout", .success(detail)))
        let refreshed = try #require(Self.form(state))
        #expect(refreshed.target.revisionId == "rev-2")
        #expect(refreshed.value(.description) == "my careful words", "typed text survives the refresh")
        #expect(refreshed.value(.memory) == "1024", "fields left alone follow the new state")
        guard case .mutate(.updateConfiguration(_, let changes, let revision)) = Reducer.reduce(&state, .submitForm).first else {
            Issue.record("the second try was not sent")
            return
        }
        #expect(revision == "rev-2")
        #expect(changes.description == "my careful words" && changes.memorySize == nil)
    }

    @Test func readOnlyRefusesEveryActionWithAMessage() {
        var state = Self.state(readOnly: true)
        for key in ActionKey.allCases {
            state.lastError = nil
            #expect(Reducer.reduce(&state, .perform(key)).isEmpty)
            #expect(state.lastError?.hasPrefix("Read-only mode") == true, "\(key) was not refused")
        }
        _ = Reducer.reduce(&state, .openPalette)
        #expect(state.overlay == nil)
        for id in ActionID.allCases { #expect(Reducer.reduce(&state, .openAction(id)).isEmpty) }
        #expect(ActionCatalog.available(in: state).isEmpty)
    }

    @Test func thePaletteNarrowsAsYouTypeAndOpensTheChoice() {
        var state = Self.state()
        _ = Reducer.reduce(&state, .openPalette)
        _ = Reducer.reduce(&state, .editPalette("pub"))
        #expect(ActionReducer.paletteItems(state, filter: "pub") == [.publishVersion])
        #expect(ActionReducer.paletteItems(state, filter: "").contains(.deleteFunction))
        _ = Reducer.reduce(&state, .choosePaletteItem)
        #expect(Self.form(state)?.action == .publishVersion)
        #expect(Self.form(state)?.value(.codeSha256) == "sha-1", "publishing is conditioned on the code the user saw")
    }

    @Test func oneEnterInThePublishFormSaysWhatWouldBePublishedAndSendsNothing() {
        var state = Self.state()
        _ = Reducer.reduce(&state, .openPalette)
        _ = Reducer.reduce(&state, .editPalette("pub"))
        _ = Reducer.reduce(&state, .choosePaletteItem)
        #expect(Reducer.reduce(&state, .submitForm).isEmpty, "the first Enter published")
        #expect(Self.form(state)?.banner?.hasPrefix("Enter again publishes a new version of checkout from code sha-1") == true)
        Self.set(.description, "v2", in: &state)
        #expect(Self.form(state)?.readBack == nil, "an edit after the read-back must be read back again")
        #expect(Reducer.reduce(&state, .submitForm).isEmpty)
        #expect(Self.form(state)?.banner?.contains("\u{201C}v2\u{201D}") == true)
        let effects = Reducer.reduce(&state, .submitForm)
        #expect(effects == [.mutate(.publishVersion(function: "checkout", description: "v2", codeSha256: "sha-1", revisionId: "rev-1"))])
    }

    /// 100 of the account's executions stay unreserved: the form knows the bound before sending.
    @Test func aReservationAboveWhatTheAccountLeavesIsRefused() throws {
        var state = Self.state()
        _ = Reducer.reduce(&state, .openAction(.reservedConcurrency))
        #expect(Self.form(state)?.waitingFor != nil)
        #expect(state.inFlight.contains(.accountLimit))
        Self.set(.reserved, "40", in: &state)
        #expect(Reducer.reduce(&state, .submitForm).isEmpty, "sent before the account's limit was read")
        _ = Reducer.reduce(&state, .accountLimitLoaded(.success(AccountLimit(concurrentExecutions: 1000, unreservedConcurrentExecutions: 150))))
        #expect(Self.form(state)?.field(.reserved)?.hint?.hasPrefix("at most 50: the account's limit is 1000 and 100 must stay unreserved") == true)
        Self.set(.reserved, "60", in: &state)
        #expect(Reducer.reduce(&state, .submitForm).isEmpty)
        #expect(Self.form(state)?.field(.reserved)?.error == "at most 50: 100 of the account's executions must stay unreserved")
        Self.set(.reserved, "50", in: &state)
        #expect(Reducer.reduce(&state, .submitForm) == [.mutate(.setReservedConcurrency(function: "checkout", 50))])
    }

    @Test func anAccountLimitThatCannotBeReadLeavesTheCheckToAWS() throws {
        var state = Self.state()
        _ = Reducer.reduce(&state, .openAction(.reservedConcurrency))
        _ = Reducer.reduce(&state, .accountLimitLoaded(.failure(ConsoleError("GetAccountSettings is not offered here"))))
        #expect(Self.form(state)?.waitingFor == nil)
        #expect(Self.form(state)?.field(.reserved)?.hint?.hasSuffix("AWS checks the account's limit, which could not be read here: GetAccountSettings is not offered here") == true)
        Self.set(.reserved, "5000", in: &state)
        #expect(Reducer.reduce(&state, .submitForm) == [.mutate(.setReservedConcurrency(function: "checkout", 5000))])
    }

    @Test func aliasWeightsAndTheirChecks() throws {
        var state = Self.state()
        _ = try #require(Self.open(.createAlias, in: &state))
        Self.set(.name, "live", in: &state)
        Self.set(.version, "3", in: &state)
        Self.set(.additionalVersion, "3", in: &state)
        _ = Reducer.reduce(&state, .submitForm)
        #expect(Self.form(state)?.field(.additionalVersion)?.error == "must differ from the version")
        #expect(Self.form(state)?.field(.weight)?.error != nil, "an additional version needs a weight")
        Self.set(.additionalVersion, "4", in: &state)
        Self.set(.weight, "100", in: &state)
        _ = Reducer.reduce(&state, .submitForm)
        #expect(Self.form(state)?.field(.weight)?.error?.contains("0 to 99") == true)
        Self.set(.weight, "5", in: &state)
        let effects = Reducer.reduce(&state, .submitForm)
        #expect(effects == [.mutate(.createAlias(function: "checkout", AliasSettings(name: "live", version: "3", additionalVersion: "4", weight: 0.05)))])
    }
}
