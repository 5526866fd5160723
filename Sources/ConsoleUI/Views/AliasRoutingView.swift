import ConsoleStore
import Foundation

/// The quick shift view: primary and target versions, the target's weight as a bar with its exact
/// percentage, and the alias's routing before and after.
enum AliasRoutingView {
    static func draw(_ shift: TrafficShift, _ state: ConsoleState, _ screen: Screen, _ theme: Theme) {
        let banner = shift.banner.map { Panel.wrap($0, width: min(90, screen.columns - 2) - 4).prefix(3) } ?? []
        let bannerRows = banner.isEmpty ? 0 : banner.count + 1
        let panel = Panel(title: "Shift traffic: \(shift.function):\(shift.alias)", width: 90, height: bannerRows + 13, screen: screen, theme: theme)
        for (index, line) in banner.enumerated() { panel.put(line, row: index, style: theme[.warn], on: screen) }
        var row = bannerRows
        panel.put("Primary version", row: row, style: .plain, on: screen)
        panel.put(shift.primary, row: row, column: 18, style: theme[.filter], on: screen)
        row += 1
        panel.put("Target version", row: row, style: .plain, on: screen)
        let target = shift.target.map { "◂ \($0) ▸" } ?? "(no other published version)"
        let x = panel.put(target, row: row, column: 18, style: theme[.selection], on: screen)
        if shift.candidates.count > 1 { screen.put("  Tab: another version", row: panel.top + 1 + row, column: x, style: theme[.dim]) }
        row += 2
        panel.put("Target weight", row: row, style: .plain, on: screen)
        let barWidth = max(10, panel.innerWidth - 18 - 12)
        let filled = Int((shift.weight / 100 * Double(barWidth)).rounded())
        let barEnd = panel.put(String(repeating: "█", count: filled), row: row, column: 18, style: theme[.weightBar], on: screen)
        screen.put(String(repeating: "░", count: barWidth - filled), row: panel.top + 1 + row, column: barEnd, style: theme[.weightRest])
        panel.put(percent(shift.weight), row: row, column: 18 + barWidth + 2, style: theme[.title], on: screen)
        row += 2
        panel.put("Before", row: row, style: theme[.dim], on: screen)
        panel.put(split(shift.primary, shift.before), row: row, column: 18, style: theme[.dim], on: screen)
        row += 1
        panel.put("After", row: row, style: .plain, on: screen)
        let after = shift.settings(for: shift.confirming ?? .apply)
        panel.put(split(after.version, after.additionalVersion.map { ($0, after.weight * 100) }), row: row, column: 18,
                  style: theme[.ok], on: screen)
        row += 1
        let observed = state.observedSplit(shift.function)
        if !observed.isEmpty {
            let total = observed.map(\.count).reduce(0, +)
            let parts = observed.map { "\($0.version): \(percent(Double($0.count) * 100 / Double(total)))" }
            panel.put("Observed", row: row, style: theme[.dim], on: screen)
            panel.put(parts.joined(separator: "   ") + "  (\(total) invocations seen)", row: row, column: 18, style: theme[.dim], on: screen)
        }
        row += 2
        if let confirming = shift.confirming {
            let question = switch confirming {
            case .promote: "Promote version \(shift.target ?? "") to primary of \(shift.alias) and clear the routing?"
            case .rollBack: "Roll back: send all traffic of \(shift.alias) to version \(shift.primary) and clear the routing?"
            case .apply: ""
            }
            for (offset, line) in Panel.wrap(question + " Enter confirms, Esc cancels.", width: panel.innerWidth).prefix(2).enumerated() {
                panel.put(line, row: row + offset, style: theme[.warn], on: screen)
            }
        }
        panel.footnote("+/- 5 · >/< 1 · 1-9 10-90% · 0 clear · P promote · R roll back · G gradual · Enter apply · Esc", screen: screen, theme: theme)
    }

    /// "3: 89 %   5: 11 %", or "3: 100 %" without routing.
    static func split(_ primary: String, _ routed: (version: String, weight: Double)?) -> String {
        guard let routed, routed.weight > 0 else { return "\(primary): 100 %" }
        return "\(primary): \(percent(100 - routed.weight))   \(routed.version): \(percent(routed.weight))"
    }

    static func percent(_ value: Double) -> String { AliasWeights.percent(value) }
}
