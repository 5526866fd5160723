import ConsoleStore
import ConsoleUI
import Foundation
import LambdaAPI

/// One console on an in-memory screen, driven step by step as a user and AWS would drive it,
/// with the properties that must hold after every step.
public final class ModelRun {
    public let controller: ConsoleController
    let screen: CheckingScreen
    /// Effects the reducer asked for and nobody has answered yet, oldest first.
    public private(set) var pending: [ConsoleEffect] = []
    static let now = Date(timeIntervalSince1970: 1_795_600_800)

    public init(readOnly: Bool = false, rows: Int = 40, columns: Int = 120) {
        let screen = CheckingScreen(rows: rows, columns: columns)
        self.screen = screen
        var state = ConsoleState(connection: ConnectionInfo(profile: "model", region: "us-east-1", endpoint: "http://127.0.0.1:1",
                                                            readOnly: readOnly))
        state.contextChoices.profiles = ["alpha", "beta", "model"]
        state.contextChoices.regions = ["eu-west-1", "us-east-1"]
        state.contextChoices.allRegions = ["eu-west-1", "us-east-1", "ap-east-1"]
        state.contextChoices.visited(profile: "other", region: "eu-west-1")
        state.contextChoices.visited(profile: "model", region: "us-east-1")
        var effects: [ConsoleEffect] = []
        controller = ConsoleController(state: state, screen: screen, theme: .dark, terminal: nil) { effects.append($0) }
        collect = { let taken = effects; effects.removeAll(); return taken }
        controller.dispatch(.resized(rows: rows, columns: columns), now: Self.now)
        controller.dispatch(.show(.functions), now: Self.now)
        pending += collect()
    }

    private var collect: () -> [ConsoleEffect] = { [] }

    public var state: ConsoleState { controller.state }

    /// The screen on which `s` revealed environment values, as the user saw it happen; nil once
    /// the user has moved anywhere else.
    private var revealedOn: [Route]?

    public func apply(_ step: ModelStep) {
        let routesBefore = state.routes
        let revealedBefore = state.revealsSecrets
        defer {
            if state.routes != routesBefore { revealedOn = nil }
            if step == .key(.character("s")), state.routes == routesBefore, !revealedBefore, state.revealsSecrets {
                revealedOn = state.routes
            }
            if !state.revealsSecrets { revealedOn = nil }
        }
        switch step {
        case .key(let key):
            if case .mouseClick(let row, let column) = key, row >= screen.rows || column >= screen.columns { return }
            controller.handle(key)
        case .paste(let text):
            controller.handle(.paste(text))
        case .resize(let rows, let columns):
            screen.resize(rows: rows, columns: columns)
            controller.handle(.resize)
        case .timer:
            controller.dispatch(.timerFired, now: Self.now)
        case .deliver(let index, let mode, let seed):
            guard !pending.isEmpty else { break }
            let position = index % pending.count
            let effect = pending[position]
            if mode != .twice { pending.remove(at: position) }
            if mode == .drop { break }
            for action in ModelAnswers.answer(effect, failing: mode == .failure, seed: seed, state: state) {
                controller.dispatch(action, now: Self.now)
            }
        case .stray(let seed):
            for action in ModelAnswers.stray(seed: seed, state: state) { controller.dispatch(action, now: Self.now) }
        }
        // What the app does with a fleet row's Enter when the function is in this context.
        if let request = controller.takeContextRequest(), let name = request.open {
            controller.dispatch(.openFunctionNamed(name), now: Self.now)
        }
        pending += collect()
        // Work nobody answers piles up in a long run; the oldest is forgotten, as a lost reply would be.
        if pending.count > 64 { pending.removeFirst(pending.count - 64) }
    }

    /// Draws a frame and checks every property; the first broken one, as a sentence.
    public func check() -> String? {
        screen.violations.removeAll()
        controller.render(now: Self.now)
        if let violation = screen.violations.first { return "drew outside the screen: \(violation)" }
        if let problem = ModelProperties.tables(state) { return problem }
        let text = screen.text
        if let control = text.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\n" || (0x7F..<0xA0).contains($0.value) }) {
            return "a control character (U+\(String(control.value, radix: 16))) reached the screen"
        }
        if text.contains(ModelEstate.secretMarker), !ModelProperties.revealedOnThisScreen(state, revealedOn: revealedOn) {
            return "an environment value is on screen though nobody revealed it here"
        }
        // The clipboard is a place an environment value would be written to: never one, revealed or not.
        if screen.copied.contains(CheckingScreen.undecodable) { return CheckingScreen.undecodable }
        if screen.copied.contains(where: { $0.contains(ModelEstate.secretMarker) }) {
            return "an environment value was copied to the clipboard"
        }
        if case .copyMenu(let cursor) = state.overlay, cursor < 0 || cursor >= max(1, state.copyChoices.count) {
            return "copy menu cursor \(cursor) of \(state.copyChoices.count)"
        }
        if case .contexts(let cursor) = state.overlay, !state.contextChoices.recent.indices.contains(cursor) {
            return "contexts cursor \(cursor) of \(state.contextChoices.recent.count)"
        }
        if let fleet = state.fleet {
            let table = fleet.table
            if !fleet.rows.isEmpty || !table.visible.isEmpty {
                if table.visible.contains(where: { !fleet.rows.indices.contains($0) }) { return "a fleet row index out of range" }
                if !table.visible.isEmpty, !table.visible.indices.contains(table.cursor) { return "fleet cursor \(table.cursor) of \(table.visible.count)" }
            }
        }
        return nil
    }
}

