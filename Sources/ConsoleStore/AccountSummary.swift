import LambdaAPI

/// `:account`: the account's Lambda limits in this region and how near it is to them, from
/// GetAccountSettings, each line with a warning when a limit is close.
public struct AccountSummary: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var label: String
        public var value: String
        public var warning: String?
    }

    public var lines: [Line] = []

    /// AWS keeps at least this much of the account's concurrency unreserved.
    public static let unreservedMinimum = 100
    /// A share of a limit from which it is said to be near.
    public static let nearShare = 0.8

    public init(limit: AccountLimit?, usage: AccountUsage?) {
        if let total = limit?.concurrentExecutions, let unreserved = limit?.unreservedConcurrentExecutions {
            let reserved = max(0, total - unreserved)
            let warning = unreserved <= Self.unreservedMinimum * 2
                ? "only \(Formatting.count(unreserved)) left for functions without a reservation (AWS keeps \(Self.unreservedMinimum))" : nil
            lines.append(Line(label: "Concurrency", value: "\(Formatting.count(total)) in this region · \(Formatting.count(reserved)) reserved by functions · "
                              + "\(Formatting.count(unreserved)) unreserved", warning: warning))
        }
        if let used = usage?.totalCodeSize, let total = limit?.totalCodeSize, total > 0 {
            let share = Double(used) / Double(total)
            lines.append(Line(label: "Code storage", value: "\(Formatting.bytes(used)) of \(Formatting.bytes(total)) (\(Self.percent(share)))",
                              warning: share >= Self.nearShare ? "near the limit: delete old versions or layers" : nil))
        }
        if let count = usage?.functionCount { lines.append(Line(label: "Functions", value: Formatting.count(Int(clamping: count)))) }
        if let zipped = limit?.codeSizeZipped, let unzipped = limit?.codeSizeUnzipped {
            lines.append(Line(label: "Package limits", value: "\(Formatting.bytes(zipped)) zipped upload, \(Formatting.bytes(unzipped)) unzipped"))
        }
    }

    static func percent(_ share: Double) -> String {
        guard share.isFinite else { return "?" }
        return share < 0.001 ? "under 0.1%" : String(printf: "%.1f%%", share * 100)
    }
}
