import ArgumentParser
import AWSCore
import ConsoleUI
import FoundationEssentials
import Glibc
import LambdaAPI

/// `lambda-tui functions`: the account's functions as a plain table, for scripts and quick looks.
struct FunctionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "functions",
        abstract: "List the functions of the region as a table (or JSON with --json)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Print the ListFunctions results as JSON.")
    var json = false

    func run() async throws {
        do { try connection.startLogging() } catch { throw fail(error) }
        do {
            let settings = try AWSSettings.resolve(connection.overrides, environment: ProcessInfo.processInfo.environment)
            let transport = CurlTransport(options: settings.transport)
            let credentials = try DefaultCredentialChain.make(settings: settings, transport: transport)
            let lambda = LambdaClient(settings: settings, credentials: credentials, transport: transport)
            if json {
                try await Self.streamJSON(lambda)
            } else {
                // Each page becomes its rows' cells and is let go: the sort copies strings, not
                // whole configurations.
                var rows: [[String]] = []
                for try await page in lambda.functions() { rows += page.map(Self.cells) }
                rows.sort { $0[0] < $1[0] }
                print(Self.table(rows))
            }
        } catch {
            throw fail(error)
        }
    }

    /// The JSON array, written a page at a time as ListFunctions answers (in its order), so that a
    /// pipe sees the first functions after one round trip and memory holds one page.
    static func streamJSON(_ lambda: LambdaClient) async throws {
        let encoder = LambdaJSON.encoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var first = true
        Self.write("[")
        for try await page in lambda.functions() {
            var text = ""
            for function in page {
                // Environment values are secrets: masked here as everywhere else.
                let encoded = String(decoding: try encoder.encode(function.maskingEnvironmentValues), as: UTF8.self)
                text += (first ? "\n" : ",\n") + encoded.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
                first = false
            }
            // Nobody reads any more (`| head`): no more pages are asked for.
            guard Self.write(text) else { return }
        }
        Self.write(first ? "]\n" : "\n]\n")
    }

    /// Out at once, a page at a time (a pipe's reader sees each page as it comes).
    @discardableResult
    static func write(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }  // a reader gone (a closed pipe)
            bytes = bytes.dropFirst(written)
        }
        return true
    }

    static let header = ["NAME", "RUNTIME", "MEMORY", "TIMEOUT", "LAST MODIFIED"]

    static func cells(_ function: FunctionConfiguration) -> [String] {
        let runtime = function.runtime?.rawValue ?? function.packageType?.rawValue ?? ""
        let memory = function.memorySize.map { "\($0) MB" } ?? ""
        let timeout = function.timeout.map { "\($0) s" } ?? ""
        return [function.functionName ?? "", runtime, memory, timeout, function.lastModified?.description ?? ""].map(TerminalText.inert)
    }

    static func table(_ rows: [[String]]) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { $1.padded(to: widths[$0]) }
                .joined(separator: "  ").trimmingWhitespace()
        }.joined(separator: "\n")
    }
}
