import AWSCore
import FoundationEssentials

/// The Resource Groups Tagging API's GetResources, over its JSON 1.1 protocol
/// (`X-Amz-Target: ResourceGroupsTaggingAPI_20170126.GetResources`): the tags of every resource
/// of a type in the region, 100 a call, where ListTags would take one call per function.
public struct TaggingClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public init(settings: AWSSettings, credentials: any CredentialProvider, transport: any HTTPTransport, budget: RequestBudget? = nil) {
        self.init(client: AWSClient(service: .tagging, settings: settings, credentials: credentials, transport: transport, budget: budget))
    }

    /// One page: each resource's ARN and tags, and the token of the next page (nil at the end).
    public struct Page: Sendable, Equatable {
        public var tags: [String: [String: String]]
        public var nextToken: String?
    }

    public static let largestPage = 100

    public func resources(ofType type: String, token: String?) async throws -> Page {
        var body: [JSONMember] = [
            JSONMember(key: "ResourceTypeFilters", value: .array([.string(type)])),
            JSONMember(key: "ResourcesPerPage", value: .number(Double(Self.largestPage))),
        ]
        if let token { body.append(JSONMember(key: "PaginationToken", value: .string(token))) }
        let request = AWSRequest(operation: "GetResources", method: "POST", path: "/",
                                 headers: HTTPHeaders([("X-Amz-Target", "ResourceGroupsTaggingAPI_20170126.GetResources"),
                                                       ("Content-Type", "application/x-amz-json-1.1")]),
                                 body: Data(JSONValue.object(body).serialized.utf8), repeatability: .safe)
        let response = try await client.send(request)
        let answer: JSONValue
        do {
            answer = try JSONValue.parse(response.body)
        } catch let error as JSONParseError {
            throw AWSClientError.invalidResponse(operation: "GetResources", detail: error.description)
        }
        guard let list = answer["ResourceTagMappingList"]?.arrayValue else {
            throw AWSClientError.invalidResponse(operation: "GetResources", detail: "the answer has no ResourceTagMappingList")
        }
        var tags: [String: [String: String]] = [:]
        for mapping in list {
            guard let arn = mapping["ResourceARN"]?.stringValue else { continue }
            var pairs: [String: String] = [:]
            for tag in mapping["Tags"]?.arrayValue ?? [] {
                if let key = tag["Key"]?.stringValue { pairs[key] = tag["Value"]?.stringValue ?? "" }
            }
            tags[arn] = pairs
        }
        let next = answer["PaginationToken"]?.stringValue
        // The last page answers an empty token; one that repeats the token asked with would loop.
        if let next, !next.isEmpty, next == token {
            throw AWSClientError.invalidResponse(operation: "GetResources", detail: "the same PaginationToken came back")
        }
        return Page(tags: tags, nextToken: next?.isEmpty == false ? next : nil)
    }
}
