import AWSCore
import Foundation

extension AWSService {
    public static let iam = AWSService(signingName: "iam", endpointPrefix: "iam", environmentSuffix: "IAM", configKey: "iam")
}

extension TestBackend {
    /// The execution role that CreateFunction requires moto to know, created once per backend.
    public func lambdaRole() async throws -> String {
        try await roleCreation.value(self)
    }
}

actor RoleCreation {
    private var creation: Task<String, Error>?

    func value(_ backend: TestBackend) async throws -> String {
        if let creation { return try await creation.value }
        let task = Task { try await Self.create(backend) }
        creation = task
        return try await task.value
    }

    private static func create(_ backend: TestBackend) async throws -> String {
        try await TestBackend.createLambdaRole(backend.client(.iam))
    }
}

extension TestBackend {
    /// An execution role Lambda may assume, created through `iam` (another account's, with its credentials).
    public static func createLambdaRole(_ iam: AWSClient, name: String = "lambda-tui-test-role") async throws -> String {
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let body = "Action=CreateRole&Version=2010-05-08&RoleName=\(name)&AssumeRolePolicyDocument="
            + PercentEncoding.encode(trust)
        let request = AWSRequest(operation: "CreateRole", method: "POST", path: "/",
                                 headers: HTTPHeaders([("Content-Type", "application/x-www-form-urlencoded")]),
                                 body: Data(body.utf8))
        let response = try await iam.send(request)
        let xml = String(decoding: response.body, as: UTF8.self)
        guard let start = xml.range(of: "<Arn>"), let end = xml.range(of: "</Arn>") else {
            throw BackendError("CreateRole returned no Arn")
        }
        return String(xml[start.upperBound..<end.lowerBound])
    }
}
