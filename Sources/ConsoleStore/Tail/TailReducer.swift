import AWSCore
import FoundationEssentials

/// Keys of the live tail view.
public enum TailCommand: Sendable, Equatable {
    /// `f` or End: follow new lines again.
    case follow
    case beginSearch, editSearch(String), endSearch(keep: Bool)
    /// n and N.
    case nextMatch(Int)
    case beginPattern, editPattern(String), endPattern(keep: Bool)
    case jump(TailJump)
    case save
    /// z: hide START and END, show REPORT as its figures.
    case fold
    /// v: long lines wrap and multi-line events show every line, instead of one cut row each.
    case wrap
}

public enum TailJump: Sendable, Equatable {
    case sinceInvocation, lastMinutes(Int)
}

enum TailReducer {
    /// Polls while events flow every second; idle, the interval doubles up to ten seconds.
    static let fastInterval: TimeInterval = 1
    static let slowestInterval: TimeInterval = 10

    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction, now: Date) -> [ConsoleEffect] {
        switch action {
        case .openTail:
            guard let configuration = state.focusedConfiguration, let name = configuration.functionName else {
                state.lastError = "Select a function to tail its logs."
                return []
            }
            let since = state.tails[name] == nil ? Int64((now.timeIntervalSince1970 - 300) * 1000) : nil
            state.routes.append(.tail(function: name))
            return [start(&state, function: name, group: configuration.logGroupName, groupARN: configuration.logGroupArn, since: since)]
        case .tailEvents(let function, let generation, let events, let mode):
            guard var tail = state.tails[function], tail.generation == generation else { return [] }
            let added = tail.merge(events)
            tail.lastError = nil
            tail.groupMissing = false
            let previous = tail.mode
            tail.mode = mode
            state.tails[function] = tail
            guard case .polling(let interval) = mode else { return [] }
            let next = added > 0 ? fastInterval : min(slowestInterval, max(fastInterval, interval * 2))
            if case .live = previous {
                // The live session ended: polling takes over from where it stopped.
                return [poll(tail, delay: 0, tryLive: false)]
            }
            return [poll(tail, delay: next, tryLive: false)]
        case .tailGroupMissing(let function, let generation):
            guard var tail = state.tails[function], tail.generation == generation else { return [] }
            tail.groupMissing = true
            tail.mode = .polling(interval: slowestInterval)
            state.tails[function] = tail
            return [poll(tail, delay: slowestInterval, tryLive: false)]
        case .tailFailed(let function, let generation, let message):
            guard var tail = state.tails[function], tail.generation == generation else { return [] }
            tail.lastError = message
            tail.mode = .polling(interval: slowestInterval)
            state.tails[function] = tail
            return [poll(tail, delay: slowestInterval, tryLive: false)]
        case .tailCommand(let command):
            guard let function = state.route.tailFunction, var tail = state.tails[function] else { return [] }
            var effects: [ConsoleEffect] = []
            switch command {
            case .follow:
                tail.following = true
                tail.offset = 0
            case .beginSearch: tail.editingSearch = true
            case .editSearch(let text): tail.search = TextLimits.cut(text, TextLimits.search, &state)
            case .endSearch(let keep):
                tail.editingSearch = false
                if !keep { tail.search = "" } else { jumpToMatch(&tail, step: -1, page: state.pageHeight) }
            case .nextMatch(let step): jumpToMatch(&tail, step: step, page: state.pageHeight)
            case .beginPattern: tail.editingPattern = true
            case .editPattern(let text): tail.filterPattern = TextLimits.cut(text, TextLimits.filterPattern, &state)
            case .endPattern(let keep):
                tail.editingPattern = false
                if !keep { tail.filterPattern = nil }
                if tail.filterPattern?.isEmpty == true { tail.filterPattern = nil }
                tail.restart(since: tail.since)
                // The new generation makes the reads of the old one stop on their own.
                effects = [poll(tail, delay: 0, tryLive: true)]
            case .jump(let jump):
                let start: Date = switch jump {
                case .sinceInvocation: state.lastInvoked[function] ?? now.addingTimeInterval(-300)
                case .lastMinutes(let minutes): now.addingTimeInterval(-Double(minutes) * 60)
                }
                tail.restart(since: Int64(start.timeIntervalSince1970 * 1000))
                effects = [poll(tail, delay: 0, tryLive: true)]
            case .fold:
                tail.folded.toggle()
            case .wrap:
                tail.wrapped.toggle()
            case .save:
                let stamp = Int(now.timeIntervalSince1970)
                let path = FileManager.default.currentDirectoryPath + "/\(SavedEventStore.fileName(function))-\(stamp).log"
                effects = [.saveLines(path: path, tail.visibleLines(page: Int.max).map(TailFormat.plain))]
            }
            state.tails[function] = tail
            return effects
        default:
            return []
        }
    }

    /// Scrolling in the tail: up pauses following; back at the bottom follows again.
    static func scroll(_ state: inout ConsoleState, function: String, by delta: Int) {
        guard var tail = state.tails[function] else { return }
        tail.offset = max(0, min(max(0, tail.lines.count - 1), tail.offset - delta))
        tail.following = tail.offset == 0
        state.tails[function] = tail
    }

    /// Leaving the view stops its reads; the lines stay for the next visit.
    static func leave(_ state: inout ConsoleState, function: String) -> [ConsoleEffect] {
        state.tails[function]?.generation += 1
        return [.stopTail(function: function)]
    }

    static func poll(_ tail: LogTail, delay: TimeInterval, tryLive: Bool) -> ConsoleEffect {
        .pollTail(function: tail.function, group: tail.group, generation: tail.generation, start: tail.pollStart, pattern: tail.filterPattern,
                  delay: delay, liveGroupARN: tryLive ? tail.groupARN : nil)
    }

    /// n/N: the next match above (-1, as `less` reads back) or below, brought into view.
    static func jumpToMatch(_ tail: inout LogTail, step: Int, page: Int) {
        let matches = tail.matches
        guard !matches.isEmpty else { return }
        let bottom = tail.lines.count - 1 - tail.offset
        let target = step < 0 ? (matches.last { $0 < bottom } ?? matches.last!) : (matches.first { $0 > bottom } ?? matches.first!)
        tail.offset = max(0, tail.lines.count - 1 - target)
        tail.following = tail.offset == 0
    }
}

/// A tail line as plain text, for saving.
public enum TailFormat {
    public static func plain(_ line: TailLine) -> String {
        let time = Date(timeIntervalSince1970: Double(line.timestamp) / 1000)
        return ISO8601Timestamp.string(time) + " " + (line.version.map { "[\($0)] " } ?? "") + line.text
    }
}

extension TailReducer {
    /// Starts (or restarts from `since`) the reads of a function's tail, for the tail and invoke screens.
    static func start(_ state: inout ConsoleState, function: String, group: String, groupARN: String?, since: Int64?) -> ConsoleEffect {
        var tail = state.tails[function]
            ?? LogTail(function: function, group: group, groupARN: groupARN, since: since ?? 0, capacity: state.tailCapacity)
        if let since { tail.restart(since: since) } else { tail.generation += 1 }
        tail.mode = .starting
        state.tails[function] = tail
        return poll(tail, delay: 0, tryLive: true)
    }
}
