/// Text from AWS (log lines, descriptions, tags, error messages, responses) is untrusted: an
/// escape sequence in it could move the cursor, retitle the window or write the clipboard
/// (OSC 52). Every screen passes what it draws through `inert`, so no control character ever
/// reaches the terminal: C0 controls and DEL become their visible Control Pictures (ESC shows as
/// ␛), C1 controls and what the C library cannot print become U+FFFD.
public enum TerminalText {
    public static func inert(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(inert(scalar)) }
        return String(out)
    }

    @inline(__always)
    static func inert(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x20 { return Unicode.Scalar(0x2400 + value) ?? replacement }
        if value == 0x7F { return "\u{2421}" }
        if value < 0xA0 && value >= 0x80 { return replacement }
        if value >= 0xA0 && !DisplayWidth.isPrintable(scalar) { return replacement }
        return scalar
    }

    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The common case, plain printable ASCII and ordinary letters, costs one pass and no copy.
    @inline(__always)
    static func needsCleaning(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= 0x20 && value < 0x7F { continue }
            if value < 0xA0 { return true }
            if !DisplayWidth.isPrintable(scalar) { return true }
        }
        return false
    }
}
