import FoundationEssentials
import LambdaAPI
import LogsAPI

/// How each pane's rows are keyed, filtered and sorted, by the columns `PaneColumns` declares.
extension ConsoleState {
    /// The versions of the focused function, newest first, with the aliases routing to each.
    public var versionRows: [FunctionConfiguration] { focusedDetail?.versions ?? [] }
    public var aliasRows: [AliasConfiguration] { focusedDetail?.aliases ?? [] }
    public var mappingRows: [EventSourceMappingConfiguration] { focusedDetail?.mappings ?? [] }
    public var logRows: [LogLine] { focusedName.flatMap { logLines[$0] } ?? [] }

    /// The stream list's rows: "all streams" first, then the streams, newest first.
    public var streamRows: [LogStream?] { [nil] + (focusedName.flatMap { logStreams[$0] } ?? []) }

    mutating func rebuildStreams() {
        let rows = streamRows
        streamTable.rebuild(count: rows.count, matches: { _ in true }, sortKey: { _ in .none }, keepRow: nil)
    }

    public var focusedDetail: FunctionDetail? { focusedName.flatMap { details[$0] } }

    /// The percentage of an alias's traffic that goes to `version`, as the console last read the
    /// alias (nil when it has not read it).
    public func aliasWeight(function: String, alias: String, version: String) -> Double? {
        guard let configuration = details[function]?.aliases.first(where: { $0.name == alias }) else { return nil }
        return EffectRunner.weight(of: version, in: configuration) * 100
    }

    /// The aliases that send traffic to `version`, with the share each sends there.
    public func routing(to version: String) -> [(alias: String, weight: Double)] {
        Self.routing(to: version, aliases: aliasRows)
    }

    static func routing(to version: String, aliases: [AliasConfiguration]) -> [(alias: String, weight: Double)] {
        aliases.compactMap { alias in
            guard let name = alias.name else { return nil }
            let extra = alias.routingConfig?.additionalVersionWeights ?? [:]
            if alias.functionVersion == version { return (name, 1 - extra.values.reduce(0, +)) }
            if let weight = extra[version] { return (name, weight) }
            return nil
        }
    }

    /// The per-function panes start again at their first row, keeping their sort and filter:
    /// their old rows, cursor and scroll were the previous function's.
    mutating func focusChanged() {
        functionTablesOwner = focusedName
        choosingStream = false
        for pane in [Pane.versions, .aliases, .mappings, .logs] {
            guard let old = tables[pane] else { continue }
            var fresh = TableState(sortColumn: old.sortColumn)
            fresh.ascending = old.ascending
            fresh.filter = old.filter
            tables[pane] = fresh
            rebuild(pane)
        }
        streamTable = TableState(sortColumn: streamTable.sortColumn)
        rebuildStreams()
    }

    mutating func rebuild(_ pane: Pane, keepKey: String? = nil) {
        guard var table = tables[pane] else { return }
        let keep = keepKey ?? selectedKey(pane)
        let column = table.sortColumn
        let word = table.filter.lowercased()
        switch pane {
        case .functions:
            let filter = FunctionFilter(word)
            let functions = functions, search = functionSearch, details = details, listTags = listTags
            let metrics = metricColumnSource
            let columns: [ColumnSpec<FunctionRow>] = PaneColumns.functions(now: .distantPast, metrics: metrics)
            let sortKey = columns.sorting(by: column)?.sortKey ?? { _ in .none }
            if filter.usesTags { tagsKnown = TagReading.knownCount(self) }
            // A sort by a metric sorts again when metrics arrive; any other keeps its order.
            let generation = column.isMetric ? functionsGeneration &+ (listMetricsGeneration << 32) : functionsGeneration
            table.rebuild(count: functions.count, generation: generation,
                          matches: { index in filter.isEmpty || filter.matches(text: search[index], tags: {
                              details[functions[index].functionName ?? ""]?.tags ?? listTags[functions[index].functionArn ?? ""] ?? [:]
                          }, metric: { metrics?.figure($0, of: functions[index]) }) },
                          sortKey: { sortKey(functions[$0]) }, keepRow: keep.flatMap { functionRow(arn: $0) },
                          narrows: filter.narrows)
        case .versions:
            table.rebuild(rows: versionRows, columns: versionColumns(now: .distantPast), word: word, key: { $0.version ?? "" }, keepKey: keep)
        case .aliases:
            table.rebuild(rows: aliasRows, columns: PaneColumns.aliases(), word: word, key: { $0.aliasArn ?? $0.name ?? "" }, keepKey: keep)
        case .mappings:
            table.rebuild(rows: mappingRows, columns: PaneColumns.mappings(now: .distantPast), word: word, key: { $0.uuid ?? "" }, keepKey: keep)
        case .logs:
            table.rebuild(rows: logRows, columns: PaneColumns.logs(), word: word, key: { $0.id }, keepKey: keep)
        }
        // The row the cursor stayed on may now be elsewhere (a sort, a filter, a new page): the
        // window follows it, or the selection would be off screen.
        table.scrollToCursor(height: pageHeight)
        tables[pane] = table
    }

    /// The versions pane's columns, with the aliases that route to each version.
    public func versionColumns(now: Date) -> [ColumnSpec<FunctionConfiguration>] {
        let aliases = aliasRows
        return PaneColumns.versions(now: now) { Self.routing(to: $0, aliases: aliases) }
    }

    /// The key of the row under the cursor, which a rebuild keeps the cursor on.
    func selectedKey(_ pane: Pane) -> String? {
        guard let index = tables[pane]?.selectedIndex else { return nil }
        switch pane {
        case .functions: return functions.indices.contains(index) ? functions[index].functionArn : nil
        case .versions: return versionRows.indices.contains(index) ? versionRows[index].version : nil
        case .aliases: return aliasRows.indices.contains(index) ? (aliasRows[index].aliasArn ?? aliasRows[index].name) : nil
        case .mappings: return mappingRows.indices.contains(index) ? mappingRows[index].uuid : nil
        case .logs: return logRows.indices.contains(index) ? logRows[index].id : nil
        }
    }
}
