import FoundationEssentials

extension StringProtocol {
    /// The folder part of a path, as NSString's `deletingLastPathComponent` gives it:
    /// `/a/b/c.txt` → `/a/b`, `/a` → `/`, `c.txt` → `` (FoundationEssentials has no NSString).
    public var parentPath: String {
        var path = Substring(self)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last part of a path: `/a/b/c.txt` → `c.txt`, `/a/b/` → `b`.
    public var lastPathPart: String {
        var path = Substring(self)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/"), path.count > 1 else { return String(path) }
        return String(path[path.index(after: slash)...])
    }
}

extension String {
    /// `~` and `~/…` from the home folder, as a shell expands them (NSString's
    /// `expandingTildeInPath`); `~user` paths and others unchanged.
    public var expandingTilde: String {
        guard self == "~" || hasPrefix("~/") else { return self }
        return FileManager.default.homeDirectoryForCurrentUser.path + dropFirst()
    }

    /// The path without its last `.extension`: `queries/slow.sql` → `queries/slow`.
    public var deletingPathExtension: String {
        var path = Substring(self)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let dot = path.lastIndex(of: "."), dot != path.startIndex, !path[dot...].contains("/"),
              path[path.index(before: dot)] != "/" else { return String(path) }
        return String(path[..<dot])
    }
}
