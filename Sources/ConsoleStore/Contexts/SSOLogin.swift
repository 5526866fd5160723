import AWSCore
import FoundationEssentials

/// The IAM Identity Center device login from inside the console (`:login`, or offered at the
/// start when the profile's login is missing or expired): the same flow as `lambda-tui login`,
/// its verification link shown, made a hyperlink and copied to the user's own clipboard, so that
/// a console over SSH can be logged in from the laptop's browser.
public struct LoginPanel: Sendable, Equatable {
    public var profile: String
    /// Offered, not started: Enter starts it.
    public var offered: Bool
    /// Why it is offered (the sentence of the failed credentials).
    public var reason: String?

    public init(profile: String, offered: Bool = false, reason: String? = nil) {
        self.profile = profile
        self.offered = offered
        self.reason = reason
    }

}

extension ConsoleState {
    /// The link of the login under way: with the code in it when the portal gives one. Kept in
    /// the state, not the panel, so that `:login` again shows it after Esc closed the panel.
    public var loginLink: String? { loginPrompt.map { $0.verificationURIComplete ?? $0.verificationURI } }
}

/// Runs the device login for the context's profile (built by the executable, which has its
/// settings): registers, shows the prompt through `show`, polls, writes the shared cache.
public struct SSOLoginStarter: Sendable {
    public let profile: String
    let run: @Sendable (@escaping @Sendable (SSODeviceLogin.Prompt) -> Void) async throws -> Date
    /// The accounts and roles the login reaches (`:fleet sso`).
    let accounts: @Sendable () async throws -> [SSOAccountChoice]

    public init(profile: String, run: @escaping @Sendable (@escaping @Sendable (SSODeviceLogin.Prompt) -> Void) async throws -> Date,
                accounts: @escaping @Sendable () async throws -> [SSOAccountChoice]) {
        self.profile = profile
        self.run = run
        self.accounts = accounts
    }
}

enum SSOLoginReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date) -> [ConsoleEffect] {
        switch action {
        case .startLogin:
            state.overlay = .login(LoginPanel(profile: state.connection.profile))
            guard !state.loginRunning else { return [] }
            state.loginRunning = true
            state.loginPrompt = nil
            return [.ssoLogin]
        case .loginPrompt(let prompt):
            guard state.loginRunning else { return [] }
            state.loginPrompt = prompt
            // On the laptop's clipboard (OSC 52): pasted into its browser, the code is in the link.
            state.clipboard = ClipboardRequest(label: "login link", text: prompt.verificationURIComplete ?? prompt.verificationURI)
        case .loginFinished(let result):
            guard state.loginRunning else { return [] }
            state.loginRunning = false
            state.loginPrompt = nil
            if case .login = state.overlay { state.overlay = nil }
            switch result {
            case .success(let expiry):
                state.lastError = nil
                // The expiry comes from the portal's expiresIn: converted only within range.
                let seconds = expiry.timeIntervalSince1970
                let until = seconds.isFinite && abs(seconds) < 1e11 ? " until " + Formatting.clock(Int64(seconds * 1000)).prefix(5) + " UTC" : ""
                state.status = "Logged in: profile \(state.connection.profile)'s SSO login lasts\(until) (shared with the AWS CLI)."
                return Reducer.reduce(&state, .refresh, now: now)
            case .failure(let error):
                state.lastError = "SSO login: " + error.sentence
            }
        default:
            break
        }
        return []
    }
}
