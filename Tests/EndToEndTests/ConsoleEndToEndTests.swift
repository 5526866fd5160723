import Foundation
import LambdaAPI
import LambdaTestSupport
import Testing
import TestSupport

/// The real binary in tmux against moto: start, list, filter, open a function, its versions and
/// aliases, resize, quit with the terminal restored.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ConsoleEndToEndTests {
    @Test func browseAFunctionAndQuit() async throws {
        let fixtures = try await LambdaFixtures()
        let prefix = "e2e\(UUID().uuidString.prefix(6).lowercased())"
        for job in ["charge-card", "refund", "ledger"] {
            try await fixtures.createFunction("\(prefix)-\(job)", environment: ["DB_PASSWORD": "hunter2-secret"])
        }
        let name = "\(prefix)-charge-card"
        _ = try await fixtures.lambda.publishVersion(name, PublishVersionRequest(description: "first release"))
        _ = try await fixtures.lambda.createAlias(name, CreateAliasRequest(name: "live", functionVersion: "1", description: "production"))

        let session = try TmuxSession(endpoint: fixtures.backend.motoURL)
        var result = await session.waitFor(name)
        #expect(result.satisfied, "the functions pane did not list \(name):\n\(result.screen)")
        #expect(result.screen.contains("λ lambda-tui"))

        try session.send("/")
        try session.type(prefix + "-ch")
        result = await session.waitFor { $0.contains("/\(prefix)-ch") && $0.contains(name) && !$0.contains("\(prefix)-refund") }
        #expect(result.satisfied, "filtering did not narrow the list:\n\(result.screen)")
        try session.send("Enter")
        try session.send("Enter")
        // A capture can catch a frame half drawn, so one wait covers the title and the environment.
        result = await session.waitFor { $0.contains("functions › \(name)") && $0.contains("DB_PASSWORD") }
        #expect(result.satisfied, "Enter did not open the detail with its environment:\n\(result.screen)")
        #expect(!result.screen.contains("hunter2-secret"), "environment values must be masked until revealed")
        try session.send("s")
        #expect(await session.waitFor("hunter2-secret").satisfied)

        try session.send("Escape")
        try session.send("Tab")
        result = await session.waitFor { $0.contains("VERSION") && $0.contains("first release") && $0.contains("live 100%") }
        #expect(result.satisfied, "the versions pane did not show the published version and its alias:\n\(result.screen)")
        try session.send(":")
        try session.type("aliases")
        try session.send("Enter")
        result = await session.waitFor { $0.contains("ALIAS") && $0.contains("production") }
        #expect(result.satisfied, ":aliases did not show the alias:\n\(result.screen)")

        try session.resize(columns: 40, rows: 10)
        #expect(await session.waitFor("Terminal too small").satisfied)
        try session.resize(columns: 100, rows: 30)
        #expect(await session.waitFor("ALIAS").satisfied)

        try session.send("q")
        result = await session.waitFor("modes:")
        #expect(result.screen.contains("EXITED 0 modes: icanon echo"), "lambda-tui did not exit cleanly, terminal restored:\n\(result.screen)")
    }

    @Test func anUnreachableEndpointIsASentenceAndTheConsoleStays() async throws {
        let session = try TmuxSession(endpoint: "http://127.0.0.1:9")
        let result = await session.waitFor(timeout: 20) { $0.contains("Cannot connect to http://127.0.0.1:9") }
        #expect(result.satisfied, "no clear error for an unreachable endpoint:\n\(result.screen)")
        try session.send("q")
        #expect(await session.waitFor("EXITED 0 modes: icanon echo").satisfied)
    }

    @Test func sigtermAndSighupRestoreTheTerminal() async throws {
        let backend = try await TestBackend.shared()
        for signal in ["TERM", "HUP"] {
            let session = try TmuxSession(endpoint: backend.motoURL)
            #expect(await session.waitFor("NAME").satisfied)
            let pid = try #require(session.consolePID, "lambda-tui's process was not found")
            kill(pid, signal == "TERM" ? SIGTERM : SIGHUP)
            let result = await session.waitFor("modes:")
            #expect(result.satisfied, "SIG\(signal) did not end lambda-tui:\n\(result.screen)")
            #expect(result.screen.contains("modes: icanon echo"), "SIG\(signal) left the terminal raw:\n\(result.screen)")
        }
    }

    @Test func ctrlZStopsAndResumeRedraws() async throws {
        let backend = try await TestBackend.shared()
        let session = try TmuxSession(endpoint: backend.motoURL)
        #expect(await session.waitFor("NAME").satisfied)
        let pid = try #require(session.consolePID)
        func state() -> String? {
            (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: ")").last?.split(separator: " ").first.map(String.init)
        }
        try session.send("C-z")
        let deadline = Date().addingTimeInterval(10)
        while state() != "T" && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(state() == "T", "ctrl-z did not stop lambda-tui")
        kill(pid, SIGCONT)
        try session.send("r")
        let result = await session.waitFor("NAME")
        #expect(result.satisfied, "resuming did not redraw the console:\n\(result.screen)")
        try session.send("q")
        #expect(await session.waitFor("EXITED 0 modes: icanon echo").satisfied)
    }

    @Test func aBrokenThemeIsNamedAndTheDefaultUsed() async throws {
        let backend = try await TestBackend.shared()
        let theme = NSTemporaryDirectory() + "broken-\(UUID().uuidString.prefix(6)).theme"
        try "name = broken\nheader = black on cyan\nselction = reverse\n".write(toFile: theme, atomically: true, encoding: .utf8)
        let session = try TmuxSession(endpoint: backend.motoURL, arguments: "--theme \(theme)")
        let result = await session.waitFor { $0.contains("line 3") && $0.contains("selection") }
        #expect(result.satisfied, "the theme's typo was not reported:\n\(result.screen)")
        #expect(result.screen.contains("NAME"))
        try session.send("q")
        #expect(await session.waitFor("EXITED 0 modes: icanon echo").satisfied)
    }

    /// Shipped themes were not found from the build folder: `--theme light` answered "No theme
    /// named light". The binary finds them whatever the working directory.
    @Test func shippedThemesAreFoundFromAnotherFolder() async throws {
        let session = try TmuxSession(endpoint: "http://127.0.0.1:9", arguments: "--theme light", workingDirectory: "/")
        let result = await session.waitFor(timeout: 20) { $0.contains("Cannot connect") }
        #expect(result.satisfied, "\(result.screen)")
        #expect(!result.screen.contains("No theme named"), "\(result.screen)")
        try session.send("q")
        #expect(await session.waitFor("EXITED 0").satisfied)
    }
}
