import CNcursesw

/// How many terminal cells text takes, by the C library's `wcwidth`, scalar by scalar: the
/// same count curses makes when it places the text, so that a line never draws past its row
/// (a flag is two regional indicators of one cell each). Text passes through `TerminalText.inert`
/// first, so every scalar measured here is printable.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar) }
        return total
    }

    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if value < 0xA0 { return 1 }  // a control character, drawn as a one-cell placeholder
        _ = localeReady
        let width = lt_wcwidth(wchar_t(bitPattern: value))
        return width < 0 ? 1 : Int(width)  // unprintable: drawn as U+FFFD
    }

    /// `wcwidth` answers for the locale's character set; a process still in the "C" locale (a
    /// test, a benchmark) measures as a UTF-8 terminal would instead of refusing every letter.
    static let localeReady: Bool = {
        lt_ensure_utf8_ctype()
        return true
    }()

    /// Whether `wcwidth` knows the scalar as printable.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        _ = localeReady
        return lt_wcwidth(wchar_t(bitPattern: scalar.value)) >= 0
    }

    /// The longest prefix of `text` that fits in `width` cells.
    public static func prefix(_ text: String, fitting width: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let cells = of(text[index])
            if used + cells > width { break }
            used += cells
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    /// `text` as it is when it fits in `width` cells, else cut with "…": never cut silently.
    public static func clip(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let head = prefix(text, fitting: width + 1)
        if of(head) <= width, head.utf8.count == text.utf8.count { return text }
        return prefix(text, fitting: width - 1) + "…"
    }

    /// `text` cut to `width` cells with "…" when it does not fit, or padded with spaces to it.
    public static func fit(_ text: String, width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        // Measures no further than one cell past the width: a 1 MB log line costs what fits.
        let head = prefix(text, fitting: width + 1)
        let cells = of(head)
        if cells <= width, head.utf8.count == text.utf8.count {
            let padding = String(repeating: " ", count: width - cells)
            return alignRight ? padding + text : text + padding
        }
        let cut = prefix(text, fitting: width - 1) + "…"
        return cut + String(repeating: " ", count: width - of(cut))
    }
}
