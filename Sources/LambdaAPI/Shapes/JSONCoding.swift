import FoundationEssentials

/// Lambda's JSON keys are PascalCase ("FunctionName", "KMSKeyArn", "UUID"); Swift properties are
/// camelCase. Decoding lowers the leading capitals, encoding raises the first letter, and the few
/// keys whose leading capitals are an acronym are listed so that both directions agree.
public enum LambdaJSON {
    static let acronymKeys: [String: String] = [
        "kmsKeyArn": "KMSKeyArn",
        "uuid": "UUID",
        "uri": "URI",
    ]

    /// Fields whose values are maps: their keys are the user's data (variable names, tag keys,
    /// version numbers) and are never renamed. Foundation applies key strategies to map keys too.
    static let mapFields: Set<String> = ["Variables", "Tags", "Endpoints", "AdditionalVersionWeights"]

    private static func isMapKey(_ path: [any CodingKey]) -> Bool {
        guard path.count >= 2 else { return false }
        let parent = path[path.count - 2].stringValue
        return mapFields.contains(parent) || mapFields.contains(wireName(parent))
    }

    static func swiftName(_ wire: String) -> String {
        let scalars = Array(wire.unicodeScalars)
        var upperRun = 0
        while upperRun < scalars.count, scalars[upperRun].properties.isUppercase { upperRun += 1 }
        guard upperRun > 0 else { return wire }
        // "KMSKeyArn": the last capital of the run starts the next word, unless the run is the whole key.
        let lowered = upperRun == scalars.count || upperRun == 1 ? upperRun : upperRun - 1
        return String(String.UnicodeScalarView(scalars[..<lowered])).lowercased()
            + String(String.UnicodeScalarView(scalars[lowered...]))
    }

    static func wireName(_ swift: String) -> String {
        if let known = acronymKeys[swift] { return known }
        guard let first = swift.first else { return swift }
        return first.uppercased() + swift.dropFirst()
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in
            let last = path[path.count - 1]
            if last.intValue != nil || isMapKey(path) { return last }
            return Key(stringValue: swiftName(last.stringValue))
        }
        return decoder
    }

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom { path in
            let last = path[path.count - 1]
            if last.intValue != nil || isMapKey(path) { return last }
            return Key(stringValue: wireName(last.stringValue))
        }
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
