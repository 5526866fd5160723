import ConsoleStore
import FoundationEssentials

/// ctrl-p: the actions that apply to the selection, narrowed as the user types.
enum PaletteView {
    static func draw(_ palette: PaletteState, _ state: ConsoleState, _ screen: Screen, _ theme: Theme) {
        let items = ActionReducer.paletteItems(state, filter: palette.filter)
        let panel = Panel(title: "Actions on \(state.focusedName ?? "")", width: 70, height: max(5, min(items.count, 16) + 4), screen: screen, theme: theme)
        let x = panel.put("› " + palette.filter, row: 0, style: theme[.filter], on: screen)
        screen.put("█", row: panel.top + 1, column: x, style: theme[.filter])
        let visible = panel.innerRows - 2
        let first = max(0, palette.cursor - visible + 1)
        if items.isEmpty { panel.put("no action matches", row: 2, column: 1, style: theme[.dim], on: screen) }
        for (offset, item) in items.dropFirst(first).prefix(visible).enumerated() {
            let selected = first + offset == palette.cursor
            let style = selected ? theme[.selection] : .plain
            let line = DisplayWidth.fit(" " + item.title, width: panel.innerWidth - 8) + DisplayWidth.fit(ActionCatalog.directKey(item, in: state), width: 8)
            panel.put(line, row: 2 + offset, style: style, on: screen)
            if item.destructive && !selected { panel.put(" " + item.title, row: 2 + offset, style: theme[.warn], on: screen) }
        }
        panel.footnote("↑↓ choose · Enter open · Esc close", screen: screen, theme: theme)
    }
}

/// A form: a field per line with its value, its error beside it, and a hint under the focused one.
enum FormView {
    enum Line: Equatable { case label, field, hint(Int), error }

    static func draw(_ form: FormState, _ screen: Screen, _ theme: Theme) {
        let innerWidth = min(100, screen.columns - 2) - 4
        // Labels share a column; one too long for it ("Type payments-charge-card to confirm") gets
        // a line of its own above its value rather than being cut.
        let labelWidth = min(24, min(innerWidth * 2 / 5, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 10) + 2))
        // An error goes beside its field when it fits there with room for the value, else below.
        let besideWidth = innerWidth - labelWidth - 20
        let hintWidth = max(8, innerWidth - labelWidth)
        let lines = layout(form, labelWidth: labelWidth, hintWidth: hintWidth) { DisplayWidth.of($0) + 3 <= besideWidth }
        let banner = form.banner.map { Panel.wrap($0, width: innerWidth).prefix(3) } ?? []
        let bannerRows = banner.isEmpty ? 0 : banner.count + 1
        let panel = Panel(title: form.title, width: 100, height: lines.count + bannerRows + 2, hints: hints(form), screen: screen, theme: theme)
        for (index, line) in banner.enumerated() { panel.put(line, row: index, style: theme[.warn], on: screen) }
        let visible = max(1, panel.innerRows - bannerRows)
        let focusLine = lines.firstIndex { $0.field == form.focus && $0.line == .field } ?? 0
        let first = max(0, min(focusLine - visible / 2, lines.count - visible))
        for (offset, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            let row = bannerRows + offset
            let field = form.fields[line.field]
            let focused = line.field == form.focus
            switch line.line {
            case .label:
                panel.put(field.label, row: row, style: focused ? theme[.title] : .plain, on: screen)
            case .hint(let piece):
                let pieces = Panel.wrap(field.hint ?? "", width: hintWidth)
                if pieces.indices.contains(piece) { panel.put(pieces[piece], row: row, column: labelWidth, style: theme[.dim], on: screen) }
            case .error:
                panel.put("✗ " + (field.error ?? ""), row: row, column: labelWidth, style: theme[.error], on: screen)
            case .field:
                if DisplayWidth.of(field.label) < labelWidth {
                    panel.put(field.label, row: row, style: focused ? theme[.title] : .plain, on: screen)
                }
                let beside = field.error.map { DisplayWidth.of($0) + 3 <= besideWidth } ?? false
                let valueWidth = panel.innerWidth - labelWidth - (beside ? DisplayWidth.of(field.error ?? "") + 3 : 0)
                panel.put(DisplayWidth.fit(display(field, revealed: form.revealsSecrets), width: valueWidth), row: row, column: labelWidth,
                          style: focused ? theme[.selection] : theme[.filter], on: screen)
                if beside, let error = field.error {
                    panel.put("✗ " + error, row: row, column: labelWidth + valueWidth + 1, style: theme[.error], on: screen)
                }
            }
        }
        if first + visible < lines.count { panel.footnote("↓ Tab: more fields", screen: screen, theme: theme) }
    }

    /// The keys that do something in this form, the ones that send or leave it first.
    static func hints(_ form: FormState) -> [String] {
        let confirms = form.fields.contains { if case .confirmation = $0.kind { true } else { false } }
        var hints = [confirms ? "Enter deletes" : "Enter applies", "Esc cancels"]
        if form.fields.count > 1 { hints.append("Tab next") }
        if form.fields.contains(where: { if case .choice = $0.kind { true } else { false } }) { hints.append("←→ chooses") }
        if form.fields.contains(where: { $0.kind == .json }) { hints.append("ctrl-e editor") }
        if form.fields.contains(where: { if case .pair(_, true) = $0.kind { true } else { false } }) { hints.append("ctrl-t shows values") }
        return hints
    }

    /// One line per field (two when its label needs one of its own); under it, its error when that
    /// does not fit beside it, or else the focused field's hint.
    static func layout(_ form: FormState, labelWidth: Int, hintWidth: Int, errorFitsBeside: (String) -> Bool) -> [(field: Int, line: Line)] {
        var lines: [(Int, Line)] = []
        for (index, field) in form.fields.enumerated() {
            if DisplayWidth.of(field.label) >= labelWidth { lines.append((index, .label)) }
            lines.append((index, .field))
            if let error = field.error {
                if !errorFitsBeside(error) { lines.append((index, .error)) }
            } else if index == form.focus, let hint = field.hint {
                // A long hint goes on under itself, up to three lines.
                for piece in 0..<min(3, Panel.wrap(hint, width: hintWidth).count) { lines.append((index, .hint(piece))) }
            }
        }
        return lines
    }

    /// What a field shows: choices with arrows, masked values as dots, JSON on one line.
    static func display(_ field: FormField, revealed: Bool) -> String {
        switch field.kind {
        case .choice(_, let labels): return "◂ \(field.value.isEmpty ? "(none)" : labels[field.value] ?? field.value) ▸"
        case .pair(_, let masked) where masked && !revealed:
            guard let equals = field.value.firstIndex(of: "=") else { return field.value }
            let value = field.value[field.value.index(after: equals)...]
            return String(field.value[...equals]) + String(repeating: "•", count: min(12, value.count))
        case .json:
            return field.value.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.joined(separator: " ")
        default: return field.value
        }
    }
}

