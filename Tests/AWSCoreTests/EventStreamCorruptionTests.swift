@testable import AWSCore
import Foundation
import Testing
import TestSupport

/// Random, truncated and corrupted event-stream frames, fed in random pieces: the decoder gives
/// the messages or an error, never a trap, a hang or an unbounded buffer. Seeded, so a failure
/// names the seed that shows it.
@Suite struct EventStreamCorruptionTests {
    typealias Generator = SplitMix64

    static func randomMessage(_ random: inout Generator) -> EventStreamMessage {
        let values: [EventStreamMessage.HeaderValue] = [
            .bool(true), .bool(false), .byte(-3), .short(-300), .integer(Int32.min), .long(Int64.max), .bytes(Data([0, 1, 2])),
            .string("événement"), .timestamp(1_795_600_000_000), .uuid(Data(repeating: 7, count: 16)),
        ]
        let headers = (0..<Int.random(in: 0...4, using: &random)).map { index in
            (name: ":h\(index)", value: values.randomElement(using: &random) ?? .bool(true))
        }
        let payload = Data((0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
        return EventStreamMessage(headers: headers, payload: payload)
    }

    /// Feeds `bytes` in random pieces; the messages, or the error.
    static func decode(_ bytes: Data, _ random: inout Generator) -> Result<[EventStreamMessage], Error> {
        var decoder = EventStreamDecoder()
        var messages: [EventStreamMessage] = []
        var offset = 0
        do {
            while offset < bytes.count {
                let size = min(bytes.count - offset, Int.random(in: 1...64, using: &random))
                messages += try decoder.feed(bytes.subdata(in: offset..<offset + size))
                offset += size
            }
        } catch {
            return .failure(error)
        }
        return .success(messages)
    }

    @Test(arguments: 0..<20)
    func validFramesDecodeWhateverThePieces(seed: UInt64) throws {
        var random = Generator(seed: seed)
        let messages = (0..<Int.random(in: 1...20, using: &random)).map { _ in Self.randomMessage(&random) }
        let bytes = messages.map(EventStreamEncoder.encode).reduce(Data(), +)
        #expect(try Self.decode(bytes, &random).get() == messages, "seed \(seed)")
    }

    @Test(arguments: 0..<200)
    func corruptedFramesAreErrorsNeverTraps(seed: UInt64) throws {
        var random = Generator(seed: seed)
        let messages = (0..<Int.random(in: 1...5, using: &random)).map { _ in Self.randomMessage(&random) }
        var bytes = [UInt8](messages.map(EventStreamEncoder.encode).reduce(Data(), +))
        switch seed % 4 {
        case 0:  // flip bytes anywhere
            for _ in 0..<Int.random(in: 1...4, using: &random) { bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random) }
        case 1:  // cut short
            bytes.removeLast(Int.random(in: 1..<bytes.count, using: &random))
        case 2:  // lengths and checksums that agree with each other but not with what follows
            let total = UInt32.random(in: 0...UInt32.max, using: &random), headers = UInt32.random(in: 0...UInt32.max, using: &random)
            var prelude = Data()
            for value in [total, headers] { for shift in stride(from: 24, through: 0, by: -8) { prelude.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) } }
            let crc = CRC32.checksum(prelude)
            for shift in stride(from: 24, through: 0, by: -8) { prelude.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
            bytes = [UInt8](prelude) + bytes
        default:  // random bytes, with a valid prelude of a plausible length in front
            bytes = (0..<Int.random(in: 0...500, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        }
        let outcome = Self.decode(Data(bytes), &random)
        if case .failure(let error) = outcome { #expect(error is EventStreamError, "seed \(seed): \(error)") }
    }

    @Test func headerTypesAndLengthsBeyondTheBlockAreErrors() {
        for block in [Data([3, 0x61, 0x62]), Data([1, 0x61, 42]), Data([1, 0x61, 7, 0xFF, 0xFF, 0x61]), Data([1, 0x61, 9, 1, 2])] {
            #expect(throws: EventStreamError.self) { _ = try EventStreamDecoder.parseHeaders(block) }
        }
    }

    /// 20,000 small frames arriving in one read were dropped one by one from the front of the
    /// buffer: quadratic in the read's size.
    @Test func manyFramesInOneReadCostTimeInProportion() throws {
        let frame = EventStreamEncoder.encode(EventStreamMessage(headers: [(":event-type", .string("PayloadChunk"))], payload: Data("x".utf8)))
        let bytes = Data((0..<20_000).map { _ in frame }.joined())
        var decoder = EventStreamDecoder()
        let started = ContinuousClock.now
        #expect(try decoder.feed(bytes).count == 20_000)
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
