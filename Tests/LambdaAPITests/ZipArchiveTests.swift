import Foundation
import LambdaAPI
import Testing
import TestSupport

/// The zip `u` sends for a folder, read back by Python's zipfile, a reader that is not ours.
@Suite struct ZipArchiveTests {
    static func readBack(_ zip: Data) throws -> [String: Any] {
        let path = NSTemporaryDirectory() + "lt-zip-\(UUID().uuidString.prefix(8)).zip"
        try zip.write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        let script = """
            import json, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            infos = z.infolist()
            print(json.dumps({"count": len(infos), "bad": z.testzip(),
                "entries": {i.filename: {"mode": (i.external_attr >> 16) & 0o777, "deflated": i.compress_type == 8,
                                         "utf8": bool(i.flag_bits & 0x800), "size": i.file_size, "time": list(i.date_time)}
                            for i in infos[:50]},
                "first": z.read(infos[0]).decode("utf-8", "replace") if infos else None}))
            """
        let result = try Subprocess.run(["python3", "-c", script, path], captureOutput: true)
        #expect(result.status == 0, "\(result.output)")
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
    }

    @Test func aFolderZipsDeflatedWithModesAndUTF8NamesAndWithoutGit() throws {
        let folder = NSTemporaryDirectory() + "lt-zipdir-\(UUID().uuidString.prefix(8))"
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: folder + "/.git/objects", withIntermediateDirectories: true)
        try fileManager.createDirectory(atPath: folder + "/lib", withIntermediateDirectories: true)
        try Data("ref: refs/heads/main\n".utf8).write(to: URL(fileURLWithPath: folder + "/.git/HEAD"))
        let handler = String(repeating: "def handler(event, context):\n    return event\n", count: 500)
        try Data(handler.utf8).write(to: URL(fileURLWithPath: folder + "/index.py"))
        try Data("#!/bin/sh\nexec ./main\n".utf8).write(to: URL(fileURLWithPath: folder + "/bootstrap"))
        chmod(folder + "/bootstrap", 0o755)
        try Data("x = 1\n".utf8).write(to: URL(fileURLWithPath: folder + "/lib/données.py"))
        let zip = try ZipArchive(directory: URL(fileURLWithPath: folder)).data()
        #expect(zip.count < handler.utf8.count / 10, "not compressed: \(zip.count) bytes for \(handler.utf8.count)")
        let read = try Self.readBack(zip)
        #expect(read["bad"] is NSNull, "a CRC does not match")
        let entries = try #require(read["entries"] as? [String: [String: Any]])
        #expect(Set(entries.keys) == ["bootstrap", "index.py", "lib/données.py"], "\(entries.keys.sorted())")
        #expect(entries["bootstrap"]?["mode"] as? Int == 0o755)
        #expect(entries["index.py"]?["mode"] as? Int == 0o644)
        #expect(entries["index.py"]?["deflated"] as? Bool == true)
        #expect(entries["lib/données.py"]?["utf8"] as? Bool == true, "a non-ASCII name must say it is UTF-8")
        #expect(entries["index.py"]?["time"] as? [Int] == [1980, 1, 1, 0, 0, 0])
        // The same folder zips to the same bytes, so the same code keeps its CodeSha256.
        #expect(try ZipArchive(directory: URL(fileURLWithPath: folder)).data() == zip)
    }

    /// Past 65,535 entries the old writer trapped (a UInt16 count).
    @Test func moreEntriesThanAPlainZipHolds() throws {
        let entries = (0..<66_000).map { ZipArchive.Entry(path: "node_modules/m\($0).js", contents: Data("module.exports = \($0)\n".utf8)) }
        let read = try Self.readBack(try ZipArchive(entries: entries).data())
        #expect(read["count"] as? Int == 66_000)
        #expect(read["first"] as? String == "module.exports = 0\n")
    }
}
