import ConsoleStore
@testable import ConsoleUI
import Foundation
import LambdaAPI
import Testing

/// The Monitor view's charts and the metric columns at 120x40 and 80x24 in the dark, light and
/// monochrome themes, compared with Golden/monitor-*.txt: the text, then a map of which theme
/// role coloured each cell (1-4 a chart's lines, C the cursor, a the axes, T titles, . text).
@Suite struct MonitorGoldenTests {
    static let themes: [(String, Theme)] = [("dark", .dark), ("light", MonitorGoldenTests.light), ("monochrome", .monochrome)]
    static let sizes = [(120, 40), (80, 24)]
    static let scenes = ["monitor", "monitor-versions", "functions-metrics"]

    static var light: Theme {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = (try? String(contentsOf: folder.appendingPathComponent("themes/light.theme"), encoding: .utf8)) ?? ""
        return (try? ThemeFile.parse(text, path: "light.theme")) ?? .dark
    }

    /// A day of made-up traffic: a wave, an incident of errors and throttles in the afternoon.
    static func series(_ id: String, buckets: Int) -> [Double?] {
        (0..<buckets).map { index in
            let wave = 1 + 0.6 * sin(Double(index) / Double(buckets) * 2 * .pi * 3)
            let incident = (buckets * 6 / 10..<buckets * 7 / 10).contains(index)
            switch id.prefix(3) {
            case "inv": return (120 * wave).rounded() + (id.hasSuffix("q1") ? 40 : 0)
            case "err": return incident ? 14 : (index % 37 == 0 ? 1 : 0)
            case "thr": return incident && index % 3 == 0 ? 5 : 0
            case "p50": return 80 * wave
            case "p90": return 140 * wave
            case "p99": return (incident ? 900 : 260 * wave) + (id.hasSuffix("q2") ? 150 : 0)
            case "max": return incident ? 2_900 : 400 * wave
            case "avg": return 95 * wave
            case "con": return (6 * wave).rounded()
            default: return index % 5 == 0 ? nil : 0
            }
        }
    }

    static func state(_ scene: String, columns: Int, rows: Int) -> ConsoleState {
        var state = ConsoleFixtures.loadedState()
        _ = Reducer.reduce(&state, .resized(rows: rows, columns: columns))
        let now = ConsoleFixtures.now
        if scene == "functions-metrics" {
            _ = Reducer.reduce(&state, .toggleMetricColumns, now: now)
            var summaries: [String: FunctionMetricSummary] = [:]
            for (index, function) in ConsoleFixtures.functions.enumerated() {
                let scale = Double(index + 1)
                summaries[function.functionName ?? ""] = FunctionMetricSummary(
                    fetchedAt: now, invocations: series("inv", buckets: 10).map { ($0 ?? 0) * scale }, errors: index == 0 ? series("err", buckets: 10).map { $0 ?? 0 } : [Double](repeating: 0, count: 10),
                    throttles: index == 2 ? [0, 0, 0, 0, 0, 0, 5, 0, 5, 0] : [Double](repeating: 0, count: 10), p99: series("p99", buckets: 10),
                    durationSum: 95 * 1_200 * scale)
            }
            let names = Array(summaries.keys)
            _ = Reducer.reduce(&state, .listMetricsLoaded(names: names, .success(summaries), percentilesProblem: nil), now: now)
            return state
        }
        let effects = Reducer.reduce(&state, .monitorCommand(.open), now: now)
        _ = Reducer.reduce(&state, .accountUsageLoaded(AccountUsage(functionCount: 1_310, totalCodeSize: 68_000_000_000)), now: now)
        _ = Reducer.reduce(&state, .accountLimitLoaded(.success(AccountLimit(concurrentExecutions: 1_000, totalCodeSize: 80_530_636_800,
                                                                             unreservedConcurrentExecutions: 870))), now: now)
        var request = effects.compactMap { effect -> MonitorRequest? in if case .loadMonitor(let request) = effect { request } else { nil } }.last
        if scene == "monitor-versions" {
            request = Reducer.reduce(&state, .monitorCommand(.cycleSplit), now: now)
                .compactMap { effect -> MonitorRequest? in if case .loadMonitor(let request) = effect { request } else { nil } }.last
        }
        guard let request else { return state }
        var answer = MonitorAnswer()
        for query in request.queries { answer.series[query.id] = series(query.id, buckets: request.window.buckets) }
        _ = Reducer.reduce(&state, .monitorLoaded(function: request.function, generation: request.generation, answer), now: now)
        for _ in 0..<12 { _ = Reducer.reduce(&state, .monitorCommand(.moveCursor(-3)), now: now) }
        return state
    }

    static var cases: [String] {
        scenes.flatMap { scene in themes.flatMap { theme in sizes.map { "\(scene)-\(theme.0)-\($0.0)x\($0.1)" } } }
    }

    /// Which role's style a cell has, as one letter.
    static func roleMap(_ screen: GridScreen, _ theme: Theme) -> String {
        let codes: [(ThemeRole, Character)] = [(.chartCursor, "C"), (.chart1, "1"), (.chart2, "2"), (.chart3, "3"), (.chart4, "4"),
                                               (.chartAxis, "a"), (.title, "T"), (.error, "E"), (.warn, "W"), (.dim, "d")]
        return (0..<screen.rows).map { row in
            String((0..<screen.columns).map { column in
                let style = screen.cell(row: row, column: column).style
                if style == theme[.text] || style == .plain { return "." }
                return codes.first { theme[$0.0] == style }?.1 ?? "?"
            })
        }.joined(separator: "\n")
    }

    @Test(arguments: cases)
    func chartsMatchTheirGoldenFile(_ name: String) throws {
        let scene = try #require(Self.scenes.sorted { $0.count > $1.count }.first { name.hasPrefix($0 + "-") })
        let theme = try #require(Self.themes.first { name.dropFirst(scene.count + 1).hasPrefix($0.0 + "-") })
        let size = try #require(Self.sizes.first { name.hasSuffix("\($0.0)x\($0.1)") })
        let state = Self.state(scene, columns: size.0, rows: size.1)
        let screen = GridScreen(rows: size.1, columns: size.0)
        ConsoleView.render(state, on: screen, theme: theme.1, now: ConsoleFixtures.now)
        let rendered = screen.text + "\n--- colours\n" + Self.roleMap(screen, theme.1) + "\n"
        let file = GoldenScreenTests.folder.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["LAMBDA_TUI_RECORD_GOLDEN"] != nil {
            try rendered.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == expected, "screen \(name) differs from Golden/\(name).txt:\n\(rendered)")
    }
}
