import ConsoleStore
import Testing

/// One rule for the console's own files: config, keys and themes read lines the same way.
@Suite struct SettingLinesTests {
    @Test func commentsBlanksSettingsAndMalformedLines() {
        let text = "# a comment\n\n  theme = light  \n   # indented comment\nlists.mark = #\nnonsense\nempty =\n"
        let lines = SettingLines.parse(text)
        #expect(lines.map(\.number) == [3, 5, 6, 7])
        #expect(lines[0].line == .setting(key: "theme", value: "light"))
        #expect(lines[1].line == .setting(key: "lists.mark", value: "#"), "a # after the = is text, not a comment")
        #expect(lines[2].line == .malformed("nonsense"))
        #expect(lines[3].line == .setting(key: "empty", value: ""))
    }

    @Test func theConfigFileReadsTheSameWay() {
        let (preferences, problems) = ConsolePreferences.parse("# mine\ntheme = solarized\nrefresh_interval = 5\nbroken\n", path: "config")
        #expect(preferences.theme == "solarized" && preferences.refreshInterval == 5)
        #expect(problems == ["config, line 4: expected `key = value`"])
    }
}
