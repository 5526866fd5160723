/// The shared options (`--region`, `--profile`, …) work before the subcommand too, as users of
/// the AWS CLI type them: `lambda-tui --region eu-west-3 functions` is read as
/// `lambda-tui functions --region eu-west-3`. The argument parser gives options to subcommands
/// only, so those before the subcommand's name are moved after it.
enum GlobalOptions {
    static let subcommands = ["console", "doctor", "functions", "login", "iam-policy", "version"]
    /// The shared options that take a value, whose value is never the subcommand's name.
    static let taking: Set<String> = ["--profile", "--region", "--endpoint-url", "--connect-timeout", "--read-timeout", "--theme", "--debug"]

    static func afterSubcommand(_ arguments: [String]) -> [String] {
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { return arguments }
            if subcommands.contains(word) {
                guard index > 0 else { return arguments }
                return [word] + arguments[..<index] + arguments[(index + 1)...]
            }
            // `--region=eu-west-3` holds its value; `--region eu-west-3` is followed by it.
            index += taking.contains(word) ? 2 : 1
        }
        return arguments
    }
}
