import ConsoleStore
@testable import ConsoleUI
import Foundation
import LambdaAPI
import Testing

/// Keys that surprised a user, dispatched through the controller as the terminal delivers them.
@Suite struct KeyBehaviourTests {
    static func controller() -> ConsoleController {
        let controller = ConsoleController(state: ConsoleFixtures.loadedState(), screen: GridScreen(rows: 24, columns: 80), theme: .dark,
                                           terminal: nil) { _ in }
        controller.dispatch(.resized(rows: 24, columns: 80))
        return controller
    }

    static func filter(_ controller: ConsoleController) -> String { controller.state.tables[.functions]?.filter ?? "" }

    @Test func escOnAFilteredListClearsTheFilter() {
        let console = Self.controller()
        console.handle([.character("/")] + "payments".map { .character($0) } + [.enter])
        #expect(Self.filter(console) == "payments")
        #expect(console.state.tables[.functions]?.visible.count == 2)
        console.handle(.escape)
        #expect(Self.filter(console).isEmpty)
        #expect(console.state.tables[.functions]?.visible.count == ConsoleFixtures.functions.count)
    }

    @Test func slashReopensTheFilterWithItsTextSelectedSoTypingReplacesIt() {
        let console = Self.controller()
        console.handle([.character("/")] + "payments".map { .character($0) } + [.enter])
        console.handle([.character("/")])
        #expect(console.state.filterTextSelected)
        console.handle([.character("s"), .character("e")])
        #expect(Self.filter(console) == "se", "typing replaced the selected text")
        console.handle(.control("u"))
        #expect(Self.filter(console).isEmpty, "ctrl-u clears the filter")
    }

    /// G went to the bottom of a function's detail and k then seemed dead: the scroll had gone a
    /// million lines past the end, which the view alone held at the last line.
    @Test func aDetailViewScrollsToItsEndsAndBackAtOnce() {
        let console = Self.controller()
        console.handle(.enter)
        guard case .detail = console.state.route else { Issue.record("Enter did not open the detail"); return }
        console.handle(.character("G"))
        let bottom = console.state.detailScroll
        #expect(bottom > 0 && bottom < 1_000, "the detail holds more than a screen: \(bottom)")
        console.handle([.character("j"), .character("j"), .character("j")])
        #expect(console.state.detailScroll == bottom, "j past the end stays at the end")
        console.handle(.character("k"))
        #expect(console.state.detailScroll == bottom - 1)
        console.handle(.character("g"))
        #expect(console.state.detailScroll == 0)
        console.handle(.character("J"))
        console.handle(.end)
        let jsonBottom = console.state.detailScroll
        console.handle(.up)
        #expect(jsonBottom > 0 && console.state.detailScroll == jsonBottom - 1, "the JSON view too")
    }

    @Test func ctrlUClearsTheCommandLine() {
        let console = Self.controller()
        console.handle([.character(":"), .character("a"), .character("l")])
        console.handle(.control("u"))
        #expect(console.state.overlay == .commandLine(""))
    }

    @Test func nGoesToTheNextNewerMatchAndNToThePreviousOne() {
        var state = ConsoleFixtures.loadedState()
        _ = Reducer.reduce(&state, .openTail)
        #expect(KeyTables.action(for: .character("n"), in: state).map { "\($0)" } == "\(ConsoleAction.tailCommand(.nextMatch(1)))")
        #expect(KeyTables.action(for: .character("N"), in: state).map { "\($0)" } == "\(ConsoleAction.tailCommand(.nextMatch(-1)))")
    }

    /// The palette showed `c` beside two actions on the versions pane.
    @Test func thePaletteShowsAKeyOnlyBesideTheActionItRuns() {
        var state = ConsoleFixtures.loadedState()
        _ = Reducer.reduce(&state, .show(.versions))
        _ = Reducer.reduce(&state, .moveCursor(1))
        #expect(ActionCatalog.directKey(.provisionedConcurrency, in: state) == "c")
        #expect(ActionCatalog.directKey(.reservedConcurrency, in: state) == "")
        _ = Reducer.reduce(&state, .show(.functions))
        #expect(ActionCatalog.directKey(.reservedConcurrency, in: state) == "c")
    }

