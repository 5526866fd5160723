import ConsoleStore
import FoundationEssentials
import LambdaAPI

/// Two versions side by side: the configuration fields that differ (old → new), then the code:
/// the same package, the files changed, added and removed (the cursor on one, Enter shows its
/// lines), or one file's lines with - and + as diff prints them.
enum VersionDiffView {
    static func draw(_ name: String, _ state: ConsoleState, _ screen: Screen, _ theme: Theme, top: Int, height: Int) {
        guard let diff = state.versionDiffs[name] else { return }
        var lines: [(String, ThemeRole, Bool)] = []
        var cursorLine = 0
        if let file = diff.file {
            switch file {
            case .loading(let path): lines.append(("\(path): reading both packages…", .dim, false))
            case .failed(let path, let sentence): lines.append(("\(path): \(sentence)", .warn, false))
            case .lines(let path, let diffLines):
                let added = diffLines.filter { $0.kind == .added }.count, removed = diffLines.filter { $0.kind == .removed }.count
                lines.append(("\(path): \(added) lines added, \(removed) removed (version \(diff.old) → \(diff.new))", .title, false))
                for line in diffLines {
                    switch line.kind {
                    case .same: lines.append(("  " + line.text, .dim, false))
                    case .added: lines.append(("+ " + line.text, .ok, false))
                    case .removed: lines.append(("- " + line.text, .error, false))
                    }
                }
            }
            cursorLine = diff.scroll
        } else {
            lines.append(("Configuration: version \(diff.old) → \(diff.new)", .title, false))
            if diff.changes.isEmpty { lines.append(("  the same", .dim, false)) }
            let width = min(24, (diff.changes.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2)
            for change in diff.changes {
                lines.append(("  " + DisplayWidth.fit(change.label, width: width) + change.old + "  →  " + change.new, .warn, false))
            }
            lines.append(("", .text, false))
            switch diff.code {
            case .same(let sha): lines.append(("Code: the same package (CodeSha256 \(sha.prefix(16))…)", .title, false))
            case .comparing: lines.append(("Code: downloading both packages to compare their files…", .dim, false))
            case .failed(let sentence): lines.append(("Code: not compared: \(sentence)", .warn, false))
            case .compared(let comparison):
                lines.append(("Code: \(comparison.changed.count) files changed, \(comparison.added.count) added, \(comparison.removed.count) removed, "
                              + "\(comparison.unchanged) the same (Enter: a file's lines)", .title, false))
                for (index, file) in diff.files.enumerated() {
                    let mark = file.kind == .added ? "+ " : file.kind == .removed ? "- " : "~ "
                    let role: ThemeRole = file.kind == .added ? .ok : file.kind == .removed ? .error : .text
                    if index == diff.fileCursor { cursorLine = lines.count }
                    lines.append(("  " + mark + file.path, role, index == diff.fileCursor))
                }
            }
        }
        // In a file the scroll is the first line shown; in the overview the cursor stays in view.
        let first = diff.file != nil ? max(0, min(cursorLine, lines.count - height)) : max(0, min(cursorLine - height + 2, lines.count - height))
        for (offset, (text, role, selected)) in lines.dropFirst(first).prefix(height).enumerated() {
            var style = theme[role]
            if selected { style = TableView.merge(theme[.selection], over: style) }
            if selected { screen.fill(row: top + offset, from: 0, style: theme[.selection]) }
            screen.put(DisplayWidth.clip(TableView.sanitize(text), width: screen.columns - 1), row: top + offset, column: 0, style: style)
        }
    }
}
