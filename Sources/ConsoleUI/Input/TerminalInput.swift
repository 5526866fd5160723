import CNcursesw
import Glibc

/// Reads what curses has for us without waiting, as Keys. Escape sequences curses does not know
/// (tmux and terminals send Home, End and the like in several forms) are decoded here or dropped
/// whole, never passed on as the letters they are made of; a bracketed paste arrives as one
/// `.paste`.
struct TerminalInput {
    let window: UnsafeMutablePointer<WINDOW>

    /// One read from curses: a character, or a key curses decoded.
    enum Raw: Equatable {
        case character(UInt32)
        case special(Int32)
    }

    /// The most a paste may bring; the rest of a larger one is dropped.
    static let pasteLimit = 1 << 20

    init(window: UnsafeMutablePointer<WINDOW>) {
        self.window = window
        nodelay(window, true)
        set_escdelay(25)  // Esc alone answers at once instead of waiting for a sequence
        mousemask(lt_mouse_mask(), nil)
    }

    /// Whether bytes wait on the terminal that have not been read yet.
    var hasPendingInput: Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    /// Every key waiting now.
    mutating func readKeys() -> [Key] {
        var raw: [Raw] = []
        while let next = read() { raw.append(next) }
        return Self.decode(raw) { read(waiting: true) }
    }

    /// The next raw input, waiting up to 100 ms for it when asked (the rest of a paste).
    private func read(waiting: Bool = false) -> Raw? {
        if waiting { wtimeout(window, 100) }
        defer { if waiting { nodelay(window, true) } }
        var character: wint_t = 0
        switch wget_wch(window, &character) {
        case KEY_CODE_YES: return .special(Int32(character))
        case OK: return .character(UInt32(character))
        default: return nil
        }
    }

    /// Keys from raw input; `more` reads on while a paste has not ended.
    static func decode(_ input: [Raw], more: () -> Raw? = { nil }) -> [Key] {
        var raw = input
        var keys: [Key] = []
        var index = 0
        func char(_ offset: Int) -> UInt32? {
            guard index + offset < raw.count, case .character(let value) = raw[index + offset] else { return nil }
            return value
        }
        while index < raw.count {
            switch raw[index] {
            case .special(let code):
                if let key = special(code) { keys.append(key) }
                index += 1
            case .character(27) where char(1) == 0x5B || char(1) == 0x4F:  // ESC [ or ESC O
                let introducer = char(1)
                var end = index + 2
                // CSI: parameters and intermediates (0x20-0x3F), then one final byte (0x40-0x7E).
                while end < raw.count, case .character(let value) = raw[end], (0x20...0x3F).contains(value), introducer == 0x5B { end += 1 }
                guard end < raw.count, case .character(let final) = raw[end], (0x40...0x7E).contains(final) else {
                    keys.append(.escape)
                    index += 1
                    continue
                }
                let parameters = raw[(index + 2)..<end].compactMap { if case .character(let value) = $0 { Character(Unicode.Scalar(value) ?? " ") } else { nil } }
                let sequence = String(parameters) + String(Character(Unicode.Scalar(final) ?? " "))
                index = end + 1
                if introducer == 0x5B, sequence == "200~" {
                    let (text, next) = paste(&raw, from: index, more: more)
                    keys.append(.paste(text))
                    index = next
                    continue
                }
                if let key = sequenceKey(introducer == 0x5B ? "[" + sequence : "O" + sequence) { keys.append(key) }
            case .character(let value):
                if let key = plain(value) { keys.append(key) }
                index += 1
            }
        }
        return keys
    }

    /// The text of a bracketed paste starting at `start` (after ESC [ 200 ~), up to ESC [ 201 ~
    /// or the end of input, and where reading goes on.
    static func paste(_ raw: inout [Raw], from start: Int, more: () -> Raw?) -> (String, Int) {
        let marker: [UInt32] = [27, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~
        var content: [UInt32] = []
        var recent: [UInt32] = []
        var index = start
        while true {
            if index == raw.count {
                guard let next = more() else { break }
                raw.append(next)
            }
            let item = raw[index]
            index += 1
            guard case .character(let value) = item else { continue }
            recent.append(value)
            if recent.count > marker.count { recent.removeFirst() }
            if recent == marker { break }
            if content.count < pasteLimit + marker.count { content.append(value) }
        }
        if recent == marker { content.removeLast(min(content.count, marker.count - 1)) }
        if content.count > pasteLimit { content.removeLast(content.count - pasteLimit) }
        return (String(String.UnicodeScalarView(content.compactMap(Unicode.Scalar.init))), index)
    }

    /// The sequences terminals and multiplexers send for keys curses may not know.
    static func sequenceKey(_ sequence: String) -> Key? {
        switch sequence {
        case "[A", "OA": .up
        case "[B", "OB": .down
        case "[C", "OC": .right
        case "[D", "OD": .left
        case "[H", "OH", "[1~", "[7~": .home
        case "[F", "OF", "[4~", "[8~": .end
        case "[5~": .pageUp
        case "[6~": .pageDown
        case "[3~": .delete
        case "[Z": .backTab
        default: nil  // unknown: dropped whole, never typed as its letters
        }
    }

    static func plain(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return Unicode.Scalar(value + 96).map { .control(Character($0)) }
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    private static func special(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            if event.bstate & lt_wheel_up() != 0 { return .wheelUp }
            if event.bstate & lt_wheel_down() != 0 { return .wheelDown }
            if event.bstate & lt_button1_clicked() != 0 { return .mouseClick(row: Int(event.y), column: Int(event.x)) }
            return nil
        default: return nil
        }
    }
}
