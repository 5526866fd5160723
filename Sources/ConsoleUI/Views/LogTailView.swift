import ConsoleStore
import FoundationEssentials

/// The live tail: every stream's events in time order, each with its time (UTC) and the version
/// from its stream name, coloured per version; errors and warnings stand out, START/END/REPORT are
/// dimmed; search matches are highlighted. The status row says how events arrive.
enum LogTailView {
    /// `cost` prices a REPORT line (what a folded REPORT shows beside its figures).
    static func draw(_ tail: LogTail, _ screen: Screen, _ theme: Theme, top: Int, height: Int,
                     cost: (InvocationReport) -> String? = { _ in nil }) {
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
        let prefixWidth = 13 + 10
        let textWidth = max(1, screen.columns - prefixWidth)
        // Each line's rows: one, cut at the edge; wrapped, as many as its text and its own line breaks need.
        var shownRows: [(line: TailLine, text: String, first: Bool)] = []
        for line in lines.reversed() where shownRows.count < rows {
            let shown = tail.folded && line.kind == .report ? folded(line.text, cost: cost) : line.text
            let pieces = tail.wrapped ? LogEventOverlay.rows(shown, width: textWidth) : [TableView.sanitize(shown)]
            for (index, piece) in pieces.enumerated().reversed() where shownRows.count < rows {
                shownRows.append((line, piece, index == 0))
            }
        }
        // Bottom-anchored: the newest line sits on the last row.
        var row = top + 1 + (rows - shownRows.count)
        for (line, piece, first) in shownRows.reversed() {
            var x = prefixWidth
            if first {
                x = screen.put(Formatting.clock(line.timestamp) + " ", row: row, column: 0, style: theme[.logTime])
                let tag = "[\(line.version ?? "?")]"
                x = screen.put(DisplayWidth.fit(tag, width: 10), row: row, column: x, style: versionStyle(line.version, theme))
            }
            let style: TextStyle = switch (line.kind, line.level) {
            case (.start, _), (.end, _), (.report, _): theme[.logMeta]
            case (_, "ERROR"): theme[.logError]
            case (_, "WARN"): theme[.logWarn]
            default: .plain
            }
            let text = DisplayWidth.prefix(piece, fitting: max(0, screen.columns - x))
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
        if tail.wrapped { parts.append("wrapped") }
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

    /// A REPORT line folded to its figures, and its cost when it can be priced.
    static func folded(_ text: String, cost: (InvocationReport) -> String?) -> String {
        guard let report = InvocationReport.parse(text) else { return "REPORT" }
        return "REPORT " + report.summary + (cost(report).map { " · ≈ \($0)" } ?? "")
    }
}

/// Enter on a log line: the whole event, its own lines kept, long lines wrapped.
enum LogEventOverlay {
    static func rows(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).prefix(TextLimits.logEventLines).flatMap { line in
            InvokeView.wrap(TableView.sanitize(String(line)), width: max(1, width))
        }
    }

    static func draw(_ view: LogEventView, _ screen: Screen, _ theme: Theme) {
        let width = screen.columns - 2
        let rows = rows(view.text, width: width - 4)
        let title = Formatting.clock(view.timestamp) + " · " + TableView.sanitize(view.stream)
        let panel = Panel(title: title, width: width, height: rows.count + 2, hints: ["Esc closes", "j/k PgDn/PgUp scroll"],
                          screen: screen, theme: theme)
        let first = min(view.scroll, max(0, rows.count - panel.innerRows))
        for (offset, line) in rows.dropFirst(first).prefix(panel.innerRows).enumerated() {
            panel.put(line, row: offset, style: .plain, on: screen)
        }
        if first + panel.innerRows < rows.count {
            panel.footnote("lines \(first + 1)–\(first + panel.innerRows) of \(rows.count)", screen: screen, theme: theme)
        }
    }
}