/// What must hold of the state after any step.
enum ModelProperties {
    static func tables(_ state: ConsoleState) -> String? {
        let counts: [(Pane, Int)] = [(.functions, state.functions.count), (.versions, state.versionRows.count),
                                     (.aliases, state.aliasRows.count), (.mappings, state.mappingRows.count), (.logs, state.logRows.count)]
        for (pane, count) in counts {
            guard let table = state.tables[pane] else { return "the \(pane) table is missing" }
            if let problem = check(table, rows: count) { return "\(pane) table: \(problem)" }
        }
        if let problem = check(state.streamTable, rows: state.streamRows.count) { return "stream table: \(problem)" }
        for (name, insights) in state.insights {
            if let problem = check(insights.table, rows: insights.rows.count) { return "\(name) insights table: \(problem)" }
            if insights.queryCursor < 0 || insights.queryCursor >= max(1, insights.queries.count) {
                return "\(name) insights: query \(insights.queryCursor) of \(insights.queries.count)"
            }
        }
        for (name, monitor) in state.monitors {
            if let cursor = monitor.cursor, let window = monitor.window, cursor < 0 || cursor >= window.buckets {
                return "\(name) monitor: cursor \(cursor) of \(window.buckets) points"
            }
            if monitor.scroll < 0 || monitor.scroll >= max(1, monitor.shownCharts.count) {
                return "\(name) monitor: scroll \(monitor.scroll) of \(monitor.shownCharts.count) charts"
            }
        }
        switch state.overlay {
        case .palette(let palette):
            let count = ActionReducer.paletteItems(state, filter: palette.filter).count
            if palette.cursor < 0 || palette.cursor >= max(1, count) { return "palette cursor \(palette.cursor) of \(count) items" }
        case .history(let cursor):
            if cursor < 0 || cursor >= max(1, state.invocationHistory.count) { return "history cursor \(cursor) of \(state.invocationHistory.count)" }
        case .form(let form):
            if !form.fields.indices.contains(form.focus) { return "form focus \(form.focus) of \(form.fields.count) fields" }
        default:
            break
        }
        return nil
    }

    static func check(_ table: TableState, rows: Int) -> String? {
        if let bad = table.visible.first(where: { $0 < 0 || $0 >= rows }) { return "row \(bad) shown of \(rows)" }
        if table.cursor < 0 || table.cursor >= max(1, table.visible.count) { return "cursor \(table.cursor) of \(table.visible.count) rows" }
        if table.scroll < 0 { return "scroll \(table.scroll)" }
        return nil
    }

    /// Environment values may show only where the user revealed them: the detail or its JSON
    /// after `s` there, or a form after ctrl-t in it.
    static func revealedOnThisScreen(_ state: ConsoleState, revealedOn: [Route]?) -> Bool {
        // A form drawn over the detail where `s` was pressed leaves that detail's values showing
        // around it.
        if case .form(let form) = state.overlay, form.revealsSecrets { return true }
        return revealedOn == state.routes
    }
}

/// A grid screen that notes every attempt to draw outside it.
final class CheckingScreen: Screen {
    private let grid: GridScreen
    var violations: [String] = []

    init(rows: Int, columns: Int) { grid = GridScreen(rows: rows, columns: columns) }

    var rows: Int { grid.rows }
    var columns: Int { grid.columns }
    var text: String { grid.text }

    func resize(rows: Int, columns: Int) { grid.resize(rows: rows, columns: columns) }

    @discardableResult
    func put(_ text: String, row: Int, column: Int, style: TextStyle) -> Int {
        if row < 0 || row >= rows || column < 0 || column > columns, !text.isEmpty {
            violations.append("\(String(reflecting: String(text.prefix(20)))) at row \(row), column \(column) of \(rows)×\(columns)")
        }
        return grid.put(text, row: row, column: column, style: style)
    }

    func erase() { grid.erase() }
    func present() {}

    /// A link must cover text on screen, with a URL that cannot end its sequence early.
    func link(_ url: String, text: String, row: Int, column: Int) {
        if row < 0 || row >= rows || column < 0 || column + DisplayWidth.of(text) > columns || !TerminalHyperlink.isSafe(url) {
            violations.append("a hyperlink to \(String(reflecting: String(url.prefix(40)))) at row \(row), column \(column)")
        }
    }

    static let undecodable = "<an OSC 52 sequence that does not decode>"
    /// What was copied (OSC 52), decoded.
    var copied: [String] = []
    func passThrough(_ sequence: String) {
        guard let start = sequence.range(of: "52;c;"), let end = sequence[start.upperBound...].firstIndex(where: { $0 == "\u{07}" || $0 == "\u{1B}" }),
              let data = Data(base64Encoded: String(sequence[start.upperBound..<end])) else {
            copied.append(Self.undecodable)
            return
        }
        copied.append(String(decoding: data, as: UTF8.self))
    }
}
