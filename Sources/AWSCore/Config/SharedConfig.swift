import FoundationEssentials

/// The CLI's two files together: `~/.aws/config` (`[profile NAME]`, `[default]`, `[services NAME]`)
/// and `~/.aws/credentials` (`[NAME]`), with their locations overridable by environment.
public struct SharedConfig: Sendable {
    public var config: ConfigFile
    public var credentials: ConfigFile
    public var configPath: String
    public var credentialsPath: String

    /// The config file's sections by kind and name, as botocore maps them.
    public private(set) var profiles: [String: [String: String]] = [:]
    public private(set) var ssoSessions: [String: [String: String]] = [:]
    public private(set) var services: [String: [String: String]] = [:]

    public init(config: ConfigFile, credentials: ConfigFile, configPath: String, credentialsPath: String) {
        self.config = config
        self.credentials = credentials
        self.configPath = configPath
        self.credentialsPath = credentialsPath
        // botocore's build_profile_map: a header starting with "profile", "sso-session" or
        // "services" is split as a shell would split it ([profile "q x"] is profile `q x`,
        // [profile  p] is `p`) and counts when it has two words; [default] is the default
        // profile; in file order, so a later [profile default] replaces [default] and the other
        // way round.
        for header in config.order {
            guard let values = config.sections[header] else { continue }
            if header == "default" {
                profiles["default"] = values
                continue
            }
            for (prefix, keyPath) in [("profile", \SharedConfig.profiles), ("sso-session", \.ssoSessions), ("services", \.services)]
            where header.hasPrefix(prefix) {
                if let words = Self.shellWords(header), words.count == 2 { self[keyPath: keyPath][words[1]] = values }
                break
            }
        }
    }

    /// Python's `shlex.split`: words split on white space, with '…' and "…" quoting and \
    /// escapes; nil for an unfinished quote (botocore then ignores the section).
    static func shellWords(_ text: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
                inWord = true
            } else if let open = quote {
                if character == open { quote = nil } else if character == "\\" && open == "\"" { escaped = true } else { current.append(character) }
            } else if character == "\\" {
                escaped = true
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quote != nil || escaped { return nil }
        if inWord { words.append(current) }
        return words
    }

    public static func load(environment env: [String: String]) throws -> SharedConfig {
        let home = env["HOME"].nonEmpty ?? FileManager.default.homeDirectoryForCurrentUser.path
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
        profiles[profile]
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
        return services[servicesName]?["\(service).\(key)"].nonEmpty
    }

    public var profileNames: [String] {
        Set(credentials.sections.keys).union(profiles.keys).sorted()
    }

    /// A profile's `services = NAME` that names no [services NAME] section: botocore refuses to
    /// make a client for it.
    public func missingServicesSection(profile: String) -> String? {
        guard let name = configSection(profile)?["services"].nonEmpty, services[name] == nil else { return nil }
        return "profile '\(profile)' names services '\(name)', but \(configPath) has no [services \(name)] section"
    }
}
