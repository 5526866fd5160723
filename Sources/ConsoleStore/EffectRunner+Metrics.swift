import AWSCore
import FoundationEssentials
import MetricsAPI

/// The metric columns' and the Monitor view's GetMetricData calls.
extension EffectRunner {
    func readListMetrics(_ names: [String], percentiles: Bool) async -> ConsoleAction {
        guard let metrics else {
            return .listMetricsLoaded(names: names, .failure(ConsoleError("No CloudWatch client is configured.")), percentilesProblem: nil)
        }
        let window = ListMetricsPlan.window(at: Date())
        var problem: String?
        let result: Result<[String: FunctionMetricSummary], ConsoleError> = await attempt {
            let answer: [String: [MetricPoint]]
            do {
                answer = try await metrics.getMetricData(ListMetricsPlan.queries(names, percentiles: percentiles), start: window.start, end: window.end)
            } catch let error as AWSClientError where percentiles && Self.mayRefusePercentiles(error) {
                // Asked again without p99: if that succeeds, p99 was what the endpoint refused.
                answer = try await metrics.getMetricData(ListMetricsPlan.queries(names, percentiles: false), start: window.start, end: window.end)
                problem = Self.percentilesSentence(error)
            }
            return ListMetricsPlan.summaries(names, answer: answer, window: window, at: Date())
        }
        return .listMetricsLoaded(names: names, result, percentilesProblem: problem)
    }

    func readMonitor(_ request: MonitorRequest, progress: @escaping @Sendable (ConsoleAction) -> Void = { _ in }) async -> ConsoleAction {
        var answer = MonitorAnswer()
        guard let metrics else {
            answer.error = ConsoleError("No CloudWatch client is configured.")
            return .monitorLoaded(function: request.function, generation: request.generation, answer)
        }
        let window = request.window
        let percentile = request.queries.filter { $0.stat.hasPrefix("p") }
        let regular = request.queries.filter { !$0.stat.hasPrefix("p") }
        let names = Dictionary(request.queries.map { ($0.id, "\($0.metricName) \($0.stat)") }) { first, _ in first }
        func take(_ data: MetricDataAnswer) {
            for (id, points) in data.series { answer.series[id] = window.place(points) }
            for (id, status) in data.incomplete.sorted(by: { $0.key < $1.key }) {
                answer.problems.append("CloudWatch answered \(names[id] ?? id) only in part (\(status)).")
            }
            answer.problems += data.messages.prefix(3).map { "CloudWatch: \($0)" }
        }
        let regularResult = await attempt { try await metrics.metricData(regular, start: window.start, end: window.end) }
        switch regularResult {
        case .success(let data): take(data)
        case .failure(let error):
            answer.error = error
            return .monitorLoaded(function: request.function, generation: request.generation, answer)
        }
        if !percentile.isEmpty, request.percentiles {
            // The other charts are drawn now: an endpoint slow to refuse percentiles (retried 5xx)
            // must not hold them back.
            var early = answer
            early.percentilesPending = true
            progress(.monitorLoaded(function: request.function, generation: request.generation, early))
            do {
                take(try await metrics.metricData(percentile, start: window.start, end: window.end))
            } catch let error as AWSClientError {
                // The other charts stand; the duration chart says why its percentiles are missing.
                answer.percentilesRefused = Self.mayRefusePercentiles(error)
                answer.problems.insert(Self.percentilesSentence(error), at: 0)
            } catch {
                answer.problems.insert("Percentiles: \(error.sentence)", at: 0)
            }
        } else if !percentile.isEmpty {
            answer.problems.insert("Percentiles are left out: this endpoint refused them earlier in the session.", at: 0)
        }
        return .monitorLoaded(function: request.function, generation: request.generation, answer)
    }

    /// A 5xx or a validation error: what an endpoint without percentile statistics answers
    /// (moto: 500); throttling or a denied call is not that.
    static func mayRefusePercentiles(_ error: AWSClientError) -> Bool {
        let kind = ConsoleError(error).kind
        return kind == .server || kind == .invalidRequest
    }

    static func percentilesSentence(_ error: AWSClientError) -> String {
        "Percentiles (p50/p90/p99) could not be read: \(ConsoleError(error).sentence)"
    }

    func remember(_ key: String, _ value: String) -> ConsoleAction {
        guard let preferencesPath else { return .noChange }
        do {
            try ConsolePreferences.remember(key, value, path: preferencesPath)
            return .noChange
        } catch {
            return .showError("Could not remember \(key) in \(preferencesPath): \(error)")
        }
    }
}
