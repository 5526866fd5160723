import ConsoleStore
import Foundation
import LambdaAPI
import Testing

/// A warm start: the last run's list at once, marked with its age, never the basis of a change.
@Suite struct ListingCacheTests {
    static func folder() -> String { NSTemporaryDirectory() + "lt-cache-\(UUID().uuidString.prefix(8))" }

    @Test func theListIsKeptWithoutSecretsPrivatelyAndVersioned() throws {
        let folder = Self.folder()
        let cache = ListingCache(folder: folder, profile: "work", region: "eu-west-1", endpoint: "https://lambda.eu-west-1.amazonaws.com")
        var function = FunctionConfiguration(functionName: "checkout")
        function.functionArn = "arn:aws:lambda:eu-west-1:123456789012:function:checkout"
        function.memorySize = 512
        function.environment = EnvironmentResponse(variables: ["DB_PASSWORD": "hunter2-cached"])
        let savedAt = Date(timeIntervalSince1970: 1_800_000_000)
        try cache.save([FunctionRow(function)], at: savedAt)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == 1)
        let path = folder + "/" + files[0]
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("hunter2-cached") && !text.contains("DB_PASSWORD"), "an environment variable was written")
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        let loaded = try #require(cache.load())
        #expect(loaded.functions.map(\.functionName) == ["checkout"] && loaded.functions[0].memorySize == 512)
        #expect(loaded.savedAt == savedAt)
        // Another profile, region or endpoint has a list of its own.
        #expect(ListingCache(folder: folder, profile: "prod", region: "eu-west-1", endpoint: "https://lambda.eu-west-1.amazonaws.com").load() == nil)
        // Another format is ignored, not misread; so is garbage.
        let newer = text.replacingOccurrences(of: "lambda-tui listing \(ListingCache.version)\n", with: "lambda-tui listing \(ListingCache.version + 1)\n")
        #expect(newer != text, "the file does not carry its version: \(text.prefix(200))")
        try newer.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(cache.load() == nil)
        try "not json".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(cache.load() == nil)
    }

    @Test func aCachedListShowsItsAgeAndNoFormActsOnIt() throws {
        var state = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: false))
        state.cachesListing = true
        let cached = ProgressiveListingTests.functions(0..<5).map(FunctionRow.init)
        _ = Reducer.reduce(&state, .cachedListing(cached, savedAt: Date(timeIntervalSince1970: 1_800_000_000)))
        _ = Reducer.reduce(&state, .show(.functions))
        #expect(state.tables[.functions]?.visible.count == 5 && state.functionsCachedAt != nil)
        let effects = Reducer.reduce(&state, .openAction(.editConfiguration))
        guard case .form(let form) = state.overlay else {
            Issue.record("no form")
            return
        }
        #expect(form.waitingFor == "the current configuration of f00000", "\(form.waitingFor ?? "nil")")
        #expect(effects.contains(.loadDetail(function: "f00000")))
        #expect(Reducer.reduce(&state, .submitForm).isEmpty, "a change was sent from the cached list")
        _ = Reducer.reduce(&state, .closeOverlay)
        let fresh = Reducer.reduce(&state, .functionsLoaded(.listed(ProgressiveListingTests.functions(0..<6))))
        #expect(state.functionsCachedAt == nil && state.functions.count == 6)
        #expect(fresh.contains(.saveListing(ProgressiveListingTests.functions(0..<6).map(FunctionRow.init))), "the fresh list is kept for the next start")
        _ = Reducer.reduce(&state, .refresh)
        let same = Reducer.reduce(&state, .functionsLoaded(.listed(ProgressiveListingTests.functions(0..<6))))
        #expect(!same.contains { if case .saveListing = $0 { true } else { false } }, "an unchanged list was written again")
        // A first listing that arrived page by page is kept, though its last page left it as it is.
        var paged = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: false))
        paged.cachesListing = true
        _ = Reducer.reduce(&paged, .show(.functions))
        _ = Reducer.reduce(&paged, .functionsPage(ProgressiveListingTests.functions(0..<3).map(FunctionRow.init)))
        #expect(Reducer.reduce(&paged, .functionsLoaded(.listed(ProgressiveListingTests.functions(0..<3)))).contains(.saveListing(ProgressiveListingTests.functions(0..<3).map(FunctionRow.init))))
    }
}

