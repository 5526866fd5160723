import AWSCore
import Foundation
import Testing

@Suite struct EventStreamTests {
    static let messages = [
        EventStreamMessage(headers: [(":message-type", .string("event")), (":event-type", .string("PayloadChunk"))],
                           payload: Data("first chunk ✓".utf8)),
        EventStreamMessage(headers: [
            ("flag", .bool(true)), ("off", .bool(false)), ("byte", .byte(-3)), ("short", .short(-300)), ("int", .integer(70_000)),
            ("long", .long(-5_000_000_000)), ("bytes", .bytes(Data([0, 1, 2]))), ("time", .timestamp(1_764_064_800_000)),
            ("id", .uuid(Data(repeating: 7, count: 16))),
        ], payload: Data()),
        EventStreamMessage(headers: [(":message-type", .string("event")), (":event-type", .string("InvokeComplete"))],
                           payload: Data(#"{"LogResult":"U1RBUlQ="}"#.utf8)),
    ]

    /// A frame laid out by hand from the specification; the decoder is then checked against the encoder.
    @Test func framesMatchTheSpecificationByteForByte() {
        let frame = EventStreamEncoder.encode(EventStreamMessage(headers: [("a", .string("b"))], payload: Data("hi".utf8)))
        // total 24 = 12 prelude + 6 header bytes (name length 1, "a", type 7, value length 0 1, "b") + 2 payload + 4 CRC
        #expect(Array(frame.prefix(8)) == [0, 0, 0, 24, 0, 0, 0, 6])
        #expect(Array(frame[12..<18]) == [1, UInt8(ascii: "a"), 7, 0, 1, UInt8(ascii: "b")])
        #expect(Array(frame[18..<20]) == Array("hi".utf8))
        #expect(frame.count == 24)
        let preludeCRC = frame[8..<12].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(preludeCRC == CRC32.checksum(frame.prefix(8)))
    }

    @Test func decodesWhateverWayTheBytesAreSplit() throws {
        let stream = Self.messages.reduce(Data()) { $0 + EventStreamEncoder.encode($1) }
        for split in 0...stream.count {
            var decoder = EventStreamDecoder()
            var decoded = try decoder.feed(stream.prefix(split))
            decoded += try decoder.feed(stream.dropFirst(split))
            #expect(decoded == Self.messages, "split at byte \(split)")
            #expect(!decoder.hasPartialMessage)
        }
    }

    @Test func decodesByteByByte() throws {
        let stream = Self.messages.reduce(Data()) { $0 + EventStreamEncoder.encode($1) }
        var decoder = EventStreamDecoder()
        var decoded: [EventStreamMessage] = []
        for byte in stream { decoded += try decoder.feed(Data([byte])) }
        #expect(decoded == Self.messages)
    }

    @Test func corruptFramesAreClearErrors() throws {
        let frame = EventStreamEncoder.encode(Self.messages[0])
        var badPrelude = frame
        badPrelude[2] ^= 0xff
        var decoder = EventStreamDecoder()
        #expect(throws: EventStreamError(reason: "prelude checksum mismatch")) { try decoder.feed(badPrelude) }

        var badPayload = frame
        badPayload[badPayload.count - 6] ^= 0x01
        decoder = EventStreamDecoder()
        #expect(throws: EventStreamError(reason: "message checksum mismatch")) { try decoder.feed(badPayload) }
        #expect(EventStreamError(reason: "message checksum mismatch").description.contains("corrupt"))

        decoder = EventStreamDecoder()
        #expect(try decoder.feed(frame.prefix(frame.count - 1)).isEmpty)
        #expect(decoder.hasPartialMessage)
    }

    @Test func knownCRC32Values() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }
}
