/// How long the one-line entries may grow. A paste of 100 KB into the filter would be matched
/// word by word against every function on every frame; nothing a person filters or searches
/// for is longer than this.
public enum TextLimits {
    /// The list filter, the tail's search, the palette and the command line.
    public static let search = 256
    /// A CloudWatch Logs filter pattern, as the service limits it.
    public static let filterPattern = 1_024
    /// How far a log event's view scrolls: a 256 KB event (CloudWatch's largest) wrapped at 50 columns.
    public static let logEventLines = 10_000

    /// `text` within `limit` characters; a cut is said on the status line.
    static func cut(_ text: String, _ limit: Int, _ state: inout ConsoleState) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        state.status = "Kept the first \(limit) characters of what was typed or pasted."
        return String(text.prefix(limit))
    }
}
