import FoundationEssentials
import LambdaAPI

/// The quick shift view of one alias: its primary version, a target version and the share of
/// traffic the target gets. The alias as it was stays beside it, so before and after are shown.
public struct TrafficShift: Sendable, Equatable {
    public var function: String
    public var alias: String
    public var description: String
    /// The alias's RevisionId when the view opened: UpdateAlias carries it.
    public var revisionId: String?
    public var primary: String
    /// The published versions other than the primary, newest first.
    public var candidates: [String]
    public var target: String?
    /// The target's share in percent, 0 to 99 (100 % is a promotion).
    public var weight: Double
    /// The routing the alias has now: its additional version and weight in percent.
    public var before: (version: String, weight: Double)?
    /// A promotion or rollback waiting for Enter.
    public var confirming: ShiftCommand?
    public var banner: String?
    public var staleRevision = false

    public static let maximumWeight = 99.0

    public static func == (lhs: TrafficShift, rhs: TrafficShift) -> Bool {
        lhs.function == rhs.function && lhs.alias == rhs.alias && lhs.description == rhs.description && lhs.revisionId == rhs.revisionId
            && lhs.primary == rhs.primary && lhs.candidates == rhs.candidates && lhs.target == rhs.target && lhs.weight == rhs.weight
            && lhs.before?.version == rhs.before?.version && lhs.before?.weight == rhs.before?.weight && lhs.confirming == rhs.confirming
            && lhs.banner == rhs.banner && lhs.staleRevision == rhs.staleRevision
    }

    /// The view for `alias`: the target is the version it already routes to, or else the newest
    /// published version other than the primary.
    public init?(function: String, alias: AliasConfiguration, versions: [FunctionConfiguration]) {
        guard let name = alias.name, let primary = alias.functionVersion else { return nil }
        self.function = function
        self.alias = name
        self.description = alias.description ?? ""
        self.revisionId = alias.revisionId
        self.primary = primary
        candidates = versions.compactMap(\.version).filter { $0 != "$LATEST" && $0 != primary }
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
        if let routed = alias.routingConfig?.additionalVersionWeights?.first {
            before = (routed.key, Self.percent(routed.value))
            target = routed.key
            weight = Self.percent(routed.value)
        } else {
            target = candidates.first
            weight = 0
        }
    }

    /// Weights are kept in percent with two decimals, as exact as the API's doubles allow.
    static func percent(_ fraction: Double) -> Double { (fraction * 10_000).rounded() / 100 }

    public mutating func adjust(by points: Double) {
        weight = min(Self.maximumWeight, max(0, (weight + points).rounded()))
        confirming = nil
    }

    public mutating func set(_ percent: Double) {
        weight = min(Self.maximumWeight, max(0, percent))
        confirming = nil
    }

    /// Steps the target through the candidates.
    public mutating func nextTarget(_ step: Int) {
        guard !candidates.isEmpty else { return }
        let index = target.flatMap { candidates.firstIndex(of: $0) } ?? -step
        target = candidates[(index + step + candidates.count) % candidates.count]
        confirming = nil
    }

    /// What Enter sends: the weight as set, a promotion, or a rollback.
    public func settings(for command: ShiftCommand) -> AliasSettings {
        var settings = newSettings(for: command)
        settings.before = before.map { $0.weight > 0 ? "\(primary), \($0.version) at \(AliasWeights.percent($0.weight))" : primary } ?? primary
        return settings
    }

    private func newSettings(for command: ShiftCommand) -> AliasSettings {
        switch command {
        case .apply:
            guard let target, weight > 0 else { return AliasSettings(name: alias, version: primary, description: description) }
            return AliasSettings(name: alias, version: primary, description: description, additionalVersion: target, weight: weight / 100)
        case .promote:
            return AliasSettings(name: alias, version: target ?? primary, description: description)
        case .rollBack:
            return AliasSettings(name: alias, version: primary, description: description)
        }
    }
}

public enum ShiftCommand: Sendable, Equatable {
    case apply, promote, rollBack
}
