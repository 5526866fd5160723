import FoundationEssentials

/// The zip format's reading side, for packages Lambda hands back: the central directory's
/// records, and one entry's bytes. Every offset and size is checked against the archive before
/// it is used, so a damaged or hostile package is an error, never a trap or a huge allocation.
struct ZipReader {
    struct Record: Equatable {
        var path: String
        var checksum: UInt32
        var size: UInt64
        var packedSize: UInt64
        var method: UInt16
        var headerOffset: UInt64
        var isFile: Bool
    }

    let data: Data
    private(set) var records: [Record] = []

    init(_ data: Data, limit: Int = .max) throws {
        self.data = data
        let end = try endRecord()
        var directory = ZipCursor(data, at: end.start)
        for _ in 0..<end.count {
            guard let record = try directory.centralRecord() else { throw PackageError("the package's file list is damaged") }
            records.append(record)
            if records.count > limit { throw PackageError("the package has more than \(limit) files") }
        }
    }

    /// Where the central directory starts and how many records it holds, from the end record (and
    /// its ZIP64 form when the plain one's fields are full).
    private func endRecord() throws -> (start: Int, count: UInt64) {
        let tail = max(0, data.count - (22 + 0xFFFF))
        var position = data.count - 22
        while position >= tail {
            var cursor = ZipCursor(data, at: position)
            if cursor.u32() == 0x0605_4b50 {
                _ = cursor.u16(); _ = cursor.u16(); _ = cursor.u16()
                var count = UInt64(cursor.u16() ?? 0)
                _ = cursor.u32()
                var start = UInt64(cursor.u32() ?? 0)
                if count == 0xFFFF || start == 0xFFFF_FFFF, position >= 20 {
                    var locator = ZipCursor(data, at: position - 20)
                    if locator.u32() == 0x0706_4b50, locator.u32() != nil, let record = locator.u64(), record < UInt64(data.count) {
                        var zip64 = ZipCursor(data, at: Int(record))
                        guard zip64.u32() == 0x0606_4b50 else { throw PackageError("the package's ZIP64 end record is damaged") }
                        zip64.skip(8 + 2 + 2 + 4 + 4 + 8)
                        count = zip64.u64() ?? 0
                        _ = zip64.u64()
                        start = zip64.u64() ?? .max
                    }
                }
                guard start < UInt64(data.count) || (start == UInt64(data.count) && count == 0) else {
                    throw PackageError("the package's file list points outside it")
                }
                // Each record takes at least 46 bytes: a count the archive cannot hold is a lie.
                guard count <= UInt64(data.count - Int(start)) / 46 else { throw PackageError("the package's file count is damaged") }
                return (Int(start), count)
            }
            position -= 1
        }
        throw PackageError("this is not a zip file")
    }

    /// The entry's bytes, at most `limit` of them, checked against its CRC-32.
    func contents(of record: Record, limit: UInt64) throws -> Data {
        guard record.size <= limit else { throw PackageError("\(record.path) is larger than \(limit / 1_000_000) MB") }
        var header = ZipCursor(data, at: Int(clamping: record.headerOffset))
        guard header.u32() == 0x0403_4b50 else { throw PackageError("\(record.path)'s header is damaged") }
        header.skip(22)
        guard let nameLength = header.u16(), let extraLength = header.u16() else { throw PackageError("\(record.path)'s header is damaged") }
        let start = header.position + Int(nameLength) + Int(extraLength)
        guard start <= data.count, record.packedSize <= UInt64(data.count - start) else {
            throw PackageError("\(record.path)'s data runs past the end of the package")
        }
        let packed = data[data.startIndex + start ..< data.startIndex + start + Int(record.packedSize)]
        var contents = Data()
        switch record.method {
        case 0:
            contents = Data(packed)
        case 8:
            try packed.withUnsafeBytes { bytes in
                // zlib's word on damage names the file it was reading.
                do { try Deflate.decompress(bytes) { chunk in
                    // The header's size is the archive's word: the bytes that come are counted too.
                    guard UInt64(contents.count + chunk.count) <= limit else {
                        throw PackageError("\(record.path) is larger than \(limit / 1_000_000) MB")
                    }
                    contents.append(contentsOf: chunk)
                } } catch let error as PackageError where !error.description.hasPrefix(record.path) {
                    throw PackageError("\(record.path): \(error.description)")
                }
            }
        default:
            throw PackageError("\(record.path) is compressed with method \(record.method), which is not read here")
        }
        guard UInt64(contents.count) == record.size, contents.withUnsafeBytes({ Deflate.crc32($0) }) == record.checksum else {
            throw PackageError("\(record.path) does not match its checksum: the package is damaged")
        }
        return contents
    }
}

/// Reads little-endian fields from an archive; nil past its end.
struct ZipCursor {
    let data: Data
    private(set) var position: Int

    init(_ data: Data, at position: Int) {
        self.data = data
        self.position = position
    }

    mutating func skip(_ count: Int) { position += count }

    private mutating func read<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard position >= 0, position <= data.count - size else { return nil }
        var value: T = 0
        for index in 0..<size { value |= T(data[data.startIndex + position + index]) << (8 * index) }
        position += size
        return value
    }

    mutating func u16() -> UInt16? { read(UInt16.self) }
    mutating func u32() -> UInt32? { read(UInt32.self) }
    mutating func u64() -> UInt64? { read(UInt64.self) }

    mutating func bytes(_ count: Int) -> Data? {
        guard position >= 0, count >= 0, position <= data.count - count else { return nil }
        defer { position += count }
        return data[data.startIndex + position ..< data.startIndex + position + count]
    }

    /// One central directory record, with ZIP64's sizes and offset where the plain fields are full.
    mutating func centralRecord() throws -> ZipReader.Record? {
        guard u32() == 0x0201_4b50 else { return nil }
        guard let madeBy = u16(), u16() != nil, u16() != nil, let method = u16(), u32() != nil, let checksum = u32(),
              var packed = u32().map(UInt64.init), var size = u32().map(UInt64.init), let nameLength = u16(),
              let extraLength = u16(), let commentLength = u16(), u16() != nil, u16() != nil, let external = u32(),
              var offset = u32().map(UInt64.init), let name = bytes(Int(nameLength)), var extra = bytes(Int(extraLength)).map({ ZipCursor($0, at: 0) }),
              bytes(Int(commentLength)) != nil else { return nil }
        if size == 0xFFFF_FFFF || packed == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            while let tag = extra.u16(), let length = extra.u16() {
                guard tag == 1 else { extra.skip(Int(length)); continue }
                if size == 0xFFFF_FFFF { size = extra.u64() ?? size }
                if packed == 0xFFFF_FFFF { packed = extra.u64() ?? packed }
                if offset == 0xFFFF_FFFF { offset = extra.u64() ?? offset }
                break
            }
        }
        // Names are UTF-8 when flagged, and in practice when not; a name that is not is kept readable.
        let path = String(decoding: name, as: UTF8.self)
        let unixType = madeBy >> 8 == 3 ? (external >> 16) & 0o170000 : 0o100000
        let isFile = !path.hasSuffix("/") && (unixType == 0o100000 || unixType == 0)
        return ZipReader.Record(path: path, checksum: checksum, size: size, packedSize: packed, method: method,
                                headerOffset: offset, isFile: isFile)
    }
}
