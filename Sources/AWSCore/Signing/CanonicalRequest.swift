/// The pieces of a SigV4 canonical request, each built from the request as sent.
enum CanonicalRequest {
    /// Non-S3 services sign the path encoded once more than it was sent, after removing dot
    /// segments and empty segments; S3 signs it as sent.
    static func path(_ path: String, normalizing: Bool) -> String {
        guard normalizing else {
            return PercentEncoding.encode(path.isEmpty ? "/" : path, keepSlash: true)
        }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        var normalized = "/" + segments.joined(separator: "/")
        if path.hasSuffix("/"), !segments.isEmpty { normalized += "/" }
        return PercentEncoding.encode(normalized, keepSlash: true)
    }

    /// Parameters decoded, re-encoded strictly, and sorted by key then value.
    static func query(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs: [(String, String)] = query.split(separator: "&", omittingEmptySubsequences: true).map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = PercentEncoding.encode(PercentEncoding.decode(String(parts[0])))
            let value = parts.count > 1 ? PercentEncoding.encode(PercentEncoding.decode(String(parts[1]))) : ""
            return (key, value)
        }
        return pairs
            .sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// Lower-cased names, values trimmed with inner runs of white space folded to one space,
    /// repeated names joined with commas in the order they came.
    static func headers(_ headers: [(name: String, value: String)]) -> (block: String, signedNames: String) {
        var merged: [String: String] = [:]
        var order: [String] = []
        for (name, value) in headers {
            let key = name.lowercased()
            let folded = foldWhitespace(value)
            if let existing = merged[key] {
                merged[key] = existing + "," + folded
            } else {
                merged[key] = folded
                order.append(key)
            }
        }
        let names = order.sorted()
        let block = names.map { "\($0):\(merged[$0]!)\n" }.joined()
        return (block, names.joined(separator: ";"))
    }

    private static func foldWhitespace(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for character in value {
            if character == " " || character == "\t" || character == "\n" || character == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }
}
