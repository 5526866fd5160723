import ConsoleStore
@testable import ConsoleUI
import Testing

@Suite struct ChartPlotTests {
    /// The glyphs of a plot, row by row, "." where nothing is drawn.
    static func rows(_ plot: ChartPlot) -> [String] {
        (0..<plot.height).map { row in String((0..<plot.width).map { plot.cell(row: row, column: $0)?.0 ?? "." }) }
    }

    @Test func brailleDotsFollowTheValuesWithAJoinedLine() {
        // Two cells wide, one high: four dot columns, four dot rows. 0 is the bottom row, 3 the top.
        var plot = ChartPlot(width: 2, height: 1, style: .braille)
        plot.plot([0, 3, 3, 0], line: 0, top: 3)
        // Cell 0: the bottom-left dot (7, 0x40), then the whole right column, the top joined to
        // the previous point (4, 5, 6, 8). Cell 1: the top-left dot (1) and again a whole right
        // column, back down to 0.
        let left = Character(Unicode.Scalar(0x2800 + 0x40 + 0x08 + 0x10 + 0x20 + 0x80)!)
        let right = Character(Unicode.Scalar(0x2800 + 0x01 + 0x08 + 0x10 + 0x20 + 0x80)!)
        #expect(Self.rows(plot) == [String([left, right])])
        #expect(plot.cell(row: 0, column: 0)?.line == 0)
    }

    @Test func aGapIsLeftWhereCloudWatchSentNothing() {
        var plot = ChartPlot(width: 3, height: 1, style: .plain)
        plot.plot([1, nil, 1], line: 2, top: 1)
        #expect(Self.rows(plot) == ["o.o"])
    }

    @Test func blocksDrawTheFirstLineAsBarsAndTheOthersAsMarks() {
        var plot = ChartPlot(width: 2, height: 2, style: .blocks)
        plot.plot([16, 4], line: 0, top: 16)
        plot.plot([0, 16], line: 1, top: 16)
        // The bars: 16 of 16 is two full cells, 4 of 16 half of the bottom one. A later line draws over.
        #expect(Self.rows(plot) == ["█•", "•▄"])
    }

    @Test func aWeekOfMinutesFitsAnyWidthKeepingItsSpike() {
        var values = [Double?](repeating: 1, count: 10_080)
        values[7_777] = 500
        let columns = ChartPlot.columns(values, count: 111)
        #expect(columns.count == 111)
        #expect(columns.compactMap { $0 }.max() == 500, "a spike is not averaged away")
        #expect(columns.filter { $0 == 500 }.count == 1)
        // Fewer points than columns: each point is drawn as a step across its share.
        #expect(ChartPlot.columns([1, 2], count: 4) == [1, 1, 2, 2])
        var plot = ChartPlot(width: 111, height: 6, style: .braille)
        plot.plot(values, line: 0, top: ChartPlot.niceTop(500))
        #expect(Self.rows(plot).joined().contains { $0 != "." })
    }

    @Test func hostileValuesDrawNothingOutside() {
        var plot = ChartPlot(width: 4, height: 2, style: .braille)
        plot.plot([.infinity, -5, .nan, 1e300, nil], line: 7, top: 10)
        plot.plot([1, 2], line: 0, top: .nan)
        plot.plot([1, 2], line: 0, top: 0)
        #expect(plot.cell(row: 5, column: 0) == nil && plot.cell(row: 0, column: -1) == nil)
        #expect(Self.rows(plot).count == 2)
    }

    @Test func theAxisTopIsARoundNumber() {
        #expect(ChartPlot.niceTop(0) == 1)
        #expect(ChartPlot.niceTop(0.3) == 0.5)
        #expect(ChartPlot.niceTop(7) == 10)
        #expect(ChartPlot.niceTop(180) == 200)
        #expect(ChartPlot.niceTop(1_001) == 2_000)
        #expect(ChartPlot.niceTop(2_400) == 2_500)
        #expect(ChartPlot.niceTop(.infinity) == 1)
    }

    @Test func sparklinesScaleToTheirOwnHighest() {
        #expect(Formatting.sparkline([0, 1, 2, 4, nil]) == "▁▄▅█ ")
        #expect(Formatting.sparkline([0, 0]) == "▁▁")
        #expect(Formatting.sparkline([.infinity, 3]) == "▁█")
        #expect(Formatting.compact(950) == "950")
        #expect(Formatting.compact(1_234) == "1.2k")
        #expect(Formatting.compact(56_000) == "56k")
        #expect(Formatting.compact(3_400_000) == "3.4M")
        #expect(Formatting.milliseconds(850) == "850 ms")
        #expect(Formatting.milliseconds(3_250) == "3.2 s")
    }
}
