/// The colours a theme can name: the terminal's default, the 16 standard ones, or one of 256.
public enum TerminalColor: Hashable, Sendable {
    case terminalDefault
    case indexed(UInt8)

    public static let black = TerminalColor.indexed(0), red = TerminalColor.indexed(1), green = TerminalColor.indexed(2),
        yellow = TerminalColor.indexed(3), blue = TerminalColor.indexed(4), magenta = TerminalColor.indexed(5),
        cyan = TerminalColor.indexed(6), white = TerminalColor.indexed(7)
}

/// How a run of text is drawn.
public struct TextStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
                bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = TextStyle()
}

/// What the console draws on: a grid of cells. The curses implementation shows it; the
/// in-memory one lets tests read back exactly what a user would see.
public protocol Screen: AnyObject {
    var rows: Int { get }
    var columns: Int { get }

    /// Writes `text` from (row, column), clipped at the right edge; wide characters take two
    /// cells and one that would straddle the edge is left out. Returns the column after the text.
    @discardableResult
    func put(_ text: String, row: Int, column: Int, style: TextStyle) -> Int

    /// Blanks the whole screen (drawn on the next `present`).
    func erase()

    /// Shows what was drawn since the last call; only changed cells reach the terminal.
    func present()

    /// Sends a sequence that draws nothing (OSC 52) straight to the terminal, between frames.
    func passThrough(_ sequence: String)

    /// Makes `text`, drawn at (row, column) this frame, a hyperlink to `url` (OSC 8) where the
    /// terminal supports it; elsewhere the text stays as drawn.
    func link(_ url: String, text: String, row: Int, column: Int)
}

extension Screen {
    /// Fills the rest of a row with spaces in `style`, for bars and selected lines.
    public func fill(row: Int, from column: Int, style: TextStyle) {
        guard column < columns else { return }
        put(String(repeating: " ", count: columns - column), row: row, column: column, style: style)
    }
}
