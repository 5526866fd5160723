import ConsoleStore
import FoundationEssentials
import LambdaAPI

/// The fleet view: what it lists and how far each source got (the regions not enabled, denied or
/// failed named), then every source's functions in one table.
enum FleetView {
    static func draw(_ state: ConsoleState, _ screen: Screen, _ theme: Theme, top: Int, height: Int, now: Date) {
        guard let fleet = state.fleet, height > 2 else { return }
        let sources = fleet.sources
        func named(_ matches: (FleetProgress) -> Bool) -> [String] {
            sources.filter { matches(fleet.progress[$0] ?? .waiting) }.map { source in
                fleet.showsProfile ? source.profile : source.region ?? source.profile
            }
        }
        let listing = named { !$0.isFinished }
        var summary = "\(fleet.scope.title) · \(fleet.listedCount)/\(sources.count) listed · \(Formatting.count(fleet.rows.count)) functions"
        if !listing.isEmpty { summary += " · ⟳ " + listing.prefix(4).joined(separator: " ") + (listing.count > 4 ? " …" : "") }
        if fleet.table.visible.count != fleet.rows.count { summary += " · \(Formatting.count(fleet.table.visible.count)) shown" }
        line(" " + summary, screen, theme[.title], row: top)
        // One line of problems: a region not enabled is not an empty one.
        var problems: [String] = []
        let disabled = named { $0 == .notEnabled }
        if !disabled.isEmpty { problems.append("not enabled: " + disabled.joined(separator: " ")) }
        for source in sources {
            let place = fleet.showsProfile ? source.profile : source.region ?? source.profile
            switch fleet.progress[source] {
            case .denied(let sentence)?: problems.append("\(place) denied: \(sentence)")
            case .failed(let sentence)?: problems.append("\(place): \(sentence)")
            default: break
            }
        }
        let tableTop = problems.isEmpty ? top + 1 : top + 2
        if !problems.isEmpty { line(" " + problems.joined(separator: " · "), screen, theme[.warn], row: top + 1) }
        TableView.draw(fleet.rows, columns: PaneColumns.fleet(profiles: fleet.showsProfile, now: now), table: fleet.table, theme: theme,
                       screen: screen, top: tableTop, height: height - (tableTop - top))
        if fleet.rows.isEmpty, !fleet.isListing {
            line(" No functions in any of them.", screen, theme[.dim], row: tableTop + 2)
        }
    }

    private static func line(_ text: String, _ screen: Screen, _ style: TextStyle, row: Int) {
        screen.put(DisplayWidth.clip(TableView.sanitize(text), width: screen.columns - 1), row: row, column: 0, style: style)
    }
}
