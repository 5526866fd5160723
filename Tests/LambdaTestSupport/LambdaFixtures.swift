import AWSCore
import Foundation
import LambdaAPI
import TestSupport

/// Creates functions in moto for a test, each with a name unique to that test.
public struct LambdaFixtures: Sendable {
    public let backend: TestBackend
    public let lambda: LambdaClient

    public init(backend: TestBackend? = nil) async throws {
        let chosen: TestBackend
        if let backend { chosen = backend } else { chosen = try await TestBackend.shared() }
        self.backend = chosen
        lambda = LambdaClient(client: chosen.client(.lambda))
    }

    /// A one-file handler's zip.
    public static func handlerZip() throws -> Data {
        try ZipArchive(entries: [.init(path: "index.py", contents: Data("def handler(event, context):\n    return event\n".utf8))]).data()
    }

    @discardableResult
    public func createFunction(_ name: String, runtime: Runtime = .python312, memory: Int = 256,
                        environment: [String: String]? = nil, tags: [String: String]? = nil,
                        publish: Bool = false) async throws -> FunctionConfiguration {
        var request = CreateFunctionRequest(functionName: name, role: try await backend.lambdaRole(),
                                            code: FunctionCode(zipFile: try Self.handlerZip()), runtime: runtime,
                                            handler: "index.handler")
        request.memorySize = memory
        request.timeout = 30
        request.description = "fixture \(name)"
        request.environment = environment.map { Environment(variables: $0) }
        request.tags = tags
        request.publish = publish
        return try await lambda.createFunction(request)
    }

    /// Publishes one version per description. Each is preceded by a configuration change, since
    /// a version is only published when something changed since the last one.
    public func publishVersions(_ name: String, descriptions: [String]) async throws {
        for description in descriptions {
            var change = UpdateFunctionConfigurationRequest()
            change.description = "release \(description)"
            _ = try await lambda.updateFunctionConfiguration(name, change)
            _ = try await lambda.publishVersion(name, PublishVersionRequest(description: description))
        }
    }

    /// `count` functions named PREFIX-0000 onwards, created eight at a time.
    public func createFunctions(count: Int, prefix: String) async throws {
        let role = try await backend.lambdaRole()
        let lambda = lambda
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for index in stride(from: worker, to: count, by: 8) {
                        var request = CreateFunctionRequest(functionName: String(format: "%@-%04d", prefix, index), role: role,
                                                            code: FunctionCode(zipFile: try Self.handlerZip()), runtime: .python312,
                                                            handler: "index.handler")
                        request.environment = Environment(variables: ["STAGE": "bench", "INDEX": "\(index)"])
                        request.description = "function \(index) of \(count)"
                        _ = try await lambda.createFunction(request)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// An SQS queue in moto, through SQS's JSON protocol; returns its ARN.
    public func createQueue(_ name: String) async throws -> String {
        let sqs = backend.client(AWSService(signingName: "sqs", endpointPrefix: "sqs", environmentSuffix: "SQS", configKey: "sqs"))
        func call(_ action: String, _ body: String) async throws -> JSONValue {
            let response = try await sqs.send(AWSRequest(operation: action, method: "POST", path: "/", headers: HTTPHeaders([
                ("X-Amz-Target", "AmazonSQS.\(action)"), ("Content-Type", "application/x-amz-json-1.0")]), body: Data(body.utf8)))
            return try JSONValue.parse(response.body)
        }
        guard let url = try await call("CreateQueue", #"{"QueueName":"\#(name)"}"#)["QueueUrl"]?.stringValue,
              let arn = try await call("GetQueueAttributes", #"{"QueueUrl":"\#(url)","AttributeNames":["QueueArn"]}"#)["Attributes"]?["QueueArn"]?.stringValue
        else { throw BackendError("moto did not create the queue \(name)") }
        return arn
    }

    public static func uniqueName(_ hint: String) -> String {
        "\(hint)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
