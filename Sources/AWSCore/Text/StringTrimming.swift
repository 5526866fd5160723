/// The few string operations the console took from full Foundation, written here so that it needs
/// only FoundationEssentials (no ICU: the static binary is a third of the size, and starts in a
/// third of the memory). Names differ from Foundation's so that code importing both is not
/// ambiguous.
extension StringProtocol {
    /// Without the spaces and tabs at either end (Foundation's `.whitespaces`: line ends stay).
    public func trimmingWhitespace() -> String {
        trimmingEnds { $0.isWhitespace && !$0.isNewline }
    }

    /// Without white space and line ends at either end (`.whitespacesAndNewlines`).
    public func trimmed() -> String {
        trimmingEnds(\.isWhitespace)
    }

    /// Without line ends at either end (`.newlines`).
    public func trimmingNewlines() -> String {
        trimmingEnds(\.isNewline)
    }

    /// Whether `needle` is in the text, upper and lower case alike (`.caseInsensitive`).
    public func containsIgnoringCase(_ needle: some StringProtocol) -> Bool {
        needle.isEmpty || lowercased().contains(needle.lowercased())
    }

    /// Without the characters `drop` accepts at either end.
    public func trimmingEnds(_ drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }

    /// The text with every `%XX` decoded as UTF-8; nil when an escape is cut short, not hex, or
    /// the bytes are not UTF-8 (Foundation's `removingPercentEncoding`).
    public var percentDecoded: String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(Self.hexDigit), let low = iterator.next().flatMap(Self.hexDigit) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension String {
    /// Cut or padded with spaces to `length` characters (Foundation's `padding(toLength:…)`).
    public func padded(to length: Int) -> String {
        count >= length ? String(prefix(length)) : self + String(repeating: " ", count: length - count)
    }
}
