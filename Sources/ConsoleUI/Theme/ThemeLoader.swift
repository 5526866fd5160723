import AWSCore
import ConsoleStore
import FoundationEssentials

/// Finds the theme the user asked for: `--theme NAME|PATH`, then `LAMBDA_TUI_THEME`, then the
/// config file's `theme`; a name is looked up in `$XDG_CONFIG_HOME/lambda-tui/themes`, then in the
/// themes shipped beside the binary. A broken or missing theme is reported and the dark default
/// is used: a typo never stops the console.
public struct ThemeLoader: Sendable {
    public var environment: [String: String]
    public var shippedDirectories: [String]

    /// Shipped themes are looked for, in order: `LAMBDA_TUI_THEMES_DIR`; an installed prefix
    /// (`PREFIX/bin/lambda-tui` with `PREFIX/share/lambda-tui/themes`); and the `themes` folder of
    /// the source checkout a build folder is in (`.build/debug/lambda-tui`, whatever the working
    /// directory). The user's own folder comes before all of them.
    public init(environment: [String: String], executablePath: String? = nil) {
        self.environment = environment
        // The running binary itself (argv[0] may be a bare name found through PATH).
        let executable = executablePath ?? (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        var folders: [String?] = [environment["LAMBDA_TUI_THEMES_DIR"], binary.appendingPathComponent("../share/lambda-tui/themes").standardized.path]
        var parent = binary
        for _ in 0..<4 {
            parent = parent.deletingLastPathComponent()
            folders.append(parent.appendingPathComponent("themes").path)
        }
        shippedDirectories = folders.compactMap { $0 }
    }

    public var userDirectory: String {
        AppDirectories.config(environment) + "/themes"
    }

    /// The theme and, when it could not be used, one sentence saying why.
    public func load(_ requested: String?, colors: Int, noColor: Bool) -> (theme: Theme, problem: String?) {
        if noColor { return (.monochrome, nil) }
        guard let requested = requested ?? environment["LAMBDA_TUI_THEME"], !requested.isEmpty else {
            return (Theme.dark.downgraded(toColors: colors), nil)
        }
        let candidates: [String] = requested.contains("/") || requested.hasSuffix(".theme")
            ? [requested]
            : ([userDirectory] + shippedDirectories).map { "\($0)/\(requested).theme" }
        guard let path = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
            if requested == "dark" { return (Theme.dark.downgraded(toColors: colors), nil) }
            if requested == "monochrome" { return (.monochrome, nil) }
            return (Theme.dark.downgraded(toColors: colors), "No theme named '\(requested)' (looked in \(userDirectory) and the shipped themes); using dark.")
        }
        do {
            guard let text = try LocalFile.readText(path, limit: 256 * 1024) else { throw LocalFileError(path: path, problem: "does not exist") }
            return (try ThemeFile.parse(text, path: path).downgraded(toColors: colors), nil)
        } catch let problem as ThemeFile.Problem {
            return (Theme.dark.downgraded(toColors: colors), "Theme \(problem); using dark.")
        } catch {
            return (Theme.dark.downgraded(toColors: colors), "The theme \(error); using dark.")
        }
    }
}
