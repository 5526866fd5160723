import CCrypto
import FoundationEssentials

/// SHA-256 and HMAC-SHA256 through libcrypto, the two primitives SigV4 needs (and SHA-1 for a file name).
public enum Digest {
    public static func sha256<Bytes: ContiguousBytes>(_ data: Bytes) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        data.withUnsafeBytes { input in
            _ = SHA256(input.bindMemory(to: UInt8.self).baseAddress, input.count, &out)
        }
        return out
    }

    /// Only for naming files as the AWS CLI does (the SSO token cache), never for security.
    public static func sha1(_ data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(SHA_DIGEST_LENGTH))
        _ = SHA1(data, data.count, &out)
        return out
    }

    public static func sha256(_ string: String) -> [UInt8] {
        sha256(Array(string.utf8))
    }

    public static func hmacSHA256<Key: ContiguousBytes>(key: Key, _ message: String) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let bytes = Array(message.utf8)
        key.withUnsafeBytes { keyBytes in
            _ = HMAC(EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count), bytes, bytes.count, &out, &length)
        }
        return Array(out.prefix(Int(length)))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func hex(_ bytes: [UInt8]) -> String {
        var chars = [UInt8]()
        chars.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            chars.append(hexDigits[Int(byte >> 4)])
            chars.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: chars, as: UTF8.self)
    }

    /// The hash of an empty payload, which every GET signs.
    public static let emptyPayloadHash = hex(sha256([UInt8]()))
}
