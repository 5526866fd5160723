import Foundation
import Testing

/// A console whose functions pane is narrowed to `function`, with its own config and state
/// folders (saved events, audit log).
struct ActionConsole {
    let session: TmuxSession
    let folder: String
    var auditLog: String { (try? String(contentsOfFile: folder + "/state/lambda-tui/audit.log", encoding: .utf8)) ?? "" }

    init(_ function: String, endpoint: String, arguments: String = "", editor: String = "false") async throws {
        folder = NSTemporaryDirectory() + "lt-actions-\(UUID().uuidString.prefix(8))"
        session = try Self.session(endpoint: endpoint, folder: folder, arguments: arguments, editor: editor)
        #expect(await session.waitFor(function).satisfied, "the console did not list \(function):\n\(session.screen)")
        try session.send("/")
        try session.type(function)
        try session.send("Enter")
    }

    /// The binary with `folder` for its config (saved events) and state (audit log, rollouts).
    static func session(endpoint: String, folder: String, arguments: String = "", editor: String = "false") throws -> TmuxSession {
        try TmuxSession(endpoint: endpoint, arguments: arguments,
                        environment: ["XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state", "EDITOR": editor])
    }

    /// Waits for the outcome sentence of a change, then dismisses it (Esc) so that the next
    /// change's sentence cannot be mistaken for this one.
    func expectDone(_ text: String, _ comment: Comment? = nil) async {
        let result = await session.waitFor(timeout: 20) { $0.contains("✓ ") && $0.contains(text) }
        #expect(result.satisfied, "\(comment?.description ?? "no ✓ \(text)"):\n\(result.screen)")
        try? session.send("Escape")
        #expect(await session.waitFor { !$0.contains("✓ ") }.satisfied, "Esc did not dismiss the message")
    }

    /// `:pane` Enter.
    func show(_ pane: String) throws {
        try session.send(":")
        try session.type(pane)
        try session.send("Enter")
    }

    func quit() async throws {
        try session.send("Escape")
        try session.send("q")
        #expect(await session.waitFor("EXITED 0").satisfied)
    }
}
