import AWSCore
import FoundationEssentials
import LambdaAPI

/// Something `y` or the `Y` menu copies: what it is, and its text.
public struct CopyChoice: Sendable, Equatable {
    public var label: String
    public var text: String

    public init(_ label: String, _ text: String) {
        self.label = label
        self.text = text
    }
}

/// Text on its way to the user's own clipboard (the UI writes it to the terminal as OSC 52).
public struct ClipboardRequest: Sendable, Equatable {
    public var label: String
    public var text: String

    public init(label: String, text: String) {
        self.label = label
        self.text = text
    }
}

/// What can be copied from where the user is, the most wanted first (what `y` copies). Never an
/// environment value: the detail's JSON is copied masked, as the clipboard is a place it would be
/// written to.
enum CopyChoices {
    static func choices(_ state: ConsoleState) -> [CopyChoice] {
        var choices: [CopyChoice] = []
        let function = state.functionMeantWithoutFocus().flatMap { state.function(named: $0) }
        if case .pane(let pane) = state.route, let index = state.tables[pane]?.selectedIndex {
            switch pane {
            case .versions where state.versionRows.indices.contains(index):
                if let arn = state.versionRows[index].functionArn { choices.append(CopyChoice("version ARN", arn)) }
            case .aliases where state.aliasRows.indices.contains(index):
                // An alias's ARN is its function's, qualified by its name (as AWS lists it).
                let alias = state.aliasRows[index]
                if let arn = alias.aliasArn ?? alias.name.flatMap({ name in function?.functionArn.map { "\($0):\(name)" } }) {
                    choices.append(CopyChoice("alias ARN", arn))
                }
            case .mappings where state.mappingRows.indices.contains(index):
                let mapping = state.mappingRows[index]
                if let uuid = mapping.uuid { choices.append(CopyChoice("mapping UUID", uuid)) }
                if let source = mapping.eventSourceArn { choices.append(CopyChoice("event source ARN", source)) }
            case .logs where state.logRows.indices.contains(index):
                choices.append(CopyChoice("log line", state.logRows[index].message))
            default:
                break
            }
        }
        if case .invoke(let name) = state.route, let report = state.invokeSessions[name]?.result?.report, let id = report.requestId, !id.isEmpty {
            choices.append(CopyChoice("request id", id))
        }
        if case .logEvent(let view) = state.overlay { choices.insert(CopyChoice("log event", view.text), at: 0) }
        if case .login(let panel) = state.overlay, !panel.offered, let link = state.loginLink { return [CopyChoice("login link", link)] }
        if let function {
            if let arn = function.functionArn { choices.append(CopyChoice("function ARN", arn)) }
            if let name = function.functionName { choices.append(CopyChoice("function name", name)) }
            choices.append(CopyChoice("log group", function.logGroupName))
            if let detail = state.details[function.functionName ?? ""], let configuration = detail.configuration {
                choices.append(CopyChoice("configuration JSON (environment masked)", Self.maskedJSON(configuration)))
            }
        }
        if let url = ConsoleURL.url(state) { choices.append(CopyChoice("AWS console URL", url)) }
        // The same text twice (an ARN reached two ways) is offered once.
        var seen = Set<String>()
        return choices.filter { seen.insert($0.label + "\u{0}" + $0.text).inserted }
    }

