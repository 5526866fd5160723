import CCurl
import FoundationEssentials

/// One request's curl easy handle and what has arrived for it. Lives on the transfer thread only.
final class CurlTransfer {
    let easy: UnsafeMutableRawPointer
    private let sink: CurlJob.Sink
    private let host: String
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private var status = 0
    private var headers = HTTPHeaders()
    private var body = Data()
    private var headDelivered = false

    init(job: CurlJob, options: TransportOptions) throws {
        guard let easy = lt_easy_init() else { throw TransportError.other("curl_easy_init failed") }
        self.easy = easy
        self.sink = job.sink
        self.host = EndpointText.redacted(Self.origin(of: job.request.url))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try configure(job.request, options: options)
    }

    deinit {
        lt_slist_free_all(headerList)
        lt_easy_cleanup(easy)
        errorBuffer.deallocate()
    }

    private func configure(_ request: HTTPRequest, options: TransportOptions) throws {
        let me = Unmanaged.passUnretained(self).toOpaque()
        lt_easy_setopt_ptr(easy, CURLOPT_URL, request.url)
        lt_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        lt_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1)
        if request.requiresFreshConnection { lt_easy_setopt_long(easy, CURLOPT_FRESH_CONNECT, 1) }
        lt_easy_setopt_ptr(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        lt_easy_setopt_ptr(easy, CURLOPT_USERAGENT, options.userAgent)
        lt_easy_setopt_ptr(easy, CURLOPT_ACCEPT_ENCODING, "")
        let connect = request.connectTimeout ?? options.connectTimeout
        lt_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, max(1, connect.milliseconds))
        // curl has no read time-out; "under 1 byte/s for N seconds" is the same idea.
        let readSeconds = (request.readTimeout ?? options.readTimeout).timeInterval
        lt_easy_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, 1)
        lt_easy_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, max(1, Int(readSeconds.rounded(.up))))
        if let bundle = options.caBundlePath { lt_easy_setopt_ptr(easy, CURLOPT_CAINFO, bundle) }
        if !options.verifiesTLS {
            lt_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 0)
            lt_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 0)
        }

        switch request.method {
        case "GET" where request.body.isEmpty:
            lt_easy_setopt_long(easy, CURLOPT_HTTPGET, 1)
        case "HEAD":
            lt_easy_setopt_long(easy, CURLOPT_NOBODY, 1)
        case "DELETE" where request.body.isEmpty:
            lt_easy_setopt_ptr(easy, CURLOPT_CUSTOMREQUEST, "DELETE")
        default:
            lt_easy_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
            request.body.withUnsafeBytes { bytes in
                // COPYPOSTFIELDS copies, so the Data need not outlive this call.
                _ = lt_easy_setopt_ptr(easy, CURLOPT_COPYPOSTFIELDS, bytes.baseAddress ?? UnsafeRawPointer(errorBuffer))
            }
            if request.method != "POST" { lt_easy_setopt_ptr(easy, CURLOPT_CUSTOMREQUEST, request.method) }
        }

        var fields = request.headers.fields.map { "\($0.name): \($0.value)" }
        fields.append("Expect:")  // no 100-continue round trip
        if request.headers["Content-Type"] == nil { fields.append("Content-Type:") }
        for field in fields { headerList = lt_slist_append(headerList, field) }
        lt_easy_setopt_ptr(easy, CURLOPT_HTTPHEADER, headerList)

        lt_easy_setopt_write(easy, CURLOPT_WRITEFUNCTION, curlWriteBody)
        lt_easy_setopt_ptr(easy, CURLOPT_WRITEDATA, me)
        lt_easy_setopt_write(easy, CURLOPT_HEADERFUNCTION, curlWriteHeader)
        lt_easy_setopt_ptr(easy, CURLOPT_HEADERDATA, me)
    }

    fileprivate func receiveHeader(_ line: UnsafeRawBufferPointer) {
        let bytes = line.bindMemory(to: UInt8.self)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0d || byte == 0x0a }
        var end = bytes.count
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        guard end > 0 else { return }
        if end >= 5, bytes[0] == UInt8(ascii: "H"), bytes[1] == UInt8(ascii: "T"), bytes[2] == UInt8(ascii: "T"),
           bytes[3] == UInt8(ascii: "P"), bytes[4] == UInt8(ascii: "/") {
            // Each response (a 100 Continue, then the real one) starts over.
            let parts = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self).split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = HTTPHeaders()
            return
        }
        guard let colon = bytes[..<end].firstIndex(of: UInt8(ascii: ":")) else { return }
        var valueStart = colon + 1
        while valueStart < end, isSpace(bytes[valueStart]) { valueStart += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<colon]), as: UTF8.self)
        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self)
        if name.utf8.count == 14, HTTPHeaders.sameName(name, "Content-Length"), let length = Int(value), length < 64 << 20 {
            body.reserveCapacity(length)
        }
        headers.add(name, value)
    }

    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) {
        switch sink {
        case .buffered:
            body.append(contentsOf: bytes)
        case .streaming(let head, let stream):
            deliverHead(head)
            stream.yield(Data(bytes))
        }
    }

    private func deliverHead(_ continuation: CheckedContinuation<HTTPResponseHead, Error>) {
        guard !headDelivered else { return }
        headDelivered = true
        continuation.resume(returning: HTTPResponseHead(status: status, headers: headers))
    }

    func complete(_ code: CURLcode) {
        guard code == CURLE_OK else {
            fail(transportError(for: code))
            return
        }
        switch sink {
        case .buffered(let continuation):
            continuation.resume(returning: HTTPResponse(status: status, headers: headers, body: body))
        case .streaming(let head, let stream):
            deliverHead(head)
            stream.finish()
        }
    }

    func fail(_ error: Error) {
        sink.fail(error, headDelivered: headDelivered)
    }

    private func transportError(for code: CURLcode) -> TransportError {
        let detail = String(cString: errorBuffer).isEmpty ? String(cString: lt_easy_strerror(code)) : String(cString: errorBuffer)
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .cannotResolveHost(host)
        case CURLE_COULDNT_CONNECT:
            return .cannotConnect(host)
        case CURLE_OPERATION_TIMEDOUT:
            // Once the request is on the wire the connection was made; a reused connection
            // reports no connect time, so the bytes sent tell the two apart.
            var sent = 0
            lt_easy_getinfo_long(easy, CURLINFO_REQUEST_SIZE, &sent)
            return sent > 0 ? .readTimeout(host) : .connectTimeout(host)
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .connectionDropped(host)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE:
            return .tls(detail)
        default:
            return .other(detail)
        }
    }

    /// `scheme://host:port` of a URL, the part worth naming in an error.
    static func origin(of url: String) -> String {
        let bytes = Array(url.utf8)
        var index = 0
        while index + 2 < bytes.count, !(bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: "/")
                                          && bytes[index + 2] == UInt8(ascii: "/")) { index += 1 }
        guard index + 2 < bytes.count else { return url }
        var end = index + 3
        while end < bytes.count, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "?") { end += 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }
}

private func curlWriteBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

private func curlWriteHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context, let data else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}
