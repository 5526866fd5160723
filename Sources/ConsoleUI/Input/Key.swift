/// A key press, decoded from the terminal.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case resize
    case mouseClick(row: Int, column: Int)
    case wheelUp, wheelDown
    /// Text pasted in one piece (bracketed paste): it goes into the text being edited, and
    /// never runs as keys.
    case paste(String)

    public var description: String {
        switch self {
        case .character(" "): return "space"
        case .character(let character): return String(character)
        case .control(let character): return "ctrl-\(character)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .resize: return "resize"
        case .mouseClick: return "click"
        case .wheelUp: return "wheel up"
        case .wheelDown: return "wheel down"
        case .paste: return "paste"
        }
    }
}
