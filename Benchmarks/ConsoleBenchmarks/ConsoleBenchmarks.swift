import ConsoleStore
import ConsoleUI
import Foundation
import Glibc
import LambdaAPI
import TestSupport

/// `scripts/bench`'s second part: the console's own costs with 50,000 functions in the store.
@main
struct ConsoleBenchmarks {
    static let count = 50_000
    static let now = Date()

    static func main() async throws {
        let arguments = CommandLine.arguments
        if arguments.count == 3, arguments[1] == "--rss-listing" {
            try await ScaleBenchmarks.rssChild(endpoint: arguments[2])
            return
        }
        if arguments.contains("--scale-only") {
            try await ScaleBenchmarks.run(long: arguments.contains("--long"))
            return
        }
        if arguments.contains("--monitor-only") {
            try await MonitorBenchmarks.run()
            return
        }
        print("lambda-tui console benchmarks: \(count) functions in the store, a 120x40 screen")
        var state = loadedState()
        let grid = GridScreen(rows: 40, columns: 120)
        let theme = Theme.dark

        report("one frame of the functions pane", budget: 2, iterations: 500) {
            ConsoleView.render(state, on: grid, theme: theme, now: now)
        }
        var letters = Array("payments".reversed())
        report("one filter keystroke (filter + sort + frame)", budget: 5, iterations: 200) {
            if letters.isEmpty { letters = Array("payments".reversed()); _ = Reducer.reduce(&state, .editFilter("")) }
            let typed = (state.tables[.functions]?.filter ?? "") + String(letters.removeLast())
            _ = Reducer.reduce(&state, .editFilter(typed))
            ConsoleView.render(state, on: grid, theme: theme, now: now)
        }
        _ = Reducer.reduce(&state, .editFilter(""))
        // The keystroke above is the median of typing a word: later letters test only the rows
        // the earlier ones passed. A first letter (or a pasted or edited filter) tests them all.
        report("a filter's first letter (every row tested)", budget: 5, iterations: 50) {
            _ = Reducer.reduce(&state, .editFilter(""))
            _ = Reducer.reduce(&state, .editFilter("s"))
            ConsoleView.render(state, on: grid, theme: theme, now: now)
        }
        _ = Reducer.reduce(&state, .editFilter(""))
        report("one cursor move (reduce + frame)", budget: 2, iterations: 1000) {
            _ = Reducer.reduce(&state, .moveCursor(1))
            ConsoleView.render(state, on: grid, theme: theme, now: now)
        }
        InputBenchmarks.run(state)
        try terminalBytes(state)
        print(String(format: "resident memory with %d functions loaded and drawn: %.1f MB (budget 100 MB)", count, residentMegabytes()))
        try await idleCPU()
        try await TailBenchmarks.run()
        try await ScaleBenchmarks.run(long: arguments.contains("--long"))
        try await MonitorBenchmarks.run()
    }

    static func loadedState() -> ConsoleState {
        let runtimes = ["python3.12", "python3.13", "nodejs20.x", "nodejs22.x", "java21", "provided.al2023"]
        let teams = ["payments", "search", "identity", "media", "growth", "platform", "analytics"]
        var functions: [FunctionConfiguration] = []
        functions.reserveCapacity(count)
        for index in 0..<count {
            var function = FunctionConfiguration(functionName: "\(teams[index % teams.count])-service-\(index)")
            function.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:\(function.functionName!)"
            function.runtime = Runtime(rawValue: runtimes[index % runtimes.count])
            function.memorySize = [128, 256, 512, 1024, 1769][index % 5]
            function.timeout = [3, 10, 30, 60, 900][index % 5]
            function.codeSize = Int64(1000 + index * 37)
            function.lastModified = AWSTimestamp(now.addingTimeInterval(Double(-index * 60)))
            function.state = .active
            function.description = "\(teams[index % teams.count]) function number \(index)"
            functions.append(function)
        }
        var state = ConsoleState(connection: ConnectionInfo(profile: "bench", region: "us-east-1", endpoint: "local", readOnly: false))
        _ = Reducer.reduce(&state, .show(.functions))
        _ = Reducer.reduce(&state, .functionsLoaded(.listed(functions)))
        _ = Reducer.reduce(&state, .resized(rows: 40, columns: 120))
        return state
    }

