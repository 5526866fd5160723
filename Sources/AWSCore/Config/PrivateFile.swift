import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Files the console writes (saved events, the last payload, saved responses and logs, the
/// audit log, rollouts, tokens) may hold what a function was sent or answered: each is created
/// 0600, before a byte is written, in a folder made 0700, and replaced atomically. A file or
/// folder of ours found with looser modes is tightened.
public enum PrivateFile {
    /// Writes `data` to `path` through a 0600 temporary file beside it, then renames it over.
    public static func write(_ data: Data, to path: String) throws {
        let folder = path.parentPath
        try makeFolder(folder.isEmpty ? "." : folder)
        let temporary = path + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw error("cannot create", temporary) }
        var written = 0
        let complete = data.withUnsafeBytes { bytes -> Bool in
            guard let base = bytes.baseAddress else { return true }
            while written < bytes.count {
                let count = Glibc.write(descriptor, base + written, bytes.count - written)
                if count <= 0 { return errno == EINTR ? true : false }
                written += count
            }
            return true
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard complete, written == data.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw error("cannot write", path)
        }
    }

    /// Appends a line to `path`, creating it 0600 (and tightening one found looser).
    public static func append(_ data: Data, to path: String) throws {
        let folder = path.parentPath
        try makeFolder(folder.isEmpty ? "." : folder)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw error("cannot open", path) }
        defer { close(descriptor) }
        tighten(descriptor)
        let complete = data.withUnsafeBytes { bytes in Glibc.write(descriptor, bytes.baseAddress, bytes.count) == bytes.count }
        guard complete else { throw error("cannot write", path) }
    }

    /// Makes `folder` (and its parents) 0700 where it creates them; an existing folder of the
    /// console's own that others can read is tightened.
    public static func makeFolder(_ folder: String) throws {
        var status = stat()
        if stat(folder, &status) == 0 {
            if status.st_uid == getuid(), status.st_mode & 0o077 != 0, isOwnFolder(folder) { chmod(folder, 0o700) }
            return
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Folders under lambda-tui's own config and state folders; a folder the user chose (the
    /// current folder a log is saved to) keeps its modes.
    static func isOwnFolder(_ folder: String) -> Bool {
        folder.split(separator: "/").contains("lambda-tui")
    }

    private static func tighten(_ descriptor: Int32) {
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & 0o077 != 0 { fchmod(descriptor, 0o600) }
    }

    private static func error(_ what: String, _ path: String) -> PrivateFileError {
        PrivateFileError(description: "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}

public struct PrivateFileError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
