import ConsoleStore
import Foundation
import LambdaAPI
import Testing

/// The quick shift's arithmetic and what each key sends.
@Suite struct TrafficShiftTests {
    static func alias(_ version: String, routing: [String: Double]? = nil) -> AliasConfiguration {
        var alias = AliasConfiguration()
        alias.name = "live"
        alias.functionVersion = version
        alias.description = "production"
        alias.revisionId = "alias-rev-1"
        alias.routingConfig = routing.map { AliasRoutingConfiguration(additionalVersionWeights: $0) }
        return alias
    }

    static func versions(_ numbers: [String]) -> [FunctionConfiguration] {
        numbers.map { number in
            var version = FunctionConfiguration(functionName: "checkout")
            version.version = number
            return version
        }
    }

    /// A state on the aliases pane with the shift view open.
    static func opened(_ alias: AliasConfiguration, versions: [String] = ["$LATEST", "1", "2", "3"]) throws -> ConsoleState {
        var function = FunctionConfiguration(functionName: "checkout")
        function.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:checkout"
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "r", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .functionsLoaded(.listed([function])))
        _ = Reducer.reduce(&state, .show(.aliases))
        let detail = FunctionDetail(function: GetFunctionResponse(configuration: function), versions: Self.versions(versions),
                                    aliases: [alias], mappings: [], reservedConcurrency: nil, url: nil)
        _ = Reducer.reduce(&state, .detailLoaded(function: "checkout", .success(detail)))
        _ = Reducer.reduce(&state, .perform(.shift))
        _ = try #require(shift(state))
        return state
    }

    static func shift(_ state: ConsoleState) -> TrafficShift? {
        if case .shift(let shift) = state.overlay { shift } else { nil }
    }

    @Test func theTargetIsTheNewestVersionAndWeightsMoveInStepsWithinRange() throws {
        var state = try Self.opened(Self.alias("1"))
        #expect(Self.shift(state)?.target == "3")
        for (edit, expected) in [(ShiftEdit.by(5), 5.0), (.by(5), 10), (.by(1), 11), (.by(-5), 6), (.to(90), 90), (.by(5), 95), (.by(5), 99),
                                 (.by(1), 99), (.to(0), 0), (.by(-1), 0)] {
            _ = Reducer.reduce(&state, .editShift(edit))
            #expect(Self.shift(state)?.weight == expected, "after \(edit)")
        }
        _ = Reducer.reduce(&state, .editShift(.target(1)))
        #expect(Self.shift(state)?.target == "2")
    }

    @Test func enterSendsOneUpdateAliasWithTheRevisionItSaw() throws {
        var state = try Self.opened(Self.alias("1"))
        _ = Reducer.reduce(&state, .editShift(.to(20)))
        _ = Reducer.reduce(&state, .editShift(.by(1)))
        let effects = Reducer.reduce(&state, .editShift(.confirm))
        #expect(effects == [.mutate(.updateAlias(function: "checkout",
                                                 AliasSettings(name: "live", version: "1", description: "production", additionalVersion: "3", weight: 0.21),
                                                 revisionId: "alias-rev-1"))])
    }

    @Test func promoteAndRollBackAskFirst() throws {
        var state = try Self.opened(Self.alias("1", routing: ["2": 0.25]))
        #expect(Self.shift(state)?.target == "2" && Self.shift(state)?.weight == 25 && Self.shift(state)?.before?.weight == 25)
        _ = Reducer.reduce(&state, .editShift(.promote))
        #expect(Self.shift(state)?.confirming == .promote)
        _ = Reducer.reduce(&state, .editShift(.cancel))
        #expect(Self.shift(state)?.confirming == nil, "Esc drops the question, not the view")
        _ = Reducer.reduce(&state, .editShift(.promote))
        #expect(Reducer.reduce(&state, .editShift(.confirm)) == [.mutate(.updateAlias(
            function: "checkout", AliasSettings(name: "live", version: "2", description: "production"), revisionId: "alias-rev-1"))])

        state = try Self.opened(Self.alias("1", routing: ["2": 0.25]))
        _ = Reducer.reduce(&state, .editShift(.rollBack))
        #expect(Reducer.reduce(&state, .editShift(.confirm)) == [.mutate(.updateAlias(
            function: "checkout", AliasSettings(name: "live", version: "1", description: "production"), revisionId: "alias-rev-1"))])
    }

    @Test func aConflictKeepsTheWeightAndTakesTheNewRevision() throws {
        var state = try Self.opened(Self.alias("1"))
        _ = Reducer.reduce(&state, .editShift(.to(30)))
        guard case .mutate(let mutation) = Reducer.reduce(&state, .editShift(.confirm)).first else {
            Issue.record("nothing was sent")
            return
        }
        _ = Reducer.reduce(&state, .mutationFinished(mutation, .conflict("Someone else changed checkout:live.")))
        #expect(Self.shift(state)?.weight == 30)
        #expect(Self.shift(state)?.banner?.contains("Someone else changed") == true)
        var changed = Self.alias("1", routing: ["2": 0.05])
        changed.revisionId = "alias-rev-2"
        var function = FunctionConfiguration(functionName: "checkout")
        function.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:checkout"
        let detail = FunctionDetail(function: GetFunctionResponse(configuration: function), versions: Self.versions(["$LATEST", "1", "2", "3"]),
                                    aliases: [changed], mappings: [], reservedConcurrency: nil, url: nil)
        _ = Reducer.reduce(&state, .detailLoaded(function: "checkout", .success(detail)))
        let refreshed = try #require(Self.shift(state))
        #expect(refreshed.revisionId == "alias-rev-2" && refreshed.before?.version == "2" && refreshed.weight == 30)
    }

    @Test func withoutAnotherVersionThereIsNothingToShiftTo() throws {
        var state = try Self.opened(Self.alias("1"), versions: ["$LATEST", "1"])
        _ = Reducer.reduce(&state, .editShift(.by(5)))
        #expect(Reducer.reduce(&state, .editShift(.confirm)).isEmpty)
        #expect(Self.shift(state)?.banner?.contains("publish one first") == true)
    }
}
