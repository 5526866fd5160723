import ConsoleStore
import Foundation

/// The live tail: every stream's events in time order, each with its time (UTC) and the version
/// from its stream name, coloured per version; errors and warnings stand out, START/END/REPORT are
/// dimmed; search matches are highlighted. The status row says how events arrive.
enum LogTailView {
    static func draw(_ tail: LogTail, _ screen: Screen, _ theme: Theme, top: Int, height: Int) {
        guard height > 1 else { return }
        screen.put(DisplayWidth.clip(status(tail), width: screen.columns), row: top, column: 0,
                   style: tail.following ? theme[.dim] : theme[.warn])
        let rows = height - 1
        let lines = tail.visibleLines(page: rows)
        if lines.isEmpty {
            let text = tail.groupMissing ? ConsoleError.missingGroupSentence(tail.group) + " Checking again every 10 s."
                : "Waiting for log events since \(Formatting.clock(tail.since))…"
            for (offset, line) in Panel.wrap(text, width: max(1, screen.columns - 4)).enumerated() where offset + 2 < height {
                screen.put(line, row: top + 2 + offset, column: 2, style: theme[tail.groupMissing ? .warn : .dim])
            }
        }
        let needle = tail.search.lowercased()
        // Bottom-anchored: the newest line sits on the last row.
        var row = top + 1 + (rows - lines.count)
        for line in lines {
            var x = screen.put(Formatting.clock(line.timestamp) + " ", row: row, column: 0, style: theme[.logTime])
            let tag = "[\(line.version ?? "?")]"
            x = screen.put(DisplayWidth.fit(tag, width: 10), row: row, column: x, style: versionStyle(line.version, theme))
            let style: TextStyle = switch (line.kind, line.level) {
            case (.start, _), (.end, _), (.report, _): theme[.logMeta]
            case (_, "ERROR"): theme[.logError]
            case (_, "WARN"): theme[.logWarn]
            default: .plain
            }
            let shown = tail.folded && line.kind == .report
                ? "REPORT " + (InvocationReport.parse(line.text)?.summary ?? "") : line.text
            let text = DisplayWidth.prefix(TableView.sanitize(shown), fitting: max(0, screen.columns - x))
            screen.put(text, row: row, column: x, style: style)
            if !needle.isEmpty, let match = highlight(needle, in: text) {
                screen.put(match.text, row: row, column: x + match.column, style: TableView.merge(TextStyle(reverse: true), over: style))
            }
            row += 1
        }
    }

    /// The first match of `needle` in `text`, and the cell it starts at.
    static func highlight(_ needle: String, in text: String) -> (text: String, column: Int)? {
        let characters = Array(text)
        let lowered = characters.map { String($0).lowercased() }
        let wanted = Array(needle).map { String($0) }
        guard !wanted.isEmpty, wanted.count <= lowered.count else { return nil }
        for start in 0...(lowered.count - wanted.count) where Array(lowered[start..<start + wanted.count]) == wanted {
            return (String(characters[start..<start + wanted.count]), DisplayWidth.of(String(characters[..<start])))
        }
        return nil
    }

    static func status(_ tail: LogTail) -> String {
        var parts: [String] = []
        switch tail.mode {
        case .starting: parts.append("connecting")
        case .live(let sampled): parts.append(sampled ? "live (StartLiveTail), sampled: over 500 events/s, some not shown" : "live (StartLiveTail)")
        case .polling(let interval): parts.append("polling FilterLogEvents every \(RolloutPlan.duration(interval))")
        }
        parts.append(tail.following ? "following" : "paused, \(tail.offset) newer below (f follows)")
        parts.append("\(Formatting.count(tail.lines.count)) lines")
        if tail.folded { parts.append("START/END folded (z)") }
        if let pattern = tail.filterPattern { parts.append("pattern \(pattern)") }
        if !tail.search.isEmpty { parts.append("/\(tail.search): \(tail.matchCount) matches") }
        if let error = tail.lastError { parts.append("✗ \(error)") }
        return parts.joined(separator: " · ")
    }

    /// Each version keeps one colour, so that a rollout's two versions tell apart at a glance.
    static func versionStyle(_ version: String?, _ theme: Theme) -> TextStyle {
        let roles: [ThemeRole] = [.jsonKey, .jsonString, .jsonNumber, .jsonLiteral, .ok, .title]
        guard let version else { return theme[.dim] }
        let index = Int(version) ?? version.unicodeScalars.reduce(0) { $0 &+ Int($1.value) }
        return theme[roles[abs(index) % roles.count]]
    }
}
