import AWSCore
import Foundation

/// The loopback backend of `scripts/test_backend.py`: a moto server and a scripted fault server,
/// started once per test process and stopped when the process ends (the script exits when its
/// standard input closes).
public final class TestBackend: Sendable {
    public let motoPort: Int
    public let faultPort: Int
    public let transport: CurlTransport
    private let process: Process
    private let stdin: Pipe
    let roleCreation = RoleCreation()

    public static let testCredentials = Credentials(accessKeyID: "AKIDTESTING", secretAccessKey: "testing-secret")
    public static let region = "us-east-1"

    /// The backend every test of this process shares.
    public static func shared() async throws -> TestBackend {
        try await sharedStart.value
    }

    private static let sharedStart = Task { try TestBackend.start() }

    public static var scriptPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/test_backend.py").path
    }

    private init(process: Process, stdin: Pipe, motoPort: Int, faultPort: Int) {
        self.process = process
        self.stdin = stdin
        self.motoPort = motoPort
        self.faultPort = faultPort
        self.transport = CurlTransport()
    }

    public static func start() throws -> TestBackend {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard words.count == 3, words[0] == "READY", let moto = Int(words[1]), let faults = Int(words[2]) else {
            throw BackendError("the test backend did not start (is `pip install 'moto[server]'` done?): \(String(decoding: line, as: UTF8.self))")
        }
        return TestBackend(process: process, stdin: stdin, motoPort: moto, faultPort: faults)
    }

    public var motoURL: String { "http://127.0.0.1:\(motoPort)" }

    /// An endpoint through the fault server; `lane` keeps parallel tests' scripts apart.
    public func faultURL(lane: String) -> String { "http://127.0.0.1:\(faultPort)/\(lane)" }

    /// A fresh lane name.
    public static func lane(_ hint: String = "lane") -> String {
        "\(hint)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Sets what the fault server answers on `lane`, one step per request, then forwards to moto.
    public func script(lane: String, _ steps: [[String: any Sendable]]) async throws {
        let body = try JSONSerialization.data(withJSONObject: steps)
        let response = try await transport.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(faultPort)/__script/\(lane)",
                                                            headers: HTTPHeaders([("Content-Type", "application/json")]), body: body))
        guard response.status == 204 else { throw BackendError("scripting the fault server failed: \(response.status)") }
    }

    /// A script step that answers the first `method` request whose path contains `path` as AWS
    /// answers a stale RevisionId (moto ignores RevisionId).
    public static func staleRevision(_ method: String, pathContaining path: String) -> [String: any Sendable] {
        ["match": ["method": method, "path": path], "status": 412,
         "headers": ["Content-Type": "application/json", "x-amzn-ErrorType": "PreconditionFailedException"],
         "body": #"{"Type":"User","message":"The RevisionId provided does not match the latest RevisionId for the Lambda function or alias."}"#]
    }

    /// From now on, GET answers on `lane` are cut into Marker/MaxItems pages of the list `member`.
    public func paginate(lane: String, member: String) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["member": member])
        let response = try await transport.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(faultPort)/__paginate/\(lane)",
                                                            headers: HTTPHeaders([("Content-Type", "application/json")]), body: body))
        guard response.status == 204 else { throw BackendError("setting up pagination failed: \(response.status)") }
    }

    /// Makes ListFunctions on `lane` answer, in pages of 50, from `count` made-up functions shaped
    /// as AWS lists them, without moto (the scale benchmarks' estates).
    public func estate(lane: String, count: Int, prefix: String = "estate", onePage: Bool = false) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["count": count, "prefix": prefix, "onePage": onePage] as [String: Any])
        let response = try await transport.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(faultPort)/__estate/\(lane)",
                                                            headers: HTTPHeaders([("Content-Type", "application/json")]), body: body))
        guard response.status == 204 else { throw BackendError("setting up the estate failed: \(response.status)") }
    }

    /// Makes every request on `lane` wait `seconds` first, like a network round trip.
    public func simulateLatency(lane: String, seconds: Double) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["seconds": seconds])
        let response = try await transport.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(faultPort)/__latency/\(lane)",
                                                            headers: HTTPHeaders([("Content-Type", "application/json")]), body: body))
        guard response.status == 204 else { throw BackendError("setting latency failed: \(response.status)") }
    }

    /// CloudWatch GetMetricData on `lane` answered from the fault server's made-up metrics,
    /// percentiles included; `partial` sends each result in two pages.
    public func syntheticMetrics(lane: String, partial: Bool = false) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["partial": partial])
        let response = try await transport.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(faultPort)/__metrics/\(lane)",
                                                            headers: HTTPHeaders([("Content-Type", "application/json")]), body: body))
        guard response.status == 204 else { throw BackendError("setting metrics failed: \(response.status)") }
    }

    /// The requests the fault server has seen on `lane`.
    public func requests(lane: String) async throws -> [RecordedRequest] {
        let response = try await transport.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(faultPort)/__requests/\(lane)"))
        return try JSONDecoder().decode([RecordedRequest].self, from: response.body)
    }

    /// A client for `service` at moto, or through the fault server when `lane` is given.
    public func client(_ service: AWSService, lane: String? = nil, retry: RetryStrategy = RetryStrategy(),
                       sleep: @escaping @Sendable (TimeInterval) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }) -> AWSClient {
        AWSClient(service: service, region: Self.region, endpoint: lane.map(faultURL) ?? motoURL,
                  credentials: StaticCredentialProvider(Self.testCredentials, source: "test"),
                  transport: transport, retry: retry, sleep: sleep)
    }
}

public struct RecordedRequest: Decodable, Sendable {
    public var method: String
    public var path: String
    public var headers: [String: String]
    public var body: String
    /// The client's port: the same port on two requests means the connection was reused.
    public var peer: Int
}

public struct BackendError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
