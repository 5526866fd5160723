import FoundationEssentials
import Glibc

/// For end-to-end tests (as lazygit's test driver does): with `LAMBDA_TUI_IDLE_FILE` set, the
/// console keeps in that file `idle N` once frame N is drawn with no read in flight and no key
/// waiting, and `busy` otherwise, so a test waits for the console instead of guessing a time.
final class IdleReport {
    private let descriptor: Int32
    private var last = ""

    init?(environment: [String: String]) {
        guard let path = environment["LAMBDA_TUI_IDLE_FILE"], !path.isEmpty else { return nil }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    func report(idle: Bool, frame: Int) {
        let text = idle ? "idle \(frame)" : "busy"
        guard text != last else { return }
        last = text
        let bytes = Array(text.utf8)
        _ = ftruncate(descriptor, 0)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }
}
