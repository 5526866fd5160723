import FoundationEssentials

/// Decodes Decodable types from JSON through `JSONValue`, several times faster than Foundation's
/// JSONDecoder here. Member names match property names without regard to case, which is how
/// Lambda's PascalCase ("KMSKeyArn") meets Swift's camelCase ("kmsKeyArn") with no renaming
/// table, and why map keys (environment variables, tags) pass through untouched.
public struct JSONValueDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decode(type, from: try JSONValue.parse(data))
    }

    /// Decodes a service's answer (an empty body reads as `{}`); any failure becomes one
    /// AWSClientError naming the member, as `memberName` spells it on the wire.
    public func decodeResponse<T: Decodable>(_ type: T.Type, from data: Data, operation: String,
                                             memberName: (String) -> String = { $0 }) throws -> T {
        do {
            return try decode(type, from: data.isEmpty ? Data("{}".utf8) : data)
        } catch let error as DecodingError {
            throw AWSClientError.invalidResponse(operation: operation, detail: Self.describe(error, memberName: memberName))
        } catch let error as JSONShapeError {
            throw AWSClientError.invalidResponse(operation: operation, detail: error.description)
        } catch let error as JSONParseError {
            throw AWSClientError.invalidResponse(operation: operation, detail: error.description)
        }
    }

    /// "Functions[0].FunctionName: Expected String but found a number": the path a user can look up.
    static func describe(_ error: DecodingError, memberName: (String) -> String) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let parts: [String] = context.codingPath.map { key in
                key.intValue.map { "[\($0)]" } ?? "." + memberName(key.stringValue)
            }
            var path = parts.joined()
            if path.hasPrefix(".") { path.removeFirst() }
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "malformed JSON"
        }
    }

    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        if let fast = T.self as? any JSONValueDecodable.Type {
            return try fast.init(json: value) as! T
        }
        return try JSONValueDecoding(value, parent: nil, key: nil).decodeValue(T.self)
    }
}

/// One position in the document being decoded. The coding path is built only when an error needs
/// it, from the chain of parents: most decodes never ask for it.
final class JSONValueDecoding: Decoder {
    let value: JSONValue
    let parent: JSONValueDecoding?
    let key: (any CodingKey)?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ value: JSONValue, parent: JSONValueDecoding?, key: (any CodingKey)?) {
        self.value = value
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var node: JSONValueDecoding? = self
        while let current = node {
            if let key = current.key { path.append(key) }
            node = current.parent
        }
        return path.reversed()
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(JSONKeyedContainer<Key>(members: members, owner: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch([Any].self) }
        return JSONUnkeyedContainer(elements: elements, owner: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func mismatch(_ type: Any.Type) -> DecodingError {
        DecodingError.typeMismatch(type, DecodingError.Context(codingPath: codingPath,
                                                               debugDescription: "expected \(Self.kindName(of: type)) but found \(value.kindDescription)"))
    }

    /// A type as JSON calls what it holds: no Swift type name reaches the user.
    static func kindName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Int64.Type, is Int32.Type, is Int16.Type, is Int8.Type, is UInt.Type, is UInt64.Type, is UInt32.Type: "a whole number"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if let leaf = try Self.leaf(value, as: type, at: self) { return leaf }
        if let fast = T.self as? any JSONValueDecodable.Type {
            do {
                return try fast.init(json: value) as! T
            } catch let error as JSONShapeError {
                throw DecodingError.typeMismatch(T.self, .init(codingPath: codingPath + error.path.map(IndexKey.init(name:)),
                                                               debugDescription: "expected \(error.expected) but found \(error.found)"))
            }
        }
        return try T(from: self)
    }

    /// Strings, numbers, booleans and base64 data without a decoder object; nil for other types.
    /// (`unsafeBitCast` after the type check: `as! T` would go through a dynamic cast per value.)
    @inline(__always)
    static func leaf<T>(_ value: JSONValue, as type: T.Type, at position: @autoclosure () -> JSONValueDecoding) throws -> T? {
        switch value {
        case .string(let text):
            if T.self == String.self { return unsafeBitCast(text, to: T.self) }
            if T.self == Data.self {
                guard let data = Data(base64Encoded: text) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: position().codingPath, debugDescription: "invalid base64"))
                }
                return unsafeBitCast(data, to: T.self)
            }
        case .number(let number):
            if T.self == Int.self { return unsafeBitCast(try exactInteger(number, Int.self, position()), to: T.self) }
            if T.self == Int64.self { return unsafeBitCast(try exactInteger(number, Int64.self, position()), to: T.self) }
            if T.self == Double.self { return unsafeBitCast(number, to: T.self) }
        case .exactNumber(let text):
            if T.self == Int.self || T.self == Int64.self {
                guard let exact = Int64(text) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: position().codingPath, debugDescription: "\(text) is not a whole number of \(T.self)"))
                }
                return T.self == Int.self ? unsafeBitCast(Int(exact), to: T.self) : unsafeBitCast(exact, to: T.self)
            }
            if T.self == Double.self, let number = Double(text) { return unsafeBitCast(number, to: T.self) }
        case .bool(let flag):
            if T.self == Bool.self { return unsafeBitCast(flag, to: T.self) }
        default:
            break
        }
        if T.self == String.self || T.self == Int.self || T.self == Int64.self || T.self == Double.self || T.self == Bool.self {
            throw position().mismatch(type)
        }
        return nil
    }

    static func exactInteger<I: FixedWidthInteger>(_ number: Double, _ type: I.Type, _ position: JSONValueDecoding) throws -> I {
        guard let exact = I(exactly: number) else {
            throw DecodingError.dataCorrupted(.init(codingPath: position.codingPath, debugDescription: "\(number) is not a whole number of \(I.self)"))
        }
        return exact
    }
}

