import Foundation
import LambdaAPI
import Testing

/// Two packages compared by their zip records, a file's text read back, and the line diff:
/// rebuilding both sides from it, and its bound.
@Suite struct PackageComparisonTests {
    static func zip(_ files: [String: String]) throws -> Data {
        try ZipArchive(entries: files.map { ZipArchive.Entry(path: $0.key, contents: Data($0.value.utf8)) }).data()
    }

    @Test func filesAddedRemovedAndChanged() throws {
        let old = try Self.zip(["index.py": "def handler(e, c):\n    return 1\n", "util.py": "x = 1\n", "gone.py": "bye\n"])
        let new = try Self.zip(["index.py": "def handler(e, c):\n    return 2\n", "util.py": "x = 1\n", "lib/new.py": "hi\n"])
        let comparison = try PackageComparison.compare(old: old, new: new)
        #expect(comparison == PackageComparison(added: ["lib/new.py"], removed: ["gone.py"], changed: ["index.py"], unchanged: 1))
        #expect(try PackageComparison.text(of: "index.py", in: new) == "def handler(e, c):\n    return 2\n")
        #expect(try PackageComparison.text(of: "absent.py", in: new) == nil)
        #expect(throws: (any Error).self) { _ = try PackageComparison.compare(old: Data("not a zip".utf8), new: new) }
        let binary = try ZipArchive(entries: [ZipArchive.Entry(path: "lib.so", contents: Data([0, 1, 2, 0xFF]))]).data()
        #expect(throws: (any Error).self) { _ = try PackageComparison.text(of: "lib.so", in: binary) }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func aDiffRebuildsBothSides(seed: Int) throws {
        // Deterministic edits of a file: lines changed, dropped and inserted by the seed.
        let base = (0..<60).map { "line \($0)" }
        var changed = base
        for step in 0..<(seed * 3) {
            let at = (step * 7 + seed * 11) % max(1, changed.count)
            switch (step + seed) % 3 {
            case 0: changed[at] = "changed \(step)"
            case 1: changed.remove(at: at)
            default: changed.insert("inserted \(step)", at: at)
            }
        }
        let lines = try #require(LineDiff.lines(old: base.joined(separator: "\n"), new: changed.joined(separator: "\n")))
        #expect(lines.filter { $0.kind != .added }.map(\.text) == base)
        #expect(lines.filter { $0.kind != .removed }.map(\.text) == changed)
        // Minimal in size: never more edits than replacing everything.
        #expect(lines.filter { $0.kind != .same }.count <= base.count + changed.count)
    }

    @Test func aFileTooDifferentIsSaidNotComputed() {
        let old = (0..<3_000).map { "a\($0)" }.joined(separator: "\n")
        let new = (0..<3_000).map { "b\($0)" }.joined(separator: "\n")
        #expect(LineDiff.lines(old: old, new: new) == nil)
        // A small change in a long file is cheap: the common ends are set aside.
        let long = (0..<50_000).map { "x\($0)" }
        var edited = long
        edited[25_000] = "edited"
        let lines = LineDiff.lines(old: long.joined(separator: "\n"), new: edited.joined(separator: "\n"))
        #expect(lines?.filter { $0.kind != .same }.map(\.text) == ["x25000", "edited"])
    }
}
