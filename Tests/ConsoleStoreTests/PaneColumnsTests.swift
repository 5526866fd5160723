import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import Testing
import TestSupport

/// The column spec is the one place a pane's columns are declared: these tests hold every pane
/// to it (unique ids, digit keys, sorting and filtering by what the spec says).
@Suite struct PaneColumnsTests {
    /// A function "checkout" with versions 1–3 and two aliases, focused on the versions pane.
    static func focusedState() -> ConsoleState {
        var state = ReducerTests.loaded(["checkout"])
        var configuration = ReducerTests.function("checkout")
        configuration.revisionId = "r1"
        let versions = ["$LATEST", "1", "2", "10"].map { number -> FunctionConfiguration in
            var version = ReducerTests.function("checkout")
            version.version = number
            version.description = number == "2" ? "hotfix" : "build \(number)"
            return version
        }
        let aliases = [
            AliasConfiguration(name: "live", functionVersion: "2", description: "production",
                               routingConfig: AliasRoutingConfiguration(additionalVersionWeights: ["10": 0.25])),
            AliasConfiguration(name: "beta", functionVersion: "10"),
        ]
        _ = Reducer.reduce(&state, .drillDown)
        _ = Reducer.reduce(&state, .detailLoaded(function: "checkout", .success(FunctionDetail(
            function: GetFunctionResponse(configuration: configuration), versions: versions, aliases: aliases, mappings: [],
            reservedConcurrency: nil, url: nil))))
        _ = Reducer.reduce(&state, .show(.versions))
        return state
    }

    static func visibleVersions(_ state: ConsoleState) -> [String] {
        (state.tables[.versions]?.visible ?? []).map { state.versionRows[$0].version ?? "" }
    }

    @Test func everyPaneHasUniqueColumnsWithinTheDigitKeys() {
        for pane in Pane.allCases {
            let ids = PaneColumns.ids(pane)
            #expect(!ids.isEmpty, "\(pane)")
            #expect(Set(ids).count == ids.count, "\(pane) declares a column twice: \(ids)")
            #expect(ids.count <= 10, "\(pane) has more columns than digit keys")
        }
        let streams = PaneColumns.streams(now: Date()).map(\.id)
        #expect(Set(streams).count == streams.count)
    }

    @Test func aDigitSortsByThePanesColumnAtThatPosition() {
        var state = Self.focusedState()
        #expect(Self.visibleVersions(state) == ["1", "2", "10", "$LATEST"], "numbers in order, $LATEST last")
        // Versions' third column is the description.
        #expect(PaneColumns.ids(.versions)[2] == .description)
        _ = Reducer.reduce(&state, .sortByPosition(3))
        #expect(state.tables[.versions]?.sortColumn == .description)
        #expect(Self.visibleVersions(state) == ["$LATEST", "1", "10", "2"], "build $LATEST, build 1, build 10, hotfix")
        _ = Reducer.reduce(&state, .sortByPosition(3))
        #expect(Self.visibleVersions(state) == ["2", "10", "1", "$LATEST"], "again: reversed")
        #expect(state.status == "Sorted by description, descending.", "said, for a column a narrow screen leaves out")
        // A position the pane does not have says so and changes nothing.
        _ = Reducer.reduce(&state, .sortByPosition(9))
        #expect(state.tables[.versions]?.sortColumn == .description)
        #expect(state.status?.contains("versions pane has 6 columns") == true, "\(state.status ?? "")")
    }

    /// At 50x12, sorting moved the selected row below the window and the window stayed put: the
    /// selection was off screen.
    @Test func aSortKeepsTheSelectedRowOnScreen() {
        var state = ReducerTests.loaded((0..<40).map { String(format: "f%02d", $0) })
        _ = Reducer.reduce(&state, .resized(rows: 12, columns: 50))
        _ = Reducer.reduce(&state, .moveCursor(3))
        let selected = state.tables[.functions]?.selectedIndex
        _ = Reducer.reduce(&state, .sort(column: .name))  // reversed: f03 is now near the end
        let table = state.tables[.functions]
        #expect(table?.selectedIndex == selected, "the cursor stays on its function")
        let cursor = table?.cursor ?? 0, scroll = table?.scroll ?? 0
        #expect(cursor >= scroll && cursor < scroll + state.pageHeight, "cursor \(cursor) outside rows \(scroll)..<\(scroll + state.pageHeight)")
    }

