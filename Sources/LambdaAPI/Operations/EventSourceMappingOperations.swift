import AWSCore

/// Create, Get, Update, Delete and ListEventSourceMappings.
extension LambdaClient {
    static func mappingPath(_ uuid: String) -> String {
        "/2015-03-31/event-source-mappings/\(AWSRequest.label(uuid))"
    }

    public func createEventSourceMapping(_ request: CreateEventSourceMappingRequest) async throws -> EventSourceMappingConfiguration {
        try await call("CreateEventSourceMapping", "POST", "/2015-03-31/event-source-mappings/", json: request)
    }

    public func getEventSourceMapping(_ uuid: String) async throws -> EventSourceMappingConfiguration {
        try await call("GetEventSourceMapping", "GET", Self.mappingPath(uuid))
    }

    public func updateEventSourceMapping(_ uuid: String, _ request: UpdateEventSourceMappingRequest) async throws
        -> EventSourceMappingConfiguration {
        try await call("UpdateEventSourceMapping", "PUT", Self.mappingPath(uuid), json: request)
    }

    @discardableResult
    public func deleteEventSourceMapping(_ uuid: String) async throws -> EventSourceMappingConfiguration {
        try await call("DeleteEventSourceMapping", "DELETE", Self.mappingPath(uuid))
    }

    public struct ListEventSourceMappingsPage: Codable, Sendable {
        public var eventSourceMappings: [EventSourceMappingConfiguration]?
        public var nextMarker: String?
    }

    public func listEventSourceMappings(functionName: String? = nil, eventSourceArn: String? = nil, marker: String? = nil,
                                        maxItems: Int? = nil) async throws -> ListEventSourceMappingsPage {
        try await call("ListEventSourceMappings", "GET", "/2015-03-31/event-source-mappings/", query: queryItems(
            ("EventSourceArn", eventSourceArn), ("FunctionName", functionName), ("Marker", marker),
            ("MaxItems", maxItems.map(String.init))))
    }

    public func eventSourceMappings(functionName: String? = nil, eventSourceArn: String? = nil,
                                    pageSize: Int? = nil) -> Paginator<EventSourceMappingConfiguration> {
        Paginator { marker in
            let page = try await listEventSourceMappings(functionName: functionName, eventSourceArn: eventSourceArn,
                                                         marker: marker, maxItems: pageSize)
            return (page.eventSourceMappings ?? [], page.nextMarker)
        }
    }
}
