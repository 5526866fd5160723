import AWSCore
import FoundationEssentials
import LogsAPI
import Synchronization

/// Which tail reads are current: leaving the view or restarting a tail makes older ones stop.
final class TailRegistry: Sendable {
    private let current = Mutex<[String: Int]>([:])
    /// How long each tail's last read took, so that reads start an interval apart rather than an
    /// interval after the last answer (which would add the read's time to every line's delay).
    private let readTimes = Mutex<[String: Duration]>([:])

    func start(_ function: String, generation: Int) { current.withLock { $0[function] = generation } }
    func stop(_ function: String) { current.withLock { $0[function] = nil } }
    func isCurrent(_ function: String, generation: Int) -> Bool { current.withLock { $0[function] == generation } }
    func lastRead(_ function: String) -> Duration { readTimes.withLock { $0[function] ?? .zero } }
    func read(_ function: String, took time: Duration) { readTimes.withLock { $0[function] = time } }
}

extension EffectRunner {
    /// One step of a live tail. With `liveGroupARN`, a StartLiveTail session is opened and its
    /// events posted as they come; where the endpoint does not offer it (or the session ends),
    /// the answer switches the tail to polling FilterLogEvents.
    func tail(function: String, group: String, generation: Int, start: Int64, pattern: String?, delay: TimeInterval, liveGroupARN: String?,
              progress: @escaping @Sendable (ConsoleAction) -> Void) async -> ConsoleAction {
        tails.start(function, generation: generation)
        if let liveGroupARN, let ended = await liveTail(function: function, group: group, groupARN: liveGroupARN, generation: generation,
                                                       start: start, pattern: pattern, progress: progress) {
            return ended
        }
        let wait = Duration.milliseconds(Int(delay * 1000)) - tails.lastRead(function)
        if wait > .zero { try? await Task.sleep(for: wait) }
        guard tails.isCurrent(function, generation: generation) else { return .tailStopped(function: function) }
        let started = ContinuousClock.now
        defer { tails.read(function, took: ContinuousClock.now - started) }
        do {
            let lines = try await read(group: group, start: start, pattern: pattern)
            return .tailEvents(function: function, generation: generation, lines, mode: .polling(interval: max(delay, 1)))
        } catch AWSClientError.service(let error) where error.code == .resourceNotFoundException {
            // No log group until the function first runs (or it logs to one that is gone): said, and checked again.
            return .tailGroupMissing(function: function, generation: generation)
        } catch {
            return .tailFailed(function: function, generation: generation, (error as? AWSClientError)?.description ?? "\(error)")
        }
    }

    /// The group's events from `start` on, all streams, in the order FilterLogEvents gives.
    private func read(group: String, start: Int64, pattern: String?) async throws -> [LogLine] {
        var lines: [LogLine] = []
        let request = FilterLogEventsRequest(logGroupName: group, startTime: start, filterPattern: pattern)
        for try await page in logs.filteredEvents(request) {
            lines += page.map { Self.tailLine(stream: $0.logStreamName, timestamp: $0.timestamp, message: $0.message) }
            if lines.count >= maximumLogLines { break }
        }
        return lines
    }

    /// Nil when StartLiveTail is not offered; otherwise the action that ends the session.
    private func liveTail(function: String, group: String, groupARN: String, generation: Int, start: Int64, pattern: String?,
                          progress: @escaping @Sendable (ConsoleAction) -> Void) async -> ConsoleAction? {
        let stream: AsyncThrowingStream<LiveTailEvent, Error>
        do {
            stream = try await logs.startLiveTail(logGroupIdentifiers: [groupARN], filterPattern: pattern)
        } catch {
            return nil
        }
        progress(.tailEvents(function: function, generation: generation, [], mode: .live(sampled: false)))
        // A session carries only what is ingested from now on. What came before (the tail's
        // window, the lines of an invocation just sent) is read now, and once more after the
        // few seconds FilterLogEvents may lag behind ingestion; the tail shows each line once.
        // The first read is never cut short, even when the session ends first (under load it
        // did, and the lines before the session were lost for good); the late one is.
        let history = Task { () -> Int64? in
            guard tails.isCurrent(function, generation: generation), let lines = try? await read(group: group, start: start, pattern: pattern)
            else { return nil }
            progress(.tailEvents(function: function, generation: generation, lines, mode: .live(sampled: false)))
            return lines.map(\.timestamp).max() ?? start
        }
        let late = Task {
            guard let newest = await history.value else { return }
            try? await Task.sleep(for: .seconds(5))
            // The second read covers only the late arrivals, with the overlap polling uses.
            let from = max(start, newest - LogTail.overlapMilliseconds)
            guard !Task.isCancelled, tails.isCurrent(function, generation: generation),
                  let lines = try? await read(group: group, start: from, pattern: pattern) else { return }
            progress(.tailEvents(function: function, generation: generation, lines, mode: .live(sampled: false)))
        }
        do {
            for try await event in stream {
                guard tails.isCurrent(function, generation: generation) else { break }
                if case .sessionUpdate(let events, let sampled) = event {
                    let lines = events.map { Self.tailLine(stream: $0.logStreamName, timestamp: $0.timestamp, message: $0.message) }
                    progress(.tailEvents(function: function, generation: generation, lines, mode: .live(sampled: sampled)))
                }
            }
        } catch {}
        // Nothing of the catch-up may arrive after the answer below, which hands over to polling.
        late.cancel()
        _ = await history.value
        await late.value
        // The session ended (sessions last up to three hours): polling carries on from here.
        return .tailEvents(function: function, generation: generation, [], mode: .polling(interval: 1))
    }

    /// A tail event's identity is its stream, time and text, the same whether StartLiveTail or
    /// FilterLogEvents brought it (only the latter has event ids), so that the switch from one to
    /// the other shows no line twice.
    static func tailLine(stream: String?, timestamp: Int64?, message: String?) -> LogLine {
        LogLine(timestamp: timestamp ?? 0, stream: stream ?? "", message: message ?? "",
                id: "\(stream ?? "")/\(timestamp ?? 0)/\(message ?? "")")
    }
}
