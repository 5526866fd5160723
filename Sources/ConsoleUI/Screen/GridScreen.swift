/// An in-memory Screen: what golden-screen tests render into and read back as text.
public final class GridScreen: Screen {
    public struct Cell: Equatable, Sendable {
        public var character: Character
        public var style: TextStyle
        /// The right half of a wide character drawn in the cell before.
        public var isContinuation: Bool
    }

    public private(set) var rows: Int
    public private(set) var columns: Int
    private var cells: [[Cell]]
    private static let blank = Cell(character: " ", style: .plain, isContinuation: false)

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: Self.blank, count: columns), count: rows)
    }

    public func resize(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: Self.blank, count: columns), count: rows)
    }

    @discardableResult
    public func put(_ text: String, row: Int, column: Int, style: TextStyle) -> Int {
        guard row >= 0, row < rows else { return column }
        var x = column
        for character in TerminalText.inert(text) {
            let width = DisplayWidth.of(character)
            guard width > 0 else { continue }
            guard x >= 0, x + width <= columns else { break }
            // Overwriting half of a wide character blanks its other half, as terminals do.
            if cells[row][x].isContinuation, x > 0 { cells[row][x - 1] = Self.blank }
            if x + width < columns, cells[row][x + width].isContinuation { cells[row][x + width] = Self.blank }
            cells[row][x] = Cell(character: character, style: style, isContinuation: false)
            if width == 2 { cells[row][x + 1] = Cell(character: " ", style: style, isContinuation: true) }
            x += width
        }
        return x
    }

    public func erase() {
        links.removeAll()
        cells = Array(repeating: Array(repeating: Self.blank, count: columns), count: rows)
    }

    public func present() {}

    /// What was sent past the grid (OSC 52), for tests to read.
    public private(set) var passedThrough: [String] = []
    /// The hyperlinks of the frame drawn: URL, text and where.
    public private(set) var links: [(url: String, text: String, row: Int, column: Int)] = []
    public func link(_ url: String, text: String, row: Int, column: Int) { links.append((url, text, row, column)) }
    public func passThrough(_ sequence: String) { passedThrough.append(sequence) }

    public func cell(row: Int, column: Int) -> Cell {
        cells[row][column]
    }

    /// Each row as text, trailing spaces removed: the form golden files store.
    public var lines: [String] {
        cells.map { row in
            var line = ""
            for cell in row where !cell.isContinuation { line.append(cell.character) }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }
}
