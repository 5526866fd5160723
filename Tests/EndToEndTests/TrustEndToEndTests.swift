import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import Testing
import TestSupport

/// What a user found in the first minute, proved on the real binary in tmux: no key sequence,
/// log line or crash leaves them with a dead console or a broken terminal.
@Suite(.serialized, .timeLimit(.minutes(3))) struct TrustEndToEndTests {
    /// The second start draws the first one's list at once, with its age, while the real list
    /// (slow here: 3 s a request) is read; then the fresh list replaces it.
    @Test func aWarmStartDrawsTheLastListAtOnce() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-warm")
        try await fixtures.createFunction(name)
        let cache = NSTemporaryDirectory() + "lt-warm-\(UUID().uuidString.prefix(8))"
        // Both starts use one endpoint (the cache is kept per endpoint); the second is slow.
        let lane = TestBackend.lane("warm")
        let first = try TmuxSession(endpoint: fixtures.backend.faultURL(lane: lane), cacheFolder: cache)
        #expect(await first.waitFor(name).satisfied, "the first start did not list \(name):\n\(first.screen)")
        try first.send("q")
        #expect(await first.waitFor("EXITED 0").satisfied)
        try await fixtures.backend.simulateLatency(lane: lane, seconds: 3)
        let second = try TmuxSession(endpoint: fixtures.backend.faultURL(lane: lane), cacheFolder: cache)
        let warm = await second.waitFor(timeout: 2.5, whileBusy: true) { $0.contains(name) && $0.contains("as of ") }
        #expect(warm.satisfied, "the last list was not drawn before the real one came:\n\(warm.screen)")
        let fresh = await second.waitFor(timeout: 20) { $0.contains(name) && !$0.contains("as of ") }
        #expect(fresh.satisfied, "the fresh list did not replace the cached one:\n\(fresh.screen)")
        try second.send("q")
        #expect(await second.waitFor("EXITED 0").satisfied)
    }

    /// A keys file in the config folder remaps keys for the real binary; a line it cannot use is
    /// said on the status line with its file and line, and the rest still apply.
    @Test func aKeysFileRemapsTheConsolesKeys() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-keys")
        try await fixtures.createFunction(name)
        let folder = NSTemporaryDirectory() + "lt-keys-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/config/lambda-tui", withIntermediateDirectories: true)
        try "global.quit = Q\nlists.down = k\n".write(toFile: folder + "/config/lambda-tui/keys", atomically: true, encoding: .utf8)
        let session = try ActionConsole.session(endpoint: fixtures.backend.motoURL, folder: folder)
        #expect(await session.waitFor(name).satisfied, "the console did not start:\n\(session.screen)")
        let idle = try String(contentsOfFile: session.idleFile, encoding: .utf8)
        #expect(idle.hasPrefix("idle "), "the console does not say it is idle: \(idle)")
        #expect(await session.waitFor("keys, line 2: k is already `lists.up`").satisfied, "the clash was not said:\n\(session.screen)")
        try session.send("q")
        try session.send("?")
        #expect(await session.waitFor("Keys (Esc or ? closes)").satisfied, "q quit although the keys file moved quit to Q:\n\(session.screen)")
        try session.send("Escape")
        try session.send("Q")
        #expect(await session.waitFor("EXITED 0 modes: icanon echo").satisfied, "Q did not quit:\n\(session.screen)")
    }

    /// Tab, shift-Tab, j, Tab killed the console (SIGILL) on every per-function pane once the
    /// previous function had rows there.
    @Test func theFourKeySequenceOnEveryPerFunctionPane() async throws {
        let fixtures = try await LambdaFixtures()
        let prefix = LambdaFixtures.uniqueName("e2e-four")
        for suffix in ["a", "b"] {
            let name = "\(prefix)-\(suffix)"
            try await fixtures.createFunction(name)
            try await fixtures.publishVersions(name, descriptions: ["one", "two"])
            _ = try await fixtures.lambda.createAlias(name, CreateAliasRequest(name: "live", functionVersion: "1"))
        }
        let console = try await ActionConsole(prefix, endpoint: fixtures.backend.motoURL)
        let session = console.session
        #expect(await session.waitFor("\(prefix)-b").satisfied)
        for tabs in 1...4 {
            try session.send("g")
            let forward = Array(repeating: "Tab", count: tabs)
            try session.send(forward[0])
            for key in forward.dropFirst() { try session.send(key) }
            for _ in 0..<tabs { try session.send("BTab") }
            try session.send("j")
            for key in forward { try session.send(key) }
            let result = await session.waitFor { $0.contains("\(prefix)-b ·") }
            #expect(result.satisfied, "after \(tabs) Tab(s) the pane does not show the second function:\n\(result.screen)")
            try session.send(":")
            try session.type("functions")
            try session.send("Enter")
        }
        try session.send("q")
        #expect(await session.waitFor("EXITED 0 modes: icanon echo").satisfied, "the console did not survive:\n\(session.screen)")
    }

    /// A crash (here SIGILL, as a Swift trap raises it) puts back every terminal mode the console
    /// set, and leaves a note that the next start mentions once.
    @Test func aCrashRestoresTheTerminalAndLeavesANote() async throws {
        let backend = try await TestBackend.shared()
        let folder = NSTemporaryDirectory() + "lt-crash-\(UUID().uuidString.prefix(8))"
        let environment = ["XDG_STATE_HOME": folder + "/state", "XDG_CONFIG_HOME": folder + "/config"]
        let session = try TmuxSession(endpoint: backend.motoURL, environment: environment)
        #expect(await session.waitFor("NAME").satisfied)
        let flags = "#{keypad_flag} #{keypad_cursor_flag} #{mouse_any_flag} #{alternate_on}"
        let during = try session.tmux(["display-message", "-p", "-t", session.name, flags], output: true)
        #expect(during.contains("1"), "the console set no mode to restore: \(during)")
        let pid = try #require(session.consolePID)
        // The curses loop waits for keys in poll on the main thread (whose id is the process's).
        var waits: [String] = []
        for _ in 0..<20 where !waits.contains(where: { $0.contains("poll") }) {
            waits.append((try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/wchan", encoding: .utf8)) ?? "")
            try await Task.sleep(for: .milliseconds(100))
        }
        let threads = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []).map { task in
            task + ":" + ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/wchan", encoding: .utf8)) ?? "")
        }
        #expect(waits.contains { $0.contains("poll") }, "the main thread is not the one waiting for keys: \(waits); threads \(threads)")
        kill(pid, SIGILL)
        let result = await session.waitFor("modes:")
        #expect(result.screen.contains("EXITED 132 modes: icanon echo"), "the crash left the terminal raw:\n\(result.screen)")
        let after = try session.tmux(["display-message", "-p", "-t", session.name, flags], output: true)
        #expect(after.trimmingCharacters(in: .whitespacesAndNewlines) == "0 0 0 0", "modes left on after the crash: \(after)")
        let note = try String(contentsOfFile: folder + "/state/lambda-tui/crash.txt", encoding: .utf8)
        #expect(note.hasPrefix("signal 04\nlambda-tui "), "\(note)")
        #expect(note.contains("screen: pane functions"), "\(note)")
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/state/lambda-tui/crash.txt")[.posixPermissions] as? Int
        #expect(mode == 0o600)

        for (start, mentioned) in [(1, true), (2, false)] {
            let next = try TmuxSession(endpoint: backend.motoURL, environment: environment)
            let shown = await next.waitFor("NAME").screen
            #expect(shown.contains("crash last time") == mentioned, "start \(start):\n\(shown)")
            try next.send("q")
            #expect(await next.waitFor("EXITED 0").satisfied)
        }
    }

    /// `q` while the first listing's pages were still coming segfaulted on the way out (exit's
    /// library cleanups ran under the reads in flight) and left a crash note for the next start.
    @Test func quittingWhileTheListIsReadExitsCleanly() async throws {
        let backend = try await TestBackend.shared()
        let lane = "quit-\(UUID().uuidString.prefix(8))"
        try await backend.estate(lane: lane, count: 20_000)
        let folder = NSTemporaryDirectory() + "lt-quit-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/config/lambda-tui", withIntermediateDirectories: true)
        // No pause between pages: reads are in flight at every moment of the listing.
        try "requests_per_second = 100\n".write(toFile: folder + "/config/lambda-tui/config", atomically: true, encoding: .utf8)
        let environment = ["XDG_STATE_HOME": folder + "/state", "XDG_CONFIG_HOME": folder + "/config"]
        // The first requests are the riskiest moment (libraries starting up on other threads):
        // q comes at different times in it, then once the list is on its way.
        for attempt in 0...8 {
            let session = try TmuxSession(endpoint: backend.faultURL(lane: lane), arguments: "--no-cache", environment: environment)
            if attempt < 8 {
                try await Task.sleep(for: .milliseconds(60 + 30 * attempt))
            } else {
                #expect(await session.waitFor(timeout: 15, whileBusy: true) { $0.contains("loading") }.satisfied)
            }
            try session.send("q")
            let result = await session.waitFor("modes:")
            #expect(result.screen.contains("EXITED 0 modes: icanon echo"), "attempt \(attempt):\n\(result.screen)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/state/lambda-tui/crash.txt"), "attempt \(attempt) left a crash note")
        }
    }

    /// Escape sequences in a log line (colours, a clipboard write, a screen clear) and a JSON line
    /// with a lone surrogate are shown inert, on the logs pane and in the live tail.
    @Test func hostileLogLinesAreShownInert() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-hostile")
        try await fixtures.createFunction(name)
        let logs = LogsClient(client: fixtures.backend.client(.logs))
        let group = "/aws/lambda/\(name)"
        try await logs.createLogGroup(group)
        try await logs.createLogStream(group: group, stream: "2026/11/25/[1]aaaa")
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try await logs.putLogEvents(group: group, stream: "2026/11/25/[1]aaaa", events: [
            InputLogEvent(timestamp: now, message: "evil \u{1B}]52;c;aGVsbG8=\u{07}\u{1B}[2J\u{1B}[31mred-text\u{1B}[0m end"),
            InputLogEvent(timestamp: now + 1, message: #"{"level":"INFO","message":"user said \ud800\u0041"}"#),
        ])
        let console = try await ActionConsole(name, endpoint: fixtures.backend.motoURL)
        let session = console.session
        try console.show("logs")
        var result = await session.waitFor { $0.contains("red-text") && $0.contains("user said") }
        #expect(result.satisfied, "the logs pane did not show the lines:\n\(result.screen)")
        #expect(result.screen.contains("␛]52;c;aGVsbG8=␇␛[2J␛[31mred-text"), "\(result.screen)")
        try session.send("T")
        result = await session.waitFor { $0.contains("live tail") && $0.contains("red-text") && $0.contains("user said") }
        #expect(result.satisfied, "the tail did not show the lines:\n\(result.screen)")
        try session.send("q")
        #expect(await session.waitFor("EXITED 0 modes: icanon echo").satisfied, "the console did not survive:\n\(session.screen)")
    }

    /// A paste into the filter froze the console (20 KB: 19 s; 100 KB: over five minutes), and
    /// End under tmux (ESC [4~) sorted by the fourth column.
    @Test func aLargePasteAndUnknownSequencesUnderTmux() async throws {
        let backend = try await TestBackend.shared()
        let session = try TmuxSession(endpoint: backend.motoURL)
        #expect(await session.waitFor("NAME").satisfied)
        try session.send("/")
        let text = String(repeating: "payments ", count: 11_400)  // 100 KB
        let file = NSTemporaryDirectory() + "lt-paste-\(UUID().uuidString.prefix(8))"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { unlink(file) }
        try session.tmux(["load-buffer", "-b", "big", file])
        let started = Date()
        try session.tmux(["paste-buffer", "-p", "-d", "-b", "big", "-t", session.name])
        try session.send("Enter")
        var result = await session.waitFor(timeout: 10) { $0.contains("Kept the first 256 characters") }
        #expect(result.satisfied, "the paste was not taken as one filter:\n\(result.screen)")
        #expect(Date().timeIntervalSince(started) < 10)
        try session.send("Escape")
        try session.send("Escape")
        // End as tmux sends it with TERM=xterm-256color: the last row, not a sort by column 4.
        try session.tmux(["send-keys", "-t", session.name, "-H", "1b", "5b", "34", "7e"])
        try session.send("q")
        result = await session.waitFor("EXITED 0 modes: icanon echo")
        #expect(result.satisfied, "the console did not survive:\n\(result.screen)")
        #expect(!result.screen.contains("TIMEOUT↑"), "ESC [4~ sorted by the fourth column:\n\(result.screen)")
    }
}
