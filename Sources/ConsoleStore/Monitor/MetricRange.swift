import FoundationEssentials
import MetricsAPI

/// The Monitor view's time ranges, each with the period the Lambda console would choose for it:
/// one-minute points while there are few enough to draw, then 5 minutes, 15 minutes and an hour,
/// so that a week is 168 points rather than 10,080 (CloudWatch keeps one-minute data 15 days).
public enum MetricRange: String, CaseIterable, Sendable {
    case hour = "1h", threeHours = "3h", twelveHours = "12h", day = "1d", threeDays = "3d", week = "1w"

    public var seconds: Int {
        switch self {
        case .hour: 3_600
        case .threeHours: 3 * 3_600
        case .twelveHours: 12 * 3_600
        case .day: 86_400
        case .threeDays: 3 * 86_400
        case .week: 7 * 86_400
        }
    }

    /// The period of each point, in seconds.
    public var period: Int {
        switch self {
        case .hour, .threeHours: 60
        case .twelveHours, .day: 300
        case .threeDays: 900
        case .week: 3_600
        }
    }

    /// How many points the range holds.
    public var buckets: Int { seconds / period }

    /// The range's key in the Monitor view: 1 to 6.
    public var key: Character { Character(String((Self.allCases.firstIndex(of: self) ?? 0) + 1)) }
}

/// A window of metric points: `buckets` periods of `period` seconds from `start`, aligned to
/// the period as CloudWatch aligns them.
public struct MetricWindow: Sendable, Equatable {
    public var start: Date
    public var period: Int
    public var buckets: Int

    public init(start: Date, period: Int, buckets: Int) {
        self.start = start
        self.period = max(1, period)
        self.buckets = max(1, buckets)
    }

    /// The `buckets` whole periods that end with the one now running.
    public static func ending(at now: Date, period: Int, buckets: Int) -> MetricWindow {
        let period = max(60, period)
        let seconds = now.timeIntervalSince1970
        let aligned = (seconds / Double(period)).rounded(.down) * Double(period)
        return MetricWindow(start: Date(timeIntervalSince1970: aligned - Double(period * (buckets - 1))), period: period, buckets: buckets)
    }

    public var end: Date { start.addingTimeInterval(Double(period * buckets)) }

    public func time(ofBucket index: Int) -> Date { start.addingTimeInterval(Double(period * index)) }

    /// Points placed in their periods; a period CloudWatch sent nothing for stays nil, and points
    /// outside the window are dropped.
    public func place(_ points: [MetricPoint]) -> [Double?] {
        var values = [Double?](repeating: nil, count: buckets)
        for point in points {
            let offset = point.time.timeIntervalSince(start) / Double(period)
            guard offset.isFinite, offset >= 0, offset < Double(buckets) else { continue }
            values[Int(offset)] = point.value
        }
        return values
    }
}
