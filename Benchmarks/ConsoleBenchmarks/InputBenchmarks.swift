import ConsoleStore
import ConsoleUI
import Foundation

/// Input that once froze the console: a 100 KB paste into the filter (19 s for 20 KB, over five
/// minutes for 100 KB, the filter re-parsed per character) and a streamed answer of 20,000 small
/// chunks (17.6 s frozen at 10,000: the whole body re-cut per chunk). Each must be handled, with
/// its frames, within a second.
enum InputBenchmarks {
    static func run(_ state: ConsoleState) {
        let grid = GridScreen(rows: 40, columns: 120)
        let pasted = String(repeating: "payments search ", count: 6_400)  // 100 KB
        for (name, keys) in [("typed without bracketed paste", pasted.map { Key.character($0) }), ("bracketed paste", [Key.paste(pasted)])] {
            let controller = ConsoleController(state: state, screen: grid, theme: .dark, terminal: nil) { _ in }
            let start = ContinuousClock.now
            controller.handle([.character("/")])
            controller.handle(keys)
            controller.render()
            report("a 100 KB paste into the filter, \(name)", ContinuousClock.now - start)
        }

        var streaming = state
        let request = InvocationRequest(function: "bench", payload: "{}", streamed: true)
        streaming.invokeSessions["bench"] = InvokeSession(request: request)
        let controller = ConsoleController(state: streaming, screen: grid, theme: .dark, terminal: nil) { _ in }
        let start = ContinuousClock.now
        for index in 0..<20_000 {
            controller.dispatch(.invocationChunk(function: "bench", index % 50 == 49 ? "{\"chunk\": \(index)}\n" : "x"))
            if index % 100 == 0 { controller.render() }  // the loop draws once per batch of actions
        }
        controller.render()
        report("a streamed answer of 20,000 chunks, with frames", ContinuousClock.now - start)
    }

    static func report(_ name: String, _ elapsed: Duration) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "%-48@ %7.3f s   budget 1 s: %@", name as NSString, seconds, seconds <= 1 ? "OK" : "OVER"))
    }
}
