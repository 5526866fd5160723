/// A bordered box centred over the panes, for the help, the palette and the forms.
struct Panel {
    let top: Int
    let left: Int
    let width: Int
    let height: Int

    /// Draws the frame and title; the inside is blank.
    init(title: String, width wantedWidth: Int, height wantedHeight: Int, screen: Screen, theme: Theme) {
        width = max(20, min(screen.columns - 2, wantedWidth))
        height = max(4, min(screen.rows - 1, wantedHeight))
        left = max(0, (screen.columns - width) / 2)
        top = max(0, (screen.rows - height) / 2)
        let border = theme[.border]
        screen.put("┌" + String(repeating: "─", count: width - 2) + "┐", row: top, column: left, style: border)
        screen.put(" " + DisplayWidth.prefix(title, fitting: width - 6) + " ", row: top, column: left + 2, style: theme[.title])
        for row in top + 1..<top + height - 1 {
            screen.put("│" + String(repeating: " ", count: width - 2) + "│", row: row, column: left, style: border)
        }
        screen.put("└" + String(repeating: "─", count: width - 2) + "┘", row: top + height - 1, column: left, style: border)
    }

    /// Rows inside the frame.
    var innerRows: Int { height - 2 }
    var innerWidth: Int { width - 4 }

    /// Text on inside row `index` (0 is the first row under the top border), clipped to the frame.
    @discardableResult
    func put(_ text: String, row index: Int, column: Int = 0, style: TextStyle, on screen: Screen) -> Int {
        guard index >= 0, index < innerRows, column < innerWidth else { return left + 2 + column }
        return screen.put(DisplayWidth.prefix(text, fitting: innerWidth - column), row: top + 1 + index, column: left + 2 + column, style: style)
    }

    /// A note on the bottom border (what more there is, the keys).
    func footnote(_ text: String, screen: Screen, theme: Theme) {
        let clipped = DisplayWidth.prefix(" " + text + " ", fitting: width - 4)
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
