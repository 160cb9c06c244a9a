/// Reads the fields of one JSON object of the request, producing an `OrientationRequestError`
/// that names the field's full path on the first problem. Absent and `null` mean "not given".
struct JSONObjectReader {
    let object: [String: JSONValue]
    /// Path of this object ("" at the top, "children[0]", "derogation").
    let path: String

    init(_ value: JSONValue, path: String, allowed: [String], what: String) throws(OrientationRequestError) {
        guard case .object(let object) = value else {
            throw OrientationRequestError(field: path.isEmpty ? nil : path,
                                          message: "\(what) doit être un objet JSON (entre accolades).")
        }
        // A strict contract: a misspelt field ("adult") must not be silently ignored, since the
        // default it falls back to could change the orientation.
        if let unknown = object.keys.filter({ !allowed.contains($0) }).sorted().first {
            throw OrientationRequestError(field: Self.join(path, unknown),
                message: "Champ inconnu : « \(unknown) ». Champs acceptés : \(allowed.joined(separator: ", ")).")
        }
        self.object = object
        self.path = path
    }

    func field(_ name: String) -> String { Self.join(path, name) }

    func value(_ name: String) -> JSONValue? {
        guard let value = object[name], value != .null else { return nil }
        return value
    }

    func bool(_ name: String, default fallback: Bool) throws(OrientationRequestError) -> Bool {
        guard let value = value(name) else { return fallback }
        guard case .bool(let flag) = value else {
            throw mistyped(name, "doit valoir true ou false", value)
        }
        return flag
    }

    func integer(_ name: String, expected: String) throws(OrientationRequestError) -> Int? {
        guard let value = value(name) else { return nil }
        guard case .integer(let number) = value else {
            throw mistyped(name, "doit être un nombre entier (\(expected))", value)
        }
        return number
    }

    func string(_ name: String, expected: String) throws(OrientationRequestError) -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let text) = value else {
            throw mistyped(name, "doit être un texte (\(expected))", value)
        }
        return text
    }

    func date(_ name: String) throws(OrientationRequestError) -> LocalDate? {
        guard let text = try string(name, expected: "date AAAA-MM-JJ") else { return nil }
        if let date = LocalDate(iso: text) { return date }
        let message = LocalDate.hasISOShape(text)
            ? "Le champ « \(field(name)) » désigne un jour qui n'existe pas : « \(text) »."
            : "Le champ « \(field(name)) » doit être une date au format AAAA-MM-JJ (reçu : « \(text) »)."
        throw OrientationRequestError(field: field(name), message: message)
    }

    func service(_ name: String) throws(OrientationRequestError) -> Service? {
        guard let value = value(name) else { return nil }
        guard case .string(let text) = value, let service = Service(rawValue: text) else {
            throw mistyped(name, "doit valoir \"CCAS\" ou \"MDS\"", value)
        }
        return service
    }

    func missing(_ name: String, _ explanation: String) -> OrientationRequestError {
        OrientationRequestError(field: field(name),
                                message: "Le champ « \(field(name)) » est obligatoire : \(explanation).")
    }

    func mistyped(_ name: String, _ rule: String, _ value: JSONValue) -> OrientationRequestError {
        OrientationRequestError(field: field(name),
                                message: "Le champ « \(field(name)) » \(rule) (reçu : \(value.shortDescription)).")
    }

    private static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }
}
