import ConsoleModel
import ConsoleStore
import ConsoleUI
import Foundation
import Testing

/// The console's state space explored from fixed seeds (the budget CI runs), and the sequences
/// that exploring found broken, kept as regular tests. A longer soak is one command:
/// `scripts/explore --seeds 1000 --steps 1000`.
@Suite struct ConsoleModelTests {
    /// Runs the explorer binary, so that a trap in one seed is a failing test with its seed
    /// named instead of the end of the whole test process.
    @Test func exploringFromFixedSeedsBreaksNoProperty() async throws {
        let binary = try #require(Self.explorerBinary(), "lambda-tui-explore was not built")
        let folder = NSTemporaryDirectory() + "lt-explore-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: folder + "/out", contents: nil)
        FileManager.default.createFile(atPath: folder + "/err", contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--seeds", "20", "--steps", "1000"]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/err"))
        // Waited for without holding a thread of the pool the other tests run on.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            process.terminationHandler = { _ in done.resume() }
            do { try process.run() } catch { done.resume() }
        }
        let printed = (try? String(contentsOfFile: folder + "/out", encoding: .utf8)) ?? ""
        let seeds = (try? String(contentsOfFile: folder + "/err", encoding: .utf8)) ?? ""
        #expect(process.terminationReason == .exit,
                "the explorer trapped (signal \(process.terminationStatus)) in \(seeds.split(separator: "\n").last ?? "its first seed")")
        #expect(process.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("20000 steps"), "\(printed)")
    }

    static func explorerBinary() -> String? {
        let bundle = Bundle.main.bundleURL
        let candidates = [bundle.appendingPathComponent("lambda-tui-explore"),
                          bundle.deletingLastPathComponent().appendingPathComponent("lambda-tui-explore"),
                          URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                            .appendingPathComponent(".build/debug/lambda-tui-explore")]
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func expectHolds(_ steps: [ModelStep], readOnly: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        let failure = ModelExplorer.run(steps, readOnly: readOnly)
        #expect(failure == nil, "step \(failure?.index ?? 0): \(failure?.message ?? "")", sourceLocation: sourceLocation)
    }

    /// Tab, shift-Tab, j, Tab trapped (SIGILL) when the previous function had rows on the pane.
    @Test(arguments: [1, 2, 3, 4])
    func movingToAnotherFunctionBetweenVisitsToAPerFunctionPane(tabs: Int) throws {
        // A listing of several functions, and a detail and log lines with rows on every pane.
        let listing = try #require((UInt64(0)..<200).first { ModelEstate.functions(seed: $0).count >= 3 })
        let rows = try #require((UInt64(0)..<500).first { seed in
            guard let detail = ModelEstate.detail("fn-000", seed: seed) else { return false }
            return detail.versions.count > 1 && !detail.aliases.isEmpty && !detail.mappings.isEmpty && !ModelEstate.logLines(seed: seed).isEmpty
        })
        var steps: [ModelStep] = [.deliver(index: 0, .success, seed: listing)]
        steps += Array(repeating: .key(.tab), count: tabs)
        steps += [.deliver(index: 0, .success, seed: rows), .deliver(index: 0, .success, seed: rows)]
        steps += Array(repeating: .key(.backTab), count: tabs)
        steps += [.key(.character("j"))]
        steps += Array(repeating: .key(.tab), count: tabs)
        Self.expectHolds(steps)
    }

    /// Found by exploring (seeds 37, 38, 39): a listing or a stray answer changed which function
    /// the per-function tables belonged to without rebuilding them.
    @Test func tablesFollowTheFocusedFunctionWhateverChangedIt() {
        Self.expectHolds([
            .stray(seed: 1358319376295413528), .key(.character("4")), .key(.wheelUp), .deliver(index: 3, .drop, seed: 13198011505063918487),
            .key(.enter), .deliver(index: 2, .success, seed: 18331878027903431259), .stray(seed: 7648451273276847833),
        ])
        Self.expectHolds([
            .key(.character("5")), .stray(seed: 8196663229338099727), .key(.enter), .deliver(index: 3, .twice, seed: 5937803807078627030),
            .deliver(index: 4, .success, seed: 2411917072126275465),
        ])
        Self.expectHolds([
            .deliver(index: 6, .success, seed: 6713013651422103609), .key(.character("7")), .resize(rows: 24, columns: 82),
            .stray(seed: 5195264366419304938), .stray(seed: 17932379745670626175), .key(.control("f")), .key(.down), .key(.character("k")),
            .key(.tab), .stray(seed: 18114903864382980600),
        ])
    }

    /// Found by exploring (seed 505): a refresh took the palette's items away under its cursor.
    /// The 1,000,000-step soak found the same twice more (seeds 1410 and 1610).
    @Test func thePaletteCursorStaysOnAnItemWhenItemsGo() {
        Self.expectHolds([
            .deliver(index: 1, .twice, seed: 2251752724635974918), .key(.control("p")), .key(.tab),
            .deliver(index: 1, .twice, seed: 511605146618399724),
        ])
        Self.expectHolds([
            .deliver(index: 6, .success, seed: 6710644123661475234), .key(.down), .key(.enter), .key(.control("p")), .key(.tab),
            .stray(seed: 6959489746824934603),
        ])
        Self.expectHolds([
            .deliver(index: 3, .success, seed: 17392626509683757678), .key(.character(".")), .key(.tab), .stray(seed: 11754066379855663381),
        ])
    }

    /// The tab summary drew past the right edge at 51 columns.
    @Test func theTabSummaryFitsANarrowTerminal() {
        Self.expectHolds([.resize(rows: 37, columns: 51)])
        Self.expectHolds([.resize(rows: 12, columns: 50), .deliver(index: 0, .success, seed: 4)])
    }

    /// `s` revealed environment values for every later detail: the reveal stuck.
    @Test func aRevealAppliesToTheScreenItWasPressedOnOnly() throws {
        let listing = try #require((UInt64(0)..<200).first { ModelEstate.functions(seed: $0).count >= 3 })
        let rows = try #require((UInt64(0)..<500).first { ModelEstate.detail("fn-001", seed: $0) != nil })
        Self.expectHolds([
            .deliver(index: 0, .success, seed: listing), .key(.enter), .deliver(index: 0, .success, seed: rows), .key(.character("s")),
            .key(.escape), .key(.character("j")), .key(.enter), .deliver(index: 0, .success, seed: rows),
        ])
        Self.expectHolds([
            .deliver(index: 0, .success, seed: listing), .key(.enter), .deliver(index: 0, .success, seed: rows), .key(.character("s")),
            .key(.character("J")), .key(.escape), .key(.escape), .key(.enter),
        ])
    }

    /// A function chosen in the fleet view opened when its list arrived, after the reducer had
    /// compared the focus: the versions pane kept the previous function's rows (seed 116).
    @Test func aFunctionOpenedFromTheFleetTakesThePanesWithIt() {
        Self.expectHolds([
            .deliver(index: 3, .failure, seed: 13138308682649172122), .key(.tab), .key(.tab), .key(.character("m")), .key(.tab),
            .key(.backTab), .key(.backTab), .deliver(index: 6, .success, seed: 4062564018179219418), .key(.backTab),
            .deliver(index: 1, .twice, seed: 4385907905845318438), .deliver(index: 1, .twice, seed: 15666258007916477154),
            .key(.character("e")), .deliver(index: 1, .failure, seed: 8931439722286544896), .deliver(index: 2, .success, seed: 6677378258400833033),
            .deliver(index: 3, .drop, seed: 5819086391292000403), .deliver(index: 5, .success, seed: 11699949531483139), .timer,
            .deliver(index: 3, .failure, seed: 11962175460168008569), .key(.escape), .key(.backTab),
            .deliver(index: 1, .failure, seed: 11701605064912971963), .deliver(index: 4, .failure, seed: 2143607441138830633),
            .key(.character(":")), .paste("fleet alpha beta"), .key(.enter), .deliver(index: 6, .success, seed: 15142692002961803183),
            .key(.down), .key(.enter), .key(.tab), .deliver(index: 4, .success, seed: 13862072341973547858),
        ])
    }

    @Test func stepsSurviveTheirTextForm() {
        let steps = ModelExplorer.randomSteps(seed: 99, count: 300) + [.paste("a\n函\u{1B}"), .key(.mouseClick(row: 3, column: 4))]
        #expect(steps.map { ModelStep(token: $0.token) } == steps.map { Optional($0) })
    }
}
