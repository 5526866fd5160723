/// How wide a column is: a fixed number of cells, or a share of what is left over.
public enum WidthRule: Sendable, Equatable {
    case fixed(Int)
    case flexible(minimum: Int, weight: Int)
    /// As wide as the longest cell on screen, within these bounds.
    case content(minimum: Int, maximum: Int)
}

/// What a cell means, which the view turns into a theme colour: the store says "this state is
/// failing", not "red".
public enum CellTone: Sendable, Equatable {
    case text, dim, ok, warn, error
    case logTime, logMeta, logWarn, logError
}

/// One column of a resource's table, whole: its id, title, width rule, alignment, how a row
/// becomes its text and tone, how it sorts, and what the pane's filter reads of it. The views
/// draw from it, the reducer sorts and filters by it, and the digit keys choose from it, so adding
/// a column is one entry in `PaneColumns`.
public struct ColumnSpec<Row> {
    public var id: ColumnID
    public var title: String
    public var width: WidthRule
    public var alignRight: Bool
    /// Which columns go first when the terminal is narrow (higher goes later).
    public var priority: Int
    public var text: (Row) -> String
    public var tone: (Row) -> CellTone
    /// How rows order by this column; by default, by their text (numbers in it compared as numbers).
    public var sortKey: (Row) -> SortKey
    /// What the pane's `/` filter matches in this column; nil when the filter does not look here.
    public var filterText: ((Row) -> String)?

    public init(_ id: ColumnID, _ title: String, _ width: WidthRule, alignRight: Bool = false, priority: Int = 0,
                tone: @escaping (Row) -> CellTone = { _ in .text }, sortKey: ((Row) -> SortKey)? = nil,
                filter: ColumnFilter<Row> = .none, text: @escaping (Row) -> String) {
        self.id = id
        self.title = title
        self.width = width
        self.alignRight = alignRight
        self.priority = priority
        self.text = text
        self.tone = tone
        self.sortKey = sortKey ?? { .text(text($0)) }
        switch filter {
        case .none: filterText = nil
        case .shownText: filterText = text
        case .custom(let read): filterText = read
        }
    }
}

/// Whether a column takes part in its pane's filter, and by which text.
public enum ColumnFilter<Row> {
    case none
    /// The text the column shows.
    case shownText
    /// Other text than what is shown (a mapping's full source ARN behind "sqs: orders").
    case custom((Row) -> String)
}

extension Array {
    /// The filter's text for a row: every filtered column's text, lowered, in one string.
    func filterText<Row>(_ row: Row) -> String where Element == ColumnSpec<Row> {
        compactMap { $0.filterText?(row) }.joined(separator: " ").lowercased()
    }

    /// The column a table sorts by, or its first when the pane has no such column.
    func sorting<Row>(by id: ColumnID) -> ColumnSpec<Row>? where Element == ColumnSpec<Row> {
        first { $0.id == id } ?? first
    }
}
