import AWSCore
import ConsoleStore
import FoundationEssentials
import Glibc

/// What the key tables cannot do alone: the editor, which needs the terminal.
extension ConsoleController {
    /// Pasted text for a one-line entry: line breaks and tabs become spaces, other controls go.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar in
            if scalar == "\n" || scalar == "\r" || scalar == "\t" { return " " }
            return scalar.value < 0x20 || scalar.value == 0x7F ? nil : scalar
        }))
    }

    /// ctrl-e: the field's text in $VISUAL or $EDITOR (vi by default), with the terminal handed
    /// over while it runs; what the editor saves comes back into the field.
    func editInEditor(_ field: FormField) {
        let path = (FileManager.default.temporaryDirectory.path + "/") + "lambda-tui-\(getpid())-\(field.id.fileName).\(field.kind == .json ? "json" : "txt")"
        let text = field.kind == .json ? FieldRules.prettyJSON(field.value) : field.value
        // Created 0600 before the payload is written into it (it may hold a secret).
        do { try PrivateFile.write(Data((text + "\n").utf8), to: path) } catch {
            dispatch(.showError("Cannot write \(path) for the editor; the field is unchanged."))
            return
        }
        defer { unlink(path) }
        var status: Int32 = -1
        guard let terminal else {
            dispatch(.showError("No terminal to hand over to an editor; the field is unchanged."))
            return
        }
        terminal.handOver {
            status = Self.runEditor(path: path)
        }
        guard status == 0, let edited = try? String(contentsOfFile: path, encoding: .utf8) else {
            dispatch(.showError("The editor did not finish cleanly (status \(status)); the field is unchanged."))
            return
        }
        var value = edited
        while value.last?.isNewline == true { value.removeLast() }
        dispatch(.setField(id: field.id, value: value))
    }

    /// Runs the editor through the shell, as git does, so that `EDITOR="code --wait"` works.
    static func runEditor(path: String) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let arguments = ["/bin/sh", "-c", editor + " \"$1\"", "sh", path]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }
}
