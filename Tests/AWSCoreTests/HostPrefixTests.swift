import AWSCore
import Foundation
import Synchronization
import Testing
import TestSupport

/// Keeps the requests the client sends, answering each with an empty 200: what is checked here
/// is the URL and Host the client builds, which no server needs to see.
final class RequestRecorder: HTTPTransport {
    let sent = Mutex<[HTTPRequest]>([])

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        sent.withLock { $0.append(request) }
        return HTTPResponse(status: 200, headers: HTTPHeaders(), body: Data("{}".utf8))
    }

    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        throw TransportError.other("this recorder keeps only whole answers")
    }
}

@Suite struct HostPrefixTests {
    func sentRequest(endpoint: String, hostPrefix: String?) async throws -> HTTPRequest {
        let recorder = RequestRecorder()
        let client = AWSClient(service: .logs, region: "us-east-1", endpoint: endpoint,
                               credentials: StaticCredentialProvider(TestBackend.testCredentials, source: "test"), transport: recorder)
        var request = AWSRequest(operation: "StartLiveTail", method: "POST", path: "/")
        request.hostPrefix = hostPrefix
        _ = try await client.send(request)
        return try #require(recorder.sent.withLock { $0.first })
    }

    @Test(arguments: [("https://logs.us-east-1.amazonaws.com", "streaming-logs.us-east-1.amazonaws.com"),
                      ("https://logs-fips.us-gov-west-1.amazonaws.com", "streaming-logs-fips.us-gov-west-1.amazonaws.com"),
                      ("https://logs.cn-north-1.amazonaws.com.cn", "streaming-logs.cn-north-1.amazonaws.com.cn"),
                      ("https://logs.eu-west-1.api.aws", "streaming-logs.eu-west-1.api.aws")])
    func awsOwnEndpointsTakeTheOperationsHostPrefix(endpoint: String, host: String) async throws {
        let request = try await sentRequest(endpoint: endpoint, hostPrefix: "streaming-")
        #expect(request.url == "https://\(host)/")
        #expect(request.headers["Host"] == host)
        #expect(request.headers["Authorization"]?.contains("SignedHeaders=host") == true, "the Host header, prefixed, is signed")
    }

    @Test(arguments: ["http://127.0.0.1:4566", "https://vpce-0abc-logs.logs.us-east-1.vpce.amazonaws.com", "https://logs.example.com"])
    func customEndpointsAreLeftAlone(endpoint: String) async throws {
        let request = try await sentRequest(endpoint: endpoint, hostPrefix: "streaming-")
        #expect(request.url == endpoint + "/")
        #expect(request.headers["Host"] == String(endpoint.split(separator: "/")[1]))
    }

    @Test func operationsWithoutAPrefixKeepTheEndpoint() async throws {
        let request = try await sentRequest(endpoint: "https://logs.us-east-1.amazonaws.com", hostPrefix: nil)
        #expect(request.url == "https://logs.us-east-1.amazonaws.com/")
    }
}
