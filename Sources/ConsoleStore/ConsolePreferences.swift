import AWSCore
import FoundationEssentials
import Glibc

/// Defaults from `$XDG_CONFIG_HOME/lambda-tui/config` (default `~/.config/lambda-tui/config`):
///
///     theme = solarized
///     refresh_interval = 30
///     profile = work
///     region = eu-west-1
///     read_only = true
///     tail_lines = 20000
///     idle_pause = 600
///     cache = false
///     requests_per_second = 5
///     metric_columns = true
///     read_only_profiles = prod* live-*
///     chart_style = braille
///     clipboard = osc52
///     regions = us-east-1 eu-west-1 eu-central-1
///     fleet_profiles = dev staging prod
///
/// Command-line flags win over these.
public struct ConsolePreferences: Sendable, Equatable {
    public var theme: String?
    public var refreshInterval: TimeInterval = 30
    public var profile: String?
    public var region: String?
    public var readOnly = false
    /// How many lines a live tail keeps before the oldest go.
    public var tailLines = 10_000
    /// Seconds without a key after which background refreshes stop until the next key; 0: never.
    public var idlePause: TimeInterval = 600
    /// Keep the last function list for the next start (`cache = false` turns it off).
    public var cache = true
    /// The control-plane reads the console sends a second at most, bursts of twice that.
    public var requestsPerSecond: Double = 5
    /// Profiles always opened read-only, as shell patterns (`read_only_profiles = prod* live-*`):
    /// a `:profile` switch to one of them is read-only too.
    public var readOnlyProfiles: [String] = []
    /// The functions list shows the metric columns (`m` sets it).
    public var metricColumns = false
    /// How the Monitor view draws charts: braille, blocks or plain.
    public var chartStyle: ChartStyle = .braille
    /// How `y` copies: `osc52` (the terminal's clipboard) or `file` (the state folder's clipboard.txt).
    public var clipboardToFile = false
    /// What `:region all` lists; empty: every region of the profile's partition.
    public var regions: [String] = []
    /// What `:fleet` lists, each profile in its own region.
    public var fleetProfiles: [String] = []
    public static let tailLinesRange = 100...1_000_000

    public init() {}

    public static func path(environment: [String: String]) -> String {
        AppDirectories.config(environment) + "/config"
    }

    /// Whether `profile` is opened read-only: `read_only = true`, or a `read_only_profiles` pattern.
    public func isReadOnly(profile: String) -> Bool {
        readOnly || readOnlyProfiles.contains { fnmatch($0, profile, 0) == 0 }
    }

    /// Sets one line of the config file at `path` (a key the console remembers, as `m` does),
    /// keeping the user's other lines and comments; the file stays the user's own (0600).
    public static func remember(_ key: String, _ value: String, path: String) throws {
        let text = try LocalFile.readText(path) ?? ""
        let folder = path.parentPath
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try PrivateFile.write(Data(SettingLines.setting(key, to: value, in: text).utf8), to: path)
    }

    /// The preferences, and a sentence for each line that could not be used (the rest still apply).
    public static func load(environment: [String: String]) -> (ConsolePreferences, [String]) {
        let path = path(environment: environment)
        do {
            guard let text = try LocalFile.readText(path) else { return (ConsolePreferences(), []) }
            return parse(text, path: path)
        } catch {
            return (ConsolePreferences(), ["The config file \(error); using the defaults."])
        }
    }

    /// Words apart by spaces or commas.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    }

    /// `eu-west-3`, `us-gov-west-1`: letters and dashes, then a number.
    static func looksLikeRegion(_ text: String) -> Bool {
        let parts = text.lowercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, text.count <= 32, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter && $0.isASCII } }
    }

    public static func parse(_ text: String, path: String) -> (ConsolePreferences, [String]) {
        var preferences = ConsolePreferences()
        var problems: [String] = []
        for (lineNumber, line) in SettingLines.parse(text) {
            let index = lineNumber - 1
            guard case .setting(let key, let value) = line else {
                problems.append("\(path), line \(lineNumber): expected `key = value`")
                continue
            }
            let parts = [key, value]
            let at = "\(path), line \(index + 1)"
            // A number within its range, or a sentence saying what the setting takes.
            func number(_ range: ClosedRange<Double>, _ rule: String) -> Double? {
                if let value = Double(parts[1]), value.isFinite, range.contains(value) { return value }
                problems.append("\(at): \(parts[0]) must be \(rule)")
                return nil
            }
            func flag() -> Bool? {
                if ["true", "yes", "1"].contains(parts[1].lowercased()) { return true }
                if ["false", "no", "0"].contains(parts[1].lowercased()) { return false }
                problems.append("\(at): \(parts[0]) must be true or false")
                return nil
            }
            switch parts[0] {
            case "theme": preferences.theme = parts[1]
            case "profile": preferences.profile = parts[1]
            case "region": preferences.region = parts[1]
            case "refresh_interval":
                preferences.refreshInterval = number(1...86_400, "a number of seconds, at least 1") ?? preferences.refreshInterval
            case "read_only": preferences.readOnly = flag() ?? preferences.readOnly
            case "metric_columns": preferences.metricColumns = flag() ?? preferences.metricColumns
            case "read_only_profiles":
                preferences.readOnlyProfiles = words(parts[1])
            case "regions":
                let named = words(parts[1])
                let bad = named.filter { !Self.looksLikeRegion($0) }
                if bad.isEmpty { preferences.regions = named.map { $0.lowercased() } }
                else { problems.append("\(at): regions must be region names (eu-west-1 …), not \(bad.prefix(3).joined(separator: ", "))") }
            case "fleet_profiles": preferences.fleetProfiles = words(parts[1])
            case "clipboard":
                switch parts[1].lowercased() {
                case "osc52": preferences.clipboardToFile = false
                case "file": preferences.clipboardToFile = true
                default: problems.append("\(at): clipboard must be osc52 or file")
                }
            case "chart_style":
                if let style = ChartStyle(rawValue: parts[1].lowercased()) { preferences.chartStyle = style }
                else { problems.append("\(at): chart_style must be braille, blocks or plain") }
            case "idle_pause":
                preferences.idlePause = number(0...86_400, "a number of seconds (0: never pause)") ?? preferences.idlePause
            case "requests_per_second":
                preferences.requestsPerSecond = number(0.1...100, "a number from 0.1 to 100") ?? preferences.requestsPerSecond
            case "cache": preferences.cache = flag() ?? preferences.cache
            case "tail_lines":
                if let lines = Int(parts[1]), tailLinesRange.contains(lines) { preferences.tailLines = lines }
                else { problems.append("\(at): tail_lines must be a whole number from 100 to 1000000") }
            default:
                problems.append("\(at): unknown setting `\(parts[0])`")
            }
        }
        return (preferences, problems)
    }
}
