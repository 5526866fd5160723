import ConsoleStore

extension ThemeRole {
    /// The colour of what a cell means.
    init(_ tone: CellTone) {
        switch tone {
        case .text: self = .text
        case .dim: self = .dim
        case .ok: self = .ok
        case .warn: self = .warn
        case .error: self = .error
        case .logTime: self = .logTime
        case .logMeta: self = .logMeta
        case .logWarn: self = .logWarn
        case .logError: self = .logError
        }
    }
}

/// Draws any resource's rows: header, visible window, selection, sort marker. Reads only the
/// rows on screen, so a frame costs the same for 50 functions or 10,000.
public enum TableView {
    public static func draw<Row>(_ rows: [Row], columns: [ColumnSpec<Row>], table: TableState, theme: Theme, screen: Screen,
                                 top: Int, height: Int, focused: Bool = true) {
        let end = min(table.visible.count, table.scroll + height - 1)
        // A table built for other rows than these (what the model tests look for) draws its rows
        // on screen only where they exist, rather than trapping.
        let positions = table.scroll < end ? (max(0, table.scroll)..<end).filter { rows.indices.contains(table.visible[$0]) } : []
        let onScreen = positions.map { rows[table.visible[$0]] }
        let sized = columns.map { column -> ColumnSpec<Row> in
            guard case .content(let minimum, let maximum) = column.width else { return column }
            var copy = column
            let widest = onScreen.reduce(DisplayWidth.of(column.title) + 1) { max($0, DisplayWidth.of(column.text($1))) }
            copy.width = .fixed(max(minimum, min(maximum, widest)))
            return copy
        }
        let widths = layout(sized, width: screen.columns)
        var x = 0
        for (column, width) in zip(columns, widths) where width > 0 {
            var title = column.title
            if column.id == table.sortColumn { title += table.ascending ? "↑" : "↓" }
            screen.put(DisplayWidth.fit(title, width: width, alignRight: column.alignRight) + " ", row: top, column: x,
                       style: theme[.columnHeader])
            x += width + 1
        }
        guard table.scroll < end else { return }
        for position in positions {
            let offset = position - table.scroll
            let row = rows[table.visible[position]]
            let selected = focused && position == table.cursor
            var column = 0
            for (definition, width) in zip(columns, widths) where width > 0 {
                var style = theme[ThemeRole(definition.tone(row))]
                if selected { style = merge(theme[.selection], over: style) }
                let cell = DisplayWidth.fit(sanitize(definition.text(row)), width: width, alignRight: definition.alignRight)
                screen.put(cell, row: top + 1 + offset, column: column, style: style)
                screen.put(" ", row: top + 1 + offset, column: column + width, style: selected ? theme[.selection] : .plain)
                column += width + 1
            }
            if selected { screen.fill(row: top + 1 + offset, from: column, style: theme[.selection]) }
        }
    }

    /// Widths per column; columns that do not fit are given 0, lowest priority first.
    static func layout<Row>(_ columns: [ColumnSpec<Row>], width: Int) -> [Int] {
        var kept = Set(columns.indices)
        while true {
            let fixed = kept.reduce(0) { sum, index in
                switch columns[index].width {
                case .fixed(let cells): return sum + cells + 1
                case .flexible(let minimum, _), .content(let minimum, _): return sum + minimum + 1
                }
            }
            if fixed <= width || kept.count == 1 {
                let spare = max(0, width - fixed)
                let weights = kept.reduce(0) { sum, index in
                    if case .flexible(_, let weight) = columns[index].width { return sum + weight }
                    return sum
                }
                return columns.indices.map { index in
                    guard kept.contains(index) else { return 0 }
                    switch columns[index].width {
                    case .fixed(let cells): return cells
                    case .flexible(let minimum, let weight): return minimum + (weights > 0 ? spare * weight / weights : 0)
                    case .content(let minimum, _): return minimum
                    }
                }
            }
            guard let drop = kept.min(by: { columns[$0].priority < columns[$1].priority || (columns[$0].priority == columns[$1].priority && $0 > $1) })
            else { return columns.map { _ in 0 } }
            kept.remove(drop)
        }
    }

    /// Control characters from AWS data (a description with a newline) would break the layout.
    /// A cell is one line: tabs and line breaks become spaces. Other control characters are left
    /// to the screen, which shows them as visible placeholders.
    static func sanitize(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }

    static func merge(_ top: TextStyle, over base: TextStyle) -> TextStyle {
        var style = top
        if top.foreground == .terminalDefault { style.foreground = base.foreground }
        style.bold = top.bold || base.bold
        return style
    }
}