extension JSONValueDecoding: SingleValueDecodingContainer {
    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decodeValue(type) }
    func decode(_ type: String.Type) throws -> String { try decodeValue(type) }
    func decode(_ type: Double.Type) throws -> Double { try decodeValue(type) }
    func decode(_ type: Float.Type) throws -> Float { Float(try decodeValue(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try decodeValue(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Self.exactInteger(try decodeValue(Double.self), type, self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Self.exactInteger(try decodeValue(Double.self), type, self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Self.exactInteger(try decodeValue(Double.self), type, self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decodeValue(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try Self.exactInteger(try decodeValue(Double.self), type, self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try Self.exactInteger(try decodeValue(Double.self), type, self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try Self.exactInteger(try decodeValue(Double.self), type, self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try Self.exactInteger(try decodeValue(Double.self), type, self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try Self.exactInteger(try decodeValue(Double.self), type, self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type) }
}

/// Where the next member lookup starts: Codable asks for properties in declaration order, and
/// AWS writes members in alphabetical order, as the shapes declare them, so most lookups hit
/// at the cursor.
final class MemberCursor {
    var next = 0
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [JSONMember]
    let owner: JSONValueDecoding
    let cursor = MemberCursor()

    var codingPath: [any CodingKey] { owner.codingPath }
    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func find(_ key: Key) -> JSONValue? {
        let wanted = key.stringValue.utf8
        let count = members.count
        var index = cursor.next
        for _ in 0..<count {
            if index >= count { index = 0 }
            let name = members[index].key.utf8
            if name.count == wanted.count, Self.equalIgnoringCase(name, wanted) {
                cursor.next = index + 1
                return members[index].value
            }
            index += 1
        }
        return nil
    }

    /// ASCII letters compare without regard to case; every other byte must be equal.
    @inline(__always)
    static func equalIgnoringCase(_ lhs: String.UTF8View, _ rhs: String.UTF8View) -> Bool {
        var right = rhs.makeIterator()
        for left in lhs {
            guard let other = right.next() else { return false }
            if left == other { continue }
            let folded = left | 0x20
            if folded != other | 0x20 || folded < 0x61 || folded > 0x7a { return false }
        }
        return true
    }

    private func require(_ key: Key) throws -> JSONValue {
        guard let value = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No member \(key.stringValue)"))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { (find(key) ?? .null) == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try member(type, key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optionalMember(type, key) }

    // The default typed overloads look a member up three times; these look once.
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try member(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try member(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try member(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try member(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(type, key) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optionalMember(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optionalMember(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optionalMember(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optionalMember(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optionalMember(type, key) }

    private func member<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        try decodeMember(try require(key), type, key)
    }

    private func optionalMember<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let value = find(key), value != .null else { return nil }
        return try decodeMember(value, type, key)
    }

    @inline(__always)
    private func decodeMember<T: Decodable>(_ value: JSONValue, _ type: T.Type, _ key: Key) throws -> T {
        if let leaf = try JSONValueDecoding.leaf(value, as: type, at: JSONValueDecoding(value, parent: owner, key: key)) {
            return leaf
        }
        return try T(from: JSONValueDecoding(value, parent: owner, key: key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try JSONValueDecoding(try require(key), parent: owner, key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try JSONValueDecoding(try require(key), parent: owner, key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { owner }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONValueDecoding(try require(key), parent: owner, key: key)
    }
}

struct JSONUnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let owner: JSONValueDecoding
    var currentIndex = 0

    init(elements: [JSONValue], owner: JSONValueDecoding) {
        self.elements = elements
        self.owner = owner
    }

    var codingPath: [any CodingKey] { owner.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next() throws -> JSONValueDecoding {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "Array ended"))
        }
        defer { currentIndex += 1 }
        return JSONValueDecoding(elements[currentIndex], parent: owner, key: IndexKey(intValue: currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if !isAtEnd, let leaf = try JSONValueDecoding.leaf(elements[currentIndex], as: type,
                                                          at: JSONValueDecoding(elements[currentIndex], parent: owner, key: IndexKey(intValue: currentIndex))) {
            currentIndex += 1
            return leaf
        }
        return try next().decodeValue(type)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

struct IndexKey: CodingKey {
    var intValue: Int?
    private var name: String?
    var stringValue: String { name ?? "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init(name: String) { self.name = name }
    init?(stringValue: String) { nil }
}

extension JSONValue {
    /// What was found, with the value itself where it is short (`1.5`, `"fast"`).
    var kindDescription: String {
        switch self {
        case .number(let value): "\(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value))"
        case .exactNumber(let text): String(text.prefix(40))
        case .string(let text) where text.count <= 40: "the text \"\(text)\""
        case .bool(let flag): "\(flag)"
        default: kindName
        }
    }

    @usableFromInline
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number, .exactNumber: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