    /// The configuration as JSON with every environment value replaced.
    static func maskedJSON(_ configuration: FunctionConfiguration) -> String {
        var copy = configuration
        if let variables = copy.environment?.variables {
            copy.environment?.variables = variables.mapValues { _ in "****" }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(copy)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// The AWS web console's page for what is on screen: the function, its version or alias, or
/// its log group, in the connection's region.
public enum ConsoleURL {
    public static func url(_ state: ConsoleState) -> String? {
        let region = state.connection.region
        guard region.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), !region.isEmpty,
              let name = state.functionMeantWithoutFocus() else { return nil }
        let host = "https://\(region).console.aws.amazon.com"
        let function = "\(host)/lambda/home?region=\(region)#/functions/\(escape(name))"
        if case .pane(let pane) = state.route, let index = state.tables[pane]?.selectedIndex {
            switch pane {
            case .versions where state.versionRows.indices.contains(index):
                if let version = state.versionRows[index].version { return function + "/versions/\(escape(version))" }
            case .aliases where state.aliasRows.indices.contains(index):
                if let alias = state.aliasRows[index].name { return function + "/aliases/\(escape(alias))" }
            case .logs:
                // The console's log group URLs escape the path twice, as `$252F` for a slash.
                let group = state.function(named: name)?.logGroupName ?? "/aws/lambda/\(name)"
                let doubled = escape(group).replacing("%", with: "$25")
                return "\(host)/cloudwatch/home?region=\(region)#logsV2:log-groups/log-group/\(doubled)"
            default:
                break
            }
        }
        return function
    }

    static func escape(_ text: String) -> String {
        PercentEncoding.encode(text)
    }
}

/// `y`, `Y` and `o`: what is copied, and the menu.
enum ClipboardReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        switch action {
        case .copy(let which):
            let choices = CopyChoices.choices(state)
            switch which {
            case .first:
                guard let first = choices.first else {
                    state.status = "Nothing to copy here."
                    return []
                }
                request(first, &state)
            case .menu:
                guard !choices.isEmpty else {
                    state.status = "Nothing to copy here."
                    return []
                }
                state.overlay = .copyMenu(cursor: 0)
            case .menuChoice(let position):
                guard case .copyMenu(let cursor) = state.overlay else { return [] }
                let index = position ?? cursor
                state.overlay = nil
                guard choices.indices.contains(index) else { return [] }
                request(choices[index], &state)
            case .consoleURL:
                guard let url = ConsoleURL.url(state) else {
                    state.status = "Choose a function first: the AWS console URL is a function's, a version's, an alias's or a log group's."
                    return []
                }
                request(CopyChoice("AWS console URL", url), &state)
                state.status = "Copied \(url)"
                state.statusLink = url
            case .cliCommand:
                guard case .form(let form) = state.overlay else { return [] }
                guard FormSubmission.actionErrors(form).isEmpty, let mutation = FormSubmission.mutation(from: form) else {
                    state.status = "The form cannot be sent as it is (see its fields): there is no command to copy yet."
                    return []
                }
                let command = AWSCLICommand.render(mutation, connection: state.connection)
                request(CopyChoice("AWS CLI command", command), &state)
                state.status = "Copied: \(command)"
            }
        case .clipboardWritten(let how):
            guard let request = state.clipboard else { return [] }
            state.clipboard = nil
            // What was copied stays said (the URL, the command) when it went where it was meant to.
            if state.status?.hasPrefix("Copied") != true || how != .terminal {
                state.status = how.sentence(request.label)
            }
        default:
            break
        }
        return []
    }

    private static func request(_ choice: CopyChoice, _ state: inout ConsoleState) {
        state.clipboard = ClipboardRequest(label: choice.label, text: choice.text)
    }
}

/// What `y` asked for.
public enum CopyCommand: Sendable, Equatable {
    /// `y`: the most wanted thing here (the selected row's ARN).
    case first
    /// `Y`: the menu of everything copyable here.
    case menu
    /// Enter (nil: the cursor's) or a digit in the menu.
    case menuChoice(Int?)
    /// `o`: the AWS web console's URL of what is on screen.
    case consoleURL
    /// ctrl-y in a form: the AWS CLI command that makes the same change.
    case cliCommand
}

/// How the UI delivered a copy.
public enum ClipboardDelivery: Sendable, Equatable {
    /// OSC 52 to the terminal (wrapped for tmux or screen), which puts it on the local clipboard.
    case terminal
    /// Too long for OSC 52, or `clipboard = file`: written to this file (mode 600).
    case file(String)
    case failed(String)

    func sentence(_ label: String) -> String {
        switch self {
        case .terminal: "Copied the \(label) (OSC 52: if it is not on your clipboard, set clipboard = file in the config)."
        case .file(let path): "The \(label) is in \(path) (clipboard = file, or too long for the terminal)."
        case .failed(let why): "Could not copy the \(label): \(why)"
        }
    }
}
