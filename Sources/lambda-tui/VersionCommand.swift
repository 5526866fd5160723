import ArgumentParser
import AWSCore
import ConsoleStore
import ConsoleUI
import FoundationEssentials

/// `lambda-tui version [--verbose]`: the version, and with --verbose what a bug report needs:
/// the build, the libraries it runs with, and the files and folders it reads and writes.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version; --verbose adds the build, the libraries (curl, ncurses, OpenSSL) and the paths in use."
    )

    @Flag(help: "The build, the libraries' versions and the config, state and cache paths.")
    var verbose = false

    func run() {
        print("lambda-tui \(LambdaTUIVersion.current)")
        guard verbose else { return }
        let environment = ProcessInfo.processInfo.environment
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        let lines = [
            ("build", "\(build), Swift \(Self.swiftVersion), \(Self.architecture) Linux"),
            ("curl", LibraryVersions.curl),
            ("ncurses", CursesScreen.libraryVersion),
            ("OpenSSL", LibraryVersions.openSSL),
            ("config", ConsolePreferences.path(environment: environment)),
            ("state", AppDirectories.state(environment)),
            ("cache", AppDirectories.cache(environment)),
            ("AWS config", environment["AWS_CONFIG_FILE"] ?? home + "/.aws/config"),
            ("AWS credentials", environment["AWS_SHARED_CREDENTIALS_FILE"] ?? home + "/.aws/credentials"),
        ]
        for (label, value) in lines { print(label.padded(to: 16) + TerminalText.inert(value)) }
    }

    static var swiftVersion: String {
        #if compiler(>=6.3)
        "6.3"
        #elseif compiler(>=6.2)
        "6.2"
        #else
        "6.x"
        #endif
    }

    static var architecture: String {
        #if arch(x86_64)
        "x86_64"
        #elseif arch(arm64)
        "arm64"
        #else
        "unknown"
        #endif
    }
}
