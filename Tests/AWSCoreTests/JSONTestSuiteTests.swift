import AWSCore
import Foundation
import Testing

/// The JSONTestSuite parsing corpus (Fixtures/json-test-suite, MIT): every `y_` document is
/// accepted, every `n_` one refused, and every `i_` one answered either way without a trap or a
/// hang. Each answer must also come back through the writer as the same value.
@Suite struct JSONTestSuiteTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/json-test-suite/test_parsing")

    static func names(_ prefix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
    }

    static func read(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    @Test func corpusIsPresent() {
        #expect(Self.names("y_").count == 95)
        #expect(Self.names("n_").count == 188)
        #expect(Self.names("i_").count == 35)
    }

    @Test(arguments: names("y_"))
    func accepts(_ name: String) throws {
        let value = try JSONValue.parse(try Self.read(name))
        #expect(try JSONValue.parse(value.serialized) == value, "\(name) does not survive writing and reading again")
    }

    @Test(arguments: names("n_"))
    func refuses(_ name: String) throws {
        let data = try Self.read(name)
        #expect(throws: JSONParseError.self, "\(name) was accepted") { try JSONValue.parse(data) }
    }

    @Test(arguments: names("i_"))
    func answersWithoutTrapping(_ name: String) throws {
        let data = try Self.read(name)
        if let value = try? JSONValue.parse(data) {
            #expect(try JSONValue.parse(value.serialized) == value)
        }
    }
}
