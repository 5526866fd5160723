import FoundationEssentials

/// A form of the action palette: fields the user fills, checked against the API's constraints
/// before anything is sent. Plain values, edited only by the reducer.
public struct FormState: Sendable, Equatable {
    public var action: ActionID
    public var title: String
    /// What the action is about, and the RevisionId the user saw when the form opened.
    public var target: ActionTarget
    public var fields: [FormField]
    public var focus = 0
    /// A message for the whole form: a conflict, or the API's answer to the last try.
    public var banner: String?
    public var revealsSecrets = false
    /// What the form must read before it can be sent (a function's tags, opened from the list
    /// before its detail was loaded): nothing is sent while it is missing.
    public var waitingFor: String?
    /// The last try met a newer RevisionId; the next detail refresh brings the current one.
    public var staleRevision = false
    /// Set when the first Enter of a form that `readsBack` has shown what would be sent: the
    /// second Enter sends it. Any edit asks again.
    public var readBack: String?
    private var pairSerial = 0

    public init(action: ActionID, title: String, target: ActionTarget, fields: [FormField]) {
        self.action = action
        self.title = title
        self.target = target
        self.fields = fields
    }

    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    public func value(_ id: FieldID) -> String { fields.first { $0.id == id }?.value ?? "" }

    public func field(_ id: FieldID) -> FormField? { fields.first { $0.id == id } }

    public mutating func set(_ id: FieldID, _ value: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[index].value = value
        readBack = nil
        fields[index].error = nil
        fields[index].conflict = nil
        // Typing a custom plan chooses it: the plan selector need not be moved to `custom` too.
        if id == .custom, !value.isEmpty, let plan = fields.firstIndex(where: { $0.id == .plan }),
           case .choice(let options, _) = fields[plan].kind, options.contains("custom") {
            fields[plan].value = "custom"
        }
        if case .pair(let group, _) = fields[index].kind { keepOneEmptyPair(group) }
    }

    /// The pairs of a key/value list, in order, empty rows left out.
    public func pairs(_ group: PairGroup) -> [(key: String, value: String)] {
        fields.compactMap { field in
            guard case .pair(let fieldGroup, _) = field.kind, fieldGroup == group, !field.value.isEmpty else { return nil }
            let parts = field.value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]).trimmingWhitespace(), parts.count > 1 ? String(parts[1]) : "")
        }
    }

    /// A key/value list always ends with one empty row to add to.
    mutating func keepOneEmptyPair(_ group: PairGroup) {
        func rows() -> [Int] { fields.indices.filter { fields[$0].isPair(of: group) } }
        // Rows the user added and emptied go; a row that was there stays, empty, until the form is
        // applied, so that the change can still be seen and its key removed.
        for index in rows().dropLast().reversed() where fields[index].value.isEmpty && fields[index].original.isEmpty && index != focus {
            fields.remove(at: index)
            if focus > index { focus -= 1 }
        }
        if let last = rows().last, !fields[last].value.isEmpty {
            pairSerial += 1
            fields.insert(FormField(.pair(group, row: -1 - pairSerial), "", fields[last].kind), at: last + 1)
        }
    }

    mutating func tidyPairs() {
        let groups = Set(fields.compactMap { if case .pair(let group, _) = $0.kind { group } else { nil } })
        for group in PairGroup.allCases where groups.contains(group) { keepOneEmptyPair(group) }
    }

    public var hasErrors: Bool { fields.contains { $0.error != nil } }
}

