import ConsoleUI
import Foundation
import Testing

@Suite struct ThemeTests {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes")

    @Test(arguments: ["dark", "light", "solarized", "high-contrast", "monochrome"])
    func shippedThemesParseAndSetEveryRole(_ name: String) throws {
        let path = Self.themes.appendingPathComponent("\(name).theme").path
        let theme = try ThemeFile.parse(try String(contentsOfFile: path, encoding: .utf8), path: path)
        #expect(theme.name == name)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for role in ThemeRole.allCases { #expect(text.contains("\n\(role.rawValue) ="), "\(name) leaves \(role.rawValue) unset") }
    }

    @Test func aTypoIsNamedWithFileLineAndKey() {
        #expect(throws: ThemeFile.Problem.self) { try ThemeFile.parse("selction = reverse", path: "t.theme") }
        do {
            _ = try ThemeFile.parse("name = x\n\nheader = black on cyan\nselction = reverse\n", path: "t.theme")
        } catch {
            #expect("\(error)" == "t.theme, line 4, selction: no such role (did you mean selection?)")
        }
        do {
            _ = try ThemeFile.parse("header = blak on cyan", path: "t.theme")
        } catch {
            #expect("\(error)".contains("unknown colour `blak`"))
        }
    }

    @Test func theLoaderFallsBackAndSaysWhy() throws {
        let folder = NSTemporaryDirectory() + "themes-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: folder + "/lambda-tui/themes", withIntermediateDirectories: true)
        try "header = red\nselction = reverse\n".write(toFile: folder + "/lambda-tui/themes/mine.theme", atomically: true, encoding: .utf8)
        try "header = red on 196\n".write(toFile: folder + "/lambda-tui/themes/vivid.theme", atomically: true, encoding: .utf8)
        let loader = ThemeLoader(environment: ["XDG_CONFIG_HOME": folder, "LAMBDA_TUI_THEMES_DIR": Self.themes.path])

        let broken = loader.load("mine", colors: 256, noColor: false)
        #expect(broken.theme.name == "dark")
        #expect(broken.problem?.contains("mine.theme, line 2, selction") == true)
        #expect(loader.load(folder + "/lambda-tui/themes/mine.theme", colors: 256, noColor: false).problem != nil)
        #expect(loader.load("solarized", colors: 256, noColor: false).theme.name == "solarized")
        #expect(loader.load("nope", colors: 256, noColor: false).problem?.contains("No theme named 'nope'") == true)
        #expect(loader.load("solarized", colors: 256, noColor: true).theme.name == "monochrome")
        #expect(ThemeLoader(environment: ["XDG_CONFIG_HOME": folder, "LAMBDA_TUI_THEME": "vivid"]).load(nil, colors: 256, noColor: false).theme.name == "vivid")
        // 8-colour terminals get the basic colours.
        let basic = loader.load("vivid", colors: 8, noColor: false).theme
        #expect(basic[.header].background == .indexed(1))
    }
}
