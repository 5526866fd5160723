import Foundation
import Testing
import TestSupport

/// `scripts/install PREFIX`: the binary in PREFIX/bin, the themes where it looks for them beside
/// itself, the completions where bash, zsh and fish look; the installed console started from
/// another folder finds `--theme light`.
@Suite(.serialized, .timeLimit(.minutes(3))) struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func aUserInstallFromSourceRunsFromAnywhere() async throws {
        let prefix = NSTemporaryDirectory() + "lt-prefix-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let script = Self.root.appendingPathComponent("scripts/install").path
        // The page scripts/release made before the tests (scripts/test runs it): the generator
        // needs the build folder, which the running tests hold.
        let manual = Self.root.appendingPathComponent(".build/plugins/GenerateManual/outputs/lambda-tui/lambda-tui.1").path
        #expect(FileManager.default.fileExists(atPath: manual), "no man page at \(manual): run scripts/release (scripts/test does)")
        let (status, output) = try Subprocess.run(["env", "LAMBDA_TUI_BINARY=\(TmuxSession.binary)", "LAMBDA_TUI_MAN_PAGE=\(manual)", script, prefix],
                                                  captureOutput: true)
        #expect(status == 0, "\(output)")
        let files = ["bin/lambda-tui", "share/lambda-tui/themes/light.theme", "share/man/man1/lambda-tui.1", "share/bash-completion/completions/lambda-tui",
                     "share/zsh/site-functions/_lambda-tui", "share/fish/vendor_completions.d/lambda-tui.fish"]
        for file in files { #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file) is missing") }
        #expect(try String(contentsOfFile: prefix + "/share/zsh/site-functions/_lambda-tui", encoding: .utf8).hasPrefix("#compdef lambda-tui"))
        #expect(try String(contentsOfFile: prefix + "/share/bash-completion/completions/lambda-tui", encoding: .utf8).contains("iam-policy"))
        let page = try String(contentsOfFile: prefix + "/share/man/man1/lambda-tui.1", encoding: .utf8)
        #expect(page.contains(".Sh NAME") && page.contains("iam-policy"), "the man page lacks its sections or subcommands")
        let mode = try FileManager.default.attributesOfItem(atPath: prefix + "/bin/lambda-tui")[.posixPermissions] as? Int
        #expect(mode == 0o755)

        // From another folder, with no theme of the user's: light comes from PREFIX/share.
        let elsewhere = NSTemporaryDirectory() + "lt-elsewhere-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        let backend = try await TestBackend.shared()
        let session = try TmuxSession(endpoint: backend.motoURL, arguments: "--theme light", workingDirectory: elsewhere,
                                      binary: prefix + "/bin/lambda-tui")
        var result = await session.waitFor("NAME")
        #expect(result.satisfied && !result.screen.contains("No theme named"), "\(result.screen)")
        try session.send("q")
        result = await session.waitFor("modes:")
        #expect(result.screen.contains("EXITED 0"))
    }
}
