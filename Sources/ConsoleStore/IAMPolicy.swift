import AWSCore
import FoundationEssentials

/// The least-privilege IAM policy the console needs (`lambda-tui iam-policy`): every action its
/// clients call, by service, and with `--read-only` none that changes anything (or runs code), so
/// that read-only can be enforced in IAM rather than trusted to a flag. A test scans the clients'
/// sources for the operations they send and finds each here.
public enum IAMPolicy {
    public struct Action: Sendable, Equatable {
        /// `lambda:GetFunction`.
        public var name: String
        public var mutates: Bool
    }

    /// Operations the clients can send that the console itself never does (the tests and the
    /// benchmarks seed metrics and log events with them; InvokeAsync is deprecated), left out of
    /// the policy.
    public static let notUsedByConsole: Set<String> = ["cloudwatch:PutMetricData", "lambda:InvokeAsync", "logs:CreateLogGroup",
                                                       "logs:CreateLogStream", "logs:PutLogEvents"]

    /// The IAM action for an API operation of a service (`lambda`, `logs`, `cloudwatch`, `tag`).
    public static func iamAction(service: String, operation: String) -> String {
        switch (service, operation) {
        case ("lambda", "Invoke"), ("lambda", "InvokeWithResponseStream"): return "lambda:InvokeFunction"
        case ("lambda", "GetLayerVersionByArn"): return "lambda:GetLayerVersion"
        default: return "\(service):\(operation)"
        }
    }

    /// Whether an action changes something in AWS or runs code.
    public static func mutates(_ action: String) -> Bool {
        let name = action.split(separator: ":").last.map(String.init) ?? action
        return ["Create", "Update", "Delete", "Put", "Add", "Remove", "Publish", "Tag", "Untag", "Invoke", "Pass"].contains { name.hasPrefix($0) }
    }

    static let lambda = [
        "ListFunctions", "GetFunction", "GetFunctionConfiguration", "ListVersionsByFunction", "ListAliases", "GetAlias",
        "ListEventSourceMappings", "GetEventSourceMapping", "GetFunctionConcurrency", "GetFunctionUrlConfig", "ListFunctionUrlConfigs",
        "GetPolicy", "ListFunctionEventInvokeConfigs", "GetFunctionEventInvokeConfig", "ListProvisionedConcurrencyConfigs",
        "GetProvisionedConcurrencyConfig", "GetFunctionCodeSigningConfig", "GetRuntimeManagementConfig", "GetFunctionRecursionConfig",
        "GetAccountSettings", "ListTags", "ListLayers", "ListLayerVersions", "GetLayerVersion", "GetLayerVersionPolicy",
        "ListCodeSigningConfigs", "GetCodeSigningConfig", "ListFunctionsByCodeSigningConfig",
        "InvokeFunction", "InvokeFunctionUrl", "PublishVersion", "UpdateFunctionCode", "UpdateFunctionConfiguration", "CreateFunction",
        "DeleteFunction", "TagResource", "UntagResource", "CreateAlias", "UpdateAlias", "DeleteAlias", "CreateEventSourceMapping",
        "UpdateEventSourceMapping", "DeleteEventSourceMapping", "PutFunctionConcurrency", "DeleteFunctionConcurrency",
        "PutProvisionedConcurrencyConfig", "DeleteProvisionedConcurrencyConfig", "AddPermission", "RemovePermission",
        "PutFunctionEventInvokeConfig", "UpdateFunctionEventInvokeConfig", "DeleteFunctionEventInvokeConfig", "CreateFunctionUrlConfig",
        "UpdateFunctionUrlConfig", "DeleteFunctionUrlConfig", "PutRuntimeManagementConfig", "PutFunctionCodeSigningConfig",
        "DeleteFunctionCodeSigningConfig", "PutFunctionRecursionConfig", "PublishLayerVersion", "DeleteLayerVersion",
        "AddLayerVersionPermission", "RemoveLayerVersionPermission", "CreateCodeSigningConfig", "UpdateCodeSigningConfig",
        "DeleteCodeSigningConfig",
    ].map { "lambda:" + $0 }
    static let logs = ["FilterLogEvents", "GetLogEvents", "DescribeLogStreams", "DescribeLogGroups", "StartLiveTail", "StartQuery",
                       "GetQueryResults", "StopQuery", "DescribeQueryDefinitions"].map { "logs:" + $0 }
    static let metrics = ["cloudwatch:GetMetricData"]
    static let tagging = ["tag:GetResources"]
    /// Creating a function, or changing its role, hands Lambda an execution role.
    static let passRole = ["iam:PassRole"]

    public static var actions: [Action] {
        (lambda + logs + metrics + tagging + passRole).map { Action(name: $0, mutates: mutates($0)) }
    }

    /// The policy document, as JSON to attach: one statement of reads, one of changes (left out
    /// with `readOnly`). Resources are `*`: the console browses every function of the account.
    public static func document(readOnly: Bool) -> String {
        let reads = actions.filter { !$0.mutates }.map(\.name)
        let changes = actions.filter(\.mutates).map(\.name)
        func statement(_ sid: String, _ names: [String], condition: JSONValue? = nil) -> JSONValue {
            var members = [JSONMember(key: "Sid", value: .string(sid)), JSONMember(key: "Effect", value: .string("Allow")),
                           JSONMember(key: "Action", value: .array(names.map { .string($0) })), JSONMember(key: "Resource", value: .string("*"))]
            if let condition { members.append(JSONMember(key: "Condition", value: condition)) }
            return .object(members)
        }
        var statements = [statement("LambdaTuiRead", reads)]
        if !readOnly {
            statements.append(statement("LambdaTuiChange", changes.filter { $0 != "iam:PassRole" }))
            // PassRole only to Lambda.
            statements.append(statement("LambdaTuiPassRoleToLambda", ["iam:PassRole"], condition: .object([
                JSONMember(key: "StringEquals", value: .object([JSONMember(key: "iam:PassedToService", value: .string("lambda.amazonaws.com"))])),
            ])))
        }
        return JSONValue.object([JSONMember(key: "Version", value: .string("2012-10-17")), JSONMember(key: "Statement", value: .array(statements))])
            .prettyPrinted(sortedKeys: false)
    }
}
