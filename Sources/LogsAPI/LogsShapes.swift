/// CloudWatch Logs shapes (API version 2014-03-28), camelCase on the wire.
public struct LogGroup: Codable, Hashable, Sendable {
    public var arn: String?
    public var creationTime: Int64?
    public var logGroupClass: String?
    public var logGroupName: String?
    public var retentionInDays: Int?
    public var storedBytes: Int64?
}

public struct LogStream: Codable, Hashable, Sendable {
    public var arn: String?
    public var creationTime: Int64?
    public var firstEventTimestamp: Int64?
    public var lastEventTimestamp: Int64?
    public var lastIngestionTime: Int64?
    public var logStreamName: String?
    public var storedBytes: Int64?
}

/// An event of GetLogEvents.
public struct OutputLogEvent: Codable, Hashable, Sendable {
    public var ingestionTime: Int64?
    public var message: String?
    public var timestamp: Int64?
}

/// An event of FilterLogEvents, with the stream it came from and an id to de-duplicate by.
public struct FilteredLogEvent: Codable, Hashable, Sendable {
    public var eventId: String?
    public var ingestionTime: Int64?
    public var logStreamName: String?
    public var message: String?
    public var timestamp: Int64?
}

/// An event of a StartLiveTail session update.
public struct LiveTailSessionLogEvent: Codable, Hashable, Sendable {
    public var ingestionTime: Int64?
    public var logGroupIdentifier: String?
    public var logStreamName: String?
    public var message: String?
    public var timestamp: Int64?
}

public struct InputLogEvent: Codable, Hashable, Sendable {
    public var message: String
    public var timestamp: Int64
    public init(timestamp: Int64, message: String) {
        self.timestamp = timestamp
        self.message = message
    }
}

public struct DescribeLogGroupsPage: Codable, Sendable {
    public var logGroups: [LogGroup]?
    public var nextToken: String?
}

public struct DescribeLogStreamsPage: Codable, Sendable {
    public var logStreams: [LogStream]?
    public var nextToken: String?
}

public struct GetLogEventsPage: Codable, Sendable {
    public var events: [OutputLogEvent]?
    public var nextBackwardToken: String?
    public var nextForwardToken: String?
}

public struct FilterLogEventsPage: Codable, Sendable {
    public var events: [FilteredLogEvent]?
    public var nextToken: String?
}

/// FilterLogEvents' parameters; unset ones are left out of the request.
public struct FilterLogEventsRequest: Codable, Sendable {
    public var logGroupName: String
    public var logStreamNames: [String]?
    public var logStreamNamePrefix: String?
    /// Milliseconds since the epoch, inclusive.
    public var startTime: Int64?
    public var endTime: Int64?
    /// CloudWatch Logs filter syntax, e.g. `ERROR` or `{ $.level = "ERROR" }`.
    public var filterPattern: String?
    public var nextToken: String?
    public var limit: Int?

    public init(logGroupName: String, startTime: Int64? = nil, endTime: Int64? = nil, filterPattern: String? = nil,
                logStreamNames: [String]? = nil, logStreamNamePrefix: String? = nil, limit: Int? = nil, nextToken: String? = nil) {
        self.logGroupName = logGroupName
        self.startTime = startTime
        self.endTime = endTime
        self.filterPattern = filterPattern
        self.logStreamNames = logStreamNames
        self.logStreamNamePrefix = logStreamNamePrefix
        self.limit = limit
        self.nextToken = nextToken
    }
}

/// The events of a StartLiveTail session.
public enum LiveTailEvent: Sendable, Equatable {
    case sessionStart(sessionId: String?, requestId: String?)
    case sessionUpdate(events: [LiveTailSessionLogEvent], sampled: Bool)
}
