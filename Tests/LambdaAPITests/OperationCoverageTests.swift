import Foundation
import Testing

/// Every action of the API reference has a client method.
@Suite struct OperationCoverageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The action names of the reference, kept in Fixtures/lambda-api-actions.txt (taken from the
    /// reference's list "Les actions suivantes sont prises en charge").
    static func referenceActions() throws -> [String] {
        let list = try String(contentsOf: root.appendingPathComponent("Tests/LambdaAPITests/Fixtures/lambda-api-actions.txt"), encoding: .utf8)
        return list.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
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
