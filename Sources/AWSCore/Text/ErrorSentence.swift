import FoundationEssentials
import Glibc

extension Error {
    /// What went wrong, for people. FoundationEssentials has no `localizedDescription`: its file
    /// errors print as `CocoaError(code: …, userInfo: …)`, so they are said here as the path and
    /// the system's reason; the console's own errors describe themselves (errorDescription, then
    /// description).
    public var sentence: String {
        if let error = self as? CocoaError { return Self.sentence(error) }
        if let error = self as? POSIXError { return Self.reason(error.code.rawValue) }
        if let text = (self as? LocalizedError)?.errorDescription { return text }
        if let error = self as? CustomStringConvertible { return error.description }
        return String(describing: self)
    }

    private static func sentence(_ error: CocoaError) -> String {
        let reason: String
        if let underlying = error.userInfo["NSUnderlyingError"] as? POSIXError {
            reason = Self.reason(underlying.code.rawValue)
        } else {
            reason = switch error.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: "no such file"
            case .fileReadNoPermission, .fileWriteNoPermission: "permission denied"
            case .fileWriteOutOfSpace: "no space left on the device"
            case .fileWriteFileExists: "it already exists"
            case .fileReadCorruptFile: "the file is not in the expected format"
            case .fileReadInapplicableStringEncoding: "the file is not UTF-8 text"
            default: "file error \(error.code.rawValue)"
            }
        }
        guard let path = error.userInfo["NSFilePath"] as? String else { return reason }
        return "\(path): \(reason)"
    }

    private static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}
