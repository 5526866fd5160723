import FoundationEssentials

/// A zip archive of code for Lambda, built in memory: deflated (Lambda takes 50 MB zipped), UTF-8
/// names, ZIP64 past 65,535 entries or 4 GB, Unix modes kept (an executable `bootstrap` stays
/// executable), and a fixed time on every entry so that the same folder zips to the same bytes
/// (and the same CodeSha256). Written here over zlib, not with a zip library: the one kept
/// (ZIPFoundation) needs full Foundation, whose ICU was two thirds of the static binary.
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

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Every regular file below `directory`, with paths relative to it; `.git` and its kind left
    /// out, symbolic links not followed.
    public init(directory: URL) throws {
        let base = directory.standardizedFileURL.path
        var entries: [Entry] = []
        var folders = [""]
        let files = FileManager.default
        guard (try? files.attributesOfItem(atPath: base))?[.type] as? FileAttributeType == .typeDirectory else {
            throw PackageError("\(base) is not a folder")
        }
        while let folder = folders.popLast() {
            for name in try files.contentsOfDirectory(atPath: folder.isEmpty ? base : base + "/" + folder) {
                let relative = folder.isEmpty ? name : folder + "/" + name
                let attributes = try files.attributesOfItem(atPath: base + "/" + relative)
                switch attributes[.type] as? FileAttributeType {
                case .typeDirectory? where !Self.skippedFolders.contains(name):
                    folders.append(relative)
                case .typeRegular?:
                    let permissions = (attributes[.posixPermissions] as? Int) ?? 0o644
                    entries.append(Entry(path: relative, contents: try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative)),
                                         isExecutable: permissions & 0o111 != 0))
                default:
                    continue
                }
            }
        }
        self.entries = entries.sorted { $0.path < $1.path }
    }

    public func data() throws -> Data {
        var writer = ZipWriter()
        for entry in entries {
            try writer.add(path: entry.path, contents: entry.contents, mode: entry.isExecutable ? 0o755 : 0o644)
        }
        return writer.finish()
    }
}

/// The zip format's writing side (APPNOTE 6.3): a local header and deflated data per entry,
/// then the central directory; ZIP64 records where a count, size or offset outgrows its field.
struct ZipWriter {
    private(set) var output = Data()
    private var directory = Data()
    private var count = 0

    /// 1980-01-01 00:00, the earliest time a zip entry can carry, in DOS form.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    static let utf8Names: UInt16 = 0x0800

    mutating func add(path: String, contents: Data, mode: UInt32) throws {
        let name = Data(path.utf8)
        guard name.count <= Int(UInt16.max) else { throw PackageError("the name \(path.prefix(40))… is too long for a zip") }
        let checksum = contents.withUnsafeBytes { Deflate.crc32($0) }
        let deflated = try Deflate.compress(contents)
        // An entry deflate makes larger (already compressed, or empty) is stored as it is.
        let stored = deflated.count >= contents.count
        let body = stored ? contents : deflated
        let offset = UInt64(output.count), size = UInt64(contents.count), packed = UInt64(body.count)
        let big = size >= 0xFFFF_FFFF || packed >= 0xFFFF_FFFF
        let needs: UInt16 = big || offset >= 0xFFFF_FFFF ? 45 : 20

        var local = ZipBytes()
        local.u32(0x0403_4b50)
        local.u16(needs); local.u16(Self.utf8Names); local.u16(stored ? 0 : 8)
        local.u16(Self.dosTime); local.u16(Self.dosDate); local.u32(checksum)
        local.u32(big ? 0xFFFF_FFFF : UInt32(packed)); local.u32(big ? 0xFFFF_FFFF : UInt32(size))
        local.u16(UInt16(name.count)); local.u16(big ? 20 : 0)
        local.bytes.append(name)
        if big { local.u16(1); local.u16(16); local.u64(size); local.u64(packed) }
        output.append(local.bytes)
        output.append(body)

        // The central record: sizes and offset that overflow go to a ZIP64 extra, in this order.
        var extra = ZipBytes()
        if size >= 0xFFFF_FFFF { extra.u64(size) }
        if packed >= 0xFFFF_FFFF { extra.u64(packed) }
        if offset >= 0xFFFF_FFFF { extra.u64(offset) }
        var central = ZipBytes()
        central.u32(0x0201_4b50)
        central.u16(3 << 8 | 45)  // made by: Unix, so that the modes below are read as Unix modes
        central.u16(needs); central.u16(Self.utf8Names); central.u16(stored ? 0 : 8)
        central.u16(Self.dosTime); central.u16(Self.dosDate); central.u32(checksum)
        central.u32(packed >= 0xFFFF_FFFF ? 0xFFFF_FFFF : UInt32(packed))
        central.u32(size >= 0xFFFF_FFFF ? 0xFFFF_FFFF : UInt32(size))
        central.u16(UInt16(name.count)); central.u16(extra.bytes.isEmpty ? 0 : UInt16(extra.bytes.count + 4)); central.u16(0)
        central.u16(0); central.u16(0)
        central.u32((0o100000 | mode) << 16)  // a regular file with its permissions
        central.u32(offset >= 0xFFFF_FFFF ? 0xFFFF_FFFF : UInt32(offset))
        central.bytes.append(name)
        if !extra.bytes.isEmpty { central.u16(1); central.u16(UInt16(extra.bytes.count)); central.bytes.append(extra.bytes) }
        directory.append(central.bytes)
        count += 1
    }

    mutating func finish() -> Data {
        let start = UInt64(output.count), size = UInt64(directory.count)
        output.append(directory)
        var end = ZipBytes()
        if count >= 0xFFFF || start >= 0xFFFF_FFFF || size >= 0xFFFF_FFFF {
            let record = UInt64(output.count)
            end.u32(0x0606_4b50); end.u64(44)
            end.u16(3 << 8 | 45); end.u16(45); end.u32(0); end.u32(0)
            end.u64(UInt64(count)); end.u64(UInt64(count)); end.u64(size); end.u64(start)
            end.u32(0x0706_4b50); end.u32(0); end.u64(record); end.u32(1)
        }
        end.u32(0x0605_4b50); end.u16(0); end.u16(0)
        end.u16(UInt16(min(count, 0xFFFF))); end.u16(UInt16(min(count, 0xFFFF)))
        end.u32(UInt32(min(size, 0xFFFF_FFFF))); end.u32(UInt32(min(start, 0xFFFF_FFFF))); end.u16(0)
        output.append(end.bytes)
        return output
    }
}

/// Little-endian fields, as zip writes every number.
struct ZipBytes {
    var bytes = Data()
    mutating func u16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
}