    /// Median of five batches, in milliseconds of wall time per iteration (all CPU: no I/O here).
    static func report(_ name: String, budget: Double, iterations: Int, _ body: () -> Void) {
        var batches: [Double] = []
        for _ in 0..<5 {
            let start = ContinuousClock.now
            for _ in 0..<iterations { body() }
            let (seconds, attoseconds) = (ContinuousClock.now - start).components
            batches.append((Double(seconds) + Double(attoseconds) / 1e18) * 1000 / Double(iterations))
        }
        let median = batches.sorted()[2]
        print(String(format: "%-48@ %7.3f ms  budget %.0f ms: %@", name as NSString, median, budget, median <= budget ? "OK" : "OVER"))
    }

    /// What curses sends for a cursor move, and for a refresh that changes nothing.
    static func terminalBytes(_ initial: ConsoleState) throws {
        var state = initial
        _ = Reducer.reduce(&state, .moveToTop)
        let path = NSTemporaryDirectory() + "lambda-tui-bench-\(getpid()).out"
        guard let output = fopen(path, "w+"), let input = fopen("/dev/null", "r") else { throw BackendError("cannot open \(path)") }
        defer { fclose(output); fclose(input); unlink(path) }
        guard let screen = CursesScreen(terminal: "xterm-256color", output: output, input: input, rows: 40, columns: 120) else {
            print("terminal bytes: skipped (no xterm-256color terminfo)")
            return
        }
        // ncurses writes to the file's descriptor itself, so the descriptor's offset is what moves.
        let descriptor = fileno(output)
        func bytes(_ frame: () -> Void) -> Int {
            fflush(output)
            let before = lseek(descriptor, 0, SEEK_END)
            frame()
            fflush(output)
            return lseek(descriptor, 0, SEEK_END) - before
        }
        let first = bytes { ConsoleView.render(state, on: screen, theme: .dark, now: now) }
        let move = bytes {
            _ = Reducer.reduce(&state, .moveCursor(1))
            ConsoleView.render(state, on: screen, theme: .dark, now: now)
        }
        let functions = state.functions
        let unchanged = bytes {
            _ = Reducer.reduce(&state, .refresh)
            _ = Reducer.reduce(&state, .functionsLoaded(.success(functions)))
            ConsoleView.render(state, on: screen, theme: .dark, now: now)
        }
        screen.close()
        print("bytes to the terminal: first frame \(first), one cursor move \(move), a refresh that changes nothing \(unchanged)")
    }

    static func residentMegabytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }

    /// The real binary in tmux against moto, left alone for five seconds between refreshes.
    static func idleCPU() async throws {
        let backend = try await TestBackend.shared()
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lambda-tui").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("idle CPU: skipped (build lambda-tui first)")
            return
        }
        let session = "lt-bench-\(getpid())"
        let command = "env AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 AWS_CONFIG_FILE=/dev/null "
            + "AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true TERM=xterm-256color "
            + "\(binary) --endpoint-url \(backend.motoURL) --refresh-interval 60"
        try Subprocess.run(["tmux", "-L", tmuxSocket, "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command])
        defer { _ = try? Subprocess.run(["tmux", "-L", tmuxSocket, "kill-session", "-t", session]) }
        try await Task.sleep(for: .seconds(2))
        let found = try Subprocess.run(["pgrep", "-n", "-f", "\(binary) --endpoint-url"], captureOutput: true).output
        guard let pid = found.split(separator: "\n").first.flatMap({ Int32($0) }) else {
            print("idle CPU: skipped (lambda-tui did not start)")
            return
        }
        let before = cpuTicks(pid)
        try await Task.sleep(for: .seconds(5))
        let after = cpuTicks(pid)
        print("idle CPU of the running console over 5 s between refreshes: \(after - before) clock ticks (0 expected)")
    }

    /// A tmux server of the benchmark's own, apart from any the user runs.
    static let tmuxSocket = "lambda-tui-bench"

    static func cpuTicks(_ pid: Int32) -> Int {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        // utime and stime are fields 14 and 15 of the whole line: 12th and 13th after the ")".
        return fields.count > 12 ? (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0) : 0
    }
}