    @Test func theFunctionsDigitsFollowTheColumnsShown() {
        var state = ReducerTests.loaded(["b", "a", "c"])
        for (position, id) in PaneColumns.ids(.functions).enumerated() {
            _ = Reducer.reduce(&state, .sortByPosition(position + 1))
            #expect(state.tables[.functions]?.sortColumn == id)
        }
        let memory = try? #require(PaneColumns.ids(.functions).firstIndex(of: .memory))
        var sized = ReducerTests.loaded([])
        _ = Reducer.reduce(&sized, .functionsLoaded(.listed([
            ReducerTests.function("small", memory: 128), ReducerTests.function("large", memory: 3008), ReducerTests.function("mid", memory: 1024),
        ])))
        _ = Reducer.reduce(&sized, .sortByPosition((memory ?? 0) + 1))
        #expect(sized.tables[.functions]?.visible.map { sized.functions[$0].functionName ?? "" } == ["small", "mid", "large"],
                "memory sorts as numbers, not as text")
    }

    @Test func theFilterReadsTheColumnsTheSpecMarks() {
        var state = Self.focusedState()
        _ = Reducer.reduce(&state, .beginFilter)
        _ = Reducer.reduce(&state, .editFilter("hotfix"))
        #expect(Self.visibleVersions(state) == ["2"], "description is filtered")
        _ = Reducer.reduce(&state, .editFilter("beta"))
        #expect(Self.visibleVersions(state) == ["10"], "the aliases routing to a version are filtered")
        _ = Reducer.reduce(&state, .editFilter("r1"))
        #expect(Self.visibleVersions(state).isEmpty, "the SHA and runtime columns are not")
    }

    @Test func aliasesSortByTheirWeight() {
        var state = Self.focusedState()
        _ = Reducer.reduce(&state, .show(.aliases))
        let weight = (PaneColumns.ids(.aliases).firstIndex(of: .weight) ?? 0) + 1
        _ = Reducer.reduce(&state, .sortByPosition(weight))
        #expect((state.tables[.aliases]?.visible ?? []).map { state.aliasRows[$0].name ?? "" } == ["live", "beta"],
                "a weight before no weight")
    }
}

/// Typing a letter filters only the rows the filter passed before: the rows must be exactly those
/// a filter typed at once would show, whatever is typed, deleted or pasted.
@Suite struct NarrowingFilterTests {
    @Test func aNarrowedFilterShowsWhatAFreshOneWould() {
        var generator = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 0...UInt64.max, using: &generator)
        var random = SplitMix64(seed: seed)
        let words = ["payments", "search", "api", "charge", "refund", "py", "node"]
        var names: [String] = []
        for index in 0..<300 {
            names.append("\(words[Int(random.next() % 7)])-\(words[Int(random.next() % 7)])-\(index)")
        }
        var state = ReducerTests.loaded(names)
        let alphabet = Array("pay-search1 :mory>=2node")
        var typed = ""
        for step in 0..<400 {
            switch random.next() % 10 {
            case 0: typed = String(typed.dropLast())
            case 1: typed = ""
            case 2: typed = "memory:>=\(random.next() % 300)"
            default: typed.append(alphabet[Int(random.next() % UInt64(alphabet.count))])
            }
            _ = Reducer.reduce(&state, .editFilter(typed))
            var fresh = ReducerTests.loaded(names)
            _ = Reducer.reduce(&fresh, .editFilter(typed))
            let shown = state.tables[.functions]?.visible.map { state.functions[$0].functionName ?? "" }
            let expected = fresh.tables[.functions]?.visible.map { fresh.functions[$0].functionName ?? "" }
            #expect(shown == expected, "seed \(seed), step \(step), filter \"\(typed)\"")
            if shown != expected { return }
        }
    }
}
