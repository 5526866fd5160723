import ConsoleStore

/// A chart's plot area as cells: lines drawn as Braille dots (2×4 a cell), as bars of block
/// characters, or as one plain character per line. Any number of points fits any width: each
/// column takes the highest point of its share (a spike is never averaged away), and fewer
/// points than columns are drawn as steps. Pure, so that it is tested and measured alone.
public struct ChartPlot {
    public let width: Int
    public let height: Int
    public let style: ChartStyle
    private var dots: [UInt8]
    private var marks: [Character?]
    /// The line each cell was last drawn by (-1: none), for its colour.
    private var owners: [Int8]

    public init(width: Int, height: Int, style: ChartStyle) {
        self.width = max(1, width)
        self.height = max(1, height)
        self.style = style
        let cells = self.width * self.height
        dots = [UInt8](repeating: 0, count: cells)
        marks = [Character?](repeating: nil, count: cells)
        owners = [Int8](repeating: -1, count: cells)
    }

    /// Braille dot bits by column (left, right) and row from the top (Unicode's dot numbering).
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
    public static let plainMarks: [Character] = ["*", "+", "o", "x"]

    /// `values` scaled so that `top` is the plot's highest row; line `line` picks its colour.
    public mutating func plot(_ values: [Double?], line: Int, top: Double) {
        guard top.isFinite, top > 0, !values.isEmpty else { return }
        let owner = Int8(clamping: line)
        switch style {
        case .braille:
            let rows = height * 4
            var previous: Int?
            for (x, value) in Self.columns(values, count: width * 2).enumerated() {
                guard let value else { previous = nil; continue }
                let y = Self.level(value, top: top, steps: rows)
                // A line, not dots: the column joins the previous point's height to its own.
                for step in min(previous ?? y, y)...max(previous ?? y, y) { setDot(x: x, fromBottom: step, owner: owner, rows: rows) }
                previous = y
            }
        case .blocks where line == 0:
            let levels = Formatting.sparkLevels
            for (x, value) in Self.columns(values, count: width).enumerated() {
                guard let value else { continue }
                let eighths = Self.level(value, top: top, steps: height * 8 + 1)
                for row in 0..<height {
                    let filled = eighths - row * 8
                    guard filled > 0 else { break }
                    set(x: x, rowFromBottom: row, mark: filled >= 8 ? levels[7] : levels[filled - 1], owner: owner)
                }
            }
        case .blocks, .plain:
            let mark = style == .blocks ? "•" : Self.plainMarks[line % Self.plainMarks.count]
            for (x, value) in Self.columns(values, count: width).enumerated() {
                guard let value else { continue }
                set(x: x, rowFromBottom: Self.level(value, top: top, steps: height), mark: mark, owner: owner)
            }
        }
    }

    /// The cell's character and the line that drew it (nil: empty).
    public func cell(row: Int, column: Int) -> (Character, line: Int)? {
        guard row >= 0, row < height, column >= 0, column < width else { return nil }
        let index = row * width + column
        guard owners[index] >= 0 else { return nil }
        if let mark = marks[index] { return (mark, Int(owners[index])) }
        guard dots[index] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(dots[index])) else { return nil }
        return (Character(scalar), Int(owners[index]))
    }

    /// The highest point of each column's share of `values` (nil where the share has none).
    public static func columns(_ values: [Double?], count: Int) -> [Double?] {
        let total = values.count
        guard total > 0, count > 0 else { return [] }
        return (0..<count).map { column in
            let low = column * total / count
            let high = max(low + 1, (column + 1) * total / count)
            var best: Double?
            for index in low..<min(high, total) {
                if let value = values[index], value.isFinite { best = max(best ?? value, value) }
            }
            return best
        }
    }

    /// A value's step, 0 the lowest, `steps - 1` the top.
    static func level(_ value: Double, top: Double, steps: Int) -> Int {
        let scaled = (max(0, value) / top * Double(steps - 1)).rounded()
        guard scaled.isFinite else { return 0 }
        return Int(min(Double(steps - 1), max(0, scaled)))
    }

    /// A round number at or above `value` (1, 2, 2.5 or 5 times a power of ten): the axis's top.
    public static func niceTop(_ value: Double) -> Double {
        guard value.isFinite, value > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        while magnitude > value { magnitude /= 10 }
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    private mutating func setDot(x: Int, fromBottom y: Int, owner: Int8, rows: Int) {
        let fromTop = rows - 1 - y
        let column = x / 2, row = fromTop / 4
        guard column < width, row >= 0, row < height else { return }
        let index = row * width + column
        dots[index] |= Self.dotBits[x % 2][fromTop % 4]
        marks[index] = nil
        owners[index] = owner
    }

    private mutating func set(x: Int, rowFromBottom: Int, mark: Character, owner: Int8) {
        let row = height - 1 - rowFromBottom
        guard x < width, row >= 0, row < height else { return }
        marks[row * width + x] = mark
        owners[row * width + x] = owner
    }
}
