import AWSCore
import Foundation

/// Writes a zip archive of stored (uncompressed) entries: what Lambda needs to receive code
/// from a directory without shelling out to `zip`.
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

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Every regular file below `directory`, with paths relative to it.
    public init(directory: URL) throws {
        let base = directory.standardizedFileURL.path
        var entries: [Entry] = []
        guard let walker = FileManager.default.enumerator(atPath: base) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: base])
        }
        while let relative = walker.nextObject() as? String {
            let full = base + "/" + relative
            let attributes = try FileManager.default.attributesOfItem(atPath: full)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
            entries.append(Entry(path: relative, contents: try Data(contentsOf: URL(fileURLWithPath: full)),
                                 isExecutable: permissions & 0o111 != 0))
        }
        self.entries = entries.sorted { $0.path < $1.path }
    }

    public func data() -> Data {
        var archive = Data()
        var central = Data()
        for entry in entries {
            let name = Data(entry.path.utf8)
            let crc = CRC32.checksum(entry.contents)
            let size = UInt32(entry.contents.count)
            let offset = UInt32(archive.count)
            // Local file header: version 2.0, no flags, stored, fixed 1980-01-01 time for reproducible zips.
            archive.append(littleEndian: UInt32(0x0403_4b50))
            archive.append(littleEndian: UInt16(20)); archive.append(littleEndian: UInt16(0)); archive.append(littleEndian: UInt16(0))
            archive.append(littleEndian: UInt16(0)); archive.append(littleEndian: UInt16(0x21))
            archive.append(littleEndian: crc); archive.append(littleEndian: size); archive.append(littleEndian: size)
            archive.append(littleEndian: UInt16(name.count)); archive.append(littleEndian: UInt16(0))
            archive.append(name)
            archive.append(entry.contents)

            let mode: UInt32 = entry.isExecutable ? 0o100755 : 0o100644
            central.append(littleEndian: UInt32(0x0201_4b50))
            central.append(littleEndian: UInt16(0x031e)); central.append(littleEndian: UInt16(20))  // made by Unix
            central.append(littleEndian: UInt16(0)); central.append(littleEndian: UInt16(0))
            central.append(littleEndian: UInt16(0)); central.append(littleEndian: UInt16(0x21))
            central.append(littleEndian: crc); central.append(littleEndian: size); central.append(littleEndian: size)
            central.append(littleEndian: UInt16(name.count)); central.append(littleEndian: UInt16(0)); central.append(littleEndian: UInt16(0))
            central.append(littleEndian: UInt16(0)); central.append(littleEndian: UInt16(0))
            central.append(littleEndian: mode << 16)
            central.append(littleEndian: offset)
            central.append(name)
        }
        let centralOffset = UInt32(archive.count)
        archive.append(central)
        archive.append(littleEndian: UInt32(0x0605_4b50))
        archive.append(littleEndian: UInt16(0)); archive.append(littleEndian: UInt16(0))
        archive.append(littleEndian: UInt16(entries.count)); archive.append(littleEndian: UInt16(entries.count))
        archive.append(littleEndian: UInt32(central.count)); archive.append(littleEndian: centralOffset)
        archive.append(littleEndian: UInt16(0))
        return archive
    }
}

extension Data {
    mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
