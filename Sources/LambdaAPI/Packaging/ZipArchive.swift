import Foundation
import ZIPFoundation

/// A zip archive of code for Lambda, built in memory with ZIPFoundation: deflated (Lambda takes
/// 50 MB zipped), UTF-8 names, ZIP64 past 65,535 entries or 4 GB, Unix modes kept (an executable
/// `bootstrap` stays executable), and a fixed time on every entry so that the same folder zips to
/// the same bytes (and the same CodeSha256).
public struct ZipArchive: Sendable {
    public struct Entry: Sendable {
        public var path: String
        public var contents: Data
        public var isExecutable: Bool

        public init(path: String, contents: Data, isExecutable: Bool = false) {
            self.path = path
            self.contents = contents
            self.isExecutable = isExecutable
        }
    }

    public var entries: [Entry]

    /// Folders that are never code: a version-control checkout's own.
    static let skippedFolders: Set<String> = [".git", ".hg", ".svn"]
    /// 1980-01-01, the earliest time a zip entry can carry.
    static let fixedTime = Date(timeIntervalSince1970: 315_532_800)

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Every regular file below `directory`, with paths relative to it; `.git` and its kind left out.
    public init(directory: URL) throws {
        let base = directory.standardizedFileURL.path
        var entries: [Entry] = []
        guard let walker = FileManager.default.enumerator(atPath: base) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: base])
        }
        while let relative = walker.nextObject() as? String {
            let full = base + "/" + relative
            let attributes = try FileManager.default.attributesOfItem(atPath: full)
            if attributes[.type] as? FileAttributeType == .typeDirectory, Self.skippedFolders.contains((relative as NSString).lastPathComponent) {
                walker.skipDescendants()
                continue
            }
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
            entries.append(Entry(path: relative, contents: try Data(contentsOf: URL(fileURLWithPath: full)),
                                 isExecutable: permissions & 0o111 != 0))
        }
        self.entries = entries.sorted { $0.path < $1.path }
    }

    public func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        for entry in entries {
            let contents = entry.contents
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(contents.count), modificationDate: Self.fixedTime,
                                 permissions: entry.isExecutable ? 0o755 : 0o644, compressionMethod: .deflate) { position, size in
                let start = Int(position)
                return contents.subdata(in: start..<min(contents.count, start + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
