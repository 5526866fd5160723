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

@Suite struct JSONValueStrictnessTests {
    @Test(arguments: ["01", "+1", ".5", "1.", "-", "1e", "1e+", "-01", "0x10", "1.e5", "[1.]", "Infinity", "NaN", "-.1"])
    func refusesNumbersOutsideTheGrammar(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test(arguments: ["0", "-0", "1.5", "-1.5e-3", "1E5", "0.0001", "123456789012345"])
    func acceptsNumbersOfTheGrammar(_ text: String) throws {
        #expect(try JSONValue.parse(text).doubleValue == Double(text))
    }

    @Test func integersBeyondDoublePrecisionKeepTheirDigits() throws {
        let text = #"{"id":12345678901234567890,"n":9007199254740993,"small":9007199254740992,"huge":1e999}"#
        let value = try JSONValue.parse(text)
        #expect(value["id"] == .exactNumber("12345678901234567890"))
        #expect(value["n"] == .exactNumber("9007199254740993"))
        #expect(value["small"] == .number(9_007_199_254_740_992))
        #expect(value.serialized == text)
        #expect(value.prettyPrinted().contains("\"n\" : 9007199254740993"))
        #expect(value["n"]?.wholeNumber(Int64.self) == 9_007_199_254_740_993)
    }

    /// A high surrogate followed by anything but a low one trapped in the surrogate arithmetic.
    @Test func loneAndMismatchedSurrogatesBecomeReplacementCharacters() throws {
        #expect(try JSONValue.parse(#""user said \ud800\u0041""#) == .string("user said \u{FFFD}A"))
        #expect(try JSONValue.parse(#""\ud800\u0001""#) == .string("\u{FFFD}\u{01}"))
        #expect(try JSONValue.parse(#""\udc00x""#) == .string("\u{FFFD}x"))
        #expect(try JSONValue.parse(#""\ud800""#) == .string("\u{FFFD}"))
        #expect(try JSONValue.parse(#""\ud800\ud800\udc00""#) == .string("\u{FFFD}\u{10000}"))
        #expect(try JSONValue.parse(#""\ud83d\ude80""#) == .string("🚀"))
    }

    @Test func prettyPrintsAsTheInvokeScreenShowsIt() throws {
        let value = try JSONValue.parse(#"{"b":[1,{"c":null}],"a":{},"e":[]}"#)
        #expect(value.prettyPrinted() == "{\n  \"a\" : {},\n  \"b\" : [\n    1,\n    {\n      \"c\" : null\n    }\n  ],\n  \"e\" : []\n}")
    }
}
