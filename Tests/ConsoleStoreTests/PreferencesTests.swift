import ConsoleStore
import Testing

/// The config file: every setting read, and each line that cannot be used named with its line.
@Suite struct PreferencesTests {
    @Test func settingsAreReadAndBadLinesNamed() {
        let text = """
            # defaults for work
            theme = solarized
            refresh_interval = 15
            read_only = yes
            tail_lines = 50000
            region eu-west-1
            tail_lines = 12
            colour = red
            """
        let (preferences, problems) = ConsolePreferences.parse(text, path: "/c")
        #expect(preferences.theme == "solarized" && preferences.refreshInterval == 15 && preferences.readOnly)
        #expect(preferences.tailLines == 50_000, "a bad later line leaves the good value")
        #expect(problems == ["/c, line 6: expected `key = value`",
                             "/c, line 7: tail_lines must be a whole number from 100 to 1000000",
                             "/c, line 8: unknown setting `colour`"])
        #expect(ConsolePreferences.parse("", path: "/c").0.tailLines == 10_000)
    }

    @Test func theQuotaAndCacheSettings() {
        let (preferences, problems) = ConsolePreferences.parse("idle_pause = 0\nrequests_per_second = 2.5\ncache = no\n"
                                                               + "requests_per_second = 1000\ncache = maybe\nidle_pause = -1\n", path: "/c")
        #expect(preferences.idlePause == 0 && preferences.requestsPerSecond == 2.5 && !preferences.cache)
        #expect(problems == ["/c, line 4: requests_per_second must be a number from 0.1 to 100",
                             "/c, line 5: cache must be true or false",
                             "/c, line 6: idle_pause must be a number of seconds (0: never pause)"])
    }

    @Test func everyFileFollowsTheXDGFolders() {
        let set = ["XDG_CONFIG_HOME": "/cfg", "XDG_STATE_HOME": "/st", "HOME": "/home/u"]
        #expect(ConsolePreferences.path(environment: set) == "/cfg/lambda-tui/config")
        #expect(SavedEventStore.defaultDirectory(environment: set) == "/cfg/lambda-tui/events")
        #expect(AuditLog.defaultPath(environment: set) == "/st/lambda-tui/audit.log")
        #expect(RolloutFiles.defaultDirectory(environment: set) == "/st/lambda-tui/rollouts")
        // An empty variable counts as unset.
        let unset = ["XDG_CONFIG_HOME": "", "HOME": "/home/u"]
        #expect(AppDirectories.config(unset) == "/home/u/.config/lambda-tui" && AppDirectories.state(unset) == "/home/u/.local/state/lambda-tui")
    }
}

@Suite struct ReadOnlyProfilesTests {
    @Test func profilesMatchingAPatternAreReadOnly() {
        let (preferences, problems) = ConsolePreferences.parse("read_only_profiles = prod* live-eu, staging-?", path: "config")
        #expect(problems.isEmpty)
        #expect(preferences.readOnlyProfiles == ["prod*", "live-eu", "staging-?"])
        #expect(preferences.isReadOnly(profile: "prod") && preferences.isReadOnly(profile: "prod-admin") && preferences.isReadOnly(profile: "live-eu"))
        #expect(preferences.isReadOnly(profile: "staging-1") && !preferences.isReadOnly(profile: "staging-12"))
        #expect(!preferences.isReadOnly(profile: "dev") && !preferences.isReadOnly(profile: "live-us"))
        var everything = preferences
        everything.readOnly = true
        #expect(everything.isReadOnly(profile: "dev"))
    }
}
