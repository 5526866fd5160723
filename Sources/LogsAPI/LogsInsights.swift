import AWSCore
import FoundationEssentials

/// Logs Insights: StartQuery, GetQueryResults (polled until the query ends), StopQuery, and the
/// account's saved queries (DescribeQueryDefinitions).
extension LogsClient {
    /// Starts `query` over `groups` between two times (seconds since 1970, as the API takes them).
    /// Not retried after it may have run: a second StartQuery would run (and bill) a second query.
    public func startQuery(groups: [String], query: String, start: Int64, end: Int64, limit: Int? = nil) async throws -> String {
        struct Body: Encodable { var logGroupNames: [String]; var queryString: String; var startTime: Int64; var endTime: Int64; var limit: Int? }
        struct Answer: Decodable { var queryId: String? }
        let response = try await client.send(try request("StartQuery", Body(logGroupNames: groups, queryString: query, startTime: start, endTime: end,
                                                                           limit: limit), repeatability: .onlyIfNotRun))
        let answer = try JSONValueDecoder().decodeResponse(Answer.self, from: response.body, operation: "StartQuery")
        guard let id = answer.queryId, !id.isEmpty else { throw AWSClientError.invalidResponse(operation: "StartQuery", detail: "no queryId") }
        return id
    }

    public func getQueryResults(_ queryId: String) async throws -> QueryResults {
        struct Body: Encodable { var queryId: String }
        return try await call("GetQueryResults", Body(queryId: queryId))
    }

    public func stopQuery(_ queryId: String) async throws {
        struct Body: Encodable { var queryId: String }
        _ = try await client.send(try request("StopQuery", Body(queryId: queryId)))
    }

    /// Every saved query of the account (all pages), optionally those whose name starts with `prefix`.
    public func describeQueryDefinitions(prefix: String? = nil) async throws -> [QueryDefinition] {
        struct Body: Encodable { var queryDefinitionNamePrefix: String?; var nextToken: String?; var maxResults: Int? }
        struct Page: Decodable { var queryDefinitions: [QueryDefinition]?; var nextToken: String? }
        var definitions: [QueryDefinition] = []
        var token: String?
        repeat {
            let page: Page = try await call("DescribeQueryDefinitions", Body(queryDefinitionNamePrefix: prefix, nextToken: token, maxResults: 1000))
            definitions += page.queryDefinitions ?? []
            guard let next = page.nextToken, next != token, definitions.count < 10_000 else { break }
            token = next
        } while true
        return definitions
    }
}

/// GetQueryResults' answer: the status, the rows so far (each a list of field and value), and
/// what the query has scanned.
public struct QueryResults: Codable, Sendable, Equatable {
    public struct Field: Codable, Sendable, Equatable {
        public var field: String?
        public var value: String?
        public init(field: String?, value: String?) {
            self.field = field
            self.value = value
        }
    }

    public struct Statistics: Codable, Sendable, Equatable {
        public var recordsMatched: Double?
        public var recordsScanned: Double?
        public var bytesScanned: Double?
        public init(recordsMatched: Double? = nil, recordsScanned: Double? = nil, bytesScanned: Double? = nil) {
            self.recordsMatched = recordsMatched
            self.recordsScanned = recordsScanned
            self.bytesScanned = bytesScanned
        }
    }

    /// Scheduled, Running, Complete, Failed, Cancelled, Timeout or Unknown.
    public var status: String?
    public var results: [[Field]]?
    public var statistics: Statistics?

    public init(status: String?, results: [[Field]]?, statistics: Statistics? = nil) {
        self.status = status
        self.results = results
        self.statistics = statistics
    }

    /// The query has ended: nothing more will come.
    public var isFinished: Bool { !["Scheduled", "Running"].contains(status ?? "Running") }
}

public struct QueryDefinition: Codable, Sendable, Equatable {
    public var name: String?
    public var queryString: String?
    public var logGroupNames: [String]?
}
