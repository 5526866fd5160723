import ConsoleStore
import FoundationEssentials

/// The invoke screen: the request on the left, the response (or a burst's split) on the right,
/// the status line with the REPORT figures under them, and the function's logs below, starting
/// with the invocation's own LogResult and continuing live.
enum InvokeView {
    static func draw(_ function: String, _ state: ConsoleState, _ screen: Screen, _ theme: Theme, top: Int, height: Int, now: Date) {
        guard let session = state.invokeSessions[function] else { return }
        let upper = max(5, height * 45 / 100)
        let leftWidth = max(24, min(44, screen.columns * 35 / 100))
        let right = leftWidth + 2
        let focusStyle = TableView.merge(theme[.title], over: TextStyle(reverse: true))
        screen.put(" Request ", row: top, column: 0, style: theme[.title])
        let responseFocused = session.focus == .response
        screen.put(" " + DisplayWidth.clip(responseTitle(session), width: screen.columns - right - 2) + " ", row: top, column: right, style: responseFocused ? focusStyle : theme[.title])
        for row in top..<top + upper { screen.put("│", row: row, column: leftWidth, style: theme[.border]) }
        request(session, screen, theme, top: top + 1, height: upper - 1, width: leftWidth - 1)
        let width = screen.columns - right
        if let burst = session.burst {
            BurstView.draw(burst, screen, theme, top: top + 1, left: right, width: width, height: upper - 1)
        } else if session.running, session.streamedText.isEmpty {
            let since = state.lastInvoked[function].map { " \(Int(now.timeIntervalSince($0)))s" } ?? ""
            screen.put("Invoking…\(since)", row: top + 2, column: right + 1, style: theme[.dim])
        } else if session.result == nil, session.streamedText.isEmpty {
            screen.put("No answer yet.", row: top + 2, column: right + 1, style: theme[.dim])
        } else {
            response(session, screen, theme, top: top + 1, left: right, width: width, height: upper - 1)
        }
        statusLine(session, screen, theme, row: top + upper, cost: { report in
            // At the price table's prices: what this invocation cost, and a million like it.
            state.invocationCost(report, function: function).map { "≈ \(state.prices.format($0 * 1_000_000)) per million" }
        })
        let logsTop = top + upper + 1
        if let tail = state.tails[function] {
            if !responseFocused { screen.fill(row: logsTop, from: 0, style: TextStyle(reverse: true)) }
            LogTailView.draw(tail, screen, theme, top: logsTop, height: top + height - logsTop,
                             cost: { report in state.invocationCost(report, function: function).map(state.prices.format) })
        }
    }

    static func responseTitle(_ session: InvokeSession) -> String {
        if session.burst != nil { return "Burst" }
        let text = session.response
        var title = "Response"
        if session.result != nil || !session.streamedText.isEmpty {
            title += " · " + Formatting.bytes(Int64(text.totalBytes))
            if session.running { title += " · streaming" }
            title += session.raw || !text.isJSON ? " · raw" : " · pretty"
            if text.truncated { title += " · first \(Formatting.bytes(Int64(text.shownBytes))) shown, w saves all" }
        }
        return title
    }

    static func request(_ session: InvokeSession, _ screen: Screen, _ theme: Theme, top: Int, height: Int, width: Int) {
        let request = session.request
        var rows: [(String, String)] = [("qualifier", request.qualifier ?? "$LATEST"), ("type", request.invocationType)]
        if request.streamed { rows.append(("response", "streamed")) }
        if let burst = request.burst { rows.append(("burst", "\(burst.count) at \(burst.perSecond)/s")) }
        if let context = request.clientContext { rows.append(("context", compact(context))) }
        var row = top
        for (label, value) in rows where row < top + height {
            screen.put(DisplayWidth.fit(label, width: 10), row: row, column: 1, style: theme[.dim])
            screen.put(DisplayWidth.clip(TableView.sanitize(value), width: max(0, width - 12)), row: row, column: 12, style: .plain)
            row += 1
        }
        row += 1
        for line in session.requestLines where row < top + height {
            drawJSON(TableView.sanitize(line), screen, theme, row: row, column: 1, width: width - 1)
            row += 1
        }
    }

    static func response(_ session: InvokeSession, _ screen: Screen, _ theme: Theme, top: Int, left: Int, width: Int, height: Int) {
        let text = session.response
        let colour = text.isJSON && !session.raw && !session.running
        // The "lines 3–9 of 40" note gets a row of its own when the answer does not fit.
        let fits = text.lines.count <= height && (colour || text.lines.allSatisfy { DisplayWidth.of($0) <= max(1, width - 1) })
        let height = fits ? height : max(1, height - 1)
        let first = min(session.responseScroll, max(0, text.lines.count - height))
        var row = top
        var index = first
        while row < top + height, index < text.lines.count {
            let line = TableView.sanitize(text.lines[index])
            if colour {
                drawJSON(line, screen, theme, row: row, column: left + 1, width: width - 1)
                row += 1
            } else {
                // Raw text wraps, so that nothing of a long line is hidden.
                for piece in wrap(line, width: max(1, width - 1)) where row < top + height {
                    screen.put(piece, row: row, column: left + 1, style: .plain)
                    row += 1
                }
            }
            index += 1
        }
        if index < text.lines.count || first > 0 {
            let where_ = "lines \(first + 1)–\(index) of \(text.lines.count)"
            screen.put(where_, row: top + height, column: max(left, screen.columns - DisplayWidth.of(where_) - 1), style: theme[.dim])
        }
    }

