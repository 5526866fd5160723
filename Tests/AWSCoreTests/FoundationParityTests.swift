import AWSCore
import Foundation
import Testing
import TestSupport

/// What the shipped code writes by hand because FoundationEssentials lacks it, checked against full
/// Foundation (which tests may use) on the same inputs.
@Suite struct FoundationParityTests {
    static let texts = ["", " ", "\t", "a", " a ", "\ta b\t", "\n a \n", " \u{00A0}x\u{2003} ", "x\r\n", "\n\n", "é ", " 日本 ", "\u{3000}y"]

    @Test func trimmingAsFoundationTrims() {
        for text in Self.texts {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(text.trimmed() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(text.trimmingNewlines() == text.trimmingCharacters(in: .newlines), "\(text.debugDescription)")
        }
    }

    @Test func pathPartsAsNSStringGivesThem() {
        for path in ["/a/b/c.txt", "/a", "/", "c.txt", "a/b/", "/a/b//", "", "~/x", "./x", "a/.hidden", "/a.b/c", "dir/file.tar.gz"] {
            #expect(path.parentPath == (path as NSString).deletingLastPathComponent, "\(path)")
            #expect(path.lastPathPart == (path as NSString).lastPathComponent, "\(path)")
            #expect(path.deletingPathExtension == (path as NSString).deletingPathExtension, "\(path)")
        }
        #expect("~/x".expandingTilde == ("~/x" as NSString).expandingTildeInPath)
        #expect("~".expandingTilde == ("~" as NSString).expandingTildeInPath)
    }

    @Test func percentDecodingAsFoundationDecodes() {
        for text in ["a%20b", "%E6%97%A5", "100%", "%zz", "%4", "plain", "%C3%A9t%C3%A9", "%FF", "a+b", ""] {
            #expect(text.percentDecoded == text.removingPercentEncoding, "\(text)")
        }
    }

    /// From 1583 on: before the Gregorian reform ICU counts in the Julian calendar, ours is
    /// proleptic Gregorian (as AWS's times, all recent, are).
    @Test func timestampsAsISO8601DateFormatterWritesThem() {
        var random = SplitMix64(seed: 8601)
        let formatter = ISO8601DateFormatter()
        let edges: [Double] = [0, -1, 86_399, 86_400, 951_782_400, 4_102_444_800, -12_212_553_600, 253_402_300_799, 1_764_806_400.999]
        for seconds in edges + (0..<2_000).map({ _ in Double.random(in: -12_212_553_600...2.5e11, using: &random).rounded(.down) }) {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ISO8601Timestamp.string(date) == formatter.string(from: date), "\(seconds)")
            #expect(ISO8601Timestamp.parse(ISO8601Timestamp.string(date)) == Date(timeIntervalSince1970: seconds.rounded(.down)) || seconds < 0,
                    "\(seconds)")
        }
    }

    @Test func httpDatesAsDateFormatterReadsThem() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        var random = SplitMix64(seed: 9110)
        for _ in 0..<500 {
            let date = Date(timeIntervalSince1970: Double(Int.random(in: 0...4_102_444_800, using: &random)))
            let text = formatter.string(from: date)
            #expect(HTTPDate.parse(text) == date, "\(text)")
        }
        for bad in ["", "Sun, 06 Nov 1994 08:49:37", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Now 1994 08:49:37 GMT",
                    "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Nov 1994 08:49 GMT", "1e30"] {
            #expect(HTTPDate.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func printfAsStringFormatWrites() {
        for value in [0.0, 1.25, -3.75, 1e12, 123_456.789, .infinity] {
            for format in ["%.1f", "%.0f", "%5.1f%%", "%.0e", "%.2f GB"] {
                #expect(String(printf: format, value) == String(format: format, value), "\(format) \(value)")
            }
        }
        #expect(String(printf: "%02d:%02d:%02d.%03d", Int32(1), Int32(2), Int32(3), 45) == "01:02:03.045")
        let long = String(printf: "%0300d", 7)
        #expect(long.count == 300 && long.hasSuffix("7"), "past the first buffer")
    }

    @Test func fileErrorsAreSentences() {
        do {
            _ = try FileManager.default.contentsOfDirectory(atPath: "/no/such/folder")
            Issue.record("a missing folder was listed")
        } catch {
            #expect(error.sentence == "/no/such/folder: no such file or directory", "\(error.sentence)")
        }
        struct Described: LocalizedError { var errorDescription: String? { "the bucket is not in this region" } }
        #expect((Described() as any Error).sentence == "the bucket is not in this region")
        #expect((AWSClientError.credentials("no keys") as any Error).sentence == AWSClientError.credentials("no keys").description)
    }
}
