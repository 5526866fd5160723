import AWSCore
import FoundationEssentials

/// The Lambda API (2015-03-31) over an AWSClient: one method per operation, grouped by resource
/// in Operations/. Requests and responses are the Codable shapes of Shapes/.
public struct LambdaClient: Sendable {
    public let client: AWSClient
    let decoder = JSONValueDecoder()
    let encoder = LambdaJSON.encoder()

    public init(client: AWSClient) {
        self.client = client
    }

    /// A client for the resolved settings' Lambda endpoint.
    public init(settings: AWSSettings, credentials: any CredentialProvider, transport: any HTTPTransport, budget: RequestBudget? = nil) {
        self.init(client: AWSClient(service: .lambda, settings: settings, credentials: credentials, transport: transport, budget: budget))
    }

    /// Sends a request whose body, if any, is JSON, and decodes a JSON answer.
    func call<Output: Decodable>(_ operation: String, _ method: String, _ path: String,
                                 query: [(name: String, value: String)] = [], json body: (any Encodable)? = nil,
                                 headers: HTTPHeaders = HTTPHeaders(), repeatability: Repeatability = .safe,
                                 as output: Output.Type = Output.self) async throws -> Output {
        let response = try await send(operation, method, path, query: query, json: body, headers: headers, repeatability: repeatability)
        return try decode(Output.self, from: response.body, operation: operation)
    }

    /// Sends a request and returns the raw response, for operations with no JSON answer.
    @discardableResult
    func send(_ operation: String, _ method: String, _ path: String, query: [(name: String, value: String)] = [],
              json body: (any Encodable)? = nil, headers: HTTPHeaders = HTTPHeaders(),
              repeatability: Repeatability = .safe) async throws -> HTTPResponse {
        var headers = headers
        var data = Data()
        if let body {
            data = try encoder.encode(body)
            headers.set("Content-Type", "application/json")
        }
        return try await client.send(AWSRequest(operation: operation, method: method, path: path, query: query,
                                                headers: headers, body: data, repeatability: repeatability))
    }

    func decode<Output: Decodable>(_ type: Output.Type, from data: Data, operation: String) throws -> Output {
        try decoder.decodeResponse(type, from: data, operation: operation, memberName: LambdaJSON.wireName)
    }

    /// `/2015-03-31/functions/NAME` with the name, ARN or partial ARN encoded as one label.
    static func functionPath(_ name: String, _ rest: String = "") -> String {
        "/2015-03-31/functions/\(AWSRequest.label(name))\(rest)"
    }
}

/// The optional query parameters of a call, dropping the unset ones.
func queryItems(_ items: (String, String?)...) -> [(name: String, value: String)] {
    items.compactMap { name, value in value.map { (name, $0) } }
}
