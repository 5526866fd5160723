@testable import ConsoleUI
import ConsoleStore
import Foundation
import Testing

/// Every mode's keys are data: named, listed by `?`, remappable from a `keys` file.
@Suite struct KeyMapTests {
    @Test func everyBindingHasANameOfItsOwnInItsContext() {
        for context in KeyContext.allCases {
            let ids = KeyTables.bindings(for: context).map(\.id)
            #expect(!ids.contains(""), "\(context) has a binding without a name")
            #expect(Set(ids).count == ids.count, "\(context) names two bindings alike: \(ids)")
        }
    }

    @Test func helpListsTheKeysOfEveryMode() {
        let lines = HelpOverlay.lines(keys: .standard, readOnly: false)
        for context in KeyContext.allCases {
            #expect(lines.contains { $0.2 && $0.0.hasPrefix(context.rawValue) }, "? does not list \(context.rawValue)")
        }
        #expect(lines.contains { $0.0 == "Enter" && $0.1.hasPrefix("open the action") }, "the palette's keys are listed")
        #expect(lines.contains { $0.0 == "ctrl-e" && $0.1.hasPrefix("edit the field in $VISUAL") }, "the forms' keys are listed")
    }

    @Test func aKeysFileRemapsAKeyAndTheConsoleObeysIt() throws {
        let (map, problems) = KeyMap.parse("# mine\nlists.down = j ctrl-n\nglobal.quit = Q\n", path: "keys")
        #expect(problems.isEmpty, "\(problems)")
        let controller = ConsoleController(state: ConsoleFixtures.loadedState(), screen: GridScreen(rows: 24, columns: 80), theme: .monochrome,
                                           terminal: nil, keys: map) { _ in }
        let before = controller.state.tables[.functions]?.cursor ?? -1
        controller.handle(.control("n"))
        #expect(controller.state.tables[.functions]?.cursor == before + 1, "ctrl-n did not move down")
        controller.handle(.character("q"))
        #expect(!controller.state.quitRequested, "q no longer quits")
        controller.handle(.character("Q"))
        #expect(controller.state.quitRequested)
        // The footer and the help say the new keys.
        let screen = GridScreen(rows: 24, columns: 120)
        ConsoleView.render(controller.state, on: screen, theme: .monochrome, keys: map)
        #expect(HelpOverlay.lines(keys: map, readOnly: false).contains { $0.0 == "j ctrl-n" })
    }

    @Test func aClashOrAnUnknownNameIsReportedWithTheFileAndLine() {
        let text = "lists.down = k\nlists.nowhere = x\nnowhere.down = x\nlists.down = hyper-x\nlists.down\n"
        let (map, problems) = KeyMap.parse(text, path: "/home/me/.config/lambda-tui/keys")
        #expect(problems.count == 5, "\(problems)")
        #expect(problems[0].hasPrefix("/home/me/.config/lambda-tui/keys, line 1: k is already `lists.up`"), "\(problems[0])")
        #expect(problems[1].contains("line 2: `lists` has no binding `nowhere`"))
        #expect(problems[2].contains("line 3: no context `nowhere`"))
        #expect(problems[3].contains("line 4: `hyper-x` is not a key"))
        #expect(problems[4].contains("line 5: expected `context.binding = keys`"))
        #expect(map.bindings(for: .table).first { $0.id == "down" }?.keys == [.character("j"), .down], "a refused line changes nothing")
    }

    @Test func modesTakeTheirKeysFromTheTables() {
        var state = ConsoleFixtures.loadedState()
        _ = Reducer.reduce(&state, .openPalette)
        #expect(KeyTables.activeContexts(state) == [.palette])
        #expect("\(KeyTables.action(for: .character("x"), in: state).map { "\($0)" } ?? "")" == "\(ConsoleAction.editPalette("x"))")
        _ = Reducer.reduce(&state, .closeOverlay)
        _ = Reducer.reduce(&state, .openAction(.invoke))
        _ = Reducer.reduce(&state, .moveFieldFocus(1))  // the invocation type: a choice
        #expect("\(KeyTables.action(for: .character(" "), in: state).map { "\($0)" } ?? "")" == "\(ConsoleAction.cycleChoice(1))")
        _ = Reducer.reduce(&state, .moveFieldFocus(-1))  // the qualifier: text
        #expect("\(KeyTables.action(for: .character(" "), in: state).map { "\($0)" } ?? "")" == "\(ConsoleAction.editField(" "))")
    }
}
