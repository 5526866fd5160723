import FoundationEssentials

/// An event source mapping: a queue or stream that Lambda polls and feeds to a function.
public struct EventSourceMappingConfiguration: Codable, Hashable, Sendable {
    public var amazonManagedKafkaEventSourceConfig: AmazonManagedKafkaEventSourceConfig?
    public var batchSize: Int?
    public var bisectBatchOnFunctionError: Bool?
    public var destinationConfig: DestinationConfig?
    public var documentDBEventSourceConfig: DocumentDBEventSourceConfig?
    public var eventSourceArn: String?
    public var eventSourceMappingArn: String?
    public var filterCriteria: FilterCriteria?
    public var filterCriteriaError: FilterCriteriaError?
    public var functionArn: String?
    public var functionResponseTypes: [String]?
    public var kmsKeyArn: String?
    public var lastModified: AWSTimestamp?
    public var lastProcessingResult: String?
    public var maximumBatchingWindowInSeconds: Int?
    public var maximumRecordAgeInSeconds: Int?
    public var maximumRetryAttempts: Int?
    public var metricsConfig: EventSourceMappingMetricsConfig?
    public var parallelizationFactor: Int?
    public var provisionedPollerConfig: ProvisionedPollerConfig?
    public var queues: [String]?
    public var scalingConfig: ScalingConfig?
    public var selfManagedEventSource: SelfManagedEventSource?
    public var selfManagedKafkaEventSourceConfig: SelfManagedKafkaEventSourceConfig?
    public var sourceAccessConfigurations: [SourceAccessConfiguration]?
    public var startingPosition: String?
    public var startingPositionTimestamp: AWSTimestamp?
    public var state: String?
    public var stateTransitionReason: String?
    public var topics: [String]?
    public var tumblingWindowInSeconds: Int?
    public var uuid: String?
}

public struct AmazonManagedKafkaEventSourceConfig: Codable, Hashable, Sendable {
    public var consumerGroupId: String?
}

public struct SelfManagedKafkaEventSourceConfig: Codable, Hashable, Sendable {
    public var consumerGroupId: String?
}

public struct DestinationConfig: Codable, Hashable, Sendable {
    public var onFailure: OnFailure?
    public var onSuccess: OnSuccess?
    public init(onSuccess: OnSuccess? = nil, onFailure: OnFailure? = nil) {
        self.onSuccess = onSuccess
        self.onFailure = onFailure
    }
}

public struct OnFailure: Codable, Hashable, Sendable {
    public var destination: String?
    public init(destination: String?) { self.destination = destination }
}

public struct OnSuccess: Codable, Hashable, Sendable {
    public var destination: String?
    public init(destination: String?) { self.destination = destination }
}

public struct DocumentDBEventSourceConfig: Codable, Hashable, Sendable {
    public var collectionName: String?
    public var databaseName: String?
    public var fullDocument: String?
}

public struct FilterCriteria: Codable, Hashable, Sendable {
    public var filters: [Filter]?
    public init(filters: [Filter]?) { self.filters = filters }
}

public struct Filter: Codable, Hashable, Sendable {
    public var pattern: String?
    public init(pattern: String?) { self.pattern = pattern }
}

public typealias FilterCriteriaError = ShapeError

public struct EventSourceMappingMetricsConfig: Codable, Hashable, Sendable {
    public var metrics: [String]?
}

public struct ProvisionedPollerConfig: Codable, Hashable, Sendable {
    public var maximumPollers: Int?
    public var minimumPollers: Int?
}

public struct ScalingConfig: Codable, Hashable, Sendable {
    public var maximumConcurrency: Int?
    public init(maximumConcurrency: Int?) { self.maximumConcurrency = maximumConcurrency }
}

/// Kafka bootstrap servers and the like: `KAFKA_BOOTSTRAP_SERVERS` to a list of host:port.
public struct SelfManagedEventSource: Codable, Hashable, Sendable {
    public var endpoints: [String: [String]]?
}

public struct SourceAccessConfiguration: Codable, Hashable, Sendable {
    public var type: String?
    public var uri: String?
}

/// CreateEventSourceMapping's body.
public struct CreateEventSourceMappingRequest: Codable, Sendable {
    public var amazonManagedKafkaEventSourceConfig: AmazonManagedKafkaEventSourceConfig?
    public var batchSize: Int?
    public var bisectBatchOnFunctionError: Bool?
    public var destinationConfig: DestinationConfig?
    public var documentDBEventSourceConfig: DocumentDBEventSourceConfig?
    public var enabled: Bool?
    public var eventSourceArn: String?
    public var filterCriteria: FilterCriteria?
    public var functionName: String
    public var functionResponseTypes: [String]?
    public var kmsKeyArn: String?
    public var maximumBatchingWindowInSeconds: Int?
    public var maximumRecordAgeInSeconds: Int?
    public var maximumRetryAttempts: Int?
    public var metricsConfig: EventSourceMappingMetricsConfig?
    public var parallelizationFactor: Int?
    public var provisionedPollerConfig: ProvisionedPollerConfig?
    public var queues: [String]?
    public var scalingConfig: ScalingConfig?
    public var selfManagedEventSource: SelfManagedEventSource?
    public var selfManagedKafkaEventSourceConfig: SelfManagedKafkaEventSourceConfig?
    public var sourceAccessConfigurations: [SourceAccessConfiguration]?
    public var startingPosition: String?
    public var startingPositionTimestamp: Double?
    public var tags: [String: String]?
    public var topics: [String]?
    public var tumblingWindowInSeconds: Int?

    public init(functionName: String, eventSourceArn: String, batchSize: Int? = nil, enabled: Bool? = nil,
                startingPosition: String? = nil) {
        self.functionName = functionName
        self.eventSourceArn = eventSourceArn
        self.batchSize = batchSize
        self.enabled = enabled
        self.startingPosition = startingPosition
    }
}

/// UpdateEventSourceMapping's body: only the settings that are set change.
public struct UpdateEventSourceMappingRequest: Codable, Sendable {
    public var batchSize: Int?
    public var bisectBatchOnFunctionError: Bool?
    public var destinationConfig: DestinationConfig?
    public var documentDBEventSourceConfig: DocumentDBEventSourceConfig?
    public var enabled: Bool?
    public var filterCriteria: FilterCriteria?
    public var functionName: String?
    public var functionResponseTypes: [String]?
    public var kmsKeyArn: String?
    public var maximumBatchingWindowInSeconds: Int?
    public var maximumRecordAgeInSeconds: Int?
    public var maximumRetryAttempts: Int?
    public var metricsConfig: EventSourceMappingMetricsConfig?
    public var parallelizationFactor: Int?
    public var provisionedPollerConfig: ProvisionedPollerConfig?
    public var scalingConfig: ScalingConfig?
    public var sourceAccessConfigurations: [SourceAccessConfiguration]?
    public var tumblingWindowInSeconds: Int?

    public init(enabled: Bool? = nil, batchSize: Int? = nil, maximumBatchingWindowInSeconds: Int? = nil) {
        self.enabled = enabled
        self.batchSize = batchSize
        self.maximumBatchingWindowInSeconds = maximumBatchingWindowInSeconds
    }
}