    /// The footer offered `S streams` on the functions pane, where it does nothing.
    @Test func theFooterOffersOnlyKeysThatDoSomethingHere() {
        let screen = GridScreen(rows: 24, columns: 120)
        var state = ConsoleFixtures.loadedState()
        ConsoleView.render(state, on: screen, theme: .dark, now: ConsoleFixtures.now)
        #expect(!screen.lines[23].contains("S streams"))
        _ = Reducer.reduce(&state, .show(.logs))
        ConsoleView.render(state, on: screen, theme: .dark, now: ConsoleFixtures.now)
        #expect(screen.lines[23].contains("S streams"))
    }

    /// A function with no log group showed "Waiting for log events" for ever.
    @Test func aMissingLogGroupIsSaidOnTheLogsPaneAndTheTail() {
        let screen = GridScreen(rows: 24, columns: 160)
        var state = ConsoleFixtures.loadedState()
        _ = Reducer.reduce(&state, .show(.logs))
        let group = "/aws/lambda/payments-charge-card"
        _ = Reducer.reduce(&state, .logsLoaded(function: "payments-charge-card", stream: nil,
                                               .failure(ConsoleError(ConsoleError.missingGroupSentence(group), missingLogGroup: group))))
        ConsoleView.render(state, on: screen, theme: .dark, now: ConsoleFixtures.now)
        #expect(screen.text.contains("No log group \(group) yet"), "\(screen.text)")
        #expect(state.lastError == nil, "not an error")

        _ = Reducer.reduce(&state, .openTail)
        let generation = state.tails["payments-charge-card"]?.generation ?? 0
        let effects = Reducer.reduce(&state, .tailGroupMissing(function: "payments-charge-card", generation: generation))
        #expect(!effects.isEmpty, "the tail keeps checking")
        ConsoleView.render(state, on: screen, theme: .dark, now: ConsoleFixtures.now)
        #expect(screen.text.contains("No log group \(group) yet"), "\(screen.text)")
        #expect(screen.text.contains("Checking again every 10 s"))
    }

    /// A success message from one screen lingered on another for minutes.
    @Test func aSuccessMessageStaysOnItsScreenAndForSeconds() {
        let screen = GridScreen(rows: 24, columns: 100)
        var state = ConsoleFixtures.loadedState()
        let said = Date()
        _ = Reducer.reduce(&state, .showStatus("Saved 3 lines."), now: said)
        ConsoleView.render(state, on: screen, theme: .dark, now: said.addingTimeInterval(5))
        #expect(screen.text.contains("✓ Saved 3 lines."))
        ConsoleView.render(state, on: screen, theme: .dark, now: said.addingTimeInterval(60))
        #expect(!screen.text.contains("Saved 3 lines."), "a minute later it is gone")
        _ = Reducer.reduce(&state, .drillDown, now: said.addingTimeInterval(1))
        #expect(state.status == nil, "another screen does not show it")
    }

    /// TERM=dumb and unknown terminals got curses' own exit or a broken screen.
    @Test func aTerminalThatCannotRunTheConsoleIsASentence() {
        #expect(CursesScreen.terminalProblem("dumb")?.contains("Set TERM to your terminal's name") == true)
        #expect(CursesScreen.terminalProblem(nil)?.contains("TERM is not set") == true)
        #expect(CursesScreen.terminalProblem("no-such-terminal-42")?.contains("not in this machine's terminfo") == true)
        #expect(CursesScreen.terminalProblem("xterm-256color") == nil)
    }

    /// The paused rollout view showed the weight the rollout last set, not the alias's own.
    @Test func aPausedRolloutShowsTheAliasesRealWeight() {
        var state = ConsoleFixtures.loadedState()  // live: 2, with 25 % to 3
        var rollout = Rollout(function: "payments-charge-card", alias: "live", description: "production", primary: "2", target: "3",
                              plan: RolloutPlan(kind: .linear, percent: 50, interval: 60), errorThreshold: 5, revisionId: nil)
        rollout.appliedWeight = 50
        rollout.nextStep = 1
        rollout.status = .paused
        _ = Reducer.reduce(&state, .rolloutUpdated(rollout))
        _ = Reducer.reduce(&state, .rolloutCommand(key: rollout.key, .open))
        let screen = GridScreen(rows: 40, columns: 120)
        ConsoleView.render(state, on: screen, theme: .dark, now: ConsoleFixtures.now)
        #expect(screen.lines.contains { $0.contains("Weight now") && $0.contains("25 %") }, "\(screen.text)")
    }
}
