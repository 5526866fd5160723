import AWSCore
import Foundation
import LambdaAPI
import TestSupport

/// Creates functions in moto for a test, each with a name unique to that test.
struct LambdaFixtures {
    let backend: TestBackend
    let lambda: LambdaClient

    init() async throws {
        backend = try await TestBackend.shared()
        lambda = LambdaClient(client: backend.client(.lambda))
    }

    static let handlerZip = ZipArchive(entries: [
        .init(path: "index.py", contents: Data("def handler(event, context):\n    return event\n".utf8)),
    ]).data()

    @discardableResult
    func createFunction(_ name: String, runtime: Runtime = .python312, memory: Int = 256,
                        environment: [String: String]? = nil, tags: [String: String]? = nil,
                        publish: Bool = false) async throws -> FunctionConfiguration {
        var request = CreateFunctionRequest(functionName: name, role: try await backend.lambdaRole(),
                                            code: FunctionCode(zipFile: Self.handlerZip), runtime: runtime,
                                            handler: "index.handler")
        request.memorySize = memory
        request.timeout = 30
        request.description = "fixture \(name)"
        request.environment = environment.map { Environment(variables: $0) }
        request.tags = tags
        request.publish = publish
        return try await lambda.createFunction(request)
    }

    static func uniqueName(_ hint: String) -> String {
        "\(hint)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
