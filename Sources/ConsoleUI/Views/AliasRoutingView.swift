import ConsoleStore
import FoundationEssentials

/// The quick shift view: primary and target versions, the target's weight as a bar with its exact
/// percentage, and the alias's routing before and after.
enum AliasRoutingView {
    static func draw(_ shift: TrafficShift, _ state: ConsoleState, _ screen: Screen, _ theme: Theme) {
        let banner = shift.banner.map { Panel.wrap($0, width: min(90, screen.columns - 2) - 4).prefix(3) } ?? []
        let bannerRows = banner.isEmpty ? 0 : banner.count + 1
        let observed = state.observedSplit(shift.function)
        let asking = shift.confirming.map { Self.question($0, shift) }
        let content = 6 + (observed.isEmpty ? 0 : 1) + (asking == nil ? 0 : 2)
        let spacers = 3
        let panel = Panel(title: "Shift traffic: \(shift.function):\(shift.alias)", width: 90, height: bannerRows + content + spacers + 2,
                          hints: hints(shift), screen: screen, theme: theme)
        // On a small terminal the blank lines go first, then the banner; the keys always show.
        let roomy = panel.innerRows >= bannerRows + content + spacers
        var row = 0
        if panel.innerRows >= bannerRows + content {
            for (index, line) in banner.enumerated() { panel.put(line, row: index, style: theme[.warn], on: screen) }
            row = bannerRows - (roomy || bannerRows == 0 ? 0 : 1)
        }
        let valueColumn = min(18, panel.innerWidth / 2)
        func label(_ text: String, style: TextStyle = .plain) { panel.put(text, row: row, style: style, on: screen) }
        label("Primary version")
        panel.put(shift.primary, row: row, column: valueColumn, style: theme[.filter], on: screen)
        row += 1
        label("Target version")
        let target = shift.target.map { "◂ \($0) ▸" } ?? "(no other published version)"
        let end = panel.put(target, row: row, column: valueColumn, style: theme[.selection], on: screen) - panel.left - 2
        if shift.candidates.count > 1 { panel.put("  Tab: another version", row: row, column: end, style: theme[.dim], on: screen) }
        row += roomy ? 2 : 1
        label("Target weight")
        let barWidth = max(4, panel.innerWidth - valueColumn - 8)
        let filled = Int((shift.weight / 100 * Double(barWidth)).rounded())
        let barEnd = panel.put(String(repeating: "█", count: filled), row: row, column: valueColumn, style: theme[.weightBar], on: screen)
        screen.put(String(repeating: "░", count: barWidth - filled), row: panel.top + 1 + row, column: barEnd, style: theme[.weightRest])
        panel.put(percent(shift.weight), row: row, column: valueColumn + barWidth + 1, style: theme[.title], on: screen)
        row += roomy ? 2 : 1
        label("Before", style: theme[.dim])
        panel.put(split(shift.primary, shift.before), row: row, column: valueColumn, style: theme[.dim], on: screen)
        row += 1
        label("After")
        let after = shift.settings(for: shift.confirming ?? .apply)
        panel.put(split(after.version, after.additionalVersion.map { ($0, after.weight * 100) }), row: row, column: valueColumn,
                  style: theme[.ok], on: screen)
        row += 1
        if !observed.isEmpty {
            let total = observed.map(\.count).reduce(0, +)
            let parts = observed.map { "\($0.version): \(percent(Double($0.count) * 100 / Double(total)))" }
            label("Observed", style: theme[.dim])
            panel.put(parts.joined(separator: "   ") + "  (\(total) seen)", row: row, column: valueColumn, style: theme[.dim], on: screen)
            row += 1
        }
        if let asking {
            if roomy { row += 1 }
            for (offset, line) in Panel.wrap(asking, width: panel.innerWidth).prefix(2).enumerated() {
                panel.put(line, row: row + offset, style: theme[.warn], on: screen)
            }
        }
    }

    static func question(_ confirming: ShiftCommand, _ shift: TrafficShift) -> String {
        let question = switch confirming {
        case .promote: "Promote version \(shift.target ?? "") to primary of \(shift.alias) and clear the routing?"
        case .rollBack: "Roll back: send all traffic of \(shift.alias) to version \(shift.primary) and clear the routing?"
        case .apply: "Apply these weights to \(shift.alias)?"
        }
        return question + " Enter confirms, Esc cancels."
    }

    /// The keys of the shift view, the ones that apply or leave it first.
    static func hints(_ shift: TrafficShift) -> [String] {
        if shift.confirming != nil { return ["Enter confirms", "Esc cancels"] }
        return ["Enter applies", "Esc cancels", "+/- 5 %", ">/< 1 %", "1-9 10-90 %", "0 clear", "P promote", "R roll back", "G gradual"]
    }

    /// "3: 89 %   5: 11 %", or "3: 100 %" without routing.
    static func split(_ primary: String, _ routed: (version: String, weight: Double)?) -> String {
        guard let routed, routed.weight > 0 else { return "\(primary): 100 %" }
        return "\(primary): \(percent(100 - routed.weight))   \(routed.version): \(percent(routed.weight))"
    }

    static func percent(_ value: Double) -> String { AliasWeights.percent(value) }
}
