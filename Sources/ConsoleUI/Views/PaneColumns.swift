import ConsoleStore
import Foundation
import LambdaAPI
import LogsAPI

/// The columns of each pane: one place per resource, read by the generic table view.
enum PaneColumns {
    static func functions(now: Date) -> [Column<FunctionConfiguration>] {
        [
            Column(.name, "NAME", .content(minimum: 20, maximum: 48), priority: 9) { $0.functionName ?? "" },
            Column(.runtime, "RUNTIME", .fixed(15), priority: 8) { $0.runtime?.rawValue ?? ($0.packageType == .image ? "image" : "") },
            Column(.memory, "MEMORY", .fixed(8), alignRight: true, priority: 7) { $0.memorySize.map { "\($0) MB" } ?? "" },
            Column(.timeout, "TIMEOUT", .fixed(7), alignRight: true, priority: 6) { $0.timeout.map { "\($0) s" } ?? "" },
            Column(.arch, "ARCH", .fixed(6), priority: 1) { $0.architectures?.first?.rawValue ?? "x86_64" },
            Column(.type, "TYPE", .fixed(5), priority: 0) { $0.packageType?.rawValue ?? "" },
            Column(.size, "SIZE", .fixed(8), alignRight: true, priority: 3) { Formatting.bytes($0.codeSize) },
            Column(.modified, "MODIFIED", .fixed(11), priority: 5) { Formatting.relative($0.lastModified?.date, now: now) },
            Column(.state, "STATE", .fixed(10), priority: 4, role: stateRole) { stateText($0) },
            Column(.description, "DESCRIPTION", .flexible(minimum: 12, weight: 2), priority: 2) { $0.description ?? "" },
        ]
    }

    static func stateText(_ function: FunctionConfiguration) -> String {
        if function.lastUpdateStatus == .inProgress { return "Updating" }
        if function.lastUpdateStatus == .failed { return "UpdFailed" }
        return function.state?.rawValue ?? ""
    }

    static func stateRole(_ function: FunctionConfiguration) -> ThemeRole {
        switch (function.state, function.lastUpdateStatus) {
        case (.failed?, _), (_, .failed?): return .error
        case (.pending?, _), (.inactive?, _), (_, .inProgress?): return .warn
        case (.active?, _): return .ok
        default: return .text
        }
    }

    static func versions(_ state: ConsoleState, now: Date) -> [Column<FunctionConfiguration>] {
        [
            Column(.version, "VERSION", .fixed(9), priority: 9) { $0.version ?? "" },
            Column(.aliases, "ALIASES → WEIGHT", .flexible(minimum: 18, weight: 2), priority: 8) { version in
                state.routing(to: version.version ?? "").map { "\($0.alias) \(Self.percent($0.weight))" }.joined(separator: ", ")
            },
            Column(.description, "DESCRIPTION", .flexible(minimum: 12, weight: 2), priority: 5) { $0.description ?? "" },
            Column(.sha, "CODE SHA256", .fixed(12), priority: 4) { String(($0.codeSha256 ?? "").prefix(12)) },
            Column(.modified, "MODIFIED", .fixed(11), priority: 6) { Formatting.relative($0.lastModified?.date, now: now) },
            Column(.runtime, "RUNTIME", .fixed(15), priority: 3) { $0.runtime?.rawValue ?? "" },
        ]
    }

    static func percent(_ weight: Double) -> String {
        let value = weight * 100
        return value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
    }

    static func aliases(barWidth: Int) -> [Column<AliasConfiguration>] {
        [
            Column(.name, "ALIAS", .fixed(14), priority: 9) { $0.name ?? "" },
            Column(.version, "PRIMARY", .fixed(8), priority: 8) { $0.functionVersion ?? "" },
            Column(.additional, "ADDITIONAL", .fixed(10), priority: 7) { $0.routingConfig?.additionalVersionWeights?.keys.sorted().first ?? "" },
            Column(.weight, "WEIGHT OF ADDITIONAL", .fixed(barWidth + 7), priority: 6, role: { _ in .text }) { alias in
                guard let weight = alias.routingConfig?.additionalVersionWeights?.values.first else { return "" }
                let bar = Formatting.weightBar(weight, width: barWidth)
                return "\(bar.filled)\(bar.rest) \(bar.label)"
            },
            Column(.description, "DESCRIPTION", .flexible(minimum: 12, weight: 1), priority: 5) { $0.description ?? "" },
        ]
    }

