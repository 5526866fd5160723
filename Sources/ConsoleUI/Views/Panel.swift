/// A bordered box centred over the panes, for the help, the palette and the forms.
struct Panel {
    let top: Int
    let left: Int
    let width: Int
    let height: Int

    /// Rows inside the frame for content: the hint lines under them are the panel's own.
    let innerRows: Int

    /// Draws the frame and title; the inside is blank. `hints` (the keys that work here, the
    /// most important first) are wrapped over the last rows inside the frame, so that none is cut
    /// on a small terminal; `height` is what the content wants, the hints come on top of it.
    init(title: String, width wantedWidth: Int, height wantedHeight: Int, hints: [String] = [], screen: Screen, theme: Theme) {
        width = max(20, min(screen.columns - 2, wantedWidth))
        let maximumHeight = max(4, screen.rows - 1)
        // At least one row of content stays; hint lines that do not fit go, the last first.
        let hintLines = Array(Self.wrap(hints, width: width - 4).prefix(max(0, maximumHeight - 3)))
        height = max(4, min(maximumHeight, wantedHeight + hintLines.count))
        innerRows = height - 2 - hintLines.count
        left = max(0, (screen.columns - width) / 2)
        top = max(0, (screen.rows - height) / 2)
        let border = theme[.border]
        screen.put("┌" + String(repeating: "─", count: width - 2) + "┐", row: top, column: left, style: border)
        screen.put(" " + DisplayWidth.clip(title, width: width - 6) + " ", row: top, column: left + 2, style: theme[.title])
        for row in top + 1..<top + height - 1 {
            screen.put("│" + String(repeating: " ", count: width - 2) + "│", row: row, column: left, style: border)
        }
        screen.put("└" + String(repeating: "─", count: width - 2) + "┘", row: top + height - 1, column: left, style: border)
        for (index, line) in hintLines.enumerated() {
            screen.put(line, row: top + 1 + innerRows + index, column: left + 2, style: theme[.dim])
        }
    }

    /// Hints joined with " · ", a new line rather than a cut hint when the width is reached.
    static func wrap(_ hints: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for hint in hints {
            let candidate = line.isEmpty ? hint : line + " · " + hint
            if DisplayWidth.of(candidate) > width, !line.isEmpty {
                lines.append(line)
                line = DisplayWidth.clip(hint, width: width)
            } else {
                line = DisplayWidth.clip(candidate, width: width)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    var innerWidth: Int { width - 4 }

    /// Text on inside row `index` (0 is the first row under the top border), clipped to the frame.
    @discardableResult
    func put(_ text: String, row index: Int, column: Int = 0, style: TextStyle, on screen: Screen) -> Int {
        guard index >= 0, index < innerRows, column < innerWidth else { return left + 2 + column }
        return screen.put(DisplayWidth.clip(text, width: innerWidth - column), row: top + 1 + index, column: left + 2 + column, style: style)
    }

    /// A note on the bottom border (what more there is, the keys).
    func footnote(_ text: String, screen: Screen, theme: Theme) {
        let clipped = " " + DisplayWidth.clip(text, width: width - 6) + " "
        screen.put(clipped, row: top + height - 1, column: left + width - 2 - DisplayWidth.of(clipped), style: theme[.title])
    }

    /// `text` cut at spaces into lines of at most `width` cells.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if DisplayWidth.of(candidate) > width, !line.isEmpty {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
