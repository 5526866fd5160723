import CNcursesw

/// Reads what curses has for us without waiting, as Keys.
struct TerminalInput {
    let window: UnsafeMutablePointer<WINDOW>

    init(window: UnsafeMutablePointer<WINDOW>) {
        self.window = window
        nodelay(window, true)
        set_escdelay(25)  // Esc alone answers at once instead of waiting for a sequence
        mousemask(lt_mouse_mask(), nil)
    }

    mutating func nextKey() -> Key? {
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        switch result {
        case KEY_CODE_YES: return special(Int32(character))
        case OK: return plain(UInt32(character))
        default: return nil
        }
    }

    private func plain(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    private func special(_ code: Int32) -> Key? {
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
