import AWSCore
import ConsoleStore
@testable import ConsoleUI
import Foundation
import Testing

/// `y`, `Y` and `o`: what is copied from where, as OSC 52 on the grid screen (decoded here), the
/// wrapping tmux and screen need, the file fallback, and never an environment value.
@Suite struct ClipboardTests {
    static func console(mode: TerminalClipboard.Mode = .osc52, file: String = NSTemporaryDirectory() + "clip-\(UUID().uuidString).txt")
        -> (ConsoleController, GridScreen) {
        let screen = GridScreen(rows: 40, columns: 120)
        let controller = ConsoleController(state: ConsoleFixtures.loadedState(), screen: screen, theme: .dark, terminal: nil,
                                           clipboard: TerminalClipboard(mode: mode, environment: [:], filePath: file)) { _ in }
        controller.dispatch(.resized(rows: 40, columns: 120))
        return (controller, screen)
    }

    /// The text of the last OSC 52 the screen was sent.
    static func copied(_ screen: GridScreen) -> String? {
        guard let sequence = screen.passedThrough.last, sequence.hasPrefix("\u{1B}]52;c;"), sequence.hasSuffix("\u{07}"),
              let data = Data(base64Encoded: String(sequence.dropFirst(7).dropLast())) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func yCopiesTheSelectedFunctionsARN() {
        let (console, screen) = Self.console()
        console.handle(.character("y"))
        #expect(Self.copied(screen) == ConsoleFixtures.functions[0].functionArn)
        #expect(console.state.status?.hasPrefix("Copied the function ARN") == true)
        #expect(console.state.clipboard == nil)
        // On the aliases pane, the alias's ARN; on the logs pane, the line.
        console.dispatch(.show(.aliases))
        console.handle(.character("y"))
        #expect(Self.copied(screen)?.hasSuffix(":payments-charge-card:") == false)
        #expect(Self.copied(screen)?.contains(":payments-charge-card:") == true)
        console.dispatch(.show(.logs))
        console.handle(.character("y"))
        #expect(Self.copied(screen) == console.state.logRows[console.state.tables[.logs]?.selectedIndex ?? 0].message)
    }

    @Test func theMenuOffersEverythingAndTheJSONIsMasked() throws {
        let (console, screen) = Self.console()
        console.handle(.enter)  // the detail
        console.handle(.character("s"))  // revealed on screen: still masked on the clipboard
        console.handle(.character("Y"))
        guard case .copyMenu = console.state.overlay else { Issue.record("no menu"); return }
        let labels = console.state.copyChoices.map(\.label)
        #expect(labels.starts(with: ["function ARN", "function name", "log group"]))
        let json = try #require(labels.firstIndex { $0.hasPrefix("configuration JSON") })
        console.handle(.character(Character(String(json + 1))))
        let text = try #require(Self.copied(screen))
        #expect(text.contains("DB_PASSWORD") && text.contains("****") && !text.contains("hunter2"))
        #expect(console.state.overlay == nil)
        // Drawn, the menu fits the smallest terminal.
        console.handle(.character("Y"))
        ConsoleView.render(console.state, on: screen, theme: .dark, now: ConsoleFixtures.now)
        #expect(screen.text.contains("Copy to the clipboard") && screen.text.contains("function ARN"))
    }

    @Test func oCopiesTheWebConsolesURLOfWhatIsShown() {
        let (console, screen) = Self.console()
        console.handle(.character("o"))
        #expect(Self.copied(screen) == "https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions/payments-charge-card")
        console.dispatch(.show(.aliases))
        console.handle(.character("o"))
        #expect(Self.copied(screen)?.hasPrefix("https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions/payments-charge-card/aliases/") == true)
        console.dispatch(.show(.logs))
        console.handle(.character("o"))
        #expect(Self.copied(screen) == "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Flambda$252Fpayments-charge-card")
    }

    @Test func tmuxAndScreenGetTheirWrapping() {
        let plain = TerminalClipboard.sequence("arn", environment: [:])
        #expect(plain == "\u{1B}]52;c;YXJu\u{07}")
        let tmux = TerminalClipboard.sequence("arn", environment: ["TMUX": "/tmp/tmux-0/default,1,0"])
        #expect(tmux == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;YXJu\u{07}\u{1B}\\")
        let long = String(repeating: "x", count: 2_000)
        let screen = TerminalClipboard.sequence(long, environment: ["TERM": "screen-256color", "STY": "1.pts-0"])
        let pieces = screen.components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }
        #expect(pieces.count > 1 && pieces.allSatisfy { $0.hasPrefix("\u{1B}P") && $0.utf8.count <= 768 })
        #expect(pieces.map { String($0.dropFirst(2)) }.joined() == TerminalClipboard.sequence(long, environment: [:]))
    }

