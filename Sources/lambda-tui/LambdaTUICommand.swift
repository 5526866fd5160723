import ArgumentParser
import AWSCore
import ConsoleUI
import FoundationEssentials

struct LambdaTUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lambda-tui",
        abstract: "A terminal console for AWS Lambda.",
        discussion: """
            Options every subcommand takes, before or after its name: --profile NAME, --region NAME, \
            --endpoint-url URL, --connect-timeout SECONDS, --read-timeout SECONDS, --read-only, --theme NAME, --debug FILE \
            (see 'lambda-tui help console').
            """,
        version: LambdaTUIVersion.current,
        subcommands: [ConsoleCommand.self, DoctorCommand.self, FunctionsCommand.self, LoginCommand.self, IAMPolicyCommand.self, VersionCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )
}

/// The options every subcommand shares: where to connect and how.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The AWS profile to use (default: AWS_PROFILE, then 'default').")
    var profile: String?

    @Option(help: "The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's).")
    var region: String?

    @Option(name: .customLong("endpoint-url"), help: "Send Lambda and Logs calls to this URL (LocalStack, moto, a proxy).")
    var endpointURL: String?

    @Option(name: .customLong("connect-timeout"), help: "Seconds to wait for a connection (default 10, or connect_timeout).")
    var connectTimeout: Double?

    @Option(name: .customLong("read-timeout"), help: "Seconds to wait for data on a connection (default 60, or read_timeout).")
    var readTimeout: Double?

    @Flag(name: .customLong("read-only"), help: "Never send a request that changes anything.")
    var readOnly = false

    @Option(help: "Colour theme: a name from themes/ or a path to a theme file.")
    var theme: String?

    @Option(name: .customLong("debug"), help: "Append a line per AWS request (operation, status, time; never a secret) to this file.")
    var debugFile: String?

    /// Starts the request log `--debug` asks for; without it nothing is logged.
    func startLogging() throws {
        try DebugLog.start(path: debugFile)
    }

    var overrides: AWSSettingsOverrides {
        AWSSettingsOverrides(profile: profile, region: region, endpointURL: endpointURL,
                             connectTimeout: connectTimeout, readTimeout: readTimeout)
    }

    func validate() throws {
        for (name, value) in [("--connect-timeout", connectTimeout), ("--read-timeout", readTimeout)] {
            if let value, Seconds.duration(value) == nil { throw ValidationError(Seconds.problem(name, "\(value)")) }
        }
        if let endpointURL, !(endpointURL.hasPrefix("http://") || endpointURL.hasPrefix("https://")) {
            throw ValidationError("--endpoint-url must start with http:// or https://, as in http://127.0.0.1:5000.")
        }
    }
}

/// Prints an error as one sentence on standard error and exits 1: no Swift error dump.
func fail(_ error: Error) -> ExitCode {
    let text = error.sentence
    // What a server or a file said is shown inert and cut, as in the console.
    let shown = TerminalText.inert(text.count > 2_000 ? String(text.prefix(2_000)) + "…" : text)
    StandardStreams.error("lambda-tui: \(shown)\n")
    return ExitCode(1)
}
