@testable import ConsoleUI
import ConsoleStore
import Foundation
import Testing

/// Long log lines and multi-line events are read whole: Enter on the logs pane, `v` in the tail.
@Suite struct LogLineViewTests {
    static let traceback = "[ERROR]\tTraceback (most recent call last):\n  File \"/var/task/handler.py\", line 12, in handler\n"
        + "    charge(card)\nCardError: card declined by the issuing bank after " + String(repeating: "retry ", count: 20) + "END-OF-EVENT"

    static func state(_ message: String = traceback) -> ConsoleState {
        var state = ConsoleFixtures.loadedState()
        _ = Reducer.reduce(&state, .resized(rows: 24, columns: 80))
        var lines = ConsoleFixtures.logLines
        lines.append(LogLine(timestamp: 1_795_600_002_000, stream: "2026/11/25/[3]bbbb", message: message, id: "7"))
        _ = Reducer.reduce(&state, .logsLoaded(function: "payments-charge-card", stream: nil, .success(lines)), now: ConsoleFixtures.now)
        return state
    }

    static func render(_ state: ConsoleState) -> GridScreen {
        let screen = GridScreen(rows: 24, columns: 80)
        ConsoleView.render(state, on: screen, theme: .monochrome, now: ConsoleFixtures.now)
        return screen
    }

    @Test func enterOnALogLineShowsTheWholeEventWithItsOwnLines() throws {
        var state = Self.state()
        _ = Reducer.reduce(&state, .show(.logs))
        _ = Reducer.reduce(&state, .moveToBottom)
        _ = Reducer.reduce(&state, .drillDown)
        let view = try #require({ if case .logEvent(let view) = state.overlay { view } else { nil } }())
        #expect(view.text == Self.traceback)
        #expect(state.route == .pane(.logs), "Enter on a log line opens the line, not the function")
        let text = Self.render(state).text
        #expect(text.contains("│ Traceback") || text.contains("│ [ERROR] Traceback"), "\(text)")
        #expect(text.contains("│   File \"/var/task/handler.py\", line 12, in handler"), "\(text)")
        #expect(text.contains("END-OF-EVENT"), "the end of a long line is shown:\n\(text)")
        _ = Reducer.reduce(&state, .goBack)
        #expect(state.overlay == nil)
    }

    @Test func aJSONEventIsPrettyPrinted() throws {
        var state = Self.state(#"{"level":"ERROR","message":"card declined","order":{"id":1234}}"#)
        _ = Reducer.reduce(&state, .show(.logs))
        _ = Reducer.reduce(&state, .moveToBottom)
        _ = Reducer.reduce(&state, .drillDown)
        let text = Self.render(state).text
        #expect(text.contains("\"message\" : \"card declined\"") || text.contains("\"message\": \"card declined\""), "\(text)")
    }

    @Test func vWrapsTheTailAndKeepsAnEventsLines() {
        var state = Self.state()
        _ = Reducer.reduce(&state, .openTail, now: ConsoleFixtures.now.addingTimeInterval(-3600))
        let generation = state.tails["payments-charge-card"]?.generation ?? 0
        var lines = ConsoleFixtures.logLines
        lines.append(LogLine(timestamp: 1_795_600_002_000, stream: "2026/11/25/[3]bbbb", message: Self.traceback, id: "7"))
        _ = Reducer.reduce(&state, .tailEvents(function: "payments-charge-card", generation: generation, lines, mode: .polling(interval: 2)))
        #expect(!Self.render(state).text.contains("END-OF-EVENT"), "one row per line until v")
        _ = Reducer.reduce(&state, .tailCommand(.wrap))
        let text = Self.render(state).text
        #expect(text.contains("END-OF-EVENT"), "\(text)")
        #expect(text.contains("  File \"/var/task/handler.py\""), "\(text)")
        #expect(text.contains("wrapped"))
    }

    @Test func scrollingUpAPausedTailKeepsThePanelFull() throws {
        var state = ConsoleFixtures.loadedState()
        _ = Reducer.reduce(&state, .resized(rows: 24, columns: 80))
        _ = Reducer.reduce(&state, .openTail, now: ConsoleFixtures.now.addingTimeInterval(-3600))
        let generation = state.tails["payments-charge-card"]?.generation ?? 0
        let many = (0..<100).map { LogLine(timestamp: 1_795_600_000_000 + Int64($0), stream: "s/[1]a", message: "line \($0)", id: "\($0)") }
        _ = Reducer.reduce(&state, .tailEvents(function: "payments-charge-card", generation: generation, many, mode: .polling(interval: 2)))
        for _ in 0..<30 { _ = Reducer.reduce(&state, .pageUp) }
        let lines = Self.render(state).lines
        #expect(lines.contains { $0.hasSuffix("line 0") }, "the oldest line is on screen")
        let logRows = lines.filter { $0.contains("[1]") }
        #expect(logRows.count >= state.pageHeight, "the panel was not full:\n\(lines.joined(separator: "\n"))")
    }
}
