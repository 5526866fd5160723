import AWSCore
import Foundation
import Testing

/// The one ISO 8601 reader, checked against Foundation's formatter on the same texts.
@Suite struct ISO8601TimestampTests {
    @Test func agreesWithFoundationOnRandomTimes() throws {
        var generator = SystemRandomNumberGenerator()
        let formatter = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &generator)))
            let plain = formatter.string(from: date)
            #expect(ISO8601Timestamp.parse(plain) == formatter.date(from: plain), "\(plain)")
            let withFraction = fractional.string(from: date.addingTimeInterval(0.25))
            let parsed = try #require(ISO8601Timestamp.parse(withFraction))
            #expect(abs(parsed.timeIntervalSince1970 - (fractional.date(from: withFraction)?.timeIntervalSince1970 ?? 0)) < 0.001, "\(withFraction)")
        }
    }

    @Test func zonesAndTheOldSSOCacheSuffix() {
        let utc = ISO8601Timestamp.parse("2026-11-25T10:00:00Z")
        #expect(utc == Date(timeIntervalSince1970: 1_795_600_800))
        #expect(ISO8601Timestamp.parse("2026-11-25T10:00:00UTC") == utc)
        #expect(ISO8601Timestamp.parse("2026-11-25T11:00:00+01:00") == utc)
        #expect(ISO8601Timestamp.parse("2026-11-25T05:00:00-0500") == utc)
        #expect(ISO8601Timestamp.parse("2026-11-25T10:00:00.000+0000") == utc)
    }

    @Test func refusesWhatIsNotATime() {
        for text in ["", "2026-11-25", "2026-13-25T10:00:00Z", "2026-11-25T10:00:00garbage", "2026/11/25T10:00:00Z",
                     "2026-11-25T25:00:00Z", "2026-11-25T10:00:00+1", "yesterday at noon"] {
            #expect(ISO8601Timestamp.parse(text) == nil, "\(text)")
        }
    }
}
