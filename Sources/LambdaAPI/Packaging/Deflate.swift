import CZlib
import FoundationEssentials

/// Raw deflate and inflate (RFC 1951, as zip entries hold them) and CRC-32, through the
/// system's zlib. A failure is a PackageError: a damaged package is said as one.
enum Deflate {
    /// zlib counts in 32-bit words: longer input goes in slices.
    private static let slice = 1 << 30

    static func compress(_ input: Data) throws -> Data {
        var stream = z_stream()
        guard lt_deflate_init_raw(&stream, Z_DEFAULT_COMPRESSION) == Z_OK else { throw PackageError("zlib could not start deflating") }
        defer { deflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        try input.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            repeat {
                let count = min(slice, bytes.count - offset)
                stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress.map { $0.assumingMemoryBound(to: Bytef.self) + offset })
                stream.avail_in = uInt(count)
                offset += count
                let flush = offset == bytes.count ? Z_FINISH : Z_NO_FLUSH
                var status: Int32
                repeat {
                    status = chunk.withUnsafeMutableBufferPointer { buffer in
                        stream.next_out = buffer.baseAddress
                        stream.avail_out = uInt(buffer.count)
                        return deflate(&stream, flush)
                    }
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw PackageError("zlib could not deflate (\(status))")
                    }
                    output.append(contentsOf: chunk[..<(chunk.count - Int(stream.avail_out))])
                } while stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END)
            } while offset < bytes.count
        }
        return output
    }

    /// The inflated bytes, each chunk handed to `sink` as it comes; throws when the stream is
    /// damaged or ends early.
    static func decompress(_ input: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var stream = z_stream()
        guard lt_inflate_init_raw(&stream) == Z_OK else { throw PackageError("zlib could not start inflating") }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        var status = Z_OK
        while status != Z_STREAM_END {
            if stream.avail_in == 0 {
                guard offset < input.count, let base = input.baseAddress else { throw PackageError("the compressed data ends early") }
                let count = min(slice, input.count - offset)
                stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self) + offset)
                stream.avail_in = uInt(count)
                offset += count
            }
            let produced: Int = try chunk.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                status = inflate(&stream, Z_NO_FLUSH)
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw PackageError("the compressed data is damaged (zlib \(status))")
                }
                return buffer.count - Int(stream.avail_out)
            }
            if status == Z_BUF_ERROR, produced == 0, stream.avail_in == 0, offset >= input.count {
                throw PackageError("the compressed data ends early")
            }
            try chunk.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[..<produced])) }
        }
    }

    /// zlib's CRC-32 (several bytes a step) rather than AWSCore's CRC32 (a byte a step, made for
    /// event-stream frames of a few kilobytes): packages run to 50 MB.
    static func crc32(_ bytes: UnsafeRawBufferPointer, continuing previous: UInt32 = 0) -> UInt32 {
        var crc = UInt(previous)
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let count = min(slice, bytes.count - offset)
            crc = CZlib.crc32(crc, base.assumingMemoryBound(to: Bytef.self) + offset, uInt(count))
            offset += count
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}
