import Foundation

/// The live tail of one function's log group: a bounded, time-ordered ring of lines from every
/// stream, each event once, and where the reader is in it.
public struct LogTail: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case starting
        /// StartLiveTail pushes events.
        case live
        /// FilterLogEvents every `interval` seconds (the endpoint does not offer StartLiveTail).
        case polling(interval: TimeInterval)
    }

    public var function: String
    public var group: String
    public var mode: Mode = .starting
    public private(set) var lines: [TailLine] = []
    public let capacity: Int
    /// Events are read again from this far back, so that one written late is not missed.
    public static let overlapMilliseconds: Int64 = 5_000
    /// Ids of the events of the overlap window, to show each event once.
    private var seen: [String: Int64] = [:]
    public private(set) var newest: Int64
    /// Events from this time on (a jump moves it).
    public var since: Int64
    /// A CloudWatch filter pattern applied by the service.
    public var filterPattern: String?
    /// Follows new lines; scrolling up pauses it.
    public var following = true
    /// Lines between the last shown and the newest, while paused.
    public var offset = 0
    public var search = ""
    public var editingSearch = false
    public var editingPattern = false
    public var lastError: String?
    /// Bumped on every restart, so that answers to an earlier poll are not merged.
    public var generation = 0

    public init(function: String, group: String, since: Int64, capacity: Int) {
        self.function = function
        self.group = group
        self.since = since
        self.newest = since
        self.capacity = max(100, capacity)
    }

    /// Adds the events not seen yet, in time order across streams; returns how many were new.
    @discardableResult
    public mutating func merge(_ events: [LogLine]) -> Int {
        let fresh = events.filter { $0.timestamp >= since && seen[$0.id] == nil }
        guard !fresh.isEmpty else { return 0 }
        for event in fresh { seen[event.id] = event.timestamp }
        let added = fresh.map(TailLine.init).sorted { ($0.timestamp, $0.id) < ($1.timestamp, $1.id) }
        if let last = lines.last, let first = added.first, (first.timestamp, first.id) < (last.timestamp, last.id) {
            // Late events from the overlap window: put them where they belong.
            lines = (lines + added).sorted { ($0.timestamp, $0.id) < ($1.timestamp, $1.id) }
        } else {
            lines += added
        }
        if lines.count > capacity { lines.removeFirst(lines.count - capacity) }
        newest = max(newest, added.last?.timestamp ?? newest)
        if !following { offset += added.count }
        let horizon = newest - Self.overlapMilliseconds * 2
        if seen.count > capacity * 2 { seen = seen.filter { $0.value >= horizon } }
        return added.count
    }

    /// Where the next poll reads from.
    public var pollStart: Int64 { max(since, newest - Self.overlapMilliseconds) }

    /// Empties the ring and reads from `time` on.
    public mutating func restart(since time: Int64) {
        lines = []
        seen = [:]
        since = time
        newest = time
        offset = 0
        following = true
        generation += 1
    }

    /// The lines a page of `page` rows shows: the newest, or those above them while paused.
    public func visibleLines(page: Int) -> ArraySlice<TailLine> {
        let end = max(0, lines.count - offset)
        return lines[max(0, end - page)..<end]
    }

    /// The indices of lines containing the search text, case-insensitively.
    public var matches: [Int] {
        guard !search.isEmpty else { return [] }
        let needle = search.lowercased()
        return lines.indices.filter { lines[$0].text.lowercased().contains(needle) }
    }
}
