import CTerminal
import ConsoleStore
import FoundationEssentials
import Glibc

/// The crash handler's side in Swift (the handler itself is C: it runs inside a signal).
public enum CrashGuard {
    /// Saves the terminal's settings and installs the handler; before curses changes anything.
    static func install() {
        lt_restore_terminal_on_crash()
    }

    /// Where the note goes (mode 0600), and its first line (the version).
    public static func writeNotes(to path: String, heading: String) {
        lt_set_crash_note_path(path)
        self.heading = heading
        record("starting")
    }

    nonisolated(unsafe) private static var heading = ""

    /// What the note would say now: the screen and the last actions by name, never a value.
    static func record(_ context: String) {
        lt_set_crash_context(heading + "\n" + context + "\n")
    }

    /// The note an earlier console left, if any, moved aside so that it is mentioned once.
    public static func takeEarlierNote(at path: String) -> String? {
        guard let note = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let seen = path + ".seen"
        unlink(seen)
        rename(path, seen)
        let signal = note.split(separator: "\n").first.map(String.init) ?? "a crash"
        return "The console stopped on a crash last time (\(signal)); what it was doing is in \(seen)."
    }
}

/// The names of the last actions, for the crash note.
struct RecentActions {
    private(set) var names: [String] = []

    mutating func note(_ action: ConsoleAction) {
        // The case's name only: associated values can hold payloads and environment values.
        let name = Mirror(reflecting: action).children.first?.label ?? String(describing: action)
        names.append(name)
        if names.count > 12 { names.removeFirst(names.count - 12) }
    }
}
