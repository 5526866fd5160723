import Foundation

/// CPU time of this whole process (every thread: the curl thread and JSON decoding count), split
/// into user and system time, and wall time, around a block run `iterations` times.
///
/// System time is reported but not budgeted: on loopback the kernel runs the receiving peer's
/// TCP stack in the sender's context, so it mixes moto's share into ours.
struct Measurement {
    var name: String
    var iterations: Int
    var userSeconds: Double
    var systemSeconds: Double
    var wallSeconds: Double

    static func processCPUTime() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return (Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
                Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6)
    }

    static func run(_ name: String, iterations: Int, _ body: () async throws -> Void) async rethrows -> Measurement {
        let before = processCPUTime()
        let wallStart = ContinuousClock.now
        for _ in 0..<iterations { try await body() }
        let wall = ContinuousClock.now - wallStart
        let after = processCPUTime()
        let (seconds, attoseconds) = wall.components
        return Measurement(name: name, iterations: iterations, userSeconds: after.user - before.user,
                           systemSeconds: after.system - before.system,
                           wallSeconds: Double(seconds) + Double(attoseconds) / 1e18)
    }

    /// Runs `batches` measurements and keeps the one with the median user time: another process
    /// (moto) shares the two cores, and a single run can land on a busy moment.
    static func median(_ name: String, batches: Int = 5, iterations: Int, _ body: () async throws -> Void) async rethrows -> Measurement {
        var runs: [Measurement] = []
        for _ in 0..<batches { runs.append(try await run(name, iterations: iterations, body)) }
        var middle = runs.sorted { $0.userSeconds < $1.userSeconds }[batches / 2]
        middle.name = name + " [median of \(batches)]"
        return middle
    }

    func perIteration(_ seconds: Double) -> Double { seconds / Double(iterations) * 1000 }

    /// One line: user and system CPU and wall time per iteration, in milliseconds.
    func report(userBudgetMilliseconds budget: Double? = nil) -> String {
        let user = perIteration(userSeconds)
        var line = "\(name.padding(toLength: 56, withPad: " ", startingAt: 0))"
            + String(format: " user %7.3f ms  sys %7.3f ms  wall %8.3f ms  (n=%d)",
                     user, perIteration(systemSeconds), perIteration(wallSeconds), iterations)
        if let budget {
            line += String(format: "  budget %.2f ms user: %@", budget, user <= budget ? "OK" : "OVER")
        }
        return line
    }
}
