import ConsoleStore
import FoundationEssentials

/// A rollout's steps, the weight now, the countdown to the next step, its health checks and how
/// it ended; or, for one an earlier console left, the offer to resume or abort it.
enum RolloutView {
    static func draw(_ panel: RolloutPanel, _ state: ConsoleState, _ screen: Screen, _ theme: Theme, now: Date) {
        guard let rollout = state.rollouts[panel.key] else { return }
        let box = Panel(title: "Rollout of \(rollout.key): version \(rollout.primary) → \(rollout.target), \(rollout.plan.name)", width: 100,
                        height: 22, screen: screen, theme: theme)
        var row = 0
        if panel.offersResume {
            let offer = "This rollout was \(rollout.status == .paused ? "paused" : "interrupted") when the last console exited; the alias is "
                + "as its last step left it. r resumes it · A aborts it (all traffic back to version \(rollout.primary)) · Esc decides later."
            for line in Panel.wrap(offer, width: box.innerWidth).prefix(3) {
                box.put(line, row: row, style: theme[.warn], on: screen)
                row += 1
            }
            row += 1
        }
        let steps = rollout.plan.steps
        for (index, weight) in steps.enumerated() {
            let mark = index < rollout.nextStep ? "✓" : index == rollout.nextStep && rollout.status == .running ? "▶" : "·"
            let label = weight >= 100 ? "promote version \(rollout.target)" : "\(AliasWeights.percent(weight)) to version \(rollout.target)"
            box.put("\(mark) step \(index + 1) of \(steps.count): \(label)", row: row, column: 1,
                    style: index < rollout.nextStep ? theme[.ok] : .plain, on: screen)
            row += 1
            if index >= 8 { break }
        }
        row += 1
        // Paused, the alias may be as someone else left it: the weight shown is the alias's own.
        let real = rollout.status == .paused ? state.aliasWeight(function: rollout.function, alias: rollout.alias, version: rollout.target) : nil
        let weight = real ?? rollout.appliedWeight
        box.put("Weight now", row: row, style: .plain, on: screen)
        let barWidth = max(10, box.innerWidth - 30)
        let filled = Int((min(100, max(0, weight)) / 100 * Double(barWidth)).rounded())
        box.put(String(repeating: "█", count: filled), row: row, column: 14, style: theme[.weightBar], on: screen)
        box.put(String(repeating: "░", count: barWidth - filled), row: row, column: 14 + filled, style: theme[.weightRest], on: screen)
        box.put(AliasWeights.percent(weight), row: row, column: 16 + barWidth, style: theme[.title], on: screen)
        row += 1
        box.put(statusLine(rollout, now: now), row: row, style: rollout.status == .rolledBack || rollout.status == .paused ? theme[.error] : theme[.ok],
                on: screen)
        row += 1
        let observed = state.observedSplit(rollout.function)
        if !observed.isEmpty {
            let total = observed.map(\.count).reduce(0, +)
            let parts = observed.map { "\($0.version): \(AliasWeights.percent(Double($0.count) * 100 / Double(total)))" }
            box.put("Observed: " + parts.joined(separator: "  ") + " of \(total) invocations seen", row: row, style: theme[.dim], on: screen)
        }
        row += 2
        for entry in rollout.log.suffix(max(0, box.innerRows - row)) {
            box.put(DisplayWidth.fit(Formatting.relative(entry.time, now: now), width: 11) + entry.text, row: row, style: theme[.dim], on: screen)
            row += 1
        }
        if panel.confirmingAbort {
            box.put("Abort and send all traffic back to version \(rollout.primary)? Enter confirms, Esc cancels.", row: box.innerRows - 1,
                    style: theme[.warn], on: screen)
        }
        box.footnote(rollout.status.isActive ? "A abort · Esc close (it goes on)" : "Esc close", screen: screen, theme: theme)
    }

    static func statusLine(_ rollout: Rollout, now: Date) -> String {
        switch rollout.status {
        case .running:
            guard let due = rollout.nextStepAt, rollout.nextStep < rollout.plan.steps.count else { return "Running…" }
            let weight = rollout.plan.steps[rollout.nextStep]
            return "Next: \(weight >= 100 ? "promote" : AliasWeights.percent(weight)) in \(countdown(due.timeIntervalSince(now)))"
                + ", after a health check"
        default:
            return rollout.message ?? rollout.status.rawValue
        }
    }

    static func countdown(_ seconds: TimeInterval) -> String {
        let whole = max(0, Int(seconds.rounded(.up)))
        return whole >= 3600 ? String(printf: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
            : String(printf: "%d:%02d", whole / 60, whole % 60)
    }
}
