import AWSCore

/// Recursive loop detection (Get/PutFunctionRecursionConfig): part of today's API, added after
/// the printed 2015-03-31 reference. `Terminate` (the default) stops a function that Lambda sees
/// calling itself through SQS, SNS or S3; `Allow` lets it.
extension LambdaClient {
    public struct RecursionConfig: Codable, Hashable, Sendable {
        public var recursiveLoop: String?
        public init(recursiveLoop: String?) { self.recursiveLoop = recursiveLoop }
    }

    static func recursionPath(_ name: String) -> String {
        "/2024-08-31/functions/\(AWSRequest.label(name))/recursion-config"
    }

    public func getFunctionRecursionConfig(_ name: String) async throws -> RecursionConfig {
        try await call("GetFunctionRecursionConfig", "GET", Self.recursionPath(name))
    }

    public func putFunctionRecursionConfig(_ name: String, recursiveLoop: String) async throws -> RecursionConfig {
        try await call("PutFunctionRecursionConfig", "PUT", Self.recursionPath(name), json: RecursionConfig(recursiveLoop: recursiveLoop),
                       repeatability: .safe)
    }
}
