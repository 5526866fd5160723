import AWSCore
import Glibc

/// What `:profile`, `:region`, `:ctx` and the fleet views choose from: the profiles of the
/// config and credentials files, the regions of the profile's partition, the contexts visited
/// (most recent first) and the config file's `regions` and `fleet_profiles`. Kept across
/// contexts: they are the user's, not an account's.
public struct ContextChoices: Sendable, Equatable {
    public var profiles: [String] = []
    public var regions: [String] = []
    /// Each context shown in this session, the one on screen first.
    public private(set) var recent: [ContextRequest] = []
    /// What `:region all` lists (the config's `regions`); empty for every region of the partition.
    public var allRegions: [String] = []
    /// What `:fleet` lists (the config's `fleet_profiles`).
    public var fleetProfiles: [String] = []
    /// `read_only_profiles` and `read_only`, for the picker to mark the contexts that are read-only.
    public var readOnlyPatterns: [String] = []
    public var everyContextReadOnly = false
    public static let recentLimit = 20

    public func isReadOnly(profile: String) -> Bool {
        everyContextReadOnly || readOnlyPatterns.contains { fnmatch($0, profile, 0) == 0 }
    }

    public init() {}

    /// Puts the context on screen first.
    public mutating func visited(profile: String, region: String, ssoAccount: SSOAccountRole? = nil) {
        let context = ContextRequest(profile: profile, region: region, ssoAccount: ssoAccount)
        recent.removeAll { $0 == context }
        recent.insert(context, at: 0)
        if recent.count > Self.recentLimit { recent.removeLast(recent.count - Self.recentLimit) }
    }

    /// The regions `:region all` lists for a profile in `region`: the config's, else its partition's.
    public func regionsToList(from region: String) -> [String] {
        allRegions.isEmpty ? AWSPartition.of(region: region).lambdaRegions : allRegions
    }
}

/// The command line's words and their arguments, for completion and for the hint beside it.
public enum ConsoleCommands {
    public static let all = Pane.allCases.map(\.rawValue) + ["monitor", "metrics", "insights", "region", "profile", "ctx", "fleet", "login", "account", "layers", "audit", "signing", "quit"]

    /// The commands a first word may mean.
    public static func completions(for prefix: String) -> [String] {
        let lowered = prefix.lowercased()
        if let exact = all.first(where: { $0 == lowered }) { return [exact] }
        return all.filter { $0.hasPrefix(lowered) }
    }

    /// What the text typed so far may become, each a whole command line: command words, or after
    /// `region ` a region (or `all`), after `profile ` or `fleet ` a profile.
    public static func completions(for text: String, _ choices: ContextChoices) -> [String] {
        guard let space = text.firstIndex(of: " ") else { return completions(for: text) }
        let matched = completions(for: String(text[..<space]))
        guard matched.count == 1, let word = matched.first else { return [] }
        let argument = String(text[text.index(after: space)...])
        let candidates: [String]
        switch word {
        case "region": candidates = (["all"] + choices.regions).filter { $0.hasPrefix(argument.lowercased()) }
        case "profile": candidates = choices.profiles.filter { $0.hasPrefix(argument) }
        case "fleet":
            // Several profiles: the last word is the one completed.
            let words = argument.split(separator: " ", omittingEmptySubsequences: false)
            let done = words.dropLast().joined(separator: " ")
            let last = String(words.last ?? "")
            let head = word + " " + (done.isEmpty ? "" : done + " ")
            return choices.profiles.filter { $0.hasPrefix(last) && !words.dropLast().contains(Substring($0)) }.map { head + $0 }
        default: return []
        }
        return candidates.map { word + " " + $0 }
    }

    /// What Tab makes of the text: the one completion, or the longest text every completion starts with.
    public static func tabCompletion(for text: String, _ choices: ContextChoices) -> String? {
        let matches = completions(for: text, choices)
        guard let first = matches.first else { return nil }
        if matches.count == 1 { return first + (text.contains(" ") || !["region", "profile", "fleet"].contains(first) ? "" : " ") }
        var common = Substring(first)
        for match in matches.dropFirst() {
            while !match.hasPrefix(common) { common = common.dropLast() }
        }
        return common.count > text.count ? String(common) : nil
    }
}
