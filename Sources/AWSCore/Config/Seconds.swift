/// A number of seconds from a user (an option, a profile, the environment), turned into a
/// Duration without trapping: 1e30, inf, nan or 9223372036854775807 are refused, not converted.
public enum Seconds {
    /// One day: no time-out the console uses means anything beyond it.
    public static let maximum = 86_400.0

    /// The duration, or nil when `value` is not a number of seconds above 0 and within a day.
    public static func duration(_ value: Double) -> Duration? {
        guard value.isFinite, value > 0, value <= maximum else { return nil }
        return .milliseconds(Int64((value * 1000).rounded(.up)))
    }

    /// The same from text, as a config file or the environment holds it.
    public static func duration(_ text: String) -> Duration? {
        Double(text.trimmingWhitespace()).flatMap(duration)
    }

    /// The sentence for a value that is not one.
    public static func problem(_ name: String, _ value: String) -> String {
        "\(name) must be a number of seconds above 0 and at most \(Int(maximum)) (a day), not '\(value)'."
    }
}
