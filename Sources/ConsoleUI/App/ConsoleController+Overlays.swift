import AWSCore
import ConsoleStore
import Foundation
import Glibc

/// Keys while the palette or a form is open: text goes into it, nothing reaches the panes.
extension ConsoleController {
    func handlePalette(_ key: Key, _ palette: PaletteState) {
        switch key {
        case .enter: dispatch(.choosePaletteItem)
        case .escape: dispatch(.closeOverlay)
        case .backspace: dispatch(.editPalette(String(palette.filter.dropLast())))
        case .up, .backTab: dispatch(.moveCursor(-1))
        case .down, .tab: dispatch(.moveCursor(1))
        case .character(let character): dispatch(.editPalette(palette.filter + String(character)))
        case .paste(let text): dispatch(.editPalette(palette.filter + Self.oneLine(text)))
        case .control("c"): dispatch(.quit)
        default: break
        }
    }

    func handleForm(_ key: Key, _ form: FormState) {
        guard let field = form.focusedField else { return }
        let isChoice = if case .choice = field.kind { true } else { false }
        switch key {
        case .enter: dispatch(.submitForm)
        case .escape: dispatch(.closeOverlay)
        case .tab, .down: dispatch(.moveFieldFocus(1))
        case .backTab, .up: dispatch(.moveFieldFocus(-1))
        case .left where isChoice: dispatch(.cycleChoice(-1))
        case .right where isChoice, .character(" ") where isChoice: dispatch(.cycleChoice(1))
        case .backspace: dispatch(.editField(String(field.value.dropLast())))
        case .control("u"): dispatch(.editField(""))
        case .control("t"): dispatch(.toggleFormSecrets)
        case .control("e"): editInEditor(field)
        case .control("c"): dispatch(.quit)
        case .character(let character) where !isChoice: dispatch(.editField(field.value + String(character)))
        case .paste(let text) where !isChoice: dispatch(.editField(field.value + (field.kind == .json ? text : Self.oneLine(text))))
        default: break
        }
    }

    func handleShift(_ key: Key) {
        switch key {
        case .character("+"), .character("="): dispatch(.editShift(.by(5)))
        case .character("-"): dispatch(.editShift(.by(-5)))
        case .character(">"): dispatch(.editShift(.by(1)))
        case .character("<"): dispatch(.editShift(.by(-1)))
        case .character(let digit) where digit.isASCII && digit.isNumber: dispatch(.editShift(.to(Double(digit.wholeNumberValue ?? 0) * 10)))
        case .tab, .right: dispatch(.editShift(.target(1)))
        case .backTab, .left: dispatch(.editShift(.target(-1)))
        case .character("P"): dispatch(.editShift(.promote))
        case .character("R"): dispatch(.editShift(.rollBack))
        case .character("G"): dispatch(.openAction(.gradualRollout))
        case .enter: dispatch(.editShift(.confirm))
        case .escape: dispatch(.editShift(.cancel))
        case .control("c"): dispatch(.quit)
        default: break
        }
    }

    func handleRollout(_ key: Key, _ panel: RolloutPanel) {
        switch key {
        case .escape where panel.confirmingAbort: dispatch(.rolloutCommand(key: panel.key, .open))
        case .escape, .character("q"): dispatch(.rolloutCommand(key: panel.key, .close))
        case .character("r") where panel.offersResume: dispatch(.rolloutCommand(key: panel.key, .resume))
        case .character("A"): dispatch(.rolloutCommand(key: panel.key, .abort))
        case .enter where panel.confirmingAbort: dispatch(.rolloutCommand(key: panel.key, .confirmAbort))
        case .control("c"): dispatch(.quit)
        default: break
        }
    }

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
        let path = NSTemporaryDirectory() + "lambda-tui-\(getpid())-\(field.id).\(field.kind == .json ? "json" : "txt")"
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
