import AWSCore
import ConsoleStore
import FoundationEssentials

/// Puts text on the clipboard of the machine the user sits at, even over SSH: OSC 52, which the
/// terminal turns into a clipboard write (wrapped so that tmux and screen pass it on), or a file
/// where OSC 52 cannot carry it (`clipboard = file`, or text too long for terminals' limits).
public struct TerminalClipboard: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        case osc52, file
    }

    public var mode: Mode
    /// TMUX and TERM decide the wrapping.
    public var environment: [String: String]
    /// Where `file` mode writes (mode 600).
    public var filePath: String

    public init(mode: Mode = .osc52, environment: [String: String], filePath: String) {
        self.mode = mode
        self.environment = environment
        self.filePath = filePath
    }

    /// Text past this many bytes goes to the file: xterm takes about 100,000 characters of
    /// base64, tmux and others less.
    public static let osc52Limit = 74_000

    /// The OSC 52 sequence for `text`: inside tmux, a DCS passthrough with each ESC doubled (tmux
    /// needs `allow-passthrough` or `set-clipboard on`); inside GNU screen, a DCS wrapper.
    public static func sequence(_ text: String, environment: [String: String]) -> String {
        let osc = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        if let tmux = environment["TMUX"], !tmux.isEmpty {
            return "\u{1B}Ptmux;" + osc.replacing("\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
        }
        if environment["TERM"]?.hasPrefix("screen") == true, environment["STY"] != nil {
            // screen cuts a DCS string at 768 bytes: the sequence goes in pieces.
            var pieces: [String] = []
            var rest = Substring(osc)
            while !rest.isEmpty {
                pieces.append("\u{1B}P" + rest.prefix(760) + "\u{1B}\\")
                rest = rest.dropFirst(760)
            }
            return pieces.joined()
        }
        return osc
    }

    /// Writes the request out and says how.
    public func deliver(_ request: ClipboardRequest, to screen: any Screen) -> ClipboardDelivery {
        if mode == .file || request.text.utf8.count > Self.osc52Limit {
            do {
                try PrivateFile.write(Data(request.text.utf8), to: filePath)
                return .file(filePath)
            } catch {
                return .failed("\(filePath): \(error.sentence)")
            }
        }
        screen.passThrough(Self.sequence(request.text, environment: environment))
        return .terminal
    }
}
