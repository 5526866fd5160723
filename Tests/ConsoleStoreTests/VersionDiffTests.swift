import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LogsAPI
import Testing
import TestSupport

/// `d` on the versions pane: the configuration compared (environment values never shown), the
/// packages downloaded once and compared, a file's lines; the fault server hands out the code
/// locations and serves the packages (moto's locations point at an S3 that is not there).
@Suite struct VersionDiffTests {
    static func version(_ number: String, sha: String, memory: Int, secret: String) throws -> FunctionConfiguration {
        try LambdaJSON.decoder().decode(FunctionConfiguration.self, from: Data(#"""
            {"FunctionName": "api", "Version": "\#(number)", "CodeSha256": "\#(sha)", "MemorySize": \#(memory), "Runtime": "python3.12",
             "Environment": {"Variables": {"DB_PASSWORD": "\#(secret)"}}}
            """#.utf8))
    }

    static func state() throws -> ConsoleState {
        var state = ConsoleState(connection: ConnectionInfo(profile: "dev", region: "us-east-1", endpoint: "e", readOnly: false))
        var function = FunctionConfiguration(functionName: "api")
        function.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:api"
        _ = Reducer.reduce(&state, .functionsLoaded(.listed([function])))
        let detail = FunctionDetail(function: GetFunctionResponse(configuration: function),
                                    versions: [try version("$LATEST", sha: "bbb", memory: 512, secret: "hunter3"),
                                               try version("1", sha: "aaa", memory: 256, secret: "hunter2"),
                                               try version("2", sha: "aaa", memory: 256, secret: "hunter2")],
                                    aliases: [], mappings: [], reservedConcurrency: nil, url: nil)
        _ = Reducer.reduce(&state, .detailLoaded(function: "api", .success(detail)))
        _ = Reducer.reduce(&state, .show(.versions))
        return state
    }

    @Test func dComparesWithLatestOrTheMarkedVersionWithoutShowingSecrets() throws {
        var state = try Self.state()
        let versions = state.tables[.versions]?.visible.map { state.versionRows[$0].version } ?? []
        // The cursor on version 1: d compares it with $LATEST (older first).
        let one = try #require(versions.firstIndex(of: "1"))
        _ = Reducer.reduce(&state, .moveToTop)
        _ = Reducer.reduce(&state, .moveCursor(one))
        let effects = Reducer.reduce(&state, .diffCommand(.open))
        #expect(effects == [.compareCode(function: "api", old: "1", new: "$LATEST")])
        let diff = try #require(state.versionDiffs["api"])
        #expect(diff.changes.map(\.label) == ["Memory", "Code SHA-256", "env DB_PASSWORD"])
        #expect(!"\(diff.changes)".contains("hunter"), "an environment value in the comparison")
        // Marked 2 and compared with 1: the same code, nothing to download.
        _ = Reducer.reduce(&state, .diffCommand(.back))
        let two = try #require(versions.firstIndex(of: "2"))
        _ = Reducer.reduce(&state, .moveToTop)
        _ = Reducer.reduce(&state, .moveCursor(two))
        _ = Reducer.reduce(&state, .diffCommand(.mark))
        _ = Reducer.reduce(&state, .moveToTop)
        _ = Reducer.reduce(&state, .moveCursor(one))
        #expect(Reducer.reduce(&state, .diffCommand(.open)).isEmpty)
        #expect(state.versionDiffs["api"]?.code == .same("aaa") && state.versionDiffs["api"]?.changes.isEmpty == true)
    }

    @Test func thePackagesAreComparedAndAFileShownLineByLine() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("version-diff")
        let old = try ZipArchive(entries: [ZipArchive.Entry(path: "index.py", contents: Data("a\nb\nc\n".utf8)),
                                           ZipArchive.Entry(path: "gone.py", contents: Data("x\n".utf8))]).data()
        let new = try ZipArchive(entries: [ZipArchive.Entry(path: "index.py", contents: Data("a\nB\nc\n".utf8)),
                                           ZipArchive.Entry(path: "new.py", contents: Data("y\n".utf8))]).data()
        func location(_ name: String) -> String { backend.faultURL(lane: lane) + "/pkg/\(name).zip" }
        try await backend.script(lane: lane, [
            ["match": ["path": "/functions/api?Qualifier=1"], "body": #"{"Code": {"Location": "\#(location("v1"))"}}"#],
            ["match": ["path": "/functions/api"], "body": #"{"Code": {"Location": "\#(location("latest"))"}}"#],
            ["match": ["path": "/pkg/v1.zip"], "body_b64": old.base64EncodedString()],
            ["match": ["path": "/pkg/latest.zip"], "body_b64": new.base64EncodedString()],
        ])
        let runner = EffectRunner(lambda: LambdaClient(client: backend.client(.lambda, lane: lane)), logs: LogsClient(client: backend.client(.logs)))
        var state = try Self.state()
        let one = try #require(state.tables[.versions]?.visible.firstIndex { state.versionRows[$0].version == "1" })
        _ = Reducer.reduce(&state, .moveToTop)
        _ = Reducer.reduce(&state, .moveCursor(one))
        for effect in Reducer.reduce(&state, .diffCommand(.open)) { _ = Reducer.reduce(&state, await runner.run(effect)) }
        guard case .compared(let comparison)? = state.versionDiffs["api"]?.code else {
            Issue.record("not compared: \(String(describing: state.versionDiffs["api"]?.code))")
            return
        }
        #expect(comparison == PackageComparison(added: ["new.py"], removed: ["gone.py"], changed: ["index.py"], unchanged: 0))
        // Enter on index.py: its lines, from the packages kept (no second download).
        for effect in Reducer.reduce(&state, .diffCommand(.openFile)) { _ = Reducer.reduce(&state, await runner.run(effect)) }
        guard case .lines(let path, let lines)? = state.versionDiffs["api"]?.file else {
            Issue.record("no file diff: \(String(describing: state.versionDiffs["api"]?.file))")
            return
        }
        #expect(path == "index.py")
        #expect(lines == [LineDiff.Line(.same, "a"), LineDiff.Line(.removed, "b"), LineDiff.Line(.added, "B"), LineDiff.Line(.same, "c"),
                          LineDiff.Line(.same, "")])
        #expect(try await backend.requests(lane: lane).filter { $0.path.hasPrefix("/pkg/") }.count == 2)
        _ = Reducer.reduce(&state, .diffCommand(.back))
        _ = Reducer.reduce(&state, .diffCommand(.back))
        #expect(state.route == .pane(.versions))
    }
}
