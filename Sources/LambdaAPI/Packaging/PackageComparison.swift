import FoundationEssentials

/// Two code packages side by side: which files one has that the other lacks, and which differ
/// (by CRC-32 and size, as the zip records them, without unpacking); and the text of one file
/// from each, to compare line by line.
public struct PackageComparison: Sendable, Equatable {
    public var added: [String]
    public var removed: [String]
    public var changed: [String]
    public var unchanged: Int

    public init(added: [String], removed: [String], changed: [String], unchanged: Int) {
        self.added = added
        self.removed = removed
        self.changed = changed
        self.unchanged = unchanged
    }

    /// At most this many entries are compared: a package of more is said to be too big.
    public static let entryLimit = 100_000

    public static func compare(old: Data, new: Data) throws -> PackageComparison {
        let before = try entries(old), after = try entries(new)
        var added: [String] = [], removed: [String] = [], changed: [String] = []
        var unchanged = 0
        for (path, record) in after {
            if let was = before[path] { if was == record { unchanged += 1 } else { changed.append(path) } } else { added.append(path) }
        }
        for path in before.keys where after[path] == nil { removed.append(path) }
        return PackageComparison(added: added.sorted(), removed: removed.sorted(), changed: changed.sorted(), unchanged: unchanged)
    }

    struct Record: Equatable {
        var checksum: UInt32
        var size: UInt64
    }

    static func entries(_ data: Data) throws -> [String: Record] {
        var records: [String: Record] = [:]
        for entry in try ZipReader(data, limit: entryLimit).records where entry.isFile {
            records[entry.path] = Record(checksum: entry.checksum, size: entry.size)
        }
        return records
    }

    /// One file's text from a package: nil when it is not there; an error past `limit` bytes or
    /// when it is not UTF-8 text.
    public static func text(of path: String, in data: Data, limit: UInt64 = 2_000_000) throws -> String? {
        let archive = try ZipReader(data, limit: entryLimit)
        guard let entry = archive.records.first(where: { $0.path == path && $0.isFile }) else { return nil }
        let contents = try archive.contents(of: entry, limit: limit)
        guard let text = String(data: contents, encoding: .utf8), !text.contains("\u{0}") else { throw PackageError("\(path) is not text") }
        return text
    }
}

public struct PackageError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// A line diff, as `diff` shows one: lines kept, removed and added, in order. The longest common
/// subsequence over at most `limit` lines a side (2,000 × 2,000 two-byte cells: 8 MB at most);
/// lines common to both ends are set aside first, so a small change in a long file is cheap.
public enum LineDiff {
    public enum Kind: Sendable, Equatable { case same, removed, added }

    public struct Line: Sendable, Equatable {
        public var kind: Kind
        public var text: String
        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    public static let limit = 2_000

    /// Nil when the files differ over more than `limit` lines a side.
    public static func lines(old: String, new: String) -> [Line]? {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)]), middleB = Array(b[prefix..<(b.count - suffix)])
        guard middleA.count <= limit, middleB.count <= limit else { return nil }
        // lengths[i][j]: the common subsequence of middleA[i...] and middleB[j...].
        let width = middleB.count + 1
        var lengths = [UInt16](repeating: 0, count: (middleA.count + 1) * width)
        for i in stride(from: middleA.count - 1, through: 0, by: -1) {
            for j in stride(from: middleB.count - 1, through: 0, by: -1) {
                lengths[i * width + j] = middleA[i] == middleB[j] ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var result = a[..<prefix].map { Line(.same, $0) }
        var i = 0, j = 0
        while i < middleA.count || j < middleB.count {
            if i < middleA.count, j < middleB.count, middleA[i] == middleB[j] {
                result.append(Line(.same, middleA[i])); i += 1; j += 1
            } else if i < middleA.count, j == middleB.count || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                // Removed lines before added ones, as diff prints a change.
                result.append(Line(.removed, middleA[i])); i += 1
            } else {
                result.append(Line(.added, middleB[j])); j += 1
            }
        }
        return result + a[(a.count - suffix)...].map { Line(.same, $0) }
    }
}
