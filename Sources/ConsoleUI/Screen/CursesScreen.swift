import CNcursesw
import Glibc

/// The terminal, through wide-character ncurses. Curses keeps the previous frame and sends only
/// the cells that changed, which is what makes redraws cheap over SSH.
public final class CursesScreen: Screen {
    let window: UnsafeMutablePointer<WINDOW>
    private var pairs: [ColorKey: Int16] = [:]
    private let colorCount: Int
    private let canColor: Bool

    private struct ColorKey: Hashable {
        var foreground: TerminalColor
        var background: TerminalColor
    }

    /// Why the terminal named by TERM cannot run the console, in a sentence that says what to set;
    /// nil when it can.
    public static func terminalProblem(_ term: String?) -> String? {
        guard let term, !term.isEmpty else {
            return "TERM is not set, so the console does not know how to draw. Set it to your terminal's name (TERM=xterm-256color)."
        }
        if term == "dumb" {
            return "TERM is 'dumb', which cannot move the cursor. Set TERM to your terminal's name (TERM=xterm-256color), or use `lambda-tui functions`."
        }
        _ = lt_set_locale()
        guard lt_terminal_known(term) != 0 else {
            return "The terminal type '\(term)' is not in this machine's terminfo. Set TERM=xterm-256color, or install its entry (ncurses-term)."
        }
        return nil
    }

    /// Takes over the terminal. Call `close()` before exiting, or the terminal stays in raw mode.
    public convenience init?(useColor: Bool) {
        _ = lt_set_locale()
        CrashGuard.install()
        guard let screen = initscr() else { return nil }
        self.init(window: screen, useColor: useColor)
        ownsTerminal = true
        Self.bracketedPaste(true)
    }

    /// The controlling terminal, rather than a benchmark's output: only it gets terminal modes.
    private var ownsTerminal = false

    /// Pasted text arrives between ESC [200~ and ESC [201~, so that it is taken as text.
    static func bracketedPaste(_ on: Bool) {
        let sequence = Array((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8)
        _ = sequence.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// Draws for terminal type `terminal` into `output` instead of the controlling terminal:
    /// what the benchmark uses to count the bytes a frame costs.
    public convenience init?(terminal: String, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
                             rows: Int, columns: Int) {
        _ = lt_set_locale()
        guard newterm(terminal, output, input) != nil, let screen = lt_stdscr() else { return nil }
        resizeterm(Int32(rows), Int32(columns))
        self.init(window: screen, useColor: true)
    }

    private init(window screen: UnsafeMutablePointer<WINDOW>, useColor: Bool) {
        window = screen
        raw()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        canColor = useColor && has_colors()
        if canColor {
            start_color()
            use_default_colors()
        }
        colorCount = canColor ? Int(lt_colors()) : 0
    }

    public var rows: Int { Int(getmaxy(window)) }
    public var columns: Int { Int(getmaxx(window)) }

    /// Whether themes can use 256 colours here; otherwise they fall back to the basic eight.
    public var supports256Colors: Bool { colorCount >= 256 }

    @discardableResult
    public func put(_ text: String, row: Int, column: Int, style: TextStyle) -> Int {
        guard row >= 0, row < rows, column < columns else { return column }
        let fitted = DisplayWidth.prefix(TerminalText.inert(text), fitting: columns - column)
        var wide = fitted.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        wattr_set(window, attributes(for: style), pair(for: style), nil)
        mvwaddnwstr(window, Int32(row), Int32(column), wide, Int32(wide.count - 1))
        return column + DisplayWidth.of(fitted)
    }

    public func erase() {
        links.removeAll()
        werase(window)
    }

    public func passThrough(_ sequence: String) {
        // After curses' own output, written whole: a write cut short is retried from where it stopped.
        fflush(nil)
        var bytes = Array(sequence.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    public func present() {
        wnoutrefresh(window)
        doupdate()
        // Written over the text curses drew, after it: curses' picture of the screen stays right.
        if !links.isEmpty { passThrough(links.map { TerminalHyperlink.sequence(url: $0.url, text: $0.text, row: $0.row, column: $0.column) }.joined()) }
    }

    private var links: [(url: String, text: String, row: Int, column: Int)] = []

    public func link(_ url: String, text: String, row: Int, column: Int) {
        guard TerminalHyperlink.isSafe(url), row >= 0, row < rows, column >= 0, column + DisplayWidth.of(text) <= columns else { return }
        links.append((url, text, row, column))
    }

    /// Gives the terminal back as it was.
    public func close() {
        if ownsTerminal { Self.bracketedPaste(false) }
        endwin()
    }

    /// Reads the terminal's size from the kernel and tells curses, after SIGWINCH.
    public func adoptTerminalSize() {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else { return }
        resizeterm(Int32(size.ws_row), Int32(size.ws_col))
        clearok(window, true)
    }

    /// ctrl-z: give the terminal back, stop, and take it again when resumed with `fg`.
    public func suspend() {
        handOver { kill(getpid(), SIGSTOP) }
    }

    /// Gives the terminal back as it was while `work` runs (an editor, a stop), then takes it again.
    public func handOver(_ work: () -> Void) {
        def_prog_mode()
        Self.bracketedPaste(false)
        endwin()
        fflush(nil)  // the reset must reach the terminal before anything else writes to it
        work()
        reset_prog_mode()
        Self.bracketedPaste(true)
        clearok(window, true)
    }

    private func attributes(for style: TextStyle) -> attr_t {
        var value: attr_t = 0
        if style.bold { value |= lt_a_bold() }
        if style.dim { value |= lt_a_dim() }
        if style.reverse { value |= lt_a_reverse() }
        if style.underline { value |= lt_a_underline() }
        return value
    }

    private func pair(for style: TextStyle) -> Int16 {
        guard canColor else { return 0 }
        let key = ColorKey(foreground: style.foreground, background: style.background)
        if key.foreground == .terminalDefault && key.background == .terminalDefault { return 0 }
        if let existing = pairs[key] { return existing }
        guard pairs.count + 1 < Int(lt_color_pairs()) else { return 0 }
        let number = Int16(pairs.count + 1)
        init_pair(number, curses(key.foreground), curses(key.background))
        pairs[key] = number
        return number
    }

    private func curses(_ color: TerminalColor) -> Int16 {
        switch color {
        case .terminalDefault: return -1
        case .indexed(let index):
            if Int(index) < colorCount { return Int16(index) }
            // The theme's own rule for a colour the terminal lacks: the nearest basic one.
            if case .indexed(let basic) = Theme.basic(color, colorCount), Int(basic) < colorCount { return Int16(basic) }
            return -1
        }
    }
}

extension CursesScreen {
    /// "ncurses 6.4.20221231".
    public static var libraryVersion: String { curses_version().map { String(cString: $0) } ?? "unknown" }
}
