import AWSCore
import FoundationEssentials
import LogsAPI
import Synchronization

/// Logs Insights queries: started, polled until they end (each answer reported as it comes),
/// stopped on Esc; the user's and the account's saved queries; one invocation's lines.
extension EffectRunner {
    /// How often a running query is asked for its results, and for how long at most.
    static let insightsPoll: TimeInterval = 1
    static let insightsLimit: TimeInterval = 15 * 60

    func loadInsightsQueries(_ function: String) async -> ConsoleAction {
        var (queries, problems) = queryFolder.map { InsightsQuery.files(in: $0) } ?? ([], [])
        do {
            for definition in try await logs.describeQueryDefinitions() {
                guard let name = definition.name, let text = definition.queryString else { continue }
                queries.append(InsightsQuery(name: name, text: text, origin: .account))
            }
        } catch let error as AWSClientError {
            problems.append("The account's saved queries could not be read: \(ConsoleError(error).sentence)")
        } catch {
            problems.append("The account's saved queries could not be read: \(error.sentence)")
        }
        return .insightsQueriesLoaded(function: function, queries, problems: problems)
    }

    func runInsights(_ run: InsightsRun, progress: @escaping @Sendable (ConsoleAction) -> Void) async -> ConsoleAction {
        let ticket = insightsRuns.begin(run.function)
        let queryId: String
        do {
            queryId = try await logs.startQuery(groups: [run.group], query: run.query, start: run.start, end: run.end, limit: InsightsState.rowLimit)
        } catch {
            return .insightsProgress(function: run.function, generation: run.generation, nil, error: Self.consoleError(error))
        }
        let began = Date()
        while true {
            guard insightsRuns.isCurrent(run.function, ticket) else {
                // Esc (or another query): the one running is stopped, so that it is no longer billed.
                try? await logs.stopQuery(queryId)
                return .insightsProgress(function: run.function, generation: run.generation, QueryResults(status: "Cancelled", results: nil), error: nil)
            }
            do {
                let results = try await logs.getQueryResults(queryId)
                if results.isFinished { return .insightsProgress(function: run.function, generation: run.generation, results, error: nil) }
                progress(.insightsProgress(function: run.function, generation: run.generation, results, error: nil))
            } catch {
                return .insightsProgress(function: run.function, generation: run.generation, nil, error: Self.consoleError(error))
            }
            if Date().timeIntervalSince(began) > Self.insightsLimit {
                try? await logs.stopQuery(queryId)
                return .insightsProgress(function: run.function, generation: run.generation, nil,
                                         error: ConsoleError("The query ran \(Int(Self.insightsLimit / 60)) minutes without ending: stopped.", kind: .other, service: "logs"))
            }
            try? await Task.sleep(for: .seconds(Self.insightsPoll))
        }
    }

    func stopInsights(_ function: String) -> ConsoleAction {
        insightsRuns.stop(function)
        return .noChange
    }

    func requestLines(function: String, group: String, requestId: String, around: Int64) async -> ConsoleAction {
        let window: Int64 = 15 * 60 * 1000
        var request = FilterLogEventsRequest(logGroupName: group)
        request.startTime = around - window
        request.endTime = around + window
        // A quoted term matches the exact text: the request id appears in START, END, REPORT and
        // in every line the runtime writes for the invocation.
        request.filterPattern = "\"\(requestId)\""
        let result: Result<[LogLine], ConsoleError> = await attempt {
            var lines: [LogLine] = []
            for try await page in logs.filteredEvents(request) {
                lines += page.map { LogLine(timestamp: $0.timestamp ?? 0, stream: $0.logStreamName ?? "", message: $0.message ?? "", id: $0.eventId ?? "") }
                if lines.count >= 2_000 { break }
            }
            return lines.sorted { $0.timestamp < $1.timestamp }
        }
        return .requestLinesLoaded(function: function, requestId: requestId, result)
    }
}

/// Which query of each function is the current one: Esc or a newer query retires the old,
/// whose polling loop then stops it.
final class InsightsRuns: Sendable {
    private let tickets = Mutex<[String: Int]>([:])
    func begin(_ function: String) -> Int { tickets.withLock { $0[function, default: 0] += 1; return $0[function] ?? 0 } }
    func stop(_ function: String) { tickets.withLock { $0[function, default: 0] += 1 } }
    func isCurrent(_ function: String, _ ticket: Int) -> Bool { tickets.withLock { $0[function] == ticket } }
}
