import FoundationEssentials

/// The live tail of one function's log group: a bounded, time-ordered ring of lines from every
/// stream, each event once, and where the reader is in it.
public struct LogTail: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case starting
        /// StartLiveTail pushes events; `sampled` when CloudWatch sent only some of them (over
        /// 500 a second).
        case live(sampled: Bool)
        /// FilterLogEvents every `interval` seconds (the endpoint does not offer StartLiveTail).
        case polling(interval: TimeInterval)
    }

    public var function: String
    public var group: String
    /// The group's ARN, which StartLiveTail needs; nil when the function's ARN is not known.
    public var groupARN: String?
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
    public var search = "" {
        didSet { matchCount = lines.reduce(0) { $0 + (matchesSearch($1) ? 1 : 0) } }
    }
    /// Lines containing the search text, kept as lines come and go so that a frame need not count.
    public private(set) var matchCount = 0
    public var editingSearch = false
    public var editingPattern = false
    public var lastError: String?
    /// The log group does not exist (yet); the tail keeps checking every 10 s.
    public var groupMissing = false
    /// START and END lines hidden, REPORT lines shown as their figures.
    public var folded = false
    /// Long lines wrap, and an event's own line breaks are kept.
    public var wrapped = false
    /// Bumped on every restart, so that answers to an earlier poll are not merged.
    public var generation = 0

    public init(function: String, group: String, groupARN: String? = nil, since: Int64, capacity: Int) {
        self.function = function
        self.group = group
        self.groupARN = groupARN
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
        let added = fresh.map { TailLine($0) }.sorted { ($0.timestamp, $0.id) < ($1.timestamp, $1.id) }
        if provisionalCount > 0 { dropProvisional(matching: added) }
        insert(added)
        newest = max(newest, added.last?.timestamp ?? newest)
        if !following { offset += added.count }
        let horizon = newest - Self.overlapMilliseconds * 2
        if seen.count > capacity * 2 { seen = seen.filter { $0.value >= horizon } }
        return added.count
    }

    /// An invocation's LogResult (the last 4 KB of its log), shown at once, seconds before
    /// CloudWatch has the same lines; each copy goes when CloudWatch delivers its line.
    public mutating func seed(logResult: String, at timestamp: Int64, version: String?) {
        var messages = logResult.split(whereSeparator: \.isNewline).map(String.init)
        if logResult.utf8.count >= Self.logResultLimit - 100, let first = messages.first, !first.hasPrefix("START") {
            messages[0] = "…" + first  // the 4 KB cut fell inside this line
        }
        let stream = "LogResult/[\(version ?? "$LATEST")]"
        let lines = messages.enumerated().map { index, message in
            var line = TailLine(LogLine(timestamp: timestamp, stream: stream, message: message, id: "\(stream)/\(timestamp)/" + String(printf: "%06d", index)))
            line.provisional = true
            return line
        }
        provisionalCount += lines.count
        insert(lines)
        if !following { offset += lines.count }
    }

    /// How much of the log Invoke returns with `LogType=Tail`.
    public static let logResultLimit = 4096
    private var provisionalCount = 0
    /// The ring is bounded by bytes as well as lines: 10,000 lines of 1 MB each would be 10 GB.
    public static let byteCapacity = 32 << 20
    /// The text the ring holds, in bytes (with a little for each line's other fields).
    public private(set) var storedBytes = 0

    static func cost(_ line: TailLine) -> Int { line.text.utf8.count + line.stream.utf8.count + line.id.utf8.count + 64 }

    private mutating func insert(_ added: [TailLine]) {
        guard !added.isEmpty else { return }
        if let last = lines.last, let first = added.first, (first.timestamp, first.id) < (last.timestamp, last.id) {
            // Late events from the overlap window: put them where they belong.
            lines = (lines + added).sorted { ($0.timestamp, $0.id) < ($1.timestamp, $1.id) }
        } else {
            lines += added
        }
        if !search.isEmpty { matchCount += added.filter(matchesSearch).count }
        storedBytes += added.reduce(0) { $0 + Self.cost($1) }
        var excess = max(0, lines.count - capacity)
        var bytesAfter = storedBytes
        for line in lines.prefix(excess) { bytesAfter -= Self.cost(line) }
        // The oldest lines go until both bounds hold; the newest line always stays.
        while bytesAfter > Self.byteCapacity, excess < lines.count - 1 {
            bytesAfter -= Self.cost(lines[excess])
            excess += 1
        }
        if excess > 0 {
            let dropped = lines.prefix(excess)
            provisionalCount -= dropped.filter(\.provisional).count
            if !search.isEmpty { matchCount -= dropped.filter(matchesSearch).count }
            lines.removeFirst(excess)
            storedBytes = bytesAfter
        }
    }

    /// A line CloudWatch delivered replaces the LogResult copy of it, once per copy.
    private mutating func dropProvisional(matching added: [TailLine]) {
        var wanted: [String: Int] = [:]
        for line in added { wanted[line.text, default: 0] += 1 }
        var removed = 0
        let needle = search
        var freed = 0
        lines.removeAll { line in
            guard line.provisional, let count = wanted[line.text], count > 0 else { return false }
            wanted[line.text] = count - 1
            removed += 1
            freed += Self.cost(line)
            if Self.line(line, contains: needle) { matchCount -= 1 }
            return true
        }
        provisionalCount -= removed
        storedBytes -= freed
        if !following { offset = max(0, offset - removed) }
    }

    /// Where the next poll reads from.
    public var pollStart: Int64 { max(since, newest - Self.overlapMilliseconds) }

    /// Empties the ring and reads from `time` on.
    public mutating func restart(since time: Int64) {
        lines = []
        storedBytes = 0
        provisionalCount = 0
        matchCount = 0
        seen = [:]
        since = time
        newest = time
        offset = 0
        following = true
        generation += 1
    }

    /// The lines a page of `page` rows shows: the newest, or those above them while paused;
    /// folded, without START and END lines.
    public func visibleLines(page: Int) -> ArraySlice<TailLine> {
        // Scrolled up past the oldest page, the first page shows: never a half-empty panel.
        let end = max(min(lines.count, page), lines.count - offset)
        guard folded else { return lines[max(0, end - page)..<end] }
        var shown: [TailLine] = []
        var index = end - 1
        while index >= 0, shown.count < page {
            if lines[index].kind != .start, lines[index].kind != .end { shown.append(lines[index]) }
            index -= 1
        }
        shown.reverse()
        var next = end
        while next < lines.count, shown.count < page {
            if lines[next].kind != .start, lines[next].kind != .end { shown.append(lines[next]) }
            next += 1
        }
        return ArraySlice(shown)
    }

    /// The indices of lines containing the search text, case-insensitively.
    public var matches: [Int] {
        guard !search.isEmpty else { return [] }
        return lines.indices.filter { matchesSearch(lines[$0]) }
    }

    func matchesSearch(_ line: TailLine) -> Bool { Self.line(line, contains: search) }

    static func line(_ line: TailLine, contains needle: String) -> Bool {
        !needle.isEmpty && line.text.containsIgnoringCase(needle)
    }
}
