import FoundationEssentials

/// One message of the `application/vnd.amazon.eventstream` framing: headers and a payload.
public struct EventStreamMessage: Sendable, Equatable {
    public enum HeaderValue: Sendable, Equatable {
        case bool(Bool)
        case byte(Int8)
        case short(Int16)
        case integer(Int32)
        case long(Int64)
        case bytes(Data)
        case string(String)
        case timestamp(Int64)
        case uuid(Data)
    }

    public var headers: [(name: String, value: HeaderValue)]
    public var payload: Data

    public init(headers: [(name: String, value: HeaderValue)], payload: Data) {
        self.headers = headers
        self.payload = payload
    }

    public func string(_ name: String) -> String? {
        for header in headers where header.name == name {
            if case .string(let value) = header.value { return value }
        }
        return nil
    }

    public static func == (lhs: EventStreamMessage, rhs: EventStreamMessage) -> Bool {
        lhs.payload == rhs.payload && lhs.headers.count == rhs.headers.count
            && zip(lhs.headers, rhs.headers).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

/// A frame that is not valid event-stream framing.
public struct EventStreamError: LocalizedError, Sendable, Equatable, CustomStringConvertible {
    public var errorDescription: String? { description }
    public var reason: String
    public init(reason: String) { self.reason = reason }
    public var description: String { "the event stream is corrupt: \(reason)" }
}

/// Decodes event-stream frames as bytes arrive, in whatever pieces the network delivers them:
/// prelude (total length, headers length, prelude CRC32), headers, payload, message CRC32.
public struct EventStreamDecoder: Sendable {
    private var buffer = Data()
    /// Frames larger than this are refused rather than buffered (the service's limit is 16 MB).
    public static let maximumMessageLength = 16 * 1024 * 1024

    public init() {}

    /// Adds bytes and returns every message they complete. The bytes used are dropped once, at
    /// the end: dropping each message's bytes as it was read moved the rest of the buffer every
    /// time, quadratic for a buffer of many small frames.
    public mutating func feed(_ bytes: Data) throws -> [EventStreamMessage] {
        buffer.append(bytes)
        var messages: [EventStreamMessage] = []
        var start = buffer.startIndex
        defer { buffer.removeSubrange(buffer.startIndex..<start) }
        while buffer.endIndex - start >= 12 {
            let total = Int(readUInt32(at: start))
            let headersLength = Int(readUInt32(at: start + 4))
            let preludeCRC = readUInt32(at: start + 8)
            guard CRC32.checksum(buffer[start..<start + 8]) == preludeCRC else {
                throw EventStreamError(reason: "prelude checksum mismatch")
            }
            guard total >= 16, total <= Self.maximumMessageLength, headersLength <= total - 16 else {
                throw EventStreamError(reason: "impossible lengths (message \(total), headers \(headersLength))")
            }
            guard buffer.endIndex - start >= total else { break }
            let messageCRC = readUInt32(at: start + total - 4)
            guard CRC32.checksum(buffer[start..<start + total - 4]) == messageCRC else {
                throw EventStreamError(reason: "message checksum mismatch")
            }
            let headers = try Self.parseHeaders(buffer[start + 12..<start + 12 + headersLength])
            let payload = Data(buffer[start + 12 + headersLength..<start + total - 4])
            messages.append(EventStreamMessage(headers: headers, payload: payload))
            start += total
        }
        return messages
    }

    /// Whether bytes of an unfinished message are waiting: at the end of a stream, a truncation.
    public var hasPartialMessage: Bool { !buffer.isEmpty }

    private func readUInt32(at index: Data.Index) -> UInt32 {
        buffer[index..<index + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func parseHeaders(_ bytes: Data) throws -> [(name: String, value: EventStreamMessage.HeaderValue)] {
        var headers: [(name: String, value: EventStreamMessage.HeaderValue)] = []
        var index = bytes.startIndex
        func take(_ count: Int) throws -> Data {
            guard index + count <= bytes.endIndex else { throw EventStreamError(reason: "header runs past its block") }
            defer { index += count }
            return bytes[index..<index + count]
        }
        func integer(_ count: Int) throws -> Int64 {
            let raw = try take(count).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let shift = UInt64(64 - count * 8)
            return Int64(bitPattern: raw << shift) >> Int64(shift)  // sign-extend
        }
        while index < bytes.endIndex {
            let nameLength = Int(try take(1).first ?? 0)
            guard let name = String(data: try take(nameLength), encoding: .utf8) else {
                throw EventStreamError(reason: "header name is not UTF-8")
            }
            let type = try take(1).first ?? 0xFF
            let value: EventStreamMessage.HeaderValue
            switch type {
            case 0: value = .bool(true)
            case 1: value = .bool(false)
            case 2: value = .byte(Int8(try integer(1)))
            case 3: value = .short(Int16(try integer(2)))
            case 4: value = .integer(Int32(try integer(4)))
            case 5: value = .long(try integer(8))
            case 6: value = .bytes(Data(try take(Int(try integer(2) & 0xffff))))
            case 7:
                guard let text = String(data: try take(Int(try integer(2) & 0xffff)), encoding: .utf8) else {
                    throw EventStreamError(reason: "header \(name) is not UTF-8")
                }
                value = .string(text)
            case 8: value = .timestamp(try integer(8))
            case 9: value = .uuid(Data(try take(16)))
            default: throw EventStreamError(reason: "unknown header type \(type)")
            }
            headers.append((name, value))
        }
        return headers
    }
}

/// Builds frames: what tests and the loopback servers send, byte for byte as AWS would.
public enum EventStreamEncoder {
    public static func encode(_ message: EventStreamMessage) -> Data {
        var headers = Data()
        for (name, value) in message.headers {
            headers.append(UInt8(truncatingIfNeeded: name.utf8.count))
            headers.append(contentsOf: Array(name.utf8))
            switch value {
            case .bool(let flag): headers.append(flag ? 0 : 1)
            case .byte(let number): headers.append(2); append(&headers, UInt64(bitPattern: Int64(number)), bytes: 1)
            case .short(let number): headers.append(3); append(&headers, UInt64(bitPattern: Int64(number)), bytes: 2)
            case .integer(let number): headers.append(4); append(&headers, UInt64(bitPattern: Int64(number)), bytes: 4)
            case .long(let number): headers.append(5); append(&headers, UInt64(bitPattern: number), bytes: 8)
            case .bytes(let data): headers.append(6); append(&headers, UInt64(data.count), bytes: 2); headers.append(data)
            case .string(let text):
                headers.append(7); append(&headers, UInt64(text.utf8.count), bytes: 2); headers.append(contentsOf: Array(text.utf8))
            case .timestamp(let millis): headers.append(8); append(&headers, UInt64(bitPattern: millis), bytes: 8)
            case .uuid(let data): headers.append(9); headers.append(data.prefix(16))
            }
        }
        let total = 12 + headers.count + message.payload.count + 4
        var frame = Data()
        append(&frame, UInt64(total), bytes: 4)
        append(&frame, UInt64(headers.count), bytes: 4)
        append(&frame, UInt64(CRC32.checksum(frame)), bytes: 4)
        frame.append(headers)
        frame.append(message.payload)
        append(&frame, UInt64(CRC32.checksum(frame)), bytes: 4)
        return frame
    }

    private static func append(_ data: inout Data, _ value: UInt64, bytes: Int) {
        for shift in stride(from: (bytes - 1) * 8, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
