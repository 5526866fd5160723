import FoundationEssentials

/// An account and role an IAM Identity Center login may use.
public struct SSOAccountRole: Hashable, Sendable {
    public var accountID: String
    public var roleName: String

    public init(accountID: String, roleName: String) {
        self.accountID = accountID
        self.roleName = roleName
    }
}

/// One account of the login, with the role the fleet view lists it with.
public struct SSOAccountChoice: Hashable, Sendable {
    public var role: SSOAccountRole
    public var accountName: String
    /// Every role the login may take there.
    public var roles: [String]

    public init(role: SSOAccountRole, accountName: String, roles: [String]) {
        self.role = role
        self.accountName = accountName
        self.roles = roles
    }
}

extension SSOCredentialProvider {
    /// The portal's ListAccounts, then ListAccountRoles of each account (pages followed, at
    /// most `pageLimit` each): every account the login reaches, with the role of the profile
    /// when the account offers it, else its first.
    public func accountChoices(pageLimit: Int = 50) async throws -> [SSOAccountChoice] {
        let token = try await currentToken()
        var choices: [SSOAccountChoice] = []
        for account in try await pages("/assignment/accounts", [], member: "accountList", token: token.accessToken, limit: pageLimit) {
            guard let id = account["accountId"]?.stringValue, !id.isEmpty else { continue }
            let roles = try await pages("/assignment/roles", [("account_id", id)], member: "roleList", token: token.accessToken, limit: pageLimit)
                .compactMap { $0["roleName"]?.stringValue }.sorted()
            guard let role = roles.contains(profile.roleName) ? profile.roleName : roles.first else { continue }
            choices.append(SSOAccountChoice(role: SSOAccountRole(accountID: id, roleName: role),
                                            accountName: account["accountName"]?.stringValue ?? id, roles: roles))
        }
        return choices
    }

    private func pages(_ path: String, _ query: [(String, String)], member: String, token: String, limit: Int) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        var next: String?
        for _ in 0..<max(1, limit) {
            let operation = member == "accountList" ? "ListAccounts" : "ListAccountRoles"
            let response = try await portalGet(operation, path, query + [("max_result", "100")] + (next.map { [("next_token", $0)] } ?? []),
                                               token: token)
            guard let answer = try? JSONValue.parse(response.body) else {
                throw AWSClientError.invalidResponse(operation: operation, detail: "not JSON")
            }
            items += answer[member]?.arrayValue ?? []
            next = answer["nextToken"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            if next == nil { break }
        }
        return items
    }
}