    static func mappings(now: Date) -> [Column<EventSourceMappingConfiguration>] {
        [
            Column(.source, "SOURCE", .flexible(minimum: 20, weight: 2), priority: 9) { sourceName($0.eventSourceArn) },
            Column(.state, "STATE", .fixed(10), priority: 8, role: { $0.state == "Enabled" ? .ok : $0.state == "Disabled" ? .dim : .warn }) {
                $0.state ?? ""
            },
            Column(.batch, "BATCH", .fixed(6), alignRight: true, priority: 7) { $0.batchSize.map(String.init) ?? "" },
            Column(.result, "LAST RESULT", .fixed(22), priority: 5) { $0.lastProcessingResult ?? "" },
            Column(.modified, "MODIFIED", .fixed(11), priority: 6) { Formatting.relative($0.lastModified?.date, now: now) },
            Column(.uuid, "UUID", .fixed(36), priority: 4) { $0.uuid ?? "" },
        ]
    }

    /// "sqs: orders-queue" from "arn:aws:sqs:us-east-1:123456789012:orders-queue".
    static func sourceName(_ arn: String?) -> String {
        guard let arn else { return "" }
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return arn }
        var resource = String(parts[5])
        if let slash = resource.firstIndex(of: "/") {
            let kind = resource[..<slash]
            resource = String(resource[resource.index(after: slash)...])
            if kind == "table", let stream = resource.range(of: "/stream/") { resource = String(resource[..<stream.lowerBound]) }
        }
        return "\(parts[2]): \(resource)"
    }

    static func logs(now: Date) -> [Column<LogLine>] {
        [
            Column(.time, "TIME (UTC)", .fixed(12), priority: 8, role: { _ in .logTime }) { Formatting.clock($0.timestamp) },
            Column(.version, "VER", .fixed(9), priority: 6) { streamVersion($0.stream) },
            Column(.message, "MESSAGE", .flexible(minimum: 20, weight: 1), priority: 9, role: logRole) {
                $0.message.trimmingCharacters(in: .newlines)
            },
        ]
    }

    static func streams(now: Date) -> [Column<LogStream?>] {
        [
            Column(.name, "LOG STREAM (newest first)", .flexible(minimum: 30, weight: 1), priority: 9) { $0?.logStreamName ?? "all streams, interleaved" },
            Column(.version, "VER", .fixed(9), priority: 7) { $0.map { streamVersion($0.logStreamName ?? "") } ?? "" },
            Column(.last, "LAST EVENT", .fixed(11), priority: 8) { stream in
                stream?.lastEventTimestamp.map { Formatting.relative(Date(timeIntervalSince1970: Double($0) / 1000), now: now) } ?? ""
            },
            Column(.size, "SIZE", .fixed(8), alignRight: true, priority: 5) { $0?.storedBytes.map { Formatting.bytes($0) } ?? "" },
        ]
    }

    /// "[3]" from a stream named "2026/11/25/[3]abcdef".
    static func streamVersion(_ stream: String) -> String {
        guard let open = stream.firstIndex(of: "["), let close = stream[open...].firstIndex(of: "]") else { return "" }
        return String(stream[open...close])
    }

    static func logRole(_ line: LogLine) -> ThemeRole {
        let message = line.message
        if message.hasPrefix("START ") || message.hasPrefix("END ") || message.hasPrefix("REPORT ") || message.hasPrefix("INIT_START") {
            return .logMeta
        }
        if message.contains("ERROR") || message.contains("Error:") || message.contains("Traceback") || message.contains("\"level\":\"ERROR\"") {
            return .logError
        }
        if message.contains("WARN") { return .logWarn }
        return .text
    }
}
