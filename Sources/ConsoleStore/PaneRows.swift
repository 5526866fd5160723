import Foundation
import LambdaAPI
import LogsAPI

/// How each pane's rows are keyed, filtered and sorted. Column identifiers are the ones the
/// views declare, so a view's column and its sort key share one name.
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
        streamTable.rebuild(count: rows.count, matches: { _ in true }, sortKey: { _ in .none }, key: { rows[$0]?.logStreamName ?? "" },
                            keepKey: nil)
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
        aliasRows.compactMap { alias in
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
            if filter.usesTags { tagsKnown = TagReading.knownCount(self) }
            table.rebuild(count: functions.count, generation: functionsGeneration,
                          matches: { index in filter.isEmpty || filter.matches(text: search[index], tags: {
                              details[functions[index].functionName ?? ""]?.tags ?? listTags[functions[index].functionArn ?? ""] ?? [:]
                          }) },
                          sortKey: { column.sortKey(functions[$0]) }, key: { functions[$0].functionArn ?? "" }, keepKey: keep)
        case .versions:
            table.rebuild(rows: versionRows, matches: { word.isEmpty || "\($0.version ?? "") \($0.description ?? "")".lowercased().contains(word) },
                          sortKey: { column.sortKey($0) }, key: { $0.version ?? "" }, keepKey: keep)
        case .aliases:
            table.rebuild(rows: aliasRows, matches: { word.isEmpty || "\($0.name ?? "") \($0.description ?? "")".lowercased().contains(word) },
                          sortKey: { column == .version ? .text($0.functionVersion ?? "") : .text($0.name ?? "") },
                          key: { $0.aliasArn ?? $0.name ?? "" }, keepKey: keep)
        case .mappings:
            table.rebuild(rows: mappingRows, matches: { word.isEmpty || "\($0.eventSourceArn ?? "") \($0.state ?? "")".lowercased().contains(word) },
                          sortKey: { column == .state ? .text($0.state ?? "") : .text($0.eventSourceArn ?? "") },
                          key: { $0.uuid ?? "" }, keepKey: keep)
        case .logs:
            table.rebuild(rows: logRows, matches: { word.isEmpty || $0.message.lowercased().contains(word) },
                          sortKey: { .number(Double($0.timestamp)) }, key: { $0.id }, keepKey: keep)
        }
        tables[pane] = table
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
