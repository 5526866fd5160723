import FoundationEssentials

/// Where lambda-tui keeps its files, by the XDG base directory rules: settings, themes and saved
/// events under the config folder; the audit log and rollouts under the state folder. An empty
/// variable counts as unset, as the specification says.
public enum AppDirectories {
    /// `$XDG_CONFIG_HOME/lambda-tui`, else `~/.config/lambda-tui`.
    public static func config(_ environment: [String: String]) -> String {
        base(environment, "XDG_CONFIG_HOME", fallback: ".config") + "/lambda-tui"
    }

    /// `$XDG_STATE_HOME/lambda-tui`, else `~/.local/state/lambda-tui`.
    public static func state(_ environment: [String: String]) -> String {
        base(environment, "XDG_STATE_HOME", fallback: ".local/state") + "/lambda-tui"
    }

    /// `$XDG_CACHE_HOME/lambda-tui`, else `~/.cache/lambda-tui`.
    public static func cache(_ environment: [String: String]) -> String {
        base(environment, "XDG_CACHE_HOME", fallback: ".cache") + "/lambda-tui"
    }

    private static func base(_ environment: [String: String], _ variable: String, fallback: String) -> String {
        environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path) + "/" + fallback
    }
}
