/// The part of a table the user moves through: which rows pass the filter, in which order,
/// and where the cursor and the scroll are. Recomputed when its inputs change, not per frame,
/// so that a frame of 10,000 functions only reads it.
public struct TableState: Sendable, Equatable {
    /// Indices into the pane's rows, filtered and sorted.
    public private(set) var visible: [Int] = []
    public var cursor = 0
    public var scroll = 0
    public var filter = ""
    public var sortColumn: String
    public var ascending = true

    public init(sortColumn: String) {
        self.sortColumn = sortColumn
    }

    /// Rebuilds `visible`, keeping the cursor on the row that has `keepKey` when it is still there.
    public mutating func rebuild<Row>(rows: [Row], matches: (Row) -> Bool, sortKey: (Row) -> SortKey,
                                      key: (Row) -> String, keepKey: String?) {
        var indices = rows.indices.filter { matches(rows[$0]) }
        let keys = rows.map(sortKey)
        indices.sort { lhs, rhs in
            let order = keys[lhs].compare(keys[rhs])
            if order == .orderedSame { return lhs < rhs }
            return ascending ? order == .orderedAscending : order == .orderedDescending
        }
        visible = indices
        if let keepKey, let position = indices.firstIndex(where: { key(rows[$0]) == keepKey }) {
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
        case (.text(let a), .text(let b)): return a.compare(b, options: [.caseInsensitive, .numeric])
        case (.number(let a), .number(let b)): return a < b ? .orderedAscending : a > b ? .orderedDescending : .orderedSame
        case (.none, .none): return .orderedSame
        case (.none, _): return .orderedDescending
        case (_, .none): return .orderedAscending
        case (.text, .number): return .orderedDescending
        case (.number, .text): return .orderedAscending
        }
    }
}

import Foundation
