import CCurl

/// libcurl, opened by the first transport made (see CCurl.h for why not at start).
enum CurlLibrary {
    /// Nil once libcurl is open and initialised; else the sentence saying why it is not.
    static let problem: String? = {
        var reason = [CChar](repeating: 0, count: 512)
        guard lt_curl_load(&reason, reason.count) == 0 else {
            return String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        let status = lt_global_init(Int(CURL_GLOBAL_DEFAULT))
        return status == CURLE_OK ? nil : "libcurl could not start (curl_global_init answered \(status.rawValue))"
    }()
}