    /// Status, error, executed version and round trip, then the REPORT line's figures.
    static func statusLine(_ session: InvokeSession, _ screen: Screen, _ theme: Theme, row: Int, cost: (InvocationReport) -> String? = { _ in nil }) {
        screen.fill(row: row, from: 0, style: theme[.border])
        guard let result = session.result, !session.running || session.burst != nil else {
            screen.put(session.running ? " running…" : "", row: row, column: 0, style: theme[.dim])
            return
        }
        guard session.burst == nil else { return }
        let failed = result.functionError != nil || result.statusCode >= 300
        var parts = ["\(result.statusCode)" + (result.functionError.map { " \($0)" } ?? "")]
        if let version = result.executedVersion { parts.append("version \(version)") }
        parts.append("round trip \(result.milliseconds) ms")
        if result.streamed { parts.append("streamed") }
        if let report = result.report, !report.summary.isEmpty {
            // The cost before the figures: on a narrow screen the figures are cut, and they are in the logs below.
            if let cost = cost(report) { parts.append(cost) }
            parts.append("duration " + report.summary)
        }
        let text = " " + (failed ? "✗ " : "✓ ") + parts.joined(separator: " · ") + " "
        screen.put(DisplayWidth.clip(text, width: screen.columns), row: row, column: 0, style: failed ? theme[.error] : theme[.ok])
    }

    static func drawJSON(_ line: String, _ screen: Screen, _ theme: Theme, row: Int, column: Int, width: Int) {
        var x = column
        for (text, role) in RawJSONView.runs(line) {
            let room = column + width - x
            guard room > 0 else { break }
            x = screen.put(DisplayWidth.prefix(text, fitting: room), row: row, column: x, style: theme[role])
        }
    }

    static func compact(_ json: String) -> String {
        json.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.joined(separator: " ")
    }

    /// `line` cut into pieces of at most `width` cells.
    static func wrap(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        var pieces: [String] = []
        var rest = Substring(line)
        while !rest.isEmpty {
            let piece = DisplayWidth.prefix(String(rest), fitting: width)
            guard !piece.isEmpty else { break }
            pieces.append(piece)
            rest = rest.dropFirst(piece.count)
        }
        return pieces.isEmpty ? [""] : pieces
    }
}

/// A burst's progress: how many sent and answered, which version answered (an alias's routing
/// as it really splits), errors, and round-trip percentiles.
enum BurstView {
    static func draw(_ burst: BurstProgress, _ screen: Screen, _ theme: Theme, top: Int, left: Int, width: Int, height: Int) {
        var row = top
        func line(_ text: String, _ style: TextStyle, indent: Int = 1) {
            guard row < top + height else { return }
            screen.put(DisplayWidth.prefix(text, fitting: max(0, width - indent)), row: row, column: left + indent, style: style)
            row += 1
        }
        let state = burst.finished ? (burst.stopped ? "stopped" : "done") : "running (x stops)"
        line("\(burst.sent) of \(burst.spec.count) sent at \(burst.spec.perSecond)/s, \(burst.answered) answered · \(state)", theme[.title])
        row += 1
        line("Executed version", theme[.dim])
        let barWidth = max(5, min(30, width - 28))
        for entry in burst.split {
            guard row < top + height else { break }
            let bar = Formatting.weightBar(entry.share, width: barWidth)
            var x = screen.put(DisplayWidth.fit(entry.version, width: 9), row: row, column: left + 2, style: LogTailView.versionStyle(entry.version, theme))
            x = screen.put(bar.filled, row: row, column: x, style: theme[.weightBar])
            x = screen.put(bar.rest, row: row, column: x, style: theme[.weightRest])
            screen.put(" \(bar.label)  \(entry.count)", row: row, column: x, style: .plain)
            row += 1
        }
        if burst.split.isEmpty { line("(no answers yet)", theme[.dim], indent: 2) }
        row += 1
        if burst.functionErrors > 0 { line("\(burst.functionErrors) answered with a function error", theme[.error]) }
        for (message, count) in burst.failures.sorted(by: { $0.value > $1.value }) {
            line("\(count) failed: \(message)", theme[.error])
        }
        if let median = burst.percentile(0.5), let p95 = burst.percentile(0.95), let slowest = burst.roundTrips.max() {
            line("round trip p50 \(median) ms · p95 \(p95) ms · max \(slowest) ms", .plain)
        }
    }
}
