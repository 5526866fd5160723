import FoundationEssentials
import LambdaAPI

/// `:signing`: the account's code signing configurations in the region, and the functions that
/// use the one under the cursor (read when it is chosen).
public struct SigningState: Sendable, Equatable {
    public var configs: [CodeSigningConfig] = []
    public var table = TableState(sortColumn: .name)
    public var problem: String?
    public var read = false
    /// The functions (ARNs) of each configuration read so far.
    public var users: [String: ResourceRead<[String]>] = [:]

    public init() {}

    public var selected: CodeSigningConfig? {
        table.selectedIndex.flatMap { configs.indices.contains($0) ? configs[$0] : nil }
    }
}

/// Create/UpdateCodeSigningConfig as the form gives it.
public struct SigningConfigSettings: Sendable, Equatable {
    public var description: String
    public var profiles: [String]
    /// Warn or Enforce.
    public var untrusted: String

    public init(description: String, profiles: [String], untrusted: String) {
        self.description = description
        self.profiles = profiles
        self.untrusted = untrusted
    }
}

/// The view's keys, its answers, and deleting a configuration (ctrl-d twice).
enum SigningReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date) -> [ConsoleEffect] {
        switch action {
        case .signingCommand(.open):
            if state.route != .signing { state.routes.append(.signing) }
            return [.loadSigningConfigs]
        case .signingCommand(.users):
            guard let arn = state.signing.selected?.codeSigningConfigArn else { return [] }
            return [.loadSigningUsers(arn: arn)]
        case .signingCommand(.delete):
            guard let arn = state.signing.selected?.codeSigningConfigArn else { return [] }
            guard state.confirmsChange("signing-delete-\(arn)", now: now, refused: "deleting a code signing configuration",
                                       asking: "ctrl-d again deletes \(arn.split(separator: ":").last ?? "") (refused by AWS while a function uses it).")
            else { return [] }
            return [.mutate(.deleteSigningConfig(arn: arn))]
        case .signingCommand(.back):
            if state.route == .signing { state.routes.removeLast() }
        case .signingConfigsLoaded(let result):
            state.signing.read = true
            switch result {
            case .success(let configs):
                state.signing.configs = configs
                state.signing.problem = nil
                state.signing.table.rebuild(rows: configs, columns: PaneColumns.signing(), word: "", key: { $0.codeSigningConfigArn ?? "" },
                                            keepKey: nil)
                // Who uses the first one, without a key.
                if let arn = state.signing.selected?.codeSigningConfigArn, state.signing.users[arn] == nil { return [.loadSigningUsers(arn: arn)] }
            case .failure(let error): state.signing.problem = error.sentence
            }
        case .signingUsersLoaded(let arn, let result):
            switch result {
            case .success(let arns): state.signing.users[arn] = arns.isEmpty ? ResourceRead.none : .value(arns)
            case .failure(let error): state.signing.users[arn] = .failed(error.sentence)
            }
        default:
            break
        }
        return []
    }

    /// The cursor keys; a move reads who uses the configuration now under the cursor.
    static func intercept(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect]? {
        guard state.route == .signing, state.overlay == nil else { return nil }
        if let delta = Reducer.scrollDelta(action, page: state.pageHeight) {
            state.signing.table.moveCursor(by: delta)
            state.signing.table.scrollToCursor(height: state.pageHeight)
            guard let arn = state.signing.selected?.codeSigningConfigArn, state.signing.users[arn] == nil else { return [] }
            return [.loadSigningUsers(arn: arn)]
        }
        switch action {
        case .refresh:
            state.signing.users = [:]
            return [.loadSigningConfigs]
        case .timerFired: return []
        default: return nil
        }
    }
}
