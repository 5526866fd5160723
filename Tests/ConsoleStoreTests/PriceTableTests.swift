import ConsoleStore
import Foundation
import LambdaAPI
import Testing

@Suite struct PriceTableTests {
    @Test func aMillionInvocationsOfAHundredMillisecondsAtHalfAGigabyte() {
        let prices = PriceTable()
        // 1,000,000 × 0.1 s × 0.5 GB = 50,000 GB-s at $0.0000166667, plus $0.20 of requests.
        let day = prices.daily(invocationsPerDay: 1_000_000, averageMilliseconds: 100, memoryMB: 512, architecture: .x86_64)
        #expect(abs(day - (50_000 * 0.0000166667 + 0.20)) < 1e-9)
        let arm = prices.daily(invocationsPerDay: 1_000_000, averageMilliseconds: 100, memoryMB: 512, architecture: .arm64)
        #expect(abs(arm - (50_000 * 0.0000133334 + 0.20)) < 1e-9)
        // Ephemeral storage is charged above the free 512 MB only.
        let storage = prices.invocation(billedMilliseconds: 1_000, memoryMB: 1_024, architecture: .x86_64, ephemeralMB: 10_240)
        #expect(abs(storage - (0.0000166667 + 9.5 * 0.0000000309 + 0.0000002)) < 1e-12)
        #expect(prices.daily(invocationsPerDay: 0, averageMilliseconds: 100, memoryMB: 512, architecture: nil) == 0)
        #expect(prices.daily(invocationsPerDay: .nan, averageMilliseconds: 100, memoryMB: 512, architecture: nil) == 0)
        #expect(prices.format(12.345) == "$12.35" && prices.format(0.0000021) == "$2.1e-06" && prices.format(250) == "$250")
    }

    @Test func theShippedTableIsTheDefaultsAndAUsersLinesApply() throws {
        let shipped = try String(contentsOfFile: #filePath.replacingOccurrences(of: "Tests/ConsoleStoreTests/PriceTableTests.swift", with: "prices/us-east-1"),
                                 encoding: .utf8)
        let (table, problems) = PriceTable.parse(shipped, path: "prices/us-east-1")
        #expect(problems.isEmpty, "\(problems)")
        #expect(table == PriceTable())
        let (own, complaints) = PriceTable.parse("""
            # a contract in euros
            currency = EUR
            arm64_gb_second = 0.00001
            requests_per_million = -1
            x86_64_gb_second = lots
            gpu_second = 1
            """, path: "prices")
        #expect(own.currency == "EUR" && own.armGBSecond == 0.00001 && own.perMillionRequests == 0.20)
        #expect(complaints.count == 3, "\(complaints)")
        #expect(own.format(3) == "€3.00")
    }

    @Test func rememberingASettingKeepsTheOtherLines() {
        let text = "# mine\ntheme = light\nmetric_columns = false\n# end"
        #expect(SettingLines.setting("metric_columns", to: "true", in: text) == "# mine\ntheme = light\nmetric_columns = true\n# end")
        #expect(SettingLines.setting("chart_style", to: "plain", in: "theme = light") == "theme = light\nchart_style = plain\n")
        #expect(SettingLines.setting("theme", to: "dark", in: "") == "theme = dark\n")
    }

    @Test func rememberingWritesAPrivateFile() throws {
        let folder = NSTemporaryDirectory() + "remember-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/lambda-tui/config"
        try ConsolePreferences.remember("metric_columns", "true", path: path)
        try ConsolePreferences.remember("metric_columns", "false", path: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "metric_columns = false\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let (preferences, problems) = ConsolePreferences.parse("metric_columns = true\nchart_style = blocks\nchart_style = sixel", path: "c")
        #expect(preferences.metricColumns && preferences.chartStyle == .blocks && problems.count == 1)
    }
}

@Suite struct InvocationCostTests {
    @Test func aReportLineIsPricedAtItsBilledDurationAndMemory() throws {
        var state = MonitorTests.state(functions: ["priced"], metricColumns: false)
        state.prices = PriceTable()
        let report = try #require(InvocationReport.parse(
            "REPORT RequestId: r1\tDuration: 99.10 ms\tBilled Duration: 100 ms\tMemory Size: 2048 MB\tMax Memory Used: 80 MB"))
        let cost = try #require(state.invocationCost(report, function: "priced"))
        #expect(abs(cost - (0.1 * 2 * 0.0000166667 + 0.0000002)) < 1e-12)
        // Without its memory size, the function's own (1024 MB in this list) is used.
        let bare = InvocationReport(billedDuration: 100)
        #expect(abs((state.invocationCost(bare, function: "priced") ?? 0) - (0.1 * 0.0000166667 + 0.0000002)) < 1e-12)
        #expect(state.invocationCost(InvocationReport(duration: 5), function: "priced") == nil)
    }

    @Test func aHostileReportLineIsReadWithoutTrapping() {
        let report = InvocationReport.parse("REPORT RequestId: r\tBilled Duration: 1e308 ms\tMemory Size: 1e300 MB\tMax Memory Used: -5 MB")
        #expect(report?.memorySize == nil && report?.maxMemoryUsed == nil)
        var state = MonitorTests.state(functions: ["priced"], metricColumns: false)
        state.prices = PriceTable()
        #expect(report.flatMap { state.invocationCost($0, function: "priced") }.map(\.isFinite) != false)
    }
}
