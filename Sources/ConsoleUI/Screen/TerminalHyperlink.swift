/// OSC 8 hyperlinks (https://gist.github.com/egmontkob/eb114294efbcd5adb1944c9f3cb5feda): the
/// text is written again where curses drew it, wrapped in the link's opening and closing
/// sequences, with the cursor saved and restored around it. Terminals without OSC 8 ignore the
/// sequences and show the same text; tmux 3.4 and later pass the link on.
public enum TerminalHyperlink {
    /// A URL that may go in the sequence: printable ASCII (no ESC, BEL or ST to end it early), bounded.
    public static func isSafe(_ url: String) -> Bool {
        !url.isEmpty && url.utf8.count <= 2_048 && url.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    public static func sequence(url: String, text: String, row: Int, column: Int) -> String {
        let shown = TerminalText.inert(text)
        return "\u{1B}7\u{1B}[\(row + 1);\(column + 1)H\u{1B}]8;;\(url)\u{1B}\\\u{1B}[4m\(shown)\u{1B}[24m\u{1B}]8;;\u{1B}\\\u{1B}8"
    }
}
