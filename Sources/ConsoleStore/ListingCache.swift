import AWSCore
import FoundationEssentials
import LambdaAPI

/// The last function list of a profile, region and endpoint, kept under
/// `$XDG_CACHE_HOME/lambda-tui/` so that the next start draws it at once, marked with its age,
/// while the real list is read. Written atomically, mode 600, rows only (never an environment
/// value); versioned, so that another format is ignored, not misread.
///
/// One line a function, its fields apart by tabs, with `%`, tab, line breaks and other control
/// characters escaped as `%XX`: read without a JSON tree, 20,000 rows take a few milliseconds
/// rather than the 100 ms JSON decoding took before the first frame.
public struct ListingCache: Sendable {
    public static let version = 4
    static var header: String { "lambda-tui listing \(version)" }
    let path: String

    /// One file per profile, region and endpoint, named by a digest of the three.
    public init(folder: String, profile: String, region: String, endpoint: String) {
        let digest = Digest.hex(Digest.sha256("\(profile)\n\(region)\n\(endpoint)")).prefix(24)
        path = folder + "/functions-\(digest).tsv"
    }

    public func load() -> (functions: [FunctionRow], savedAt: Date)? {
        guard let data = try? LocalFile.read(path, limit: 256 << 20) else { return nil }
        return Self.decode(data)
    }

    public func save(_ functions: [FunctionRow], at date: Date) throws {
        // In the list's first order (by name): the next start's sort then finds one sorted run
        // (a tenth of its warm start was sorting 20,000 names).
        let byName = functions.sorted { SortKey.naturalCompare($0.functionName ?? "", $1.functionName ?? "") == .orderedAscending }
        try PrivateFile.write(Self.encode(byName, savedAt: date), to: path)
        // The JSON of formats 1 to 3, which this one replaces.
        try? FileManager.default.removeItem(atPath: String(path.dropLast(4)) + ".json")
    }

    public static func encode(_ functions: [FunctionRow], savedAt: Date) -> Data {
        var text = "\(header)\n\(savedAt.timeIntervalSince1970)\n"
        for row in functions {
            let fields: [String?] = [row.functionName, row.functionArn, row.runtime?.rawValue, row.packageType?.rawValue,
                                     row.memorySize.map(String.init), row.timeout.map(String.init), row.architecture?.rawValue,
                                     row.codeSize.map(String.init), row.modified.map { String($0) }, row.state?.rawValue,
                                     row.lastUpdateStatus?.rawValue, row.description, row.logGroup]
            text += fields.map { $0.map(escape) ?? "" }.joined(separator: "\t")
            text += "\n"
        }
        return Data(text.utf8)
    }

    /// Nil for another version, or anything that is not this format. Scans the bytes by hand:
    /// `Data.split` cost 40 ms of a warm start's 20,000 rows.
    public static func decode(_ data: Data) -> (functions: [FunctionRow], savedAt: Date)? {
        data.withUnsafeBytes { raw -> (functions: [FunctionRow], savedAt: Date)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines: [Range<Int>] = []
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                lines.append(start..<index)
                start = index + 1
            }
            if start < bytes.count { lines.append(start..<bytes.count) }
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            guard lines.count >= 2, text(lines[0]) == header, let seconds = Double(text(lines[1])), seconds.isFinite else { return nil }
            var rows: [FunctionRow] = []
            rows.reserveCapacity(lines.count - 2)
            var fields: [String?] = []
            for line in lines.dropFirst(2) where !line.isEmpty {
                fields.removeAll(keepingCapacity: true)
                var fieldStart = line.lowerBound
                for index in line where bytes[index] == 0x09 {
                    fields.append(field(bytes, fieldStart..<index))
                    fieldStart = index + 1
                }
                fields.append(field(bytes, fieldStart..<line.upperBound))
                guard fields.count == 13, let name = fields[0] else { return nil }
                var row = FunctionRow(functionName: name)
                row.functionArn = fields[1]
                row.runtime = fields[2].map(Runtime.init(rawValue:))
                row.packageType = fields[3].map(PackageType.init(rawValue:))
                row.memorySize = fields[4].flatMap { Int($0) }
                row.timeout = fields[5].flatMap { Int($0) }
                row.architecture = fields[6].map(Architecture.init(rawValue:))
                row.codeSize = fields[7].flatMap { Int64($0) }
                row.modified = fields[8].flatMap { Double($0) }.flatMap { $0.isFinite ? $0 : nil }
                row.state = fields[9].map(FunctionState.init(rawValue:))
                row.lastUpdateStatus = fields[10].map(LastUpdateStatus.init(rawValue:))
                row.description = fields[11]
                row.logGroup = fields[12]
                rows.append(row)
            }
            return (rows, Date(timeIntervalSince1970: seconds))
        }
    }

    /// One field's text, `%XX` undone; nil when empty.
    static func field(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        guard !range.isEmpty else { return nil }
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard slice.contains(0x25) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        var index = 0
        while index < slice.count {
            if slice[index] == 0x25, index + 2 < slice.count, let high = hexValue(slice[index + 1]), let low = hexValue(slice[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(slice[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// `%`, and every control character (tab and line breaks among them), as `%XX`.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x25 || $0 == 0x7F }) else { return text }
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x25 || byte == 0x7F {
                bytes += Array(String(printf: "%%%02X", byte).utf8)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
