@testable import ConsoleUI
import Testing

/// What arrives from the terminal, as keys: escape sequences curses does not know are decoded
/// or dropped whole (under tmux, End as ESC [4~ sorted by the fourth column; in a form it
/// cancelled the form), and a bracketed paste is one key.
@Suite struct TerminalInputTests {
    static func raw(_ text: String) -> [TerminalInput.Raw] { text.unicodeScalars.map { .character($0.value) } }

    @Test(arguments: [
        ("\u{1B}[4~", [Key.end]), ("\u{1B}[1~", [.home]), ("\u{1B}OH", [.home]), ("\u{1B}[F", [.end]), ("\u{1B}[5~", [.pageUp]),
        ("\u{1B}[6~", [.pageDown]), ("\u{1B}[Z", [.backTab]), ("\u{1B}[99~", []), ("\u{1B}[1;5C", []), ("\u{1B}", [.escape]),
        ("j\u{1B}[4~k", [.character("j"), .end, .character("k")]), ("\u{1B}[", [.escape, .character("[")]),
    ])
    func decodesOrDropsEscapeSequences(_ input: String, _ keys: [Key]) {
        #expect(TerminalInput.decode(Self.raw(input)) == keys)
    }

    @Test func aBracketedPasteIsOneKeyEvenAcrossReads() {
        #expect(TerminalInput.decode(Self.raw("\u{1B}[200~a\tb\nq\u{1B}[201~j")) == [.paste("a\tb\nq"), .character("j")])
        var rest = Self.raw("def\u{1B}[201~")
        let keys = TerminalInput.decode(Self.raw("\u{1B}[200~abc")) { rest.isEmpty ? nil : rest.removeFirst() }
        #expect(keys == [.paste("abcdef")])
        #expect(TerminalInput.decode(Self.raw("\u{1B}[200~unended")) == [.paste("unended")])
    }
}
