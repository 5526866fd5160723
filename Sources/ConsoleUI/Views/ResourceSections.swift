import ConsoleStore
import FoundationEssentials
import LambdaAPI

/// The detail's sections beyond the configuration, each from its own read: who may invoke the
/// function (its resource-based policy, statement by statement), what happens to asynchronous
/// events (retries, age, destinations, the dead-letter queue), its URLs with their CORS, its
/// provisioned concurrency by alias and version, code signing, runtime updates and recursion.
enum ResourceSections {
    typealias Line = DetailView.Line

    static func lines(_ resources: FunctionResources?, configuration: FunctionConfiguration, url: FunctionUrlConfig? = nil) -> [Line] {
        var lines: [Line] = []
        func section(_ title: String) { lines.append(Line(label: title, value: "", role: .title, isHeading: true)) }
        func row(_ label: String, _ value: String?, role: ThemeRole = .text) {
            if let value, !value.isEmpty { lines.append(Line(label: label, value: value, role: role)) }
        }
        /// `.none` says `empty`; a failure says why, dimmed, and the section goes on.
        func state<T>(_ read: ResourceRead<T>, empty: String) -> T? {
            switch read {
            case .value(let value): return value
            case .none: row("", empty, role: .dim)
            case .failed(let sentence): row("", "not read: " + sentence, role: .warn)
            }
            return nil
        }
        guard let resources else {
            section("Permissions and more")
            row("", "Reading the policy, asynchronous invocation, URLs, provisioned concurrency…", role: .dim)
            return lines
        }

        section("Permissions (resource-based policy, P for JSON)")
        if let policy = state(resources.policy, empty: "(none: only the account's own principals may invoke it)") {
            let statements = PolicyStatementRow.rows(policy)
            if statements.isEmpty { row("", "(a policy that is not JSON: P shows it)", role: .warn) }
            for statement in statements {
                let who = statement.principal.isEmpty ? "?" : statement.principal
                row(statement.sid.isEmpty ? "(no sid)" : statement.sid, "\(statement.effect) \(who) → \(statement.action)",
                    role: statement.effect == "Deny" ? .warn : .text)
                row("  source", statement.sourceArn)
                row("  account", statement.sourceAccount)
                row("  URL auth", statement.urlAuthType)
                for condition in statement.otherConditions { row("  condition", condition) }
            }
        }
        row("Execution role", configuration.role)

        section("Asynchronous invocation")
        row("Dead-letter queue", configuration.deadLetterConfig?.targetArn ?? "none")
        if let configs = state(resources.eventInvokeConfigs, empty: "defaults: 2 retries, events kept 6 hours, no destinations") {
            for config in configs {
                let qualifier = config.functionArn.map(qualifierOf) ?? "?"
                let retries = config.maximumRetryAttempts.map { $0 == 1 ? "1 retry" : "\($0) retries" } ?? "2 retries"
                let age = config.maximumEventAgeInSeconds.map { "events kept \(Formatting.duration(seconds: $0))" } ?? "events kept 6 hours"
                row(qualifier, "\(retries), \(age)")
                row("  on success", config.destinationConfig?.onSuccess?.destination)
                row("  on failure", config.destinationConfig?.onFailure?.destination)
            }
        }

        section("Function URLs")
        // An endpoint without ListFunctionUrlConfigs (moto) still answered GetFunctionUrlConfig.
        var urlRead = resources.urls
        if case .failed = urlRead, let url { urlRead = .value([url]) }
        if let urls = state(urlRead, empty: "(none)") {
            for url in urls {
                row(url.functionArn.map(qualifierOf) ?? "URL", url.functionUrl)
                row("  auth, mode", "\(url.authType ?? "?"), \(url.invokeMode ?? "BUFFERED")")
                if let cors = url.cors {
                    let parts = [cors.allowOrigins.map { "origins " + $0.joined(separator: " ") },
                                 cors.allowMethods.map { "methods " + $0.joined(separator: " ") },
                                 cors.allowHeaders.map { "headers " + $0.joined(separator: " ") },
                                 cors.allowCredentials == true ? "credentials" : nil, cors.maxAge.map { "max age \($0) s" }]
                    row("  CORS", parts.compactMap { $0 }.joined(separator: "; "))
                }
            }
        }

        section("Provisioned concurrency")
        if let configs = state(resources.provisioned, empty: "(none)") {
            for config in configs {
                let counts = "\(config.allocatedProvisionedConcurrentExecutions ?? 0)/\(config.requestedProvisionedConcurrentExecutions ?? 0) allocated, "
                    + "\(config.availableProvisionedConcurrentExecutions ?? 0) available"
                let status = config.status ?? "?"
                row(config.functionArn.map(qualifierOf) ?? "?", "\(status) · \(counts)",
                    role: status == "FAILED" ? .error : status == "IN_PROGRESS" ? .warn : .ok)
                row("  reason", config.statusReason)
            }
        }

        section("Code signing, runtime, recursion")
        switch resources.codeSigning {
        case .value(let arn): row("Code signing", arn)
        case .none: row("Code signing", "none", role: .dim)
        case .failed(let sentence): row("Code signing", "not read: " + sentence, role: .warn)
        }
        switch resources.runtimeManagement {
        case .value(let config):
            row("Runtime updates", [config.updateRuntimeOn, config.runtimeVersionArn].compactMap { $0 }.joined(separator: ", "))
        case .none: row("Runtime updates", "Auto", role: .dim)
        case .failed(let sentence): row("Runtime updates", "not read: " + sentence, role: .warn)
        }
        switch resources.recursion {
        case .value(let loop): row("Recursive loops", loop == "Allow" ? "Allow (not stopped)" : loop, role: loop == "Allow" ? .warn : .text)
        case .none: row("Recursive loops", "Terminate", role: .dim)
        case .failed(let sentence): row("Recursive loops", "not read: " + sentence, role: .warn)
        }
        return lines
    }

    /// "live" from arn:…:function:NAME:live; "$LATEST" for an unqualified ARN.
    static func qualifierOf(_ arn: String) -> String {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count > 7 ? String(parts[7]) : "$LATEST"
    }
}
