import AWSCore
import FoundationEssentials

/// One read of the detail's resource sections: what AWS answered, that there is none (a 404:
/// no policy, no code signing), or why it could not be read (an emulator without the call, a
/// denied permission), each section on its own so that one failure hides nothing else.
public enum ResourceRead<Value: Sendable & Equatable>: Sendable, Equatable {
    case value(Value)
    case none
    case failed(String)

    public var value: Value? { if case .value(let value) = self { value } else { nil } }
}

/// One statement of a function's resource-based policy, as the Permissions section shows it.
public struct PolicyStatementRow: Sendable, Equatable {
    public var sid: String
    public var effect: String
    public var principal: String
    public var action: String
    public var sourceArn: String?
    public var sourceAccount: String?
    /// `lambda:FunctionUrlAuthType` (NONE or AWS_IAM) when the statement is a URL's.
    public var urlAuthType: String?
    /// Any other conditions, as `Operator key=value`.
    public var otherConditions: [String]

    public init(sid: String, effect: String, principal: String, action: String, sourceArn: String? = nil, sourceAccount: String? = nil,
                urlAuthType: String? = nil, otherConditions: [String] = []) {
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.action = action
        self.sourceArn = sourceArn
        self.sourceAccount = sourceAccount
        self.urlAuthType = urlAuthType
        self.otherConditions = otherConditions
    }

    /// The statements of a policy document; unreadable text gives none (the raw JSON still shows it).
    public static func rows(_ policy: String) -> [PolicyStatementRow] {
        guard let document = try? JSONValue.parse(policy) else { return [] }
        let statements = document["Statement"].map { $0.arrayValue ?? [$0] } ?? []
        return statements.map { statement in
            var row = PolicyStatementRow(sid: statement["Sid"]?.stringValue ?? "", effect: statement["Effect"]?.stringValue ?? "",
                                         principal: principalText(statement["Principal"]), action: list(statement["Action"]),
                                         otherConditions: [])
            for (operation, tests) in members(statement["Condition"]) {
                for (key, value) in members(tests) {
                    let text = list(value)
                    switch key.lowercased() {
                    case "aws:sourcearn": row.sourceArn = text
                    case "aws:sourceaccount": row.sourceAccount = text
                    case "lambda:functionurlauthtype": row.urlAuthType = text
                    default: row.otherConditions.append("\(operation) \(key)=\(text)")
                    }
                }
            }
            return row
        }
    }

    static func principalText(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        if let text = value.stringValue { return text }
        return members(value).map { kind, who in kind == "Service" || kind == "AWS" ? list(who) : "\(kind): \(list(who))" }
            .joined(separator: ", ")
    }

    static func list(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        if let text = value.stringValue { return text }
        if let items = value.arrayValue { return items.compactMap(\.stringValue).joined(separator: ", ") }
        return value.serialized
    }

    static func members(_ value: JSONValue?) -> [(String, JSONValue)] {
        if case .object(let members)? = value { return members.map { ($0.key, $0.value) } }
        return []
    }
}

/// What the detail shows beyond the configuration: permissions, asynchronous invocation,
/// URLs, provisioned concurrency, code signing, runtime management and recursion, read together.
public struct FunctionResources: Sendable, Equatable {
    public var policy: ResourceRead<String>
    public var eventInvokeConfigs: ResourceRead<[FunctionEventInvokeConfig]>
    public var urls: ResourceRead<[FunctionUrlConfig]>
    public var provisioned: ResourceRead<[ProvisionedConcurrencyConfigListItem]>
    public var codeSigning: ResourceRead<String>
    public var runtimeManagement: ResourceRead<RuntimeManagementConfig>
    public var recursion: ResourceRead<String>

    public init(policy: ResourceRead<String> = .none, eventInvokeConfigs: ResourceRead<[FunctionEventInvokeConfig]> = .none,
                urls: ResourceRead<[FunctionUrlConfig]> = .none, provisioned: ResourceRead<[ProvisionedConcurrencyConfigListItem]> = .none,
                codeSigning: ResourceRead<String> = .none, runtimeManagement: ResourceRead<RuntimeManagementConfig> = .none,
                recursion: ResourceRead<String> = .none) {
        self.policy = policy
        self.eventInvokeConfigs = eventInvokeConfigs
        self.urls = urls
        self.provisioned = provisioned
        self.codeSigning = codeSigning
        self.runtimeManagement = runtimeManagement
        self.recursion = recursion
    }

    /// A provisioned concurrency configuration is still being allocated: read again soon.
    public var isSettling: Bool {
        provisioned.value?.contains { $0.status == "IN_PROGRESS" } ?? false
    }
}

extension LambdaClient {
    /// Every section's calls in flight together (seven, about one round trip).
    public func functionResources(_ name: String) async -> FunctionResources {
        async let policy = read { try await self.getPolicy(name).policy }
        async let invokeConfigs = read { try await self.functionEventInvokeConfigs(of: name).all() }
        async let urls = read { try await self.functionUrlConfigs(of: name).all() }
        async let provisioned = read { try await self.provisionedConcurrencyConfigs(of: name).all() }
        async let signing = read { try await self.getFunctionCodeSigningConfig(name).codeSigningConfigArn }
        async let runtime = read { try await self.getRuntimeManagementConfig(name) }
        async let recursion = read { try await self.getFunctionRecursionConfig(name).recursiveLoop }
        return FunctionResources(policy: await policy, eventInvokeConfigs: await invokeConfigs, urls: await urls, provisioned: await provisioned,
                                 codeSigning: await signing, runtimeManagement: await runtime, recursion: await recursion)
    }

    /// The value; `.none` for a 404 (nothing there) or an empty answer; a sentence otherwise.
    private func read<T: Sendable & Equatable>(_ call: () async throws -> T?) async -> ResourceRead<T> {
        do {
            guard let value = try await call() else { return .none }
            if let list = value as? any Collection, list.isEmpty { return .none }
            return .value(value)
        } catch AWSClientError.service(let error) where error.code == .resourceNotFoundException {
            return .none
        } catch AWSClientError.service(let error) where error.status == 404 || error.status == 501 || error.status >= 500 && error.code.rawValue.isEmpty {
            return .failed("this endpoint does not serve \(error.operation)")
        } catch {
            return .failed("\(error)")
        }
    }
}
