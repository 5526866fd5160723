import FoundationEssentials
/// Shapes on hot paths (a page of 50 functions, 10,000 in the console) decode straight from a
/// parsed document in one pass over its members, instead of through Codable's per-field generic
/// calls. JSONValueDecoder uses this whenever a type offers it; tests check both paths agree.
public protocol JSONValueDecodable {
    init(json: JSONValue) throws
}

/// A member that does not have the type its shape documents, with the path to it.
public struct JSONShapeError: LocalizedError, Sendable, Equatable, CustomStringConvertible {
    public var errorDescription: String? { description }
    public var path: [String]
    public var expected: String
    public var found: String

    public init(path: [String], expected: String, found: String) {
        self.path = path
        self.expected = expected
        self.found = found
    }

    public var description: String {
        "\(path.joined(separator: ".").replacing(".[", with: "[")): expected \(expected) but found \(found)"
    }

    /// The same error, one level further in ("Functions" then "[3]").
    public func inside(_ component: String) -> JSONShapeError {
        var copy = self
        copy.path.insert(component, at: 0)
        return copy
    }
}

extension JSONValue {
    /// Calls `body` for each member of an object, naming the member in any error it throws.
    @inlinable
    public func forEachMember(_ body: (String, JSONValue) throws -> Void) throws {
        guard case .object(let members) = self else { throw mismatch("an object") }
        for member in members {
            do {
                try body(member.key, member.value)
            } catch let error as JSONShapeError {
                throw error.inside(member.key)
            }
        }
    }

    @usableFromInline
    func mismatch(_ expected: String) -> JSONShapeError {
        JSONShapeError(path: [], expected: expected, found: kindDescription)
    }

    /// Null reads as absent, as it does for Codable optionals.
    @inlinable
    public func decode<T: JSONValueDecodable>(_ type: T.Type = T.self) throws -> T? {
        self == .null ? nil : try T(json: self)
    }

    @inlinable
    public func decodeArray<T: JSONValueDecodable>(_ type: T.Type = T.self) throws -> [T]? {
        switch self {
        case .null: return nil
        case .array(let elements):
            var out: [T] = []
            out.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                do { out.append(try T(json: element)) } catch let error as JSONShapeError { throw error.inside("[\(index)]") }
            }
            return out
        default: throw mismatch("an array")
        }
    }

    @inlinable
    public func decodeMap<T: JSONValueDecodable>(_ type: T.Type = T.self) throws -> [String: T]? {
        switch self {
        case .null: return nil
        case .object(let members):
            var out: [String: T] = [:]
            out.reserveCapacity(members.count)
            for member in members {
                do { out[member.key] = try T(json: member.value) } catch let error as JSONShapeError { throw error.inside(member.key) }
            }
            return out
        default: throw mismatch("an object")
        }
    }
}

extension String: JSONValueDecodable {
    @inlinable
    public init(json: JSONValue) throws {
        guard case .string(let text) = json else { throw json.mismatch("a string") }
        self = text
    }
}

extension Bool: JSONValueDecodable {
    @inlinable
    public init(json: JSONValue) throws {
        guard case .bool(let flag) = json else { throw json.mismatch("a boolean") }
        self = flag
    }
}

extension Double: JSONValueDecodable {
    @inlinable
    public init(json: JSONValue) throws {
        guard let number = json.doubleValue else { throw json.mismatch("a number") }
        self = number
    }
}

extension Int: JSONValueDecodable {
    @inlinable
    public init(json: JSONValue) throws {
        guard let exact = json.wholeNumber(Int.self) else { throw json.mismatch("a whole number") }
        self = exact
    }
}

extension Int64: JSONValueDecodable {
    @inlinable
    public init(json: JSONValue) throws {
        guard let exact = json.wholeNumber(Int64.self) else { throw json.mismatch("a whole number") }
        self = exact
    }
}
