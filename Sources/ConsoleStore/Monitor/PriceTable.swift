import AWSCore
import FoundationEssentials
import LambdaAPI

/// What Lambda charges, as the console estimates cost with it: compute per GB-second by
/// architecture, requests per million, ephemeral storage above the free 512 MB per GB-second.
/// The defaults are us-east-1's public on-demand prices (first tier); `prices` in the config
/// folder overrides them for another region or a contract (see `prices/us-east-1` in the
/// repository for the format). Free tier and savings plans are not taken off.
public struct PriceTable: Sendable, Equatable {
    public var x86GBSecond = 0.0000166667
    public var armGBSecond = 0.0000133334
    public var perMillionRequests = 0.20
    public var ephemeralGBSecond = 0.0000000309
    public var currency = "USD"

    public init() {}

    public static func path(environment: [String: String]) -> String {
        AppDirectories.config(environment) + "/prices"
    }

    /// The user's table, or the defaults; a line that cannot be used is said and the rest apply.
    public static func load(environment: [String: String]) -> (PriceTable, [String]) {
        let path = path(environment: environment)
        do {
            guard let text = try LocalFile.readText(path) else { return (PriceTable(), []) }
            return parse(text, path: path)
        } catch {
            return (PriceTable(), ["The price table \(error); using us-east-1's prices."])
        }
    }

    public static func parse(_ text: String, path: String) -> (PriceTable, [String]) {
        var table = PriceTable()
        var problems: [String] = []
        for (line, entry) in SettingLines.parse(text) {
            guard case .setting(let key, let value) = entry else {
                problems.append("\(path), line \(line): expected `key = value`")
                continue
            }
            if key == "currency" {
                if (1...8).contains(value.count), value.allSatisfy({ $0.isLetter || $0 == "$" || $0 == "€" || $0 == "£" }) { table.currency = value }
                else { problems.append("\(path), line \(line): currency must be a short name such as USD") }
                continue
            }
            guard let price = Double(value), price.isFinite, price >= 0, price < 1_000 else {
                problems.append("\(path), line \(line): \(key) must be a price, a number from 0")
                continue
            }
            switch key {
            case "x86_64_gb_second": table.x86GBSecond = price
            case "arm64_gb_second": table.armGBSecond = price
            case "requests_per_million": table.perMillionRequests = price
            case "ephemeral_gb_second": table.ephemeralGBSecond = price
            default: problems.append("\(path), line \(line): unknown price \(key)")
            }
        }
        return (table, problems)
    }

    /// One invocation's cost: its billed duration at its memory, its ephemeral storage above
    /// 512 MB, and the request.
    public func invocation(billedMilliseconds: Double, memoryMB: Int, architecture: Architecture?, ephemeralMB: Int = 512) -> Double {
        guard billedMilliseconds.isFinite, billedMilliseconds >= 0 else { return perMillionRequests / 1_000_000 }
        let seconds = billedMilliseconds / 1_000
        let gigabytes = Double(max(0, memoryMB)) / 1_024
        let rate = architecture == .arm64 ? armGBSecond : x86GBSecond
        let ephemeral = Double(max(0, ephemeralMB - 512)) / 1_024 * seconds * ephemeralGBSecond
        return seconds * gigabytes * rate + ephemeral + perMillionRequests / 1_000_000
    }

    /// A day at this rate of invocations and average duration (Lambda rounds each up to 1 ms).
    public func daily(invocationsPerDay: Double, averageMilliseconds: Double, memoryMB: Int, architecture: Architecture?,
                      ephemeralMB: Int = 512) -> Double {
        guard invocationsPerDay.isFinite, invocationsPerDay > 0 else { return 0 }
        let billed = averageMilliseconds.isFinite ? max(1, averageMilliseconds.rounded(.up)) : 1
        return invocationsPerDay * invocation(billedMilliseconds: billed, memoryMB: memoryMB, architecture: architecture, ephemeralMB: ephemeralMB)
    }

    /// "$12.34", "$0.0000021": enough figures to tell one invocation's cost from another's.
    public func format(_ amount: Double) -> String {
        let symbol = currency == "USD" ? "$" : currency == "EUR" ? "€" : currency == "GBP" ? "£" : currency + " "
        guard amount.isFinite else { return "\(symbol)?" }
        if amount == 0 { return "\(symbol)0" }
        if amount >= 100 { return symbol + String(printf: "%.0f", amount) }
        if amount >= 0.01 { return symbol + String(printf: "%.2f", amount) }
        return symbol + String(printf: "%.2g", amount)
    }
}

extension ConsoleState {
    /// What one invocation cost, from its REPORT line (billed duration, memory size) and the
    /// function's architecture; nil when the line has no billed duration.
    public func invocationCost(_ report: InvocationReport, function name: String) -> Double? {
        guard let billed = report.billedDuration else { return nil }
        let row = function(named: name)
        guard let memory = report.memorySize ?? row?.memorySize else { return nil }
        return prices.invocation(billedMilliseconds: billed, memoryMB: memory, architecture: row?.architectures?.first)
    }
}
