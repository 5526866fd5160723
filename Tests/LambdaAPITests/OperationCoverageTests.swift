import Foundation
import Testing

/// Every action of the API reference (../shared/lambda-api-reference.fr.txt) has a client method.
@Suite struct OperationCoverageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The action names the reference lists under "Les actions suivantes sont prises en charge".
    static func referenceActions() throws -> [String] {
        let reference = try String(contentsOf: root.deletingLastPathComponent().appendingPathComponent("shared/lambda-api-reference.fr.txt"),
                                   encoding: .utf8)
        let start = try #require(reference.range(of: "Les actions suivantes sont prises en charge"))
        var actions: [String] = []
        for line in reference[start.upperBound...].split(separator: "\n").prefix(120) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("- ["), let close = trimmed.firstIndex(of: "]") else {
                if !actions.isEmpty && !trimmed.isEmpty { break }
                continue
            }
            actions.append(String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 3)..<close]))
        }
        return actions
    }

    @Test func everyReferenceActionHasAClientMethod() throws {
        let actions = try Self.referenceActions()
        #expect(actions.count >= 60, "the reference's action list was not found")
        let operations = Self.root.appendingPathComponent("Sources/LambdaAPI/Operations")
        let sources = try FileManager.default.contentsOfDirectory(atPath: operations.path)
            .map { try String(contentsOf: operations.appendingPathComponent($0), encoding: .utf8) }.joined()
        let missing = actions.filter { action in
            let method = action.prefix(1).lowercased() + action.dropFirst()
            // Each method also names its operation, which is what errors and the audit log show.
            return !(sources.contains("func \(method)(") && sources.contains("\"\(action)\""))
        }
        #expect(missing.isEmpty, "no client method for: \(missing.joined(separator: ", "))")
    }
}
