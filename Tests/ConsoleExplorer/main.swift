import ConsoleModel
import Foundation

// lambda-tui-explore: explores the console's state space from random seeds and prints each
// failure shrunk to its shortest sequence (Swift source to keep as a regular test).
//
//   lambda-tui-explore [--seeds N] [--first S] [--steps N] [--read-only]
//
// Exit status 0 when every property held, 1 when one broke. A trap kills the process; the last
// "seed S" line printed on standard error names the seed, and `--first S --seeds 1` repeats it.
var seeds: UInt64 = 20
var first: UInt64 = 1
var steps = 1_000
var readOnly = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--seeds": seeds = arguments.next().flatMap { UInt64($0) } ?? seeds
    case "--first": first = arguments.next().flatMap { UInt64($0) } ?? first
    case "--steps": steps = arguments.next().flatMap { Int($0) } ?? steps
    case "--read-only": readOnly = true
    default:
        FileHandle.standardError.write(Data("usage: lambda-tui-explore [--seeds N] [--first S] [--steps N] [--read-only]\n".utf8))
        exit(2)
    }
}
// Beside the rest of the test suite, whose timings matter more than this run's.
_ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
let started = Date()
let failures = ModelExplorer.explore(seeds: first..<(first + seeds), stepsPerSeed: steps, readOnly: readOnly) { seed in
    FileHandle.standardError.write(Data("seed \(seed)\n".utf8))
}
for failure in failures { print(failure) }
let seconds = Date().timeIntervalSince(started)
print("explored \(seeds) seeds × \(steps) steps = \(Int(seeds) * steps) steps in \(String(format: "%.1f", seconds)) s: \(failures.count) failing")
exit(failures.isEmpty ? 0 : 1)
