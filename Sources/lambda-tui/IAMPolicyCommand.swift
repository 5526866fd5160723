import ArgumentParser
import ConsoleStore

/// `lambda-tui iam-policy [--read-only]`: the IAM policy the console needs, to attach, so that
/// read-only can be enforced by IAM and not only by `--read-only`.
struct IAMPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iam-policy",
        abstract: "Print the least-privilege IAM policy the console needs (JSON); --read-only leaves out every change."
    )

    @Flag(name: .customLong("read-only"), help: "Only what browsing needs: no change, no invocation.")
    var readOnly = false

    func run() {
        print(IAMPolicy.document(readOnly: readOnly))
    }
}
