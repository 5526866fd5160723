import ArgumentParser
import AWSCore
import ConsoleUI
import Foundation
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
            let functions = try await lambda.functions().all().sorted { ($0.functionName ?? "") < ($1.functionName ?? "") }
            if json {
                let encoder = LambdaJSON.encoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                // Environment values are secrets: masked here as everywhere else.
                print(String(decoding: try encoder.encode(functions.map(\.maskingEnvironmentValues)), as: UTF8.self))
            } else {
                print(Self.table(functions))
            }
        } catch {
            throw fail(error)
        }
    }

    static func table(_ functions: [FunctionConfiguration]) -> String {
        let header = ["NAME", "RUNTIME", "MEMORY", "TIMEOUT", "LAST MODIFIED"]
        let rows: [[String]] = functions.map { function in
            let runtime = function.runtime?.rawValue ?? function.packageType?.rawValue ?? ""
            let memory = function.memorySize.map { "\($0) MB" } ?? ""
            let timeout = function.timeout.map { "\($0) s" } ?? ""
            return [function.functionName ?? "", runtime, memory, timeout, function.lastModified?.description ?? ""].map(TerminalText.inert)
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
