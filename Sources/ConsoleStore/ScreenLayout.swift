/// Where the console's parts sit on a terminal of a given size: drawing, scrolling (a page is
/// the table's rows) and mouse hits all read these numbers, and nothing else knows them.
///
///     row 0            header: profile, region, account, endpoint
///     row 1            tabs, or the breadcrumb
///     rows 2 ...       the body: a table (its column titles, then its rows), a detail, a tail
///     rows - 2         the status line (a long message grows upward, up to 3 lines)
///     rows - 1         the footer: key hints and background activity
public struct ScreenLayout: Sendable, Equatable {
    public static let minimumColumns = 50
    public static let minimumRows = 12
    /// Below this width the header drops the name and its labels ("lambda-tui", "profile",
    /// "account") to keep the profile and region whole.
    public static let narrowHeaderColumns = 80
    /// A long message takes at most this many lines above the footer.
    public static let statusLinesMaximum = 3

    public let rows: Int
    public let columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
    }

    /// Too small to draw the console: a notice says what size is needed.
    public var fits: Bool { columns >= Self.minimumColumns && rows >= Self.minimumRows }

    public let headerRow = 0
    public let tabsRow = 1
    public let bodyTop = 2
    public var bodyHeight: Int { max(1, rows - 4) }
    public var statusRow: Int { rows - 2 }
    public var footerRow: Int { rows - 1 }

    /// A table's column titles sit on the body's first row, its rows under them.
    public var tableTitleRow: Int { bodyTop }
    public var firstTableRow: Int { bodyTop + 1 }
    /// The rows a table shows at once: what a page key moves.
    public var tableRows: Int { max(1, bodyHeight - 1) }

    /// The Monitor view: a readout line, then charts stacked, each a title row, its plot and
    /// an axis row, with the value labels in a gutter on the left.
    public static let chartGutter = 8
    public static let chartMinimumPlotRows = 3
    public static let chartMaximumPlotRows = 10
    /// Rows a chart takes beside its plot: title and time axis.
    public static let chartFrameRows = 2
    public var chartPlotWidth: Int { max(1, columns - Self.chartGutter - 1) }

    /// How many charts fit at once, and each one's plot rows.
    public func chartRows(charts: Int) -> (shown: Int, plotRows: Int) {
        let room = max(0, bodyHeight - 1)
        guard charts > 0 else { return (0, Self.chartMinimumPlotRows) }
        let fitting = max(1, min(charts, room / (Self.chartMinimumPlotRows + Self.chartFrameRows)))
        let plot = min(Self.chartMaximumPlotRows, max(1, room / fitting - Self.chartFrameRows))
        return (fitting, plot)
    }

    /// The position in a table scrolled to `scroll` that a click on screen row `row` hits.
    public func tablePosition(screenRow row: Int, scroll: Int) -> Int? {
        guard row >= firstTableRow, row < firstTableRow + tableRows else { return nil }
        return scroll + row - firstTableRow
    }
}
