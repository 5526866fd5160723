import FoundationEssentials

/// A gradual rollout as CodeDeploy plans it for Lambda: canary (a share for a while, then all) or
/// linear (equal steps at equal intervals), by preset name or custom values.
public struct RolloutPlan: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case canary, linear }

    public var kind: Kind
    /// The canary's share, or each linear step, in percent.
    public var percent: Double
    /// How long each step holds before the next, in seconds.
    public var interval: TimeInterval
    public var name: String

    public init(kind: Kind, percent: Double, interval: TimeInterval, name: String? = nil) {
        self.kind = kind
        self.percent = percent
        self.interval = interval
        self.name = name ?? "\(kind.rawValue) \(Self.number(percent))% every \(Self.duration(interval))"
    }

    /// The weights of the target version, step by step; the last is 100: the promotion.
    public var steps: [Double] {
        switch kind {
        case .canary: return [percent, 100]
        case .linear:
            var weights: [Double] = []
            var weight = percent
            while weight < 100 - 0.001 {
                weights.append(weight)
                weight += percent
            }
            return weights + [100]
        }
    }

    /// CodeDeploy's predefined Lambda configurations, by their names without the `Lambda` prefix.
    public static let presets: [RolloutPlan] = [
        RolloutPlan(kind: .canary, percent: 10, interval: 300, name: "Canary10Percent5Minutes"),
        RolloutPlan(kind: .canary, percent: 10, interval: 600, name: "Canary10Percent10Minutes"),
        RolloutPlan(kind: .canary, percent: 10, interval: 900, name: "Canary10Percent15Minutes"),
        RolloutPlan(kind: .canary, percent: 10, interval: 1800, name: "Canary10Percent30Minutes"),
        RolloutPlan(kind: .linear, percent: 10, interval: 60, name: "Linear10PercentEvery1Minute"),
        RolloutPlan(kind: .linear, percent: 10, interval: 120, name: "Linear10PercentEvery2Minutes"),
        RolloutPlan(kind: .linear, percent: 10, interval: 180, name: "Linear10PercentEvery3Minutes"),
        RolloutPlan(kind: .linear, percent: 10, interval: 600, name: "Linear10PercentEvery10Minutes"),
    ]

    /// A preset's name (with or without `Lambda`, any case), or `canary 10% 5m` / `linear 20% 30s`
    /// (units s, m, h). Nil when the text is neither.
    public static func parse(_ text: String) -> RolloutPlan? {
        let trimmed = text.trimmingWhitespace()
        let bare = trimmed.lowercased().hasPrefix("lambda") ? String(trimmed.dropFirst(6)) : trimmed
        if let preset = presets.first(where: { $0.name.lowercased() == bare.lowercased() }) { return preset }
        let words = trimmed.lowercased().split(separator: " ").filter { $0 != "every" && $0 != "for" }
        guard words.count == 3, let kind = Kind(rawValue: String(words[0])),
              let percent = Double(words[1].hasSuffix("%") ? words[1].dropLast() : words[1]), percent > 0, percent < 100,
              let interval = seconds(String(words[2])), interval > 0 else { return nil }
        return RolloutPlan(kind: kind, percent: percent, interval: interval)
    }

    static func seconds(_ text: String) -> TimeInterval? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        guard let unit = text.last, let factor = units[unit], let value = Double(text.dropLast()) else { return Double(text) }
        return value * factor
    }

    static func number(_ value: Double) -> String { value == value.rounded() ? "\(Int(value))" : "\(value)" }

    public static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        if whole >= 3600, whole % 3600 == 0 { return "\(whole / 3600)h" }
        if whole >= 60, whole % 60 == 0 { return "\(whole / 60)m" }
        return "\(whole)s"
    }
}

/// A rollout under way: what it does, where it stands, and what happened. Kept on disk after
/// every change so that a console that exits mid-rollout can resume or abort it.
public struct Rollout: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case running, paused, completed, rolledBack, aborted
        public var isActive: Bool { self == .running || self == .paused }
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var time: Date
        public var text: String

        public init(time: Date, text: String) {
            self.time = time
            self.text = text
        }
    }

    public var function: String
    public var alias: String
    public var description: String
    public var primary: String
    public var target: String
    public var plan: RolloutPlan
    /// Above this error rate (percent) of the target version, the rollout rolls back.
    public var errorThreshold: Double
    /// The step of `plan.steps` to apply next.
    public var nextStep = 0
    public var appliedWeight: Double = 0
    /// The alias's RevisionId after the last change the rollout made.
    public var revisionId: String?
    public var status: Status = .running
    public var message: String?
    public var stepAppliedAt: Date?
    public var nextStepAt: Date?
    public var log: [Entry] = []
    /// The group the function logs to (its LoggingConfig.LogGroup), for the log-based check.
    public var logGroup: String?
    /// A step is judged only once the target was invoked this often in it; until then it waits,
    /// up to `maximumWait` seconds, then pauses and asks. Nil in a file from an older console: 1.
    public var minimumInvocations: Int?
    public var maximumWait: TimeInterval?

    public var requiredInvocations: Int { minimumInvocations ?? 1 }

    public init(function: String, alias: String, description: String, primary: String, target: String, plan: RolloutPlan,
                errorThreshold: Double, revisionId: String?, logGroup: String? = nil, minimumInvocations: Int = 1,
                maximumWait: TimeInterval = 600) {
        self.logGroup = logGroup
        self.minimumInvocations = minimumInvocations
        self.maximumWait = maximumWait
        self.function = function
        self.alias = alias
        self.description = description
        self.primary = primary
        self.target = target
        self.plan = plan
        self.errorThreshold = errorThreshold
        self.revisionId = revisionId
    }

    public var key: AliasKey { AliasKey(function: function, alias: alias) }

    mutating func note(_ text: String, at time: Date = Date()) {
        log.append(Entry(time: time, text: text))
        if log.count > 200 { log.removeFirst(log.count - 200) }
    }
}

/// An alias by its function and name: what a rollout is keyed by, written `function:alias`.
public struct AliasKey: Hashable, Sendable, CustomStringConvertible {
    public var function: String
    public var alias: String

    public init(function: String, alias: String) {
        self.function = function
        self.alias = alias
    }

    public var description: String { "\(function):\(alias)" }
}