/// `H`: this session's invocations, newest at the bottom; Enter opens one on the invoke screen.
enum HistoryView {
    static func draw(_ records: [InvocationRecord], cursor: Int, _ screen: Screen, _ theme: Theme) {
        let panel = Panel(title: "Invocations of this session", width: 100, height: min(screen.rows - 2, records.count + 3),
                          screen: screen, theme: theme)
        let rows = panel.innerRows - 1
        // The target column gives way first, so that the status and duration stay on a small screen.
        let targetWidth = max(8, min(40, panel.innerWidth - 10 - 15 - 10))
        let statusWidth = max(6, min(15, panel.innerWidth - 10 - targetWidth - 10))
        panel.put(DisplayWidth.fit("TIME", width: 10) + DisplayWidth.fit("FUNCTION:QUALIFIER", width: targetWidth)
                  + DisplayWidth.fit("STATUS", width: statusWidth) + "DURATION",
                  row: 0, style: theme[.columnHeader], on: screen)
        let first = max(0, min(cursor - rows + 1, records.count - rows))
        for (offset, index) in (first..<min(records.count, first + rows)).enumerated() {
            let record = records[index]
            let result = record.result
            let target = result.function + (result.qualifier.map { ":\($0)" } ?? "")
            var status = "\(result.statusCode)" + (result.functionError.map { " \($0)" } ?? "")
            var duration = result.report?.duration.map { InvocationReport.milliseconds($0) } ?? "\(result.milliseconds) ms rt"
            if let burst = record.burst {
                status = "burst \(burst.answered)/\(burst.spec.count)" + (burst.failed + burst.functionErrors > 0 ? " ✗" : "")
                duration = "p50 \(result.milliseconds) ms rt"
            }
            let text = DisplayWidth.fit(Formatting.clock(Int64(record.at.timeIntervalSince1970 * 1000)).prefix(8) + "  ", width: 10)
                + DisplayWidth.fit(target, width: targetWidth) + DisplayWidth.fit(status, width: statusWidth) + duration
            let failed = result.functionError != nil || result.statusCode >= 300
            let style = index == cursor ? theme[.selection] : failed ? theme[.error] : .plain
            panel.put(DisplayWidth.fit(text, width: panel.innerWidth), row: offset + 1, style: style, on: screen)
        }
        panel.footnote("Enter opens · Esc closes", screen: screen, theme: theme)
    }
}

/// `Y`: what can be copied from here, numbered, each with the start of its text.
enum CopyMenuView {
    static func draw(_ choices: [CopyChoice], cursor: Int, _ screen: Screen, _ theme: Theme) {
        let panel = Panel(title: "Copy to the clipboard", width: 96, height: min(screen.rows - 2, choices.count + 2), screen: screen, theme: theme)
        let labelWidth = min(28, max(10, panel.innerWidth / 3))
        let first = max(0, min(cursor - panel.innerRows + 1, choices.count - panel.innerRows))
        for (offset, index) in (first..<min(choices.count, first + panel.innerRows)).enumerated() {
            let choice = choices[index]
            let key = index < 9 ? "\(index + 1) " : "  "
            // One line of the text: a log event or the JSON shows its first line, control characters made visible.
            let preview = TableView.sanitize(choice.text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? "")
            let text = key + DisplayWidth.fit(choice.label, width: labelWidth) + " " + preview
            panel.put(DisplayWidth.fit(text, width: panel.innerWidth), row: offset, style: index == cursor ? theme[.selection] : .plain, on: screen)
        }
        panel.footnote("Enter or 1-9 copies · Esc closes", screen: screen, theme: theme)
    }
}
