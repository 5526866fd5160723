import Foundation

/// The CLI's two files together: `~/.aws/config` (`[profile NAME]`, `[default]`, `[services NAME]`)
/// and `~/.aws/credentials` (`[NAME]`), with their locations overridable by environment.
public struct SharedConfig: Sendable {
    public var config: ConfigFile
    public var credentials: ConfigFile
    public var configPath: String
    public var credentialsPath: String

    public init(config: ConfigFile, credentials: ConfigFile, configPath: String, credentialsPath: String) {
        self.config = config
        self.credentials = credentials
        self.configPath = configPath
        self.credentialsPath = credentialsPath
    }

    public static func load(environment env: [String: String]) throws -> SharedConfig {
        let home = env["HOME"].nonEmpty ?? NSHomeDirectory()
        let configPath = expandTilde(env["AWS_CONFIG_FILE"].nonEmpty ?? "~/.aws/config", home: home)
        let credentialsPath = expandTilde(env["AWS_SHARED_CREDENTIALS_FILE"].nonEmpty ?? "~/.aws/credentials", home: home)
        return SharedConfig(
            config: try ConfigFile.load(path: configPath),
            credentials: try ConfigFile.load(path: credentialsPath),
            configPath: configPath,
            credentialsPath: credentialsPath
        )
    }

    static func expandTilde(_ path: String, home: String) -> String {
        path == "~" ? home : path.hasPrefix("~/") ? home + path.dropFirst() : path
    }

    /// The config-file settings of a profile: `[default]` or `[profile NAME]` (the CLI also
    /// accepts `[profile default]`).
    public func configSection(_ profile: String) -> [String: String]? {
        if profile == "default" {
            return config.sections["default"] ?? config.sections["profile default"]
        }
        return config.sections["profile \(profile)"]
    }

    public func credentialsSection(_ profile: String) -> [String: String]? {
        credentials.sections[profile]
    }

    public func hasProfile(_ profile: String) -> Bool {
        configSection(profile) != nil || credentialsSection(profile) != nil
    }

    /// A setting of the profile, the credentials file winning over the config file as in the CLI.
    public func value(_ key: String, profile: String) -> String? {
        credentialsSection(profile)?[key].nonEmpty ?? configSection(profile)?[key].nonEmpty
    }

    /// A key of the `[services NAME]` section that the profile names with `services = NAME`.
    public func serviceSetting(_ key: String, service: String, profile: String) -> String? {
        guard let servicesName = configSection(profile)?["services"].nonEmpty else { return nil }
        return config.sections["services \(servicesName)"]?["\(service).\(key)"].nonEmpty
    }

    public var profileNames: [String] {
        var names = Set(credentials.sections.keys)
        for name in config.sections.keys {
            if name == "default" { names.insert("default") }
            if name.hasPrefix("profile ") { names.insert(String(name.dropFirst("profile ".count))) }
        }
        return names.sorted()
    }
}
