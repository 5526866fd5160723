import AWSCore
import FoundationEssentials
import LogsAPI
import MetricsAPI

/// The target version's errors and invocations since the last step, from CloudWatch metrics
/// (Errors and Invocations by alias and ExecutedVersion) or, where those are missing, from the
/// START and error lines of the version's log streams.
public struct RolloutHealth: Sendable, Equatable {
    public var errors: Double
    public var invocations: Double
    public var source: String

    public var errorRate: Double? { invocations > 0 ? errors / invocations * 100 : (errors > 0 ? 100 : nil) }

    public func summary(threshold: Double) -> String {
        guard let rate = errorRate else { return "no invocations of the new version yet (\(source))" }
        return "an error rate of \(AliasWeights.percent(rate)) (\(Int(errors)) errors in \(Int(invocations)) invocations, \(source)) "
            + (rate > threshold ? "above" : "within") + " the \(AliasWeights.percent(threshold)) threshold"
    }
}

extension EffectRunner {
    func health(of rollout: Rollout, now: Date = Date()) async -> RolloutHealth {
        let since = rollout.stepAppliedAt ?? now.addingTimeInterval(-rollout.plan.interval)
        if let fromMetrics = try? await metricsHealth(rollout, since: since, now: now), fromMetrics.invocations + fromMetrics.errors > 0 {
            return fromMetrics
        }
        return (try? await logHealth(rollout, since: since)) ?? RolloutHealth(errors: 0, invocations: 0, source: "no metrics or logs")
    }

    private func metricsHealth(_ rollout: Rollout, since: Date, now: Date) async throws -> RolloutHealth? {
        guard let metrics else { return nil }
        let dimensions = [MetricDimension("FunctionName", rollout.function), MetricDimension("Resource", "\(rollout.function):\(rollout.alias)"),
                          MetricDimension("ExecutedVersion", rollout.target)]
        let queries = ["Errors", "Invocations"].map {
            MetricQuery(id: $0.lowercased(), namespace: "AWS/Lambda", metricName: $0, dimensions: dimensions, period: 60, stat: "Sum")
        }
        // Whole minutes around the window: CloudWatch sums by period.
        let start = Date(timeIntervalSince1970: (since.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let results = try await metrics.getMetricData(queries, start: start, end: now.addingTimeInterval(60))
        let errors = results["errors"]?.map(\.value).reduce(0, +) ?? 0
        let invocations = results["invocations"]?.map(\.value).reduce(0, +) ?? 0
        return RolloutHealth(errors: errors, invocations: invocations, source: "CloudWatch metrics")
    }

    /// Streams are named `YYYY/MM/DD/[VERSION]id`: the target's are read since the step.
    private func logHealth(_ rollout: Rollout, since: Date) async throws -> RolloutHealth {
        let group = rollout.logGroup ?? "/aws/lambda/\(rollout.function)"
        let streams = try await logs.describeLogStreams(logGroupName: group, newestFirst: true, limit: 50).logStreams ?? []
        let names = streams.compactMap(\.logStreamName).filter { $0.contains("[\(rollout.target)]") }
        guard !names.isEmpty else { return RolloutHealth(errors: 0, invocations: 0, source: "its log streams") }
        var errors = 0.0, invocations = 0.0
        let request = FilterLogEventsRequest(logGroupName: group, startTime: Int64(since.timeIntervalSince1970 * 1000),
                                             logStreamNames: Array(names.prefix(100)))
        for try await page in logs.filteredEvents(request) {
            for event in page {
                let message = event.message ?? ""
                if message.hasPrefix("START RequestId") { invocations += 1 }
                if message.contains("ERROR") || message.contains("Task timed out") || message.contains("\"level\":\"ERROR\"") { errors += 1 }
            }
        }
        return RolloutHealth(errors: errors, invocations: invocations, source: "its log streams")
    }
}
