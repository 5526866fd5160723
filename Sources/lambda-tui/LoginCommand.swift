import ArgumentParser
import AWSCore
import ConsoleUI
import FoundationEssentials
import Glibc

/// `lambda-tui login`: the IAM Identity Center device login, for a terminal over SSH. The
/// verification URL and code are printed (as a hyperlink where the terminal takes OSC 8, and
/// copied with OSC 52 so that it can be pasted into the laptop's browser), and the token is
/// written where `aws sso login` writes it, so the AWS CLI and the console share the login.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in to IAM Identity Center (SSO) for a profile, with a code to enter in any browser."
    )

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let settings: AWSSettings
        let target: SSODeviceLogin.Target
        do {
            settings = try AWSSettings.resolve(connection.overrides, environment: environment)
            guard let found = try SSODeviceLogin.target(settings.profile, in: settings.config) else {
                throw AWSClientError.invalidRequest("profile '\(settings.profile)' does not use IAM Identity Center (no sso_session or sso_start_url "
                                                 + "in \(settings.config.configPath)); nothing to log in to")
            }
            target = found
        } catch {
            throw fail(error)
        }
        let login = SSODeviceLogin(target: target, cacheDirectory: ContextBuilder.ssoCache(environment),
                                   oidcEndpoint: settings.credentialEndpoints.resolve(.ssoOIDC, region: target.region).url,
                                   transport: CurlTransport(options: settings.transport))
        let terminal = isatty(STDOUT_FILENO) == 1
        do {
            let expiry = try await login.run { prompt in
                let url = prompt.verificationURIComplete ?? prompt.verificationURI
                // Shown inert: the URL and code come from a server.
                let shownURL = TerminalText.inert(url), code = TerminalText.inert(prompt.userCode)
                var text = "To log in profile '\(target.profile)' (\(TerminalText.inert(target.startURL))), open\n\n    "
                text += terminal ? Self.hyperlink(shownURL) : shownURL
                text += "\n\nin any browser and check that it shows the code \(code).\n"
                if terminal {
                    text += TerminalClipboard.sequence(url, environment: environment)
                    text += "(The link is on your clipboard, if your terminal allows OSC 52.)\n"
                }
                text += "Waiting for the approval…\n"
                StandardStreams.output(text)
            }
            print("Logged in: the token is valid until \(LocalTime.minutes(expiry)) (in \(login.cachePath), shared with the AWS CLI).")
        } catch {
            throw fail(error)
        }
    }

    /// OSC 8: the URL as a link the terminal opens on click, its text the URL itself.
    static func hyperlink(_ url: String) -> String {
        "\u{1B}]8;;\(url)\u{1B}\\\(url)\u{1B}]8;;\u{1B}\\"
    }
}
