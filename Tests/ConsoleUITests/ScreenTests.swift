import ConsoleUI
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("lambda", 6), ("函数", 4), ("🚀", 2), ("e\u{301}", 1), ("❤️", 2), ("ｆｕｌｌ", 8), ("tab\there", 7), ("", 0),
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
