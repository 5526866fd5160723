import FoundationEssentials
import Glibc
import Logging
import Synchronization

/// `--debug FILE`: swift-log records at debug level, one line each, appended to a file created
/// 0600. The AWS client logs an operation, its status or error code, its time and the attempt:
/// never a header value, a body or a message, so the file can go into a bug report as it is.
/// Without the option nothing is logged anywhere (the terminal belongs to the console).
enum DebugLog {
    static func start(path: String?) throws {
        guard let path else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DebugLogError(message: "--debug: cannot write \(path): \(String(cString: strerror(errno))).")
        }
        fchmod(descriptor, 0o600)  // a file that was there keeps no wider mode
        let sink = DebugSink(descriptor: descriptor)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink) }
    }
}

struct DebugLogError: Error, LocalizedError {
    var message: String
    var errorDescription: String? { message }
}

final class DebugSink: Sendable {
    private let descriptor: Mutex<Int32>

    init(descriptor: Int32) {
        self.descriptor = Mutex(descriptor)
    }

    func write(_ line: String) {
        descriptor.withLock { descriptor in
            let bytes = Array((line + "\n").utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        }
    }
}

struct FileLogHandler: LogHandler {
    let label: String
    let sink: DebugSink
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let time = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
        sink.write("\(time) \(event.level) \(label): \(event.message)")
    }
}
