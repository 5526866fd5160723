import Glibc

/// Writes to the standard streams whole, past short writes and interruptions (FoundationEssentials
/// has no FileHandle).
enum StandardStreams {
    static func output(_ text: String) {
        fflush(nil)  // after what `print` has buffered
        write(text, to: STDOUT_FILENO)
    }
    static func error(_ text: String) { write(text, to: STDERR_FILENO) }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