/// Whatever AWS text holds (tabs, line breaks, percent signs, escapes, any script) comes back as it was.
@Suite struct ListingCacheFormatTests {
    @Test func everyFieldComesBackAsItWas() throws {
        var function = FunctionConfiguration(functionName: "checkout")
        function.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:checkout"
        function.runtime = .python312
        function.packageType = .zip
        function.memorySize = 1769
        function.timeout = 900
        function.architectures = [.arm64]
        function.codeSize = 123_456_789
        function.lastModified = AWSTimestamp(text: "2026-11-25T10:11:12.000+0000")
        function.state = .active
        function.lastUpdateStatus = .successful
        function.description = "tab\there, line\nbreak, 100% sure, %41 stays, \u{1B}[31m red, 支付 ✓"
        function.loggingConfig = LoggingConfig(logGroup: "/custom/group")
        let rows = [FunctionRow(function), FunctionRow(FunctionConfiguration(functionName: "bare"))]
        let savedAt = Date(timeIntervalSince1970: 1_800_000_123.5)
        let decoded = try #require(ListingCache.decode(ListingCache.encode(rows, savedAt: savedAt)))
        #expect(decoded.functions == rows)
        #expect(decoded.savedAt == savedAt)
        let text = String(decoding: ListingCache.encode(rows, savedAt: savedAt), as: UTF8.self)
        #expect(text.split(separator: "\n").count == 4, "one line a function: \(text)")
    }

    @Test func damagedFilesAreIgnored() {
        let good = ListingCache.encode([FunctionRow(FunctionConfiguration(functionName: "a"))], savedAt: Date(timeIntervalSince1970: 1))
        var text = String(decoding: good, as: UTF8.self)
        for broken in [text.replacingOccurrences(of: "\t", with: ""), text.replacingOccurrences(of: "\n1.0\n", with: "\nsoon\n"), "", "lambda-tui listing"] {
            #expect(ListingCache.decode(Data(broken.utf8)) == nil, "\(broken.debugDescription)")
        }
        text += "\t\t\t\t\t\t\t\t\t\t\t\t\n"  // a row without a name
        #expect(ListingCache.decode(Data(text.utf8)) == nil)
    }
}

/// A list row keeps what the list shows, sorts and filters on, nothing more.
@Suite struct ListedRowTests {
    @Test func aRowKeepsItsColumnsAndLetsTheRestGo() {
        var function = FunctionConfiguration(functionName: "checkout")
        function.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:checkout"
        function.runtime = .python312
        function.memorySize = 512
        function.timeout = 30
        function.architectures = [.arm64]
        function.codeSize = 1234
        function.description = "takes payments"
        function.state = .active
        function.lastUpdateStatus = .successful
        function.revisionId = "rev-1"
        function.environment = EnvironmentResponse(variables: ["DB_PASSWORD": "hunter2"])
        function.handler = "app.handler"
        function.role = "arn:aws:iam::123456789012:role/checkout"
        function.loggingConfig = LoggingConfig(logFormat: .json, logGroup: "/custom/checkout")
        let row = FunctionRow(function)
        #expect(row.configuration.environment == nil && row.configuration.handler == nil && row.configuration.role == nil,
                "only what the list shows")
        let rowColumns: [ColumnSpec<FunctionRow>] = PaneColumns.functions(now: Date())
        let wholeColumns: [ColumnSpec<FunctionConfiguration>] = PaneColumns.functions(now: Date())
        for (rowColumn, wholeColumn) in zip(rowColumns, wholeColumns) {
            #expect(rowColumn.text(row) == wholeColumn.text(function), "\(rowColumn.id) shows the same")
            #expect(rowColumn.sortKey(row) == wholeColumn.sortKey(function), "\(rowColumn.id) sorts the same")
        }
        #expect(FunctionSearchText(row).name == FunctionSearchText(function).name)
        #expect(FunctionFilter("state:active arch:arm64 memory:512 runtime:python").matches(row))
        #expect(row.logGroupName == "/custom/checkout", "a log group of its own is kept")
        function.loggingConfig = LoggingConfig(logGroup: "/aws/lambda/checkout")
        #expect(FunctionRow(function).logGroup == nil && FunctionRow(function).logGroupName == "/aws/lambda/checkout")
        #expect(row.logGroupArn == "arn:aws:logs:us-east-1:123456789012:log-group:/custom/checkout")
    }
}
