/// The semantic roles a theme colours. Views ask for a role, never for a colour.
public enum ThemeRole: String, CaseIterable, Sendable {
    case text, dim, header, badge, title, border, columnHeader, selection, stale
    case ok, warn, error, footer, footerKey, filter
    case jsonKey = "json.key", jsonString = "json.string", jsonNumber = "json.number", jsonLiteral = "json.literal"
    case logError = "log.error", logWarn = "log.warn", logMeta = "log.meta", logTime = "log.time"
    case weightBar = "weight.bar", weightRest = "weight.rest"
    /// A chart's lines, in order, its axes and labels, and the cursor's column.
    case chart1 = "chart.1", chart2 = "chart.2", chart3 = "chart.3", chart4 = "chart.4", chartAxis = "chart.axis", chartCursor = "chart.cursor"

    /// The colour of a chart's `index`th line (the fifth takes the first's again).
    public static func chartLine(_ index: Int) -> ThemeRole {
        [.chart1, .chart2, .chart3, .chart4][index % 4]
    }
}

/// A style per role. Loaded from a theme file, or the built-in dark default.
public struct Theme: Sendable {
    public var name: String
    public var styles: [ThemeRole: TextStyle]

    public subscript(role: ThemeRole) -> TextStyle {
        styles[role] ?? .plain
    }

    /// Used when no theme is chosen, and as the base every theme file starts from.
    public static let dark = Theme(name: "dark", styles: [
        .text: .plain,
        .dim: TextStyle(dim: true),
        .header: TextStyle(foreground: .black, background: .cyan),
        .badge: TextStyle(foreground: .white, background: .red, bold: true),
        .title: TextStyle(foreground: .cyan, bold: true),
        .border: TextStyle(foreground: .blue),
        .columnHeader: TextStyle(bold: true, underline: true),
        .selection: TextStyle(reverse: true),
        .stale: TextStyle(foreground: .yellow, dim: true),
        .ok: TextStyle(foreground: .green),
        .warn: TextStyle(foreground: .yellow),
        .error: TextStyle(foreground: .red, bold: true),
        .footer: TextStyle(dim: true),
        .footerKey: TextStyle(foreground: .cyan, bold: true),
        .filter: TextStyle(foreground: .yellow, bold: true),
        .jsonKey: TextStyle(foreground: .cyan),
        .jsonString: TextStyle(foreground: .green),
        .jsonNumber: TextStyle(foreground: .magenta),
        .jsonLiteral: TextStyle(foreground: .yellow),
        .logError: TextStyle(foreground: .red, bold: true),
        .logWarn: TextStyle(foreground: .yellow),
        .logMeta: TextStyle(dim: true),
        .logTime: TextStyle(foreground: .blue),
        .weightBar: TextStyle(foreground: .green, reverse: true),
        .weightRest: TextStyle(dim: true),
        .chart1: TextStyle(foreground: .cyan),
        .chart2: TextStyle(foreground: .yellow),
        .chart3: TextStyle(foreground: .magenta),
        .chart4: TextStyle(foreground: .green),
        .chartAxis: TextStyle(dim: true),
        .chartCursor: TextStyle(reverse: true),
    ])

    /// No colour at all, for NO_COLOR and terminals without colours: emphasis by attributes only.
    public static let monochrome = Theme(name: "monochrome", styles: Dictionary(uniqueKeysWithValues: ThemeRole.allCases.map { role in
        let style: TextStyle = switch role {
        case .header, .selection, .weightBar, .badge, .chartCursor: TextStyle(reverse: true)
        case .title, .error, .logError, .footerKey, .filter: TextStyle(bold: true)
        case .columnHeader: TextStyle(bold: true, underline: true)
        case .dim, .stale, .footer, .logMeta, .weightRest, .chartAxis: TextStyle(dim: true)
        default: .plain
        }
        return (role, style)
    }))

    /// Colours above the first eight mapped to their nearest basic colour, for 8-colour terminals.
    public func downgraded(toColors count: Int) -> Theme {
        guard count < 256 else { return self }
        var copy = self
        for (role, style) in styles {
            var changed = style
            changed.foreground = Self.basic(style.foreground, count)
            changed.background = Self.basic(style.background, count)
            copy.styles[role] = changed
        }
        return copy
    }

    static func basic(_ color: TerminalColor, _ count: Int) -> TerminalColor {
        guard case .indexed(let index) = color, Int(index) >= count else { return color }
        if index < 16 { return .indexed(index - 8) }  // bright variants fall back to normal ones
        if index >= 232 { return index < 244 ? .black : .white }  // the grey ramp
        let cube = Int(index) - 16  // 6x6x6 colour cube: pick the strongest channel
        let (red, green, blue) = (cube / 36, (cube / 6) % 6, cube % 6)
        return .indexed(UInt8((red > 2 ? 1 : 0) | (green > 2 ? 2 : 0) | (blue > 2 ? 4 : 0)))
    }
}
