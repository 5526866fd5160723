import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Why a local file (a config, credentials, token or theme file) cannot be used, as a sentence.
public struct LocalFileError: LocalizedError, Sendable, Equatable, CustomStringConvertible {
    public var errorDescription: String? { description }
    public var path: String
    public var problem: String
    public var description: String { "\(path) \(problem)" }

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }
}

/// Reads local files the user points at, which may be anything: a folder, /dev/zero, a FIFO
/// nobody writes to. Never reads without bound and never waits for ever: a folder, a file over
/// the limit and a source that stalls are each a sentence.
public enum LocalFile {
    public static let defaultLimit = 1 << 20
    public static let defaultTimeout: Duration = .seconds(2)

    /// The file's bytes, or nil when there is no file at `path`.
    public static func read(_ path: String, limit: Int = defaultLimit, timeout: Duration = defaultTimeout) throws(LocalFileError) -> Data? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw LocalFileError(path: path, problem: code == EACCES ? "cannot be read (permission denied)" : "cannot be read (\(String(cString: strerror(code))))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LocalFileError(path: path, problem: "cannot be read") }
        if status.st_mode & S_IFMT == S_IFDIR { throw LocalFileError(path: path, problem: "is a folder, not a file") }
        let regular = status.st_mode & S_IFMT == S_IFREG
        if regular, status.st_size > limit { throw tooLarge(path, limit) }
        let deadline = ContinuousClock.now + timeout
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: chunk[0..<count])
                if data.count > limit { throw tooLarge(path, limit) }
                continue
            }
            if count == 0 { return data }
            let code = errno
            guard code == EAGAIN || code == EINTR else {
                throw LocalFileError(path: path, problem: "cannot be read (\(String(cString: strerror(code))))")
            }
            // A pipe or a device with nothing to read yet: wait, but not past the deadline.
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw LocalFileError(path: path, problem: "gave nothing to read within \(timeout) (a pipe or a device?)") }
            var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&waiting, 1, Int32(max(1, min(left.components.seconds * 1000 + 1, 60_000))))
        }
    }

    /// The file as UTF-8 text, or nil when there is none.
    public static func readText(_ path: String, limit: Int = defaultLimit) throws(LocalFileError) -> String? {
        guard let data = try read(path, limit: limit) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else { throw LocalFileError(path: path, problem: "is not UTF-8 text") }
        return text
    }

    private static func tooLarge(_ path: String, _ limit: Int) -> LocalFileError {
        LocalFileError(path: path, problem: "is larger than \(limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit >> 10) KiB"); is it the right file?")
    }
}
