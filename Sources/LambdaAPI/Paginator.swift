import AWSCore

/// The pages of a List operation, fetched one at a time as the caller iterates; breaking out of
/// the loop stops the fetching. Marker/NextMarker in the API reference.
public struct Paginator<Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = [Item]
    public typealias Fetch = @Sendable (_ marker: String?) async throws -> (items: [Item], nextMarker: String?)

    let fetch: Fetch

    public init(fetch: @escaping Fetch) {
        self.fetch = fetch
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let fetch: Fetch
        var marker: String?
        var finished = false
        /// Markers already followed: an endpoint that hands one out again would be read for ever.
        var followed: Set<String> = []

        public mutating func next() async throws -> [Item]? {
            guard !finished else { return nil }
            let page = try await fetch(marker)
            marker = page.nextMarker
            if let next = page.nextMarker, !next.isEmpty {
                guard followed.insert(next).inserted else {
                    finished = true
                    throw AWSClientError.invalidResponse(operation: "a listing",
                                                         detail: "the endpoint gave the same NextMarker twice, so the list would never end")
                }
            } else {
                finished = true
            }
            return page.items
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(fetch: fetch)
    }

    /// Every item of every page.
    public func all() async throws -> [Item] {
        var items: [Item] = []
        for try await page in self { items += page }
        return items
    }
}
