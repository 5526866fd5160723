import ConsoleStore
import Testing

/// The one place the console's rows are decided: drawing, paging and clicks agree on it.
@Suite struct ScreenLayoutTests {
    @Test(arguments: [(12, 50), (24, 80), (40, 120), (200, 300)])
    func everyPartHasItsRowAndTheyDoNotOverlap(_ size: (Int, Int)) {
        let layout = ScreenLayout(rows: size.0, columns: size.1)
        #expect(layout.fits)
        #expect(layout.headerRow == 0 && layout.tabsRow == 1 && layout.footerRow == size.0 - 1 && layout.statusRow == size.0 - 2)
        #expect(layout.firstTableRow + layout.tableRows == layout.statusRow, "the table ends just above the status line")
        #expect(layout.tablePosition(screenRow: layout.tableTitleRow, scroll: 0) == nil, "a click on the column titles selects nothing")
        #expect(layout.tablePosition(screenRow: layout.firstTableRow, scroll: 7) == 7)
        #expect(layout.tablePosition(screenRow: layout.statusRow, scroll: 0) == nil)
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "r", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .resized(rows: size.0, columns: size.1))
        #expect(state.pageHeight == layout.tableRows, "a page is what the table shows")
    }

    @Test func aTerminalTooSmallDoesNotFit() {
        #expect(!ScreenLayout(rows: 11, columns: 80).fits)
        #expect(!ScreenLayout(rows: 24, columns: 49).fits)
        #expect(ScreenLayout(rows: -3, columns: -1).tableRows == 1)
    }
}
