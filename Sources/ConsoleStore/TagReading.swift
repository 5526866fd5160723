import FoundationEssentials
import LambdaAPI

/// The `tag:` filter needs every function's tags, which ListFunctions does not return. The first
/// time one is typed, the tags of the whole list are read in the background (and, after a
/// refresh, those of functions not seen before); until all are known the count says how many are.
enum TagReading {
    /// The read to start, if the functions filter asks for tags that are not all known.
    static func start(_ state: inout ConsoleState) -> [ConsoleEffect] {
        let asks = FunctionFilter(state.tables[.functions]?.filter.lowercased() ?? "").usesTags
        if !asks, state.inFlight.contains(.tags) {
            // Nobody needs the rest: the read stops, and the footer stops saying "loading".
            // What it found is kept for the next `tag:`.
            state.inFlight.remove(.tags)
            return [.stopTagReading]
        }
        guard FunctionFilter(state.tables[.functions]?.filter.lowercased() ?? "").usesTags, !state.inFlight.contains(.tags) else { return [] }
        let unknown = state.functions.compactMap { function -> String? in
            guard let arn = function.functionArn, state.listTags[arn] == nil, state.details[function.functionName ?? ""] == nil else { return nil }
            return arn
        }
        guard !unknown.isEmpty else { return [] }
        state.inFlight.insert(.tags)
        state.tagsProblem = nil
        return [.loadTags(arns: unknown)]
    }

    static func loaded(_ tags: [String: [String: String]], final: Bool, problem: String?, _ state: inout ConsoleState) {
        // A stopped read's empty answer changes nothing: no rebuild of a 50,000-row table for it.
        guard final || !tags.isEmpty else { return }
        state.listTags.merge(tags) { _, new in new }
        if final {
            state.inFlight.remove(.tags)
            state.tagsProblem = problem
        }
        state.rebuild(.functions)
        state.followSelection()
    }

    static func knownCount(_ state: ConsoleState) -> Int {
        state.functions.reduce(0) { count, function in
            let known = state.details[function.functionName ?? ""] != nil || state.listTags[function.functionArn ?? ""] != nil
            return count + (known ? 1 : 0)
        }
    }

    /// "tags known for 120 of 301", while a `tag:` filter is on and not every function's are known.
    static func summary(_ state: ConsoleState) -> String? {
        guard FunctionFilter(state.tables[.functions]?.filter.lowercased() ?? "").usesTags, state.tagsKnown < state.functions.count
        else { return nil }
        let known = "tags known for \(state.tagsKnown) of \(state.functions.count)"
        if let problem = state.tagsProblem { return known + " (\(problem))" }
        return state.inFlight.contains(.tags) ? known + ", reading" : known
    }
}

extension ConsoleState {
    /// What the functions filter cannot see yet: "tags known for 120 of 301, reading".
    public var tagsSummary: String? { TagReading.summary(self) }
}
