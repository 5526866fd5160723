import AWSCore
import Foundation
import Testing

@Suite struct JSONValueTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(#" {"s":"a\"b\\c\n\u00e9\ud83d\ude80","n":-12.5e1,"i":9007199254740991,"t":true,"f":false,"z":null,"a":[1,[],{}]} "#)
        #expect(value["s"] == .string("a\"b\\c\né🚀"))
        #expect(value["n"] == .number(-125))
        #expect(value["i"] == .number(9_007_199_254_740_991))
        #expect(value["t"] == .bool(true))
        #expect(value["f"] == .bool(false))
        #expect(value["z"] == .null)
        #expect(value["a"] == .array([.number(1), .array([]), .object([])]))
    }

    @Test(arguments: ["", "{", "[1,]", #"{"a" 1}"#, "tru", #""unterminated"#, "{} x", "[\"\u{01}\"]", "01x"])
    func rejectsMalformedDocuments(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test func refusesAbsurdNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
    }

    struct Shape: Codable, Equatable {
        var name: String
        var count: Int?
        var ratio: Double?
        var tags: [String: String]?
        var nested: [Inner]?
        var blob: Data?
        struct Inner: Codable, Equatable { var kmsKeyArn: String? }
    }

    @Test func decodesCodableTypesMatchingMembersWithoutCase() throws {
        let json = #"{"Name":"f","Count":3,"Ratio":0.25,"Tags":{"Team":"x","lower":"y"},"Nested":[{"KMSKeyArn":"k"}],"Blob":"aGk="}"#
        let shape = try JSONValueDecoder().decode(Shape.self, from: Data(json.utf8))
        #expect(shape == Shape(name: "f", count: 3, ratio: 0.25, tags: ["Team": "x", "lower": "y"], nested: [.init(kmsKeyArn: "k")],
                               blob: Data("hi".utf8)))
    }

    @Test func typeErrorsNameTheirPath() {
        #expect {
            try JSONValueDecoder().decode(Shape.self, from: Data(#"{"Name":"f","Count":1.5}"#.utf8))
        } throws: { error in "\(error)".lowercased().contains("count") }
        #expect {
            try JSONValueDecoder().decode(Shape.self, from: Data(#"{"Count":1}"#.utf8))
        } throws: { error in "\(error)".contains("name") }
    }
}