    @Test func fileModeAndTooLongTextGoToAPrivateFile() throws {
        let path = NSTemporaryDirectory() + "clip-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (console, screen) = Self.console(mode: .file, file: path)
        console.handle(.character("y"))
        #expect(screen.passedThrough.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == ConsoleFixtures.functions[0].functionArn)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        #expect(console.state.status?.contains(path) == true)
        let long = TerminalClipboard(environment: [:], filePath: path)
            .deliver(ClipboardRequest(label: "log event", text: String(repeating: "é", count: 40_000)), to: screen)
        #expect(long == .file(path) && screen.passedThrough.isEmpty)
    }

    /// OSC 8, byte for byte: the cursor saved, moved to the cell, the link opened, the text
    /// underlined, the link closed, the cursor back; a URL that could end the sequence early is refused.
    @Test func hyperlinksAreWrittenOverTheirTextByteForByte() {
        #expect(TerminalHyperlink.sequence(url: "https://a.example/x?y=1", text: "https://a.example/x?y=1", row: 2, column: 5)
                == "\u{1B}7\u{1B}[3;6H\u{1B}]8;;https://a.example/x?y=1\u{1B}\\\u{1B}[4mhttps://a.example/x?y=1\u{1B}[24m\u{1B}]8;;\u{1B}\\\u{1B}8")
        for bad in ["", "https://evil\u{1B}\\x", "https://a.example/\u{07}", "https://a b", "https://é.example", String(repeating: "a", count: 3000)] {
            #expect(!TerminalHyperlink.isSafe(bad), "\(bad.debugDescription)")
        }
    }

    @Test func oMakesTheURLInTheStatusLineAHyperlink() throws {
        let (console, screen) = Self.console()
        console.handle(.character("o"))
        console.render(now: ConsoleFixtures.now)
        let url = try #require(Self.copied(screen))
        let link = try #require(screen.links.first)
        #expect(link.url == url && link.text == url)
        // The link covers exactly the URL as drawn on that row.
        let line = screen.text.split(separator: "\n", omittingEmptySubsequences: false)[link.row]
        #expect(String(line).dropFirst(link.column).hasPrefix(url))
    }

    @Test func theLoginLinkIsCopiedAndAHyperlink() throws {
        let (console, screen) = Self.console()
        console.dispatch(.startLogin)
        let link = "https://device.sso.us-east-1.amazonaws.com/?user_code=WXYZ-2345"
        console.dispatch(.loginPrompt(SSODeviceLogin.Prompt(verificationURI: "https://device.sso.us-east-1.amazonaws.com/",
                                                            verificationURIComplete: link, userCode: "WXYZ-2345", expiresAt: .distantFuture)))
        console.render(now: ConsoleFixtures.now)
        #expect(Self.copied(screen) == link)
        let drawn = try #require(screen.links.first)
        #expect(drawn.url == link)
        let line = screen.text.split(separator: "\n", omittingEmptySubsequences: false)[drawn.row]
        #expect(String(line).dropFirst(drawn.column).hasPrefix(link))
        #expect(screen.text.contains("WXYZ-2345"))
        // A hostile link from the portal is shown inert and never made a link.
        console.dispatch(.loginPrompt(SSODeviceLogin.Prompt(verificationURI: "https://x\u{1B}]8;;evil\u{07}", verificationURIComplete: nil,
                                                            userCode: "C", expiresAt: .distantFuture)))
        console.render(now: ConsoleFixtures.now)
        #expect(screen.links.isEmpty)
    }

    /// Esc closed the login's panel; `:login` again showed "Asking…" instead of the link it had.
    @Test func theLoginPanelOpenedAgainStillShowsTheLink() {
        let (console, screen) = Self.console()
        console.dispatch(.startLogin)
        console.dispatch(.loginPrompt(SSODeviceLogin.Prompt(verificationURI: "https://device.sso.us-east-1.amazonaws.com/",
                                                            verificationURIComplete: nil, userCode: "QRST-6789", expiresAt: .distantFuture)))
        console.dispatch(.closeOverlay)
        console.dispatch(.startLogin)
        console.render(now: ConsoleFixtures.now)
        #expect(screen.text.contains("QRST-6789") && !screen.text.contains("Asking IAM Identity Center"), "\(screen.text)")
    }
}
