import FoundationEssentials

/// The figures of the REPORT line Lambda writes after each invocation:
///
///     REPORT RequestId: 8f5…  Duration: 12.34 ms  Billed Duration: 13 ms  Memory Size: 128 MB
///     Max Memory Used: 70 MB  Init Duration: 150.12 ms
///
/// Init Duration appears only on a cold start.
public struct InvocationReport: Sendable, Equatable {
    public var requestId: String?
    public var duration: Double?
    public var billedDuration: Double?
    public var memorySize: Int?
    public var maxMemoryUsed: Int?
    public var initDuration: Double?

    public init(requestId: String? = nil, duration: Double? = nil, billedDuration: Double? = nil, memorySize: Int? = nil,
                maxMemoryUsed: Int? = nil, initDuration: Double? = nil) {
        self.requestId = requestId
        self.duration = duration
        self.billedDuration = billedDuration
        self.memorySize = memorySize
        self.maxMemoryUsed = maxMemoryUsed
        self.initDuration = initDuration
    }

    /// The last REPORT line of a log tail, or nil when there is none (an Event invocation, or a
    /// tail cut before it).
    public static func parse(_ log: String) -> InvocationReport? {
        guard let line = log.split(whereSeparator: \.isNewline).last(where: { $0.hasPrefix("REPORT") }) else { return nil }
        // Fields are tab-separated; shown lines carry two spaces instead. Figures are read by name,
        // so that a missing one is nil.
        var fields: [String: String] = [:]
        let body = line.dropFirst("REPORT".count).replacing("  ", with: "\t")
        for part in body.split(separator: "\t") {
            guard let colon = part.firstIndex(of: ":") else { continue }
            fields[part[..<colon].trimmingWhitespace()] = part[part.index(after: colon)...].trimmingWhitespace()
        }
        func number(_ name: String) -> Double? {
            fields[name].flatMap { Double($0.split(separator: " ").first ?? "") }
        }
        return InvocationReport(requestId: fields["RequestId"].map { String($0.split(separator: " ").first ?? "") },
                                duration: number("Duration"), billedDuration: number("Billed Duration"),
                                memorySize: number("Memory Size").flatMap(Self.megabytes), maxMemoryUsed: number("Max Memory Used").flatMap(Self.megabytes),
                                initDuration: number("Init Duration"))
    }

    /// A size in MB as a log line says it, within what a function can have (a hostile line's
    /// 1e300 would trap a plain conversion).
    static func megabytes(_ value: Double) -> Int? {
        value.isFinite && value >= 0 && value <= 1_000_000 ? Int(value) : nil
    }

    /// "12.34 ms · billed 13 ms · 70/128 MB · init 150.1 ms", the parts known.
    public var summary: String {
        var parts: [String] = []
        if let duration { parts.append("\(Self.milliseconds(duration))") }
        if let billedDuration { parts.append("billed \(Self.milliseconds(billedDuration))") }
        switch (maxMemoryUsed, memorySize) {
        case (let used?, let size?): parts.append("memory \(used)/\(size) MB")
        case (nil, let size?): parts.append("memory \(size) MB")
        case (let used?, nil): parts.append("max memory \(used) MB")
        default: break
        }
        if let initDuration { parts.append("init \(Self.milliseconds(initDuration))") }
        return parts.joined(separator: " · ")
    }

    public static func milliseconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) ms" : String(printf: "%.2f ms", value)
    }
}
