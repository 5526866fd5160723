import AWSCore
import ConsoleStore
import Foundation
import Testing

/// What the console writes holds payloads and answers: 0600 files in 0700 folders, whatever
/// the umask, and an audit log found readable by others is tightened.
@Suite struct PrivateFileTests {
    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? -1
    }

    @Test func savedEventsTheLastPayloadAndLogsAre0600In0700Folders() throws {
        let root = NSTemporaryDirectory() + "lt-private-\(UUID().uuidString.prefix(8))/lambda-tui"
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let previous = umask(0o022)
        defer { umask(previous) }
        let store = SavedEventStore(directory: root + "/events")
        try store.save(function: "checkout", name: "order", payload: #"{"card":"4242"}"#)
        for file in ["/events/checkout/.last.json", "/events/checkout/order.json"] { #expect(Self.mode(root + file) == 0o600, "\(file)") }
        #expect(Self.mode(root + "/events/checkout") == 0o700)
        try PrivateFile.write(Data("a log line\n".utf8), to: root + "/saved.log")
        #expect(Self.mode(root + "/saved.log") == 0o600)
    }

    @Test func anAuditLogFoundReadableByOthersIsTightened() throws {
        let folder = NSTemporaryDirectory() + "lt-audit-\(UUID().uuidString.prefix(8))/lambda-tui"
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        FileManager.default.createFile(atPath: folder + "/audit.log", contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o644])
        let log = AuditLog(path: folder + "/audit.log", profile: "p", region: "us-east-1")
        #expect(log.record(.deleteAlias(function: "f", name: "live"), result: "ok") == nil)
        #expect(Self.mode(folder + "/audit.log") == 0o600)
        #expect(Self.mode(folder) == 0o700)
        #expect(try String(contentsOfFile: folder + "/audit.log", encoding: .utf8).hasPrefix("old\n"))
    }
}
