@testable import AWSCore
import Foundation
import Testing

/// Bad local input found by hand: each trapped, hung or read without bound before. Each must now
/// be one sentence, and nothing else.
@Suite struct LocalInputFaultTests {
    func settings(_ home: TemporaryHome, _ extra: [String: String] = [:], overrides: AWSSettingsOverrides = AWSSettingsOverrides()) throws -> AWSSettings {
        var environment = home.environment(["AWS_REGION": "us-east-1"])
        environment.merge(extra) { $1 }
        return try AWSSettings.resolve(overrides, environment: environment)
    }

    func sentence(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return String(describing: error) }
    }

    @Test func aConfigFileThatIsAFolderIsASentence() throws {
        let home = try TemporaryHome()
        try FileManager.default.createDirectory(atPath: home.path + "/.aws/config", withIntermediateDirectories: true)
        let text = try #require(sentence { _ = try settings(home) })
        #expect(text.contains(".aws/config is a folder, not a file"), "\(text)")
    }

    @Test func anEndlessConfigFileIsRefusedAtItsLimit() throws {
        let home = try TemporaryHome()
        let text = try #require(sentence { _ = try settings(home, ["AWS_CONFIG_FILE": "/dev/zero"]) })
        #expect(text.contains("/dev/zero is larger than 1 MiB"), "\(text)")
    }

    @Test func aFIFONobodyWritesToIsAnswerWithinItsTime() throws {
        let home = try TemporaryHome()
        let fifo = home.path + "/config.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        // A writer that opens it and never writes: the read must give up, not wait for ever.
        let writer = open(fifo, O_RDWR | O_NONBLOCK)
        defer { close(writer) }
        let started = Date()
        let text = try #require(sentence { _ = try settings(home, ["AWS_CONFIG_FILE": fifo]) })
        #expect(text.contains("gave nothing to read"), "\(text)")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test(arguments: ["1e30", "inf", "nan", "9223372036854775807", "-5", "0"])
    func timeoutsThatAreNoNumberOfSecondsAreASentence(_ value: String) throws {
        let home = try TemporaryHome(config: "[default]\nread_timeout = \(value)\n")
        let text = try #require(sentence { _ = try settings(home) })
        #expect(text.contains("read_timeout in profile 'default' must be a number of seconds"), "\(text)")
        let option = try #require(sentence { _ = try settings(try TemporaryHome(), overrides: AWSSettingsOverrides(connectTimeout: Double(value) ?? -1)) })
        #expect(option.contains("--connect-timeout must be a number of seconds"), "\(option)")
    }

    @Test(arguments: ["1e30", "inf", "nan", "9223372036854775807"])
    func aMetadataTimeoutThatIsNoNumberOfSecondsKeepsTheDefault(_ value: String) throws {
        let provider = InstanceMetadataCredentialProvider(environment: ["AWS_METADATA_SERVICE_TIMEOUT": value], config: SharedConfig(config: ConfigFile(), credentials: ConfigFile(), configPath: "", credentialsPath: ""),
                                                          profile: "default", transport: CurlTransport(options: TransportOptions()))
        #expect(provider.timeout == .seconds(1))
    }

    /// A credential_process that hangs left a blank console; its children were orphaned.
    @Test func aHungCredentialProcessIsStoppedWithItsChildren() async throws {
        let home = try TemporaryHome()
        let pidFile = home.path + "/child.pid"
        let started = Date()
        await #expect {
            _ = try await ProcessCredentialProvider.run("sleep 300 & echo $! > \(pidFile); wait", timeLimit: .seconds(1))
        } throws: { error in
            String(describing: error).contains("did not finish within")
        }
        #expect(Date().timeIntervalSince(started) < 10)
        let child = try #require(Int32((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        var gone = false
        for _ in 0..<50 where !gone {
            gone = kill(child, 0) != 0 || (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8))?.contains(") Z ") == true
            if !gone { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(gone, "the credential_process's child \(child) outlived the time-out")
    }

    @Test func credentialsThatAlreadyExpiredAreRefused() async throws {
        let output = Data(#"{"Version":1,"AccessKeyId":"K","SecretAccessKey":"S","Expiration":"2001-01-01T00:00:00Z"}"#.utf8)
        #expect {
            _ = try ProcessCredentialProvider.parse(output, what: "credential_process of profile 'p'")
        } throws: { error in
            String(describing: error).contains("expired at 2001-01-01T00:00:00Z")
        }
    }
}
