import AWSCore
import FoundationEssentials

/// The CloudWatch metrics calls the console needs (GetMetricData, and PutMetricData for tests and
/// tools), over CloudWatch's JSON 1.0 protocol (`X-Amz-Target: GraniteServiceVersion20100801.<Action>`).
public struct MetricsClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public init(settings: AWSSettings, credentials: any CredentialProvider, transport: any HTTPTransport, budget: RequestBudget? = nil) {
        self.init(client: AWSClient(service: .monitoring, settings: settings, credentials: credentials, transport: transport, budget: budget))
    }

    func send(_ action: String, _ body: JSONValue, repeatability: Repeatability = .safe) async throws -> JSONValue {
        let request = AWSRequest(operation: action, method: "POST", path: "/",
                                 headers: HTTPHeaders([("X-Amz-Target", "GraniteServiceVersion20100801.\(action)"),
                                                       ("Content-Type", "application/x-amz-json-1.0")]),
                                 body: Data(body.serialized.utf8), repeatability: repeatability)
        let response = try await client.send(request)
        guard !response.body.isEmpty else { return .object([]) }
        do {
            return try JSONValue.parse(response.body)
        } catch let error as JSONParseError {
            throw AWSClientError.invalidResponse(operation: action, detail: error.description)
        }
    }

    /// Every page of GetMetricData for `queries` between `start` and `end`, values merged per query id.
    public func getMetricData(_ queries: [MetricQuery], start: Date, end: Date) async throws -> [String: [MetricPoint]] {
        try await metricData(queries, start: start, end: end).series
    }

    /// GetMetricData allows this many queries in one call.
    public static let queriesPerCall = 500

    /// Every page of GetMetricData for `queries` (in calls of at most 500 queries), each series in
    /// time order (CloudWatch sends newest first), with the ids CloudWatch did not answer in full.
    public func metricData(_ queries: [MetricQuery], start: Date, end: Date) async throws -> MetricDataAnswer {
        var answer = MetricDataAnswer()
        var first = 0
        while first < queries.count {
            let batch = Array(queries[first..<min(queries.count, first + Self.queriesPerCall)])
            first += batch.count
            try await read(batch, start: start, end: end, into: &answer)
        }
        for id in answer.series.keys { answer.series[id]?.sort { $0.time < $1.time } }
        return answer
    }

    private func read(_ queries: [MetricQuery], start: Date, end: Date, into answer: inout MetricDataAnswer) async throws {
        var token: String?
        var statuses: [String: String] = [:]
        repeat {
            var body: [JSONMember] = [
                JSONMember(key: "MetricDataQueries", value: .array(queries.map(\.json))),
                JSONMember(key: "StartTime", value: .number(start.timeIntervalSince1970.rounded(.down))),
                JSONMember(key: "EndTime", value: .number(end.timeIntervalSince1970.rounded(.up))),
            ]
            if let token { body.append(JSONMember(key: "NextToken", value: .string(token))) }
            let page = try await send("GetMetricData", .object(body))
            for result in page["MetricDataResults"]?.arrayValue ?? [] {
                guard let id = result["Id"]?.stringValue else { continue }
                let values = result["Values"]?.arrayValue?.compactMap(\.doubleValue) ?? []
                let times = result["Timestamps"]?.arrayValue?.compactMap(\.doubleValue) ?? []
                // A value that is not a number (NaN is not JSON, but a hostile answer may say 1e999) is left out.
                answer.series[id, default: []] += zip(times, values).compactMap { time, value in
                    time.isFinite && value.isFinite ? MetricPoint(time: Date(timeIntervalSince1970: time), value: value) : nil
                }
                if let status = result["StatusCode"]?.stringValue { statuses[id] = status }
                for message in result["Messages"]?.arrayValue ?? [] {
                    if let text = message["Value"]?.stringValue { answer.messages.append("\(id): \(text)") }
                }
            }
            for message in page["Messages"]?.arrayValue ?? [] {
                if let text = message["Value"]?.stringValue { answer.messages.append(text) }
            }
            token = page["NextToken"]?.stringValue
        } while token != nil
        // PartialData with no next page, InternalError, Forbidden: what came is kept and said.
        for (id, status) in statuses where status != "Complete" { answer.incomplete[id] = status }
    }

    public func putMetricData(namespace: String, _ data: [MetricDatum]) async throws {
        _ = try await send("PutMetricData", .object([
            JSONMember(key: "Namespace", value: .string(namespace)),
            JSONMember(key: "MetricData", value: .array(data.map(\.json))),
        ]), repeatability: .onlyIfNotRun)
    }
}

public struct MetricDimension: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    var json: JSONValue { .object([JSONMember(key: "Name", value: .string(name)), JSONMember(key: "Value", value: .string(value))]) }
}

/// One statistic of one metric over periods of `period` seconds.
public struct MetricQuery: Sendable, Hashable {
    public var id: String
    public var namespace: String
    public var metricName: String
    public var dimensions: [MetricDimension]
    public var period: Int
    public var stat: String

    public init(id: String, namespace: String, metricName: String, dimensions: [MetricDimension], period: Int = 60, stat: String = "Sum") {
        self.id = id
        self.namespace = namespace
        self.metricName = metricName
        self.dimensions = dimensions
        self.period = period
        self.stat = stat
    }

    var json: JSONValue {
        .object([
            JSONMember(key: "Id", value: .string(id)),
            JSONMember(key: "MetricStat", value: .object([
                JSONMember(key: "Metric", value: .object([
                    JSONMember(key: "Namespace", value: .string(namespace)),
                    JSONMember(key: "MetricName", value: .string(metricName)),
                    JSONMember(key: "Dimensions", value: .array(dimensions.map(\.json))),
                ])),
                JSONMember(key: "Period", value: .number(Double(period))),
                JSONMember(key: "Stat", value: .string(stat)),
            ])),
        ])
    }
}

public struct MetricPoint: Sendable, Equatable {
    public var time: Date
    public var value: Double

    public init(time: Date, value: Double) {
        self.time = time
        self.value = value
    }
}

/// What GetMetricData answered: each query's points in time order, the queries not answered in
/// full (by id, with CloudWatch's status code) and CloudWatch's messages.
public struct MetricDataAnswer: Sendable, Equatable {
    public var series: [String: [MetricPoint]] = [:]
    public var incomplete: [String: String] = [:]
    public var messages: [String] = []
    public init() {}
}

public struct MetricDatum: Sendable {
    public var metricName: String
    public var dimensions: [MetricDimension]
    public var value: Double
    public var time: Date

    public init(metricName: String, dimensions: [MetricDimension], value: Double, time: Date = Date()) {
        self.metricName = metricName
        self.dimensions = dimensions
        self.value = value
        self.time = time
    }

    var json: JSONValue {
        .object([
            JSONMember(key: "MetricName", value: .string(metricName)),
            JSONMember(key: "Dimensions", value: .array(dimensions.map(\.json))),
            JSONMember(key: "Value", value: .number(value)),
            JSONMember(key: "Timestamp", value: .number(time.timeIntervalSince1970.rounded())),
        ])
    }
}
