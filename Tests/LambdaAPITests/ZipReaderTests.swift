import Foundation
import LambdaAPI
import Testing
import TestSupport

/// The package reader (`d` on versions) on zips it did not write, and on damaged and hostile ones:
/// every answer is a comparison, a text or a sentence, never a trap or a runaway allocation.
@Suite struct ZipReaderTests {
    static func pythonZip(_ script: String) throws -> Data {
        let path = NSTemporaryDirectory() + "lt-pyzip-\(UUID().uuidString.prefix(8)).zip"
        defer { unlink(path) }
        let result = try Subprocess.run(["python3", "-c", "import sys, zipfile\n" + script, path], captureOutput: true)
        #expect(result.status == 0, "\(result.output)")
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func readsWhatPythonWritesStoredDeflatedAndZIP64() throws {
        let zip = try Self.pythonZip("""
            with zipfile.ZipFile(sys.argv[1], "w") as z:
                z.writestr(zipfile.ZipInfo("lib/"), "")
                z.writestr("stored.txt", "kept as it is\\n", compress_type=zipfile.ZIP_STORED)
                z.writestr("index.py", "def handler(e, c):\\n    return e\\n" * 100, compress_type=zipfile.ZIP_DEFLATED)
                with z.open("big.txt", "w", force_zip64=True) as f:
                    f.write(b"line\\n" * 1000)
            """)
        #expect(try PackageComparison.text(of: "stored.txt", in: zip) == "kept as it is\n")
        #expect(try PackageComparison.text(of: "index.py", in: zip)?.hasPrefix("def handler(e, c):\n") == true)
        #expect(try PackageComparison.text(of: "big.txt", in: zip) == String(repeating: "line\n", count: 1000))
        #expect(try PackageComparison.text(of: "lib/", in: zip) == nil, "a folder is not a file")
        #expect(try PackageComparison.text(of: "missing.py", in: zip) == nil)
        let ours = try ZipArchive(entries: [.init(path: "index.py", contents: Data(("def handler(e, c):\n    return e\n" as String).utf8))]).data()
        let comparison = try PackageComparison.compare(old: zip, new: ours)
        #expect(comparison.removed == ["big.txt", "stored.txt"] && comparison.changed == ["index.py"] && comparison.added.isEmpty,
                "\(comparison)")
    }

    @Test func aFileThatInflatesPastTheLimitIsStoppedNotRead() throws {
        // Declares a small size in a doctored header; the bytes that come are counted anyway.
        let zip = try Self.pythonZip("""
            import struct
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("bomb.txt", "0" * 5_000_000)
            data = bytearray(open(sys.argv[1], "rb").read())
            central = data.index(b"PK\\x01\\x02")
            data[central + 24:central + 28] = struct.pack("<I", 10)
            open(sys.argv[1], "wb").write(data)
            """)
        let error = #expect(throws: PackageError.self) { try PackageComparison.text(of: "bomb.txt", in: zip, limit: 1_000_000) }
        #expect(error?.description == "bomb.txt is larger than 1 MB")
    }

    /// Every prefix of a package, and seeded runs of bytes overwritten, read without a trap.
    @Test(arguments: [1, 2, 3, 4])
    func damagedPackagesAreSentencesNotTraps(seed: UInt64) throws {
        let files = (0..<20).map { ZipArchive.Entry(path: "src/file\($0).js", contents: Data(String(repeating: "let x\($0) = \($0);\n", count: 30).utf8)) }
        let zip = try ZipArchive(entries: files).data()
        var random = SplitMix64(seed: seed)
        var outcomes: [String: Int] = [:]
        for attempt in 0..<300 {
            var damaged = zip
            if attempt % 3 == 0 {
                damaged = zip.prefix(Int.random(in: 0..<zip.count, using: &random))
            } else {
                for _ in 0..<Int.random(in: 1...8, using: &random) {
                    let at = Int.random(in: 0..<damaged.count, using: &random)
                    damaged[damaged.startIndex + at] = UInt8.random(in: 0...255, using: &random)
                }
            }
            do {
                _ = try PackageComparison.compare(old: zip, new: damaged)
                _ = try PackageComparison.text(of: "src/file\(attempt % 20).js", in: damaged)
                outcomes["read", default: 0] += 1
            } catch let error as PackageError {
                #expect(!error.description.isEmpty)
                outcomes["refused", default: 0] += 1
            }
        }
        #expect(outcomes["refused", default: 0] > 0, "no damage was noticed: \(outcomes)")
    }
}

