import FoundationEssentials

/// The invoke screen of one function: the request (re-run with one key), its answer, a burst's
/// progress, and where the reader is in the response. The logs beside it are the function's tail.
public struct InvokeSession: Sendable, Equatable {
    public enum Part: Sendable, Equatable { case response, logs }

    public var request: InvocationRequest {
        didSet { if request.payload != oldValue.payload { requestLines = Self.lines(request.payload) } }
    }
    /// The payload pretty-printed, once per request rather than once per frame.
    public private(set) var requestLines: [String]
    public var result: InvocationResult?
    /// Sent and not answered yet.
    public var running = false
    /// A streamed answer's chunks so far.
    public var streamedText = ""
    public var burst: BurstProgress?
    /// Which part the movement keys scroll.
    public var focus: Part = .response
    /// First response line shown.
    public var responseScroll = 0
    /// The body as it came, instead of pretty-printed.
    public var raw = false
    public private(set) var response = ResponseText(body: "", raw: false)

    public init(request: InvocationRequest) {
        self.request = request
        requestLines = Self.lines(request.payload)
    }

    static func lines(_ payload: String) -> [String] {
        ResponseText(body: payload, raw: false).lines
    }

    mutating func answered(_ result: InvocationResult) {
        self.result = result
        running = false
        streamedText = ""
        responseScroll = 0
        response = ResponseText(body: result.payload, raw: raw)
    }

    mutating func toggleRaw() {
        raw.toggle()
        response = ResponseText(body: result?.payload ?? "", raw: raw)
        responseScroll = 0
    }

    mutating func received(_ chunk: String) {
        streamedText += chunk
        // While a stream arrives it is shown as it came, each chunk added to the lines already
        // cut (re-cutting the whole body per chunk froze the screen for 10,000 small chunks);
        // pretty-printing waits for the whole body.
        if streamedText.utf8.count == chunk.utf8.count { response = ResponseText(body: "", raw: true) }
        response.append(chunk)
    }
}

/// A response body cut into lines once per answer (not once per frame): pretty-printed JSON
/// unless raw is asked for, and at most `displayLimit` bytes of it; `w` saves the whole body.
public struct ResponseText: Sendable, Equatable {
    public static let displayLimit = 256 * 1024

    public private(set) var lines: [String]
    /// The body's size, and how much of it the lines show.
    public private(set) var totalBytes: Int
    public private(set) var shownBytes: Int
    public private(set) var isJSON: Bool

    public init(body: String, raw: Bool) {
        totalBytes = body.utf8.count
        var shown = body
        if totalBytes > Self.displayLimit {
            shown = String(decoding: body.utf8.prefix(Self.displayLimit), as: UTF8.self)
        }
        shownBytes = shown.utf8.count
        let pretty = !raw && totalBytes <= Self.displayLimit ? FieldRules.prettyJSON(body) : shown
        // Only for colouring, so a look at the first character does (a cut body would not parse).
        isJSON = body.first { !$0.isWhitespace }.map { "{[\"".contains($0) } ?? false
        lines = pretty.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.replacing("\t", with: "    ")) }
    }

    public var truncated: Bool { shownBytes < totalBytes }

    /// A streamed chunk added as it came, in time proportional to the chunk, up to the display
    /// limit (past it only the size grows).
    mutating func append(_ chunk: String) {
        if totalBytes == 0 { isJSON = chunk.first { !$0.isWhitespace }.map { "{[\"".contains($0) } ?? false }
        totalBytes += chunk.utf8.count
        let room = Self.displayLimit - shownBytes
        guard room > 0 else { return }
        let shown = chunk.utf8.count <= room ? chunk : String(decoding: chunk.utf8.prefix(room), as: UTF8.self)
        shownBytes += shown.utf8.count
        let pieces = shown.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.replacing("\t", with: "    ")) }
        if lines.isEmpty { lines = [""] }
        lines[lines.count - 1] += pieces[0]
        lines += pieces.dropFirst()
    }
}

/// One invocation of this session, for the history (`H`).
public struct InvocationRecord: Sendable, Equatable {
    public var at: Date
    public var request: InvocationRequest
    public var result: InvocationResult
    /// A burst's outcome: the record stands for all its invocations.
    public var burst: BurstProgress?

    public init(at: Date, request: InvocationRequest, result: InvocationResult, burst: BurstProgress? = nil) {
        self.burst = burst
        self.at = at
        self.request = request
        self.result = result
    }

    /// How many the history keeps; the oldest go first.
    public static let kept = 50
}

extension FormState {
    /// The invoke form as the invoke screen's request left it, for `e`.
    mutating func fill(from request: InvocationRequest) {
        set(.qualifier, request.qualifier ?? "")
        set(.invocationType, request.invocationType)
        set(.payload, request.payload)
        set(.clientContext, request.clientContext ?? "")
        set(.response, request.streamed ? "streamed" : "buffered")
        set(.count, String(request.burst?.count ?? 1))
        if let burst = request.burst { set(.rate, String(burst.perSecond)) }
    }
}
