/// The part of a table the user moves through: which rows pass the filter, in which order,
/// and where the cursor and the scroll are. Recomputed when its inputs change, not per frame,
/// so that a frame of 10,000 functions only reads it.
public struct TableState: Sendable, Equatable {
    /// Indices into the pane's rows, filtered and sorted.
    public private(set) var visible: [Int] = []
    public var cursor = 0
    public var scroll = 0
    public var filter = ""
    public var sortColumn: ColumnID
    public var ascending = true
    /// Every row in sort order, kept while the rows and the sort stay the same, so that a filter
    /// keystroke only filters: sorting 10,000 rows per keystroke would not fit the budget.
    private var sortedOrder: [Int] = []
    private var sortedFor: SortCacheKey?
    /// The sort and filter `visible` was last built for, so that a filter made narrower (a letter
    /// typed) filters only the rows that passed before.
    private var filteredFor: FilterCacheKey?

    private struct FilterCacheKey: Equatable {
        var sort: SortCacheKey
        var filter: String
    }

    private struct SortCacheKey: Equatable {
        var generation: Int
        var column: ColumnID
        var ascending: Bool
    }

    public init(sortColumn: ColumnID) {
        self.sortColumn = sortColumn
    }

    /// Rebuilds `visible`, keeping the cursor on the row that has `keepKey` when it is still there.
    public mutating func rebuild<Row>(rows: [Row], matches: (Row) -> Bool, sortKey: (Row) -> SortKey,
                                      key: (Row) -> String, keepKey: String?) {
        let keepRow = keepKey.flatMap { keepKey in rows.firstIndex { key($0) == keepKey } }
        rebuild(count: rows.count, matches: { matches(rows[$0]) }, sortKey: { sortKey(rows[$0]) }, keepRow: keepRow)
    }

    /// Rebuilds from a pane's column spec: the filter reads its filtered columns, the sort its
    /// sort column (or its first, when the pane has no column by that id).
    public mutating func rebuild<Row>(rows: [Row], columns: [ColumnSpec<Row>], word: String, key: (Row) -> String, keepKey: String?) {
        let sortKey = columns.sorting(by: sortColumn)?.sortKey ?? { _ in .none }
        rebuild(rows: rows, matches: { word.isEmpty || columns.filterText($0).contains(word) }, sortKey: sortKey, key: key, keepKey: keepKey)
    }

    /// The same by row index, for panes that keep per-row search data beside their rows.
    /// `generation` names the rows' version: while it and the sort stay the same, the sort is
    /// reused. `keepRow` is the row the cursor stays on when it still passes the filter (found by
    /// the caller, who can look it up by key rather than compare every row's key).
    /// `narrows(old)` says whether every row that passes the filter now passed `old` (the filter
    /// text `visible` was built for), so that only those need testing.
    public mutating func rebuild(count: Int, generation: Int? = nil, matches: (Int) -> Bool, sortKey: (Int) -> SortKey, keepRow: Int?,
                                 narrows: (String) -> Bool = { _ in false }) {
        let cacheKey = generation.map { SortCacheKey(generation: $0, column: sortColumn, ascending: ascending) }
        let previous = filteredFor
        if cacheKey == nil || cacheKey != sortedFor || sortedOrder.count != count {
            let keys = (0..<count).map(sortKey)
            let ascending = ascending
            sortedOrder = Array(0..<count)
            sortedOrder.sort { lhs, rhs in
                let order = keys[lhs].compare(keys[rhs])
                if order == .orderedSame { return lhs < rhs }
                return ascending ? order == .orderedAscending : order == .orderedDescending
            }
            sortedFor = cacheKey
        }
        let indices: [Int]
        if let cacheKey, let previous, previous.sort == cacheKey, sortedFor == cacheKey, narrows(previous.filter) {
            indices = visible.filter(matches)
        } else {
            indices = sortedOrder.filter(matches)
        }
        filteredFor = cacheKey.map { FilterCacheKey(sort: $0, filter: filter) }
        visible = indices
        if let keepRow, let position = indices.firstIndex(of: keepRow) {
            cursor = position
        }
        clampCursor()
    }

    public mutating func moveCursor(by delta: Int) {
        cursor += delta
        clampCursor()
    }

    public mutating func moveCursor(to position: Int) {
        cursor = position
        clampCursor()
    }

    mutating func clampCursor() {
        cursor = max(0, min(cursor, visible.count - 1))
        if visible.isEmpty { cursor = 0 }
    }

    /// Keeps the cursor inside a window of `height` rows.
    public mutating func scrollToCursor(height: Int) {
        guard height > 0 else { return }
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + height { scroll = cursor - height + 1 }
        scroll = max(0, min(scroll, max(0, visible.count - height)))
    }

    public var selectedIndex: Int? { visible.isEmpty ? nil : visible[cursor] }
}

/// A value to sort a column by: text (case-insensitive), a number, or nothing (sorted last).
public enum SortKey: Sendable, Equatable {
    case text(String)
    case number(Double)
    case none

    func compare(_ other: SortKey) -> ComparisonResult {
        switch (self, other) {
        case (.text(let a), .text(let b)): return SortKey.naturalCompare(a, b)
        case (.number(let a), .number(let b)): return a < b ? .orderedAscending : a > b ? .orderedDescending : .orderedSame
        case (.none, .none): return .orderedSame
        case (.none, _): return .orderedDescending
        case (_, .none): return .orderedAscending
        case (.text, .number): return .orderedDescending
        case (.number, .text): return .orderedAscending
        }
    }
}

import FoundationEssentials

extension SortKey {
    /// Case-insensitive for ASCII letters, with runs of digits compared as numbers
    /// ("service-2" before "service-10"), without allocating: sorting 10,000 names with
    /// Foundation's compare took most of a filter keystroke's budget.
    static func naturalCompare(_ a: String, _ b: String) -> ComparisonResult {
        var left = a.utf8.makeIterator(), right = b.utf8.makeIterator()
        var l = left.next(), r = right.next()
        while let x = l, let y = r {
            if isDigit(x) && isDigit(y) {
                // Digit runs compare by value; runs of more than 18 digits fall back to length.
                var leftValue = UInt64(x - 48), rightValue = UInt64(y - 48)
                var leftLength = 1, rightLength = 1
                l = left.next(); r = right.next()
                while let next = l, isDigit(next) { if leftLength < 18 { leftValue = leftValue * 10 + UInt64(next - 48) }; leftLength += 1; l = left.next() }
                while let next = r, isDigit(next) { if rightLength < 18 { rightValue = rightValue * 10 + UInt64(next - 48) }; rightLength += 1; r = right.next() }
                if leftLength > 18 || rightLength > 18, leftLength != rightLength {
                    return leftLength < rightLength ? .orderedAscending : .orderedDescending
                }
                if leftValue != rightValue { return leftValue < rightValue ? .orderedAscending : .orderedDescending }
                continue
            }
            let fx = fold(x), fy = fold(y)
            if fx != fy { return fx < fy ? .orderedAscending : .orderedDescending }
            l = left.next(); r = right.next()
        }
        if l == nil && r == nil { return .orderedSame }
        return l == nil ? .orderedAscending : .orderedDescending
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    @inline(__always) static func fold(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}
