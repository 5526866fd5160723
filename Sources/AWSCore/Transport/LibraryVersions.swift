import CCrypto
import CCurl

/// The system libraries the binary runs with, as they report themselves (`version --verbose`).
public enum LibraryVersions {
    /// "libcurl/7.88.1 OpenSSL/3.0.17 zlib/1.2.13 …".
    public static var curl: String {
        if let problem = CurlLibrary.problem { return "not loaded: \(problem)" }
        return lt_version().map { String(cString: $0) } ?? "unknown"
    }

    /// "OpenSSL 3.0.17 1 Jul 2025".
    public static var openSSL: String { OpenSSL_version(OPENSSL_VERSION_CONST).map { String(cString: $0) } ?? "unknown" }
}
