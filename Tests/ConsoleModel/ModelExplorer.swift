import ConsoleStore
import ConsoleUI
import Foundation

/// A broken property: where and how, with the sequence that shows it.
public struct ModelFailure: Sendable, CustomStringConvertible {
    public var seed: UInt64?
    public var steps: [ModelStep]
    public var message: String

    public var description: String {
        let list = steps.map { "    \($0)," }.joined(separator: "\n")
        return "model run failed\(seed.map { " (seed \($0))" } ?? ""): \(message)\n  after \(steps.count) steps:\n  [\n\(list)\n  ]"
    }
}

/// Random sequences of steps, run with their properties checked after each, and shrunk to the
/// shortest sequence that still fails.
public enum ModelExplorer {
    /// Every key any key table binds, the keys text entry and overlays read, and a few the
    /// console binds to nothing.
    static let keys: [Key] = {
        var keys = KeyContext.allCases.flatMap { KeyTables.bindings(for: $0).flatMap(\.keys) }
        keys += Key.plainKeys
        keys += "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789 -+=<>:/.,_*!@#%&()[]{}\"'`~|\\é函🚀".map { .character($0) }
        keys += "abcdefghklnoprstuvwxyz".map { .control($0) }
        return keys.filter { $0 != .character("q") && $0 != .control("c") && $0 != .control("z") }
    }()

    /// Escape sequences a terminal or tmux may send that the decoder does not know, as the
    /// keys they arrive as.
    static let unknownSequences: [[Key]] = [
        [.escape, .character("["), .character("4"), .character("~")],
        [.escape, .character("["), .character("1"), .character(";"), .character("5"), .character("C")],
        [.escape, .character("O"), .character("H")],
        [.escape, .character("["), .character("2"), .character("0"), .character("0"), .character("~")],
    ]

    public static func randomSteps(seed: UInt64, count: Int) -> [ModelStep] {
        var random = SeededGenerator(seed: seed)
        var steps: [ModelStep] = []
        steps.reserveCapacity(count)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        while steps.count < count {
            let roll = random.next() % 100
            switch roll {
            case 0..<62: steps.append(.key(pick(keys)))
            case 62..<78: steps.append(.deliver(index: Int(random.next() % 8), pick(ModelStep.AnswerMode.allCases), seed: random.next()))
            case 78..<81:
                let rows = roll == 78 ? Int(random.next() % 12) + 1 : 12 + Int(random.next() % 90)
                steps.append(.resize(rows: rows, columns: pick([20, 49, 50, 51, 80, 120, 200, 300]) + Int(random.next() % 3)))
            case 81..<83: steps.append(.timer)
            case 83..<86: steps.append(.stray(seed: random.next()))
            case 86..<88: steps.append(.paste(pastedText(&random)))
            case 88..<92: steps.append(.key(.mouseClick(row: Int(random.next() % 45), column: Int(random.next() % 130))))
            case 92..<94: steps.append(.key(random.next() % 2 == 0 ? .wheelUp : .wheelDown))
            case 94..<95: steps += pick(unknownSequences).map { .key($0) }
            case 95..<96:
                // The commands that open the fleet view and the contexts picker, typed whole.
                steps += [.key(.character(":")), .paste(pick(["region all", "fleet alpha beta", "ctx", "fl", "region eu-west-1", "login", "fleet sso", "account", "layers", "audit", "signing"])), .key(.enter)]
            default: steps.append(.key(pick([.escape, .enter, .tab, .backTab, .character("j"), .character("k")])))
            }
        }
        return steps
    }

    static func pastedText(_ random: inout SeededGenerator) -> String {
        let pieces = ["payments", "runtime:python3.12 ", "tag:team=payments", "\n", "\t", "\u{1B}[31m", "函数", "memory:>=1024", "{\"a\":1}", "q"]
        let count = Int(random.next() % 40)
        return (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    /// Runs the steps on a fresh console; the first broken property and how many steps it took.
    public static func run(_ steps: [ModelStep], readOnly: Bool = false) -> (index: Int, message: String)? {
        let model = ModelRun(readOnly: readOnly)
        if let message = model.check() { return (0, message) }
        for (index, step) in steps.enumerated() {
            model.apply(step)
            if model.state.quitRequested { return nil }
            if let message = model.check() { return (index, message) }
        }
        return nil
    }

    /// The shortest sequence found that still breaks a property (any property: a shrink that
    /// finds another bug reports that one, which is as good).
    public static func shrink(_ steps: [ModelStep], readOnly: Bool = false, budget: Int = 2_000) -> ModelFailure? {
        guard let first = run(steps, readOnly: readOnly) else { return nil }
        var current = Array(steps.prefix(first.index + 1))
        var message = first.message
        var tries = 0
        var chunk = max(1, current.count / 2)
        while chunk >= 1, tries < budget {
            var start = 0
            var removedAny = false
            while start < current.count, tries < budget {
                var candidate = current
                candidate.removeSubrange(start..<min(current.count, start + chunk))
                tries += 1
                if let failure = run(candidate, readOnly: readOnly) {
                    current = Array(candidate.prefix(failure.index + 1))
                    message = failure.message
                    removedAny = true
                } else {
                    start += chunk
                }
            }
            if !removedAny { chunk /= 2 }
        }
        return ModelFailure(seed: nil, steps: current, message: message)
    }

    /// Explores `seeds`, `stepsPerSeed` steps each; the shrunk failure of each failing seed.
    public static func explore(seeds: some Sequence<UInt64>, stepsPerSeed: Int, readOnly: Bool = false,
                               progress: (UInt64) -> Void = { _ in }) -> [ModelFailure] {
        var failures: [ModelFailure] = []
        for seed in seeds {
            progress(seed)
            let steps = randomSteps(seed: seed, count: stepsPerSeed)
            guard run(steps, readOnly: readOnly) != nil, var failure = shrink(steps, readOnly: readOnly) else { continue }
            failure.seed = seed
            failures.append(failure)
        }
        return failures
    }
}
