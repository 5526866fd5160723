import ConsoleStore
import ConsoleUI
import Foundation
import LambdaAPI
import LogsAPI
import Synchronization
import TestSupport

/// The live tail under 10,000 log events a minute (issue 6's figures): the cost of a poll's batch
/// in the store and on screen, memory once the ring is full, and the time from an event's write
/// in moto to the frame that shows it.
enum TailBenchmarks {
    static let eventsPerMinute = 10_000

    static func run() async throws {
        print("")
        print("live tail at \(eventsPerMinute) events a minute (\(eventsPerMinute / 60) a second), ring of 10,000 lines, 120x40")
        inStore()
        try await againstMoto(seconds: 20)
    }

    /// One poll a second brings a second's events: merge them, then draw the frame.
    static func inStore() {
        var state = ConsoleBenchmarks.loadedState()
        _ = Reducer.reduce(&state, .openTail)
        let function = state.focusedName ?? ""
        let grid = GridScreen(rows: 40, columns: 120)
        var clock: Int64 = Int64(ConsoleBenchmarks.now.timeIntervalSince1970 * 1000)
        var serial = 0
        func batch() -> [LogLine] {
            (0..<eventsPerMinute / 60).map { _ in
                serial += 1
                clock += 6
                let stream = "2026/11/25/[\(serial % 3 + 1)]\(serial % 7)"
                let message = serial % 50 == 0
                    ? #"{"level":"ERROR","message":"payment \#(serial) declined","requestId":"r\#(serial)"}"#
                    : "INFO handled request \(serial) in \(serial % 90) ms"
                return LogLine(timestamp: clock, stream: stream, message: message, id: "\(stream)/\(clock)/\(serial)")
            }
        }
        func poll() {
            let generation = state.tails[function]?.generation ?? 0
            _ = Reducer.reduce(&state, .tailEvents(function: function, generation: generation, batch(), mode: .polling(interval: 1)))
        }
        // Fill the ring first: the figures are for a full one.
        for _ in 0..<70 { poll() }
        ConsoleBenchmarks.report("one poll's batch merged (167 events)", budget: 5, iterations: 100) { poll() }
        ConsoleBenchmarks.report("one frame of a full live tail", budget: 5, iterations: 500) {
            ConsoleView.render(state, on: grid, theme: .dark, now: ConsoleBenchmarks.now)
        }
        _ = Reducer.reduce(&state, .tailCommand(.fold))
        _ = Reducer.reduce(&state, .tailCommand(.beginSearch))
        _ = Reducer.reduce(&state, .tailCommand(.editSearch("declined")))
        ConsoleBenchmarks.report("one frame, folded, searching", budget: 5, iterations: 200) {
            ConsoleView.render(state, on: grid, theme: .dark, now: ConsoleBenchmarks.now)
        }
        let before = ConsoleBenchmarks.residentMegabytes()
        for _ in 0..<600 { poll() }  // ten more minutes of events
        let after = ConsoleBenchmarks.residentMegabytes()
        print(String(format: "resident memory after %d more events: %.1f MB → %.1f MB (bounded: the ring keeps %d lines)",
                     600 * eventsPerMinute / 60, before, after, state.tails[function]?.lines.count ?? 0))
    }

