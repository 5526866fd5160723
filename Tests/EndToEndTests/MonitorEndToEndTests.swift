import Foundation
import LambdaAPI
import LambdaTestSupport
import Testing
import TestSupport

/// The binary in tmux: functions from moto, CloudWatch from the fault server's made-up metrics
/// (moto has no percentiles). Which functions are erroring (the metric columns and `errors:>0`),
/// one function's Monitor view, Logs Insights, and the columns remembered in the config file.
@Suite(.serialized, .timeLimit(.minutes(3))) struct MonitorEndToEndTests {
    @Test func seeWhichFunctionsAreErroringAndOpenOne() async throws {
        let fixtures = try await LambdaFixtures()
        let prefix = "mon\(UUID().uuidString.prefix(6).lowercased())"
        for job in ["api", "fail-worker"] { _ = try await fixtures.createFunction("\(prefix)-\(job)") }
        let lane = TestBackend.lane("e2e-metrics")
        try await fixtures.backend.syntheticMetrics(lane: lane)
        let config = NSTemporaryDirectory() + "lt-config-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: config) }

        let session = try TmuxSession(endpoint: fixtures.backend.faultURL(lane: lane), environment: ["XDG_CONFIG_HOME": config])
        #expect(await session.waitFor("\(prefix)-api").satisfied)
        try session.send("/")
        try session.type(prefix)
        try session.send("Enter")
        try session.send("m")
        var result = await session.waitFor { screen in
            screen.contains("INVOCATIONS 1h") && screen.split(separator: "\n").contains { $0.contains("\(prefix)-fail-worker") && $0.contains("%") }
        }
        #expect(result.satisfied, "the metric columns did not show the failing function's error rate:\n\(result.screen)")
        let rows = result.screen.split(separator: "\n")
        #expect(rows.first { $0.contains("\(prefix)-fail-worker") }?.contains { Formatting_sparks.contains($0) } == true)

        try session.send("/")
        try session.type("\(prefix) errors:>0")
        try session.send("Enter")
        result = await session.waitFor { $0.contains("\(prefix)-fail-worker") && !$0.contains("\(prefix)-api ") }
        #expect(result.satisfied, "errors:>0 did not keep only the failing function:\n\(result.screen)")
        let remembered = try String(contentsOfFile: config + "/lambda-tui/config", encoding: .utf8)
        #expect(remembered.contains("metric_columns = true"))

        try session.send("M")
        result = await session.waitFor { $0.contains("› monitor") && $0.contains("Invocations per 5 min") && $0.contains("p99") && $0.contains("success") }
        #expect(result.satisfied, "M did not open the Monitor view with its charts:\n\(result.screen)")
        // Braille with colours; one plain character per line where the theme has none (as here, in tmux).
        let plotted = result.screen.split(separator: "\n").filter { $0.contains("┤") }
            .contains { row in row.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } || row.contains("****") }
        #expect(plotted, "no chart drawn:\n\(result.screen)")
        try session.send("1")
        result = await session.waitFor { $0.contains("Invocations per minute") }
        #expect(result.satisfied, "1 did not switch to the last hour:\n\(result.screen)")

        try session.send("Escape")
        try session.send("L")
        result = await session.waitFor { $0.contains("Logs Insights") && $0.contains("latest errors") }
        #expect(result.satisfied, "L did not open Logs Insights:\n\(result.screen)")
        try session.send("e")
        result = await session.waitFor { $0.contains("latest errors, with their request ids ·") }
        #expect(result.satisfied, "e did not run the latest errors query:\n\(result.screen)")

        try session.send("q")
        result = await session.waitFor("modes:")
        #expect(result.screen.contains("EXITED 0 modes: icanon echo"), "lambda-tui did not exit cleanly:\n\(result.screen)")
    }
}

/// The block characters a sparkline is drawn with.
private let Formatting_sparks: Set<Character> = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
