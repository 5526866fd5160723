/// A key/value list (environment, tags) edited while someone else changed it: after the
/// PreconditionFailed refresh, each key is merged on its own. A key only one side changed takes
/// that side's value; a key both changed differently keeps the user's value and is marked, and
/// the user decides (Enter again keeps theirs over it, or they edit it). Nothing the other writer
/// did is dropped blind.
extension FormState {
    /// Merges `group` with the same list in `fresh` (the form as the new state opens it); what
    /// the other writer changed, in words, for the banner.
    mutating func mergePairs(_ group: PairGroup, with fresh: FormState) -> [String] {
        let rows = fields.indices.filter { fields[$0].isPair(of: group) }
        guard let first = rows.first, let kind = rows.first.map({ fields[$0].kind }) else { return [] }
        let masked = if case .pair(_, true) = kind { true } else { false }
        let base = Self.map(rows.map { fields[$0].original })
        let mine = Self.map(rows.map { fields[$0].value })
        let theirs = Self.map(fresh.fields.filter { $0.isPair(of: group) }.map(\.value))
        var notes: [String] = []
        var merged: [FormField] = []
        for (index, key) in Set(base.keys).union(mine.keys).union(theirs.keys).sorted().enumerated() {
            let (b, m, t) = (base[key], mine[key], theirs[key])
            let value: String?
            var conflict: String?
            if m == b {
                value = t
            } else if t == b || m == t {
                value = m
            } else {
                value = m
                let their = t.map { masked ? "a new value" : "“\($0)”" } ?? "nothing (removed it)"
                conflict = "someone else set \(key) to \(their); Enter again keeps yours, or edit it"
            }
            if t != b { notes.append(t == nil ? "removed \(key)" : b == nil ? "added \(key)" : "changed \(key)") }
            guard let value else { continue }
            var field = FormField(.pair(group, row: index), merged.isEmpty ? fields[first].label : "", kind, value: t.map { "\(key)=\($0)" } ?? "")
            field.value = "\(key)=\(value)"
            field.conflict = conflict
            merged.append(field)
        }
        let focusedID = focusedField?.id
        fields.removeAll { $0.isPair(of: group) }
        fields.insert(contentsOf: merged, at: min(first, fields.count))
        if merged.isEmpty { fields.insert(FormField(.pair(group, row: -1), fresh.fields.first { $0.isPair(of: group) }?.label ?? "", kind), at: min(first, fields.count)) }
        keepOneEmptyPair(group)
        focus = focusedID.flatMap { id in fields.firstIndex { $0.id == id } } ?? min(focus, fields.count - 1)
        return notes
    }

    /// `KEY=value` rows as a map; empty rows left out.
    static func map(_ rows: [String]) -> [String: String] {
        var map: [String: String] = [:]
        for row in rows where !row.isEmpty {
            let parts = row.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            map[String(parts[0]).trimmingWhitespace()] = parts.count > 1 ? String(parts[1]) : ""
        }
        return map
    }
}