    /// The real effect runner polling moto while a writer puts events at the same rate; probes
    /// mark when some were written, and the loop notes the frame that first holds each.
    static func againstMoto(seconds: Int) async throws {
        let backend = try await TestBackend.shared()
        let logs = LogsClient(client: backend.client(.logs))
        let name = "bench-tail-\(getpid())"
        let group = "/aws/lambda/\(name)"
        try await logs.createLogGroup(group)
        let streams = ["2026/11/25/[1]bench", "2026/11/25/[2]bench"]
        for stream in streams { try await logs.createLogStream(group: group, stream: stream) }

        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda)), logs: logs)
        var state = ConsoleState(connection: ConnectionInfo(profile: "bench", region: "us-east-1", endpoint: "local", readOnly: false))
        var function = FunctionConfiguration(functionName: name)
        function.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:\(name)"
        _ = Reducer.reduce(&state, .functionsLoaded(.listed([function])))
        _ = Reducer.reduce(&state, .resized(rows: 40, columns: 120))
        let grid = GridScreen(rows: 40, columns: 120)

        let (actions, inbox) = AsyncStream<ConsoleAction>.makeStream()
        func start(_ effects: [ConsoleEffect]) {
            for effect in effects {
                Task.detached { inbox.yield(await runner.run(effect) { inbox.yield($0) }) }
            }
        }
        let written = Mutex<[String: ContinuousClock.Instant]>([:])
        let allWritten = Mutex<[String]>([])
        let writerDone = Mutex(false)
        let writer = Task {
            var serial = 0
            let end = ContinuousClock.now + .seconds(seconds)
            // Ten writes a second of a tenth of a second's events; every fifth write carries a probe.
            while ContinuousClock.now < end {
                serial += 1
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                var events = (0..<eventsPerMinute / 600).map { InputLogEvent(timestamp: now, message: "INFO work \(serial)-\($0)") }
                let probe = serial % 5 == 0 ? "probe-\(serial)" : nil
                if let probe { events.append(InputLogEvent(timestamp: now, message: probe)) }
                do {
                    try await logs.putLogEvents(group: group, stream: streams[serial % 2], events: events)
                    // Only what was accepted counts as written.
                    allWritten.withLock { $0 += events.map(\.message) }
                    if let probe { written.withLock { $0[probe] = .now } }
                } catch {}
                try? await Task.sleep(for: .milliseconds(100))
            }
            writerDone.withLock { $0 = true }
            inbox.yield(.tailStopped(function: "writer"))  // wakes the loop to look
            // The tail catches up within its longest interval (10 s idle) and a read; then stop.
            try? await Task.sleep(for: .seconds(15))
            inbox.yield(.quit)
        }
        start(Reducer.reduce(&state, .openTail))
        var latencies: [Double] = []
        var frames: [Double] = []
        var seen = Set<String>()
        for await action in actions {
            if case .quit = action { break }
            let effects = Reducer.reduce(&state, action)
            let drawn = ContinuousClock.now
            ConsoleView.render(state, on: grid, theme: .dark, now: Date())
            frames.append(milliseconds(ContinuousClock.now - drawn))
            if case .tailEvents(_, _, let events, _) = action {
                let shownAt = ContinuousClock.now
                for event in events where event.message.hasPrefix("probe-") && seen.insert(event.message).inserted {
                    if let at = written.withLock({ $0[event.message] }) { latencies.append(milliseconds(shownAt - at)) }
                }
            }
            start(effects)
            // Done once the writer stopped and every probe it wrote is on screen.
            if writerDone.withLock({ $0 }), seen.count >= written.withLock({ $0.count }) { break }
        }
        writer.cancel()
        let tail = state.tails[name]
        _ = Reducer.reduce(&state, .goBack)
        let interval: Double = if case .polling(let seconds) = tail?.mode { seconds * 1000 } else { 1000 }
        let budget = interval + 300
        let sorted = latencies.sorted()
        func at(_ fraction: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))] }
        // Every line written is in the ring exactly once, across both streams.
        var counts: [String: Int] = [:]
        for line in tail?.lines ?? [] { counts[line.text, default: 0] += 1 }
        let lines = allWritten.withLock { $0 }
        let missing = lines.filter { counts[$0] == nil }.count
        let doubled = lines.filter { (counts[$0] ?? 0) > 1 }.count
        print(String(format: "against moto for %d s: %d lines written, %d in the tail; %d missing, %d shown twice; %d probes seen of %d written: %@",
                     seconds, lines.count, tail?.lines.count ?? 0, missing, doubled, seen.count, written.withLock { $0.count },
                     missing == 0 && doubled == 0 ? "OK" : "LOST OR DOUBLED"))
        print(String(format: "write to screen: p50 %.0f ms, p95 %.0f ms, max %.0f ms  budget %.0f ms (poll interval %.0f ms + 300): %@",
                     at(0.5), at(0.95), sorted.last ?? 0, budget, interval, (sorted.last ?? .infinity) <= budget ? "OK" : "OVER"))
        let frameSorted = frames.sorted()
        print(String(format: "frames drawn while polling: %d, p50 %.2f ms, max %.2f ms  budget 5 ms: %@", frames.count,
                     frameSorted.isEmpty ? 0 : frameSorted[frameSorted.count / 2], frameSorted.last ?? 0,
                     (frameSorted.last ?? 0) <= 5 ? "OK" : "OVER"))
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
