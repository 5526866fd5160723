import ConsoleStore
import Foundation
import Testing

/// `lambda-tui iam-policy`: every operation the clients send is in the full policy (or said not
/// to be the console's), and the read-only policy holds nothing that changes AWS or runs code.
@Suite struct IAMPolicyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The operations each client names where it builds a request: `call("X"`, `send("X"`,
    /// `request("X"`, `operation: "X"`.
    static func operations(_ folder: String) throws -> Set<String> {
        let directory = root.appendingPathComponent("Sources/" + folder)
        let files = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        let pattern = try NSRegularExpression(pattern: #"(?:\b(?:call|send|request|stream)\(\s*|operation: )"([A-Z][A-Za-z]+)""#)
        var found = Set<String>()
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { found.insert(String(text[range])) }
            }
        }
        return found
    }

    @Test func everyOperationTheClientsSendIsInThePolicy() throws {
        let policy = try JSONSerialization.jsonObject(with: Data(IAMPolicy.document(readOnly: false).utf8)) as? [String: Any]
        let statements = try #require(policy?["Statement"] as? [[String: Any]])
        let allowed = Set(statements.flatMap { $0["Action"] as? [String] ?? [] })
        var sent = Set<String>()
        for (folder, service) in [("LambdaAPI", "lambda"), ("LogsAPI", "logs"), ("MetricsAPI", "cloudwatch"), ("TaggingAPI", "tag")] {
            let found = try Self.operations(folder)
            #expect(found.count >= (service == "lambda" ? 60 : 1), "too few operations found in \(folder): \(found.sorted())")
            sent.formUnion(found.map { IAMPolicy.iamAction(service: service, operation: $0) })
        }
        let missing = sent.subtracting(allowed).subtracting(IAMPolicy.notUsedByConsole)
        #expect(missing.isEmpty, "sent but not allowed: \(missing.sorted())")
        #expect(IAMPolicy.notUsedByConsole.isSubset(of: sent), "a left-out action the clients no longer send")
        #expect(allowed.contains("lambda:InvokeFunction") && allowed.contains("iam:PassRole"))
    }

    @Test func theReadOnlyPolicyChangesNothing() throws {
        let policy = try JSONSerialization.jsonObject(with: Data(IAMPolicy.document(readOnly: true).utf8)) as? [String: Any]
        let statements = try #require(policy?["Statement"] as? [[String: Any]])
        let actions = statements.flatMap { $0["Action"] as? [String] ?? [] }
        #expect(actions.count >= 30)
        // Judged by the verbs, not by the policy's own list of what mutates.
        let verbs = try NSRegularExpression(pattern: #":(Create|Update|Delete|Put|Add|Remove|Publish|Tag|Untag|Invoke|Pass)"#)
        let changing = actions.filter { verbs.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
        #expect(changing.isEmpty, "\(changing)")
        #expect(actions.contains("lambda:ListFunctions") && actions.contains("logs:FilterLogEvents") && actions.contains("cloudwatch:GetMetricData"))
    }
}
