import Foundation
import TestSupport

/// The real lambda-tui binary in a detached tmux session: type keys, read the screen. Waits
/// until what the test expects is on screen and nothing is loading; never sleeps and hopes.
final class TmuxSession {
    let name: String

    /// The built binary beside the test bundle (`swift build --build-tests` builds it).
    static var binary: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle.appendingPathComponent("lambda-tui"), bundle.deletingLastPathComponent().appendingPathComponent("lambda-tui")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate.path
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/lambda-tui").path
    }

    init(endpoint: String, arguments: String = "", columns: Int = 120, rows: Int = 40, environment: [String: String] = [:],
         workingDirectory: String? = nil, cacheFolder: String? = nil, binary: String = TmuxSession.binary,
         clearEnvironment: Bool = false) throws {
        name = "lt-\(UUID().uuidString.prefix(8))"
        socketName = "lambda-tui-tests-\(name)"
        idleFile = NSTemporaryDirectory() + "\(name).idle"
        var env = ["AWS_ACCESS_KEY_ID": "AKIDTESTING", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
                   "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_EC2_METADATA_DISABLED": "true",
                   "TERM": "xterm-256color", "HOME": NSTemporaryDirectory(), "XDG_CONFIG_HOME": NSTemporaryDirectory() + "lt-no-config"]
        env["LAMBDA_TUI_IDLE_FILE"] = idleFile
        // Each run its own cache: one test's list must not be the next one's warm start.
        env["XDG_CACHE_HOME"] = cacheFolder ?? NSTemporaryDirectory() + "\(name)-cache"
        env.merge(environment) { $1 }
        let exports = env.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        // After lambda-tui exits, the shell prints on one line its status and whether the terminal
        // is back in line mode with echo ("modes: icanon echo"). That line is written with explicit
        // carriage returns: a killed console leaves the terminal raw, where a bare newline keeps the
        // column, and the line would start near the right edge and wrap as "EXITE|D".
        // `clearEnvironment`: nothing of the test's own (its PATH, LD_LIBRARY_PATH, the toolchain's).
        let command = "env \(clearEnvironment ? "-i " : "")\(exports) \(binary) --endpoint-url \(endpoint) \(arguments); status=$?; "
            + "modes=$(stty -a | grep -o ' icanon\\| echo ' | tr -d ' ' | tr '\\n' ' '); "
            + "printf '\\r\\nEXITED %s modes: %s\\r\\n' \"$status\" \"$modes\"; sleep 60"
        try tmux(["new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)"] + (workingDirectory.map { ["-c", $0] } ?? []) + [command])
    }

    deinit {
        _ = try? tmux(["kill-session", "-t", name])
        unlink(idleFile)
    }

    /// Where the console says `idle N` (frame N drawn, no read in flight, no key waiting) or `busy`.
    let idleFile: String

    /// Whether the console has finished what it was given: a screen read then is its last word.
    /// Before the console starts, and after it has exited, the screen alone decides.
    var isIdle: Bool {
        guard let text = try? String(contentsOfFile: idleFile, encoding: .utf8) else { return true }
        return text.hasPrefix("idle") || consolePID == nil
    }

    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    /// The lambda-tui process: the child of the pane's shell.
    var consolePID: pid_t? {
        guard let shell = Int32((try? tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"], output: true))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { Int32($0) }.first { child in
            ((try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8)) ?? "").hasPrefix("lambda-tui")
        }
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    var screen: String { (try? tmux(["capture-pane", "-p", "-t", name], output: true)) ?? "" }

    /// The screen once `condition` holds and no background work shows, or the last screen seen.
    @discardableResult
    /// Polls without holding a thread of the test pool (a blocking sleep here starved the other
    /// suites' async tests on a two-core machine).
    func waitFor(timeout: TimeInterval = 15, whileBusy: Bool = false, _ condition: (String) -> Bool) async -> (satisfied: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = screen
            // `whileBusy`: what shows while work runs (a warm start before the real list lands).
            if condition(last) && (whileBusy || (isIdle && !last.contains("⟳ loading"))) { return (true, last) }
            try? await Task.sleep(for: .milliseconds(50))
        } while Date() < deadline
        return (false, last)
    }

    func waitFor(_ text: String, timeout: TimeInterval = 15) async -> (satisfied: Bool, screen: String) {
        await waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Each session has a tmux server of its own, apart from the user's and from the other tests':
    /// sessions of one server started and ended by tests running in parallel raced its exit.
    let socketName: String

    /// Runs tmux through `Subprocess`: the first call starts the tmux server, which must not
    /// inherit anything of this process's.
    @discardableResult
    func tmux(_ arguments: [String], output wanted: Bool = false) throws -> String {
        try Subprocess.run(["tmux", "-L", socketName] + arguments, captureOutput: wanted).output
    }
}
