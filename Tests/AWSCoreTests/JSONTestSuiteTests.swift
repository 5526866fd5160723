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

    /// The streaming parse (a member's array handed out element by element) accepts and refuses
    /// exactly what the whole parse does, on every document of the corpus, each wrapped as the
    /// streamed member's array and as a member beside it; and gives back the same elements.
    @Test func theStreamingParseAgreesWithTheWholeParse() throws {
        for name in Self.names("") where name.hasSuffix(".json") {
            let document = try Self.read(name)
            for wrapped in [Data("{\"a\":[".utf8) + document + Data("],\"b\":1}".utf8),
                            Data("{\"b\":".utf8) + document + Data(",\"a\":[1,".utf8) + document + Data("]}".utf8), document] {
                let whole = try? JSONValue.parse(wrapped)
                var elements: [JSONValue] = []
                let streamed = try? JSONValue.parse(wrapped, streamingElementsOf: "a") { elements.append($0) }
                #expect((whole == nil) == (streamed == nil), "\(name): the two parses disagree on accepting it")
                guard let whole, let streamed else { continue }
                if case .array(let all)? = whole["a"], case .object = whole {
                    #expect(elements == all, "\(name): other elements")
                    #expect(streamed["a"] == .array([]) && streamed["b"] == whole["b"], "\(name)")
                } else {
                    #expect(elements.isEmpty && streamed == whole, "\(name): not an object with an array a")
                }
            }
        }
    }
}
