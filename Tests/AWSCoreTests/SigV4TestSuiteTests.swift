import AWSCore
import Foundation
import Testing

/// Every case of the public SigV4 test suite in Fixtures/sigv4-test-suite (Apache 2.0, from
/// awslabs/aws-c-auth): canonical request, string to sign, signature and signed request must
/// match to the byte.
@Suite struct SigV4TestSuiteTests {
    static let suiteFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Fixtures/sigv4-test-suite")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: suiteFolder.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: suiteFolder.appendingPathComponent("\($0)/context.json").path) }.sorted()
    }

    @Test func suiteIsPresent() {
        #expect(Self.cases.count >= 30, "the SigV4 test suite is missing from \(Self.suiteFolder.path)")
    }

    @Test(arguments: cases)
    func reproducesCase(_ name: String) throws {
        let folder = Self.suiteFolder.appendingPathComponent(name)
        func read(_ file: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        let context = try JSONDecoder().decode(VectorContext.self, from: Data(try read("context.json").utf8))
        let request = try RawRequest(parsing: try read("request.txt"))
        let signer = SigV4Signer(
            credentials: Credentials(accessKeyID: context.credentials.access_key_id,
                                     secretAccessKey: context.credentials.secret_access_key,
                                     sessionToken: context.credentials.token),
            region: context.region, service: context.service, normalizesPath: context.normalize,
            signsPayloadHeader: context.sign_body, omitsSessionTokenFromSignature: context.omit_session_token ?? false)
        let date = try #require(ISO8601DateFormatter().date(from: context.timestamp))
        let signature = signer.sign(method: request.method, path: request.path, query: request.query,
                                    headers: request.headers, payloadHash: Digest.hex(Digest.sha256(Array(request.body.utf8))),
                                    date: date)

        #expect(signature.canonicalRequest == (try read("header-canonical-request.txt")))
        #expect(signature.stringToSign == (try read("header-string-to-sign.txt")))
        #expect(signature.signature == (try read("header-signature.txt")).trimmingCharacters(in: .whitespacesAndNewlines))

        let expected = try RawRequest(parsing: try read("header-signed-request.txt"))
        let produced = RawRequest(method: request.method, target: request.target,
                                  headers: request.headers + signature.headers, body: request.body)
        #expect(produced.requestLine == expected.requestLine)
        #expect(produced.normalizedHeaders == expected.normalizedHeaders)
        #expect(produced.body == expected.body)
    }
}

private struct VectorContext: Decodable {
    struct Keys: Decodable {
        var access_key_id: String
        var secret_access_key: String
        var token: String?
    }
    var credentials: Keys
    var region: String
    var service: String
    var timestamp: String
    var normalize: Bool
    var sign_body: Bool
    var omit_session_token: Bool?
}

/// A request in the suite's text form: request line, headers (with folded continuation lines), body.
private struct RawRequest {
    var method: String
    var target: String
    var headers: [(name: String, value: String)]
    var body: String

    var path: String { String(target.prefix { $0 != "?" }) }
    var query: String { target.contains("?") ? String(target.drop { $0 != "?" }.dropFirst()) : "" }
    var requestLine: String { "\(method) \(target)" }
    var normalizedHeaders: [String] { headers.map { "\($0.name.lowercased()):\($0.value)" }.sorted() }

    init(method: String, target: String, headers: [(name: String, value: String)], body: String) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    init(parsing text: String) throws {
        let lines = text.components(separatedBy: "\n")
        let first = try #require(lines.first)
        let methodEnd = try #require(first.firstIndex(of: " "))
        let versionStart = try #require(first.range(of: " HTTP/", options: .backwards))
        method = String(first[..<methodEnd])
        target = String(first[first.index(after: methodEnd)..<versionStart.lowerBound])
        headers = []
        var index = 1
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
            index += 1
        }
        body = index + 1 < lines.count ? lines[(index + 1)...].joined(separator: "\n") : ""
    }
}
