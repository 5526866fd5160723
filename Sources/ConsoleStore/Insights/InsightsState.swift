import AWSCore
import FoundationEssentials
import LogsAPI

/// One function's Logs Insights view: the queries to choose from, the range, and the last run's
/// results as a table whose columns are the query's fields.
public struct InsightsState: Sendable, Equatable {
    public var function: String
    public var group: String
    public var queries: [InsightsQuery] = InsightsQuery.lambda
    /// Showing the query list (else the results).
    public var choosing = true
    public var queryCursor = 0
    public var range: MetricRange = .hour
    /// The query last run, and whether it still runs.
    public var ran: InsightsQuery?
    public var running = false
    public var generation = 0
    public var status: String?
    public var error: ConsoleError?
    public var statistics: QueryResults.Statistics?
    /// The fields in the order the results gave them (`@ptr` left out), and each row's values.
    public var fields: [String] = []
    public var rows: [[String: String]] = []
    public var table = TableState(sortColumn: .time)
    /// The field the results sort by (nil: as the query sorted them).
    public var sortField: String?
    public var ascending = true
    /// Problems reading the user's query files or the account's saved queries.
    public var queryProblems: [String] = []

    public init(function: String, group: String) {
        self.function = function
        self.group = group
    }

    /// Results are kept to this many rows (a query's own limit is at most 10,000).
    public static let rowLimit = 10_000

    /// Takes GetQueryResults' rows: fields in first-seen order, values by field.
    mutating func take(_ results: QueryResults) {
        var order = fields
        var seen = Set(order)
        var taken: [[String: String]] = []
        for row in (results.results ?? []).prefix(Self.rowLimit) {
            var values: [String: String] = [:]
            for cell in row {
                guard let field = cell.field, field != "@ptr" else { continue }
                values[field] = cell.value ?? ""
                if seen.insert(field).inserted { order.append(field) }
            }
            taken.append(values)
        }
        fields = order
        rows = taken
        if let statistics = results.statistics { self.statistics = statistics }
        rebuild()
    }

    mutating func rebuild() {
        let rows = rows, field = sortField
        let key: (Int) -> SortKey = { index in
            guard let field, let text = rows[index][field] else { return .none }
            return Double(text).map { .number($0) } ?? .text(text)
        }
        var sorted = TableState(sortColumn: .time)
        sorted.ascending = ascending
        sorted.cursor = table.cursor
        sorted.scroll = table.scroll
        // Without a sort field, `sortKey` is the row's position: the query's own order.
        sorted.rebuild(count: rows.count, matches: { _ in true }, sortKey: field == nil ? { .number(Double($0)) } : key, keepRow: nil)
        table = sorted
    }

    /// The request id of the row under the cursor, with its time, if the query returned them.
    public var selectedRequest: (id: String, timestamp: Int64?)? {
        guard let index = table.selectedIndex, rows.indices.contains(index), let id = rows[index]["@requestId"], !id.isEmpty else { return nil }
        return (id, rows[index]["@timestamp"].flatMap(Self.milliseconds))
    }

    /// "2026-11-25 10:00:00.123" (Insights' timestamp form, UTC) in milliseconds since 1970; an
    /// endpoint that sends the milliseconds themselves (moto) is read as such.
    public static func milliseconds(_ text: String) -> Int64? {
        if !text.isEmpty, text.count <= 15, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) { return Int64(text) }
        guard text.count == 23, let date = ISO8601Timestamp.parse(text) else { return nil }
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        return value.isFinite && abs(value) < 1e15 ? Int64(value) : nil
    }

    /// The results as CSV (RFC 4180: fields quoted where they hold a comma, quote or line break).
    public var csv: [String] {
        func quoted(_ text: String) -> String {
            text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" } ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
        }
        return [fields.map(quoted).joined(separator: ",")] + table.visible.map { index in fields.map { quoted(rows[index][$0] ?? "") }.joined(separator: ",") }
    }

    /// The results as one JSON array of objects, in the order shown.
    public var json: String {
        JSONValue.array(table.visible.map { index in
            .object(fields.compactMap { field in rows[index][field].map { JSONMember(key: field, value: .string($0)) } })
        }).prettyPrinted()
    }
}

/// Keys of the Logs Insights view.
public enum InsightsCommand: Sendable, Equatable {
    /// `L`, `:insights`: the selected (or shown) function's view.
    case open
    /// Runs the query under the cursor (Enter) or the one on this key.
    case run(Character?)
    case range(MetricRange)
    /// Esc: stops a running query, or goes from the results back to the list.
    case back
    /// Enter on a result: the lines of the invocation its request id names.
    case openRow
    case save(json: Bool)
    /// The digits: sort by the Nth field (again: reverse).
    case sortByField(Int)
}

/// What the effect runner starts.
public struct InsightsRun: Sendable, Equatable {
    public var function: String
    public var generation: Int
    public var group: String
    public var query: String
    public var start: Int64
    public var end: Int64

    public init(function: String, generation: Int, group: String, query: String, start: Int64, end: Int64) {
        self.function = function
        self.generation = generation
        self.group = group
        self.query = query
        self.start = start
        self.end = end
    }
}
