import ConsoleUI
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        // As curses counts them (wcwidth, scalar by scalar): a heart with its emoji selector is
        // one cell, a flag two; a tab is drawn as the one-cell placeholder ␉.
        ("lambda", 6), ("函数", 4), ("🚀", 2), ("e\u{301}", 1), ("❤️", 1), ("ｆｕｌｌ", 8), ("tab\there", 8), ("", 0),
        ("🇫🇷🇩🇪", 4),
    ])
    func countsCells(text: String, cells: Int) {
        #expect(DisplayWidth.of(text) == cells)
    }

    @Test func fitsTextToAWidth() {
        #expect(DisplayWidth.fit("payments-charge-card", width: 10) == "payments-…")
        #expect(DisplayWidth.fit("函数函数", width: 5) == "函数…")
        #expect(DisplayWidth.fit("函数函数", width: 6) == "函数… ")
        #expect(DisplayWidth.fit("512", width: 6, alignRight: true) == "   512")
        #expect(DisplayWidth.fit("x", width: 0) == "")
    }
}

@Suite struct TerminalTextTests {
    /// Escape sequences from AWS text (CSI colours, OSC 52 clipboard writes, DCS) arrive as
    /// visible placeholders; none reaches the terminal.
    @Test func controlCharactersAndEscapeSequencesAreShownInert() {
        let hostile = "a\u{1B}[31mred\u{1B}]52;c;aGVsbG8=\u{07}\u{1B}P1$q\u{1B}\\\u{9B}2J\u{7F}"
        let shown = TerminalText.inert(hostile)
        #expect(shown == "a␛[31mred␛]52;c;aGVsbG8=␇␛P1$q␛\\\u{FFFD}2J␡")
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        #expect(TerminalText.inert("plain ünïcödé 函数") == "plain ünïcödé 函数")
    }

    @Test func aFlagLineNeverSpillsPastItsRow() {
        let screen = GridScreen(rows: 2, columns: 9)
        screen.put(String(repeating: "🇫🇷", count: 10), row: 0, column: 0, style: .plain)
        #expect(DisplayWidth.of(screen.lines[0]) <= 9)
        #expect(screen.lines[1].isEmpty)
    }

    @Test func aMegabyteLineIsCutForDisplayQuickly() {
        let line = String(repeating: "x", count: 1_000_000)
        #expect(DisplayWidth.fit(line, width: 20) == String(repeating: "x", count: 19) + "…")
    }
}

@Suite struct GridScreenTests {
    @Test func drawsClipsAndReadsBack() {
        let screen = GridScreen(rows: 2, columns: 10)
        #expect(screen.put("hello", row: 0, column: 0, style: .plain) == 5)
        screen.put("world-wide", row: 0, column: 6, style: .plain)
        screen.put("函数🚀x", row: 1, column: 2, style: TextStyle(bold: true))
        #expect(screen.lines == ["hello worl", "  函数🚀x"])
        #expect(screen.cell(row: 1, column: 3).isContinuation)
        #expect(screen.cell(row: 1, column: 2).style.bold)
    }

    @Test func aWideCharacterThatWouldStraddleTheEdgeIsLeftOut() {
        let screen = GridScreen(rows: 1, columns: 5)
        screen.put("abcd函", row: 0, column: 0, style: .plain)
        #expect(screen.lines == ["abcd"])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        let screen = GridScreen(rows: 1, columns: 6)
        screen.put("函数", row: 0, column: 0, style: .plain)
        screen.put("x", row: 0, column: 1, style: .plain)
        #expect(screen.lines == [" x数"])
    }
}
