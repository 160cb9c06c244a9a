import Foundation

/// A refused orientation request: which field is wrong (a JSON path such as
/// "children[0].birthDate", or nil when the body as a whole is unusable) and a French message
/// an agent can act on. The CLI prints it and exits with status 2; the API answers 400.
public struct OrientationRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: String?
    public let message: String

    public init(field: String?, message: String) {
        self.field = field
        self.message = message
    }

    /// Errors found by the rules (unknown sector, derogation without justification…) keep the
    /// field they name, so the caller sees one kind of error whatever layer found it.
    public init(_ error: OrientationError) {
        self.init(field: error.field, message: error.message)
    }

    public var description: String {
        field.map { "\($0) : \(message)" } ?? message
    }

    /// `{"error": "…", "field": "…"}`, keys sorted; `field` is null when no field is at fault.
    public var jsonData: Data {
        var object: [String: String?] = ["error": message]
        object["field"] = .some(field)
        // Encoding a dictionary of strings cannot fail.
        return try! ContractJSON.encoder(prettyPrinted: false).encode(object)
    }
}