/// A form's fields by name; the rows of a key/value list by their group and place (a row the
/// user added has a negative place).
public enum FieldID: Hashable, Sendable {
    case qualifier, invocationType, savedEvent, payload, saveAs, clientContext, response, count, rate
    case description, codeSha256
    case source, path, bucket, key, objectVersion, imageUri, architecture, publish
    case handler, runtime, memory, timeout, ephemeral, tracing, logFormat, applicationLogLevel, systemLogLevel, layers
    case name, version, additionalVersion, weight
    case target, plan, custom, threshold, minInvocations, maxWait
    case enabled, batchSize, window, sourceArn, startingPosition, startingTimestamp
    case reserved, provisioned, confirm
    case statementId, principalPreset, principal, sourceAccount, urlAuthType, retries, maxAge, onSuccess, onFailure, recursiveLoop
    case invokeMode, corsOrigins, corsMethods, corsHeaders, corsCredentials, corsMaxAge, urlPresence
    case updateRuntimeOn, runtimeVersionArn, codeSigningArn
    case role, layerName, license, method, urlPath, body, publishers
    case pair(PairGroup, row: Int)

    /// A name for a file the field is edited in ($EDITOR): `payload`, `environment-2`.
    public var fileName: String {
        if case .pair(let group, let row) = self { return "\(group.rawValue)-\(row < 0 ? "new\(-row)" : "\(row)")" }
        return "\(self)"
    }
}

public enum PairGroup: String, CaseIterable, Sendable {
    case environment, tags
}

public struct FormField: Sendable, Equatable {
    public var id: FieldID
    public var label: String
    public var kind: FieldKind
    public var value: String
    /// The value when the form opened: only changed fields are sent.
    public var original: String
    public var error: String?
    /// A line of help under the label (the constraint, the accepted forms).
    public var hint: String?
    /// Changed by the user and by someone else: shown until the user has seen it on a submit,
    /// or edits the field.
    public var conflict: String?

    public init(_ id: FieldID, _ label: String, _ kind: FieldKind = .text, value: String = "", hint: String? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.value = value
        self.original = value
        self.hint = hint
    }

    public var changed: Bool { value != original }

    func isPair(of group: PairGroup) -> Bool {
        if case .pair(group, _) = kind { true } else { false }
    }

    var isPair: Bool {
        if case .pair = kind { true } else { false }
    }
}

public enum FieldKind: Sendable, Equatable {
    case text
    /// Whole numbers within the API's range, in `unit`.
    case integer(ClosedRange<Int>, unit: String, optional: Bool)
    /// One of the values; Left and Right (or space) step through them. A value is what the
    /// submission reads (`s3`, `true`); `labels` says how the form shows one that is not itself
    /// a word for people (`S3 object`, `yes`).
    case choice([String], labels: [String: String] = [:])
    /// A JSON document (an invoke payload); ctrl-e opens $EDITOR on it.
    case json
    /// One `KEY=value` row of a key/value list; masked values are shown as dots until revealed.
    case pair(group: PairGroup, masked: Bool)
    /// The user types `expected` to confirm a destructive action.
    case confirmation(expected: String)
}

/// The resource an action is about, and the preconditions it carries.
public struct ActionTarget: Sendable, Equatable {
    public var function: String
    public var functionArn: String?
    /// A version or alias.
    public var qualifier: String?
    public var mappingUUID: String?
    public var revisionId: String?
    public var codeSha256: String?
    /// The log group the function writes to (its LoggingConfig.LogGroup, or the default).
    public var logGroup: String?

    public init(function: String, functionArn: String? = nil, qualifier: String? = nil, mappingUUID: String? = nil,
                revisionId: String? = nil, codeSha256: String? = nil) {
        self.function = function
        self.functionArn = functionArn
        self.qualifier = qualifier
        self.mappingUUID = mappingUUID
        self.revisionId = revisionId
        self.codeSha256 = codeSha256
    }
}

/// The values of choice fields that are not words for people, and how the form shows them.
enum CodeSourceChoice {
    static let zip = "zip", directory = "directory", s3 = "s3", image = "image"
    static let values = [zip, directory, s3, image]
    static let labels = [zip: "zip file", s3: "S3 object"]
}

enum YesNo {
    static let yes = "true", no = "false"
    static let values = [no, yes]
    static let labels = [yes: "yes", no: "no"]
}
