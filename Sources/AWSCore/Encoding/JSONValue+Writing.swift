import FoundationEssentials

extension JSONValue {
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The document as compact JSON text. Whole numbers are written without a fraction, as the
    /// JSON protocols' integer members expect.
    public var serialized: String {
        var output = ""
        write(to: &output)
        return output
    }

    /// The document over several lines, two spaces an indent, `"key" : value` as Foundation writes
    /// it, keys sorted when asked; numbers keep their digits.
    public func prettyPrinted(sortedKeys: Bool = true) -> String {
        var output = ""
        writePretty(to: &output, indent: 0, sortedKeys: sortedKeys)
        return output
    }

    private func writePretty(to output: inout String, indent: Int, sortedKeys: Bool) {
        let inner = String(repeating: " ", count: indent + 2)
        switch self {
        case .array(let elements) where !elements.isEmpty:
            output += "[\n"
            for (index, element) in elements.enumerated() {
                if index > 0 { output += ",\n" }
                output += inner
                element.writePretty(to: &output, indent: indent + 2, sortedKeys: sortedKeys)
            }
            output += "\n" + String(repeating: " ", count: indent) + "]"
        case .object(let members) where !members.isEmpty:
            output += "{\n"
            let ordered = sortedKeys ? members.sorted { $0.key < $1.key } : members
            for (index, member) in ordered.enumerated() {
                if index > 0 { output += ",\n" }
                output += inner
                Self.writeString(member.key, to: &output)
                output += " : "
                member.value.writePretty(to: &output, indent: indent + 2, sortedKeys: sortedKeys)
            }
            output += "\n" + String(repeating: " ", count: indent) + "}"
        default:
            write(to: &output)
        }
    }

    private func write(to output: inout String) {
        switch self {
        case .exactNumber(let text): output += text
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value):
            if value.isFinite, value == value.rounded(), abs(value) <= 9_007_199_254_740_992 { output += String(Int64(value)) } else { output += "\(value)" }
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(member.key, to: &output)
                output += ":"
                member.value.write(to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20: output += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
