import ConsoleStore
import FoundationEssentials
import LambdaAPI

/// A function's configuration grouped as the Lambda console groups it. Environment values are
/// masked until the user reveals them.
enum DetailView {
    struct Line {
        var label: String
        var value: String
        var role: ThemeRole = .text
        var isHeading = false
    }

    /// A revealed environment value of 4 KB would fill every screen: past this many rows it is cut.
    static let maximumRowsPerValue = 8

    static func lines(_ detail: FunctionDetail?, fallback: FunctionConfiguration?, revealSecrets: Bool, now: Date,
                      resources: FunctionResources? = nil) -> [Line] {
        guard let configuration = detail?.configuration ?? fallback else { return [Line(label: "", value: "Loading…", role: .dim)] }
        var lines: [Line] = []
        func section(_ title: String) { lines.append(Line(label: title, value: "", role: .title, isHeading: true)) }
        func row(_ label: String, _ value: String?, role: ThemeRole = .text) {
            if let value, !value.isEmpty { lines.append(Line(label: label, value: value, role: role)) }
        }

        section("General")
        row("Name", configuration.functionName)
        row("ARN", configuration.functionArn)
        row("Description", configuration.description)
        row("Runtime", configuration.runtime?.rawValue ?? configuration.packageType?.rawValue)
        row("Handler", configuration.handler)
        row("Memory", configuration.memorySize.map { "\($0) MB" })
        row("Timeout", configuration.timeout.map { "\($0) s" })
        row("Architecture", configuration.architectures?.map(\.rawValue).joined(separator: ", "))
        row("Package", configuration.packageType?.rawValue)
        row("Code size", Formatting.bytes(configuration.codeSize))
        row("Code SHA-256", configuration.codeSha256)
        row("Last modified", configuration.lastModified.map { "\($0) (\(Formatting.relative($0.date, now: now)))" })
        row("State", [configuration.state?.rawValue, configuration.stateReason].compactMap { $0 }.joined(separator: ": "),
            role: ThemeRole(PaneColumns.stateTone(configuration)))
        row("Last update", [configuration.lastUpdateStatus?.rawValue, configuration.lastUpdateStatusReason].compactMap { $0 }
            .joined(separator: ": "))
        row("Role", configuration.role)
        row("Revision", configuration.revisionId)

        section("Environment")
        let variables = configuration.environment?.variables ?? [:]
        if variables.isEmpty { row("", "(none)", role: .dim) }
        for name in variables.keys.sorted() {
            row(name, revealSecrets ? variables[name] : "••••••••  (s to show)", role: revealSecrets ? .warn : .dim)
        }

        section("Networking and storage")
        row("VPC", configuration.vpcConfig?.vpcId.flatMap { $0.isEmpty ? nil : $0 } ?? "no VPC")
        row("Subnets", configuration.vpcConfig?.subnetIds?.joined(separator: ", "))
        row("Security groups", configuration.vpcConfig?.securityGroupIds?.joined(separator: ", "))
        row("Ephemeral storage", configuration.ephemeralStorage.map { "\($0.size) MB" } ?? "512 MB")
        for mount in configuration.fileSystemConfigs ?? [] { row("File system", "\(mount.localMountPath) ← \(mount.arn)") }

        section("Layers")
        if (configuration.layers ?? []).isEmpty { row("", "(none)", role: .dim) }
        for layer in configuration.layers ?? [] { row("Layer", layer.arn) }

        section("Logging and tracing")
        row("Log group", configuration.logGroupName)
        row("Log format", configuration.loggingConfig?.logFormat?.rawValue ?? "Text")
        row("Levels", [configuration.loggingConfig?.applicationLogLevel.map { "application \($0)" },
                       configuration.loggingConfig?.systemLogLevel.map { "system \($0)" }].compactMap { $0 }.joined(separator: ", "))
        row("Tracing", configuration.tracingConfig?.mode?.rawValue ?? "PassThrough")
        row("SnapStart", configuration.snapStart.map { "\($0.applyOn?.rawValue ?? "None"), \($0.optimizationStatus?.rawValue ?? "Off")" })

        if let detail {
            section("Concurrency and URL")
            row("Reserved", detail.reservedConcurrency.map(String.init) ?? "unreserved")
            row("Function URL", detail.url.map { "\($0.functionUrl ?? "") (\($0.authType ?? ""), \($0.invokeMode ?? "BUFFERED"))" } ?? "none")
            row("Versions", "\(detail.versions.count)  (:versions)")
            row("Aliases", detail.aliases.compactMap(\.name).joined(separator: ", ") + "  (:aliases)")
            row("Mappings", "\(detail.mappings.count)  (:mappings)")

            section("Tags")
            if detail.tags.isEmpty { row("", "(none)", role: .dim) }
            for key in detail.tags.keys.sorted() { row(key, detail.tags[key]) }
        }
        if let detail { lines += ResourceSections.lines(resources, configuration: configuration, url: detail.url) }
        return lines
    }
}

/// The configuration as JSON with syntax colours, masked like the detail view.
enum RawJSONView {
    static func lines(_ configuration: FunctionConfiguration?, revealSecrets: Bool) -> [String] {
        guard var configuration else { return ["Loading…"] }
        if !revealSecrets { configuration = configuration.maskingEnvironmentValues }
        let encoder = LambdaJSON.encoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(configuration) else { return ["(cannot show this configuration as JSON)"] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Splits a pretty-printed line into runs of key, string, number and literal.
    static func runs(_ line: String) -> [(String, ThemeRole)] {
        var runs: [(String, ThemeRole)] = []
        var rest = Substring(line)
        let indent = rest.prefix { $0 == " " }
        runs.append((String(indent), .text))
        rest = rest.dropFirst(indent.count)
        if rest.hasPrefix("\""), let colon = rest.firstRange(of: "\" : ") {
            runs.append((String(rest[..<colon.lowerBound]) + "\"", .jsonKey))
            runs.append((" : ", .text))
            rest = rest[colon.upperBound...]
        }
        let value = String(rest)
        let trimmed = value.hasSuffix(",") ? String(value.dropLast()) : value
        let role: ThemeRole = trimmed.hasPrefix("\"") ? .jsonString
            : ["true", "false", "null"].contains(trimmed) ? .jsonLiteral
            : Double(trimmed) != nil ? .jsonNumber : .text
        runs.append((value, role))
        return runs
    }
}
