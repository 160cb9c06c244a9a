/// `--name value`, `--name=value` and `--flag` options after a subcommand, checked against what the
/// subcommand accepts so that a typo is an error rather than silently ignored.
struct CommandLineArguments {
    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var values: [String: String] = [:]
    private(set) var repeated: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positional: [String] = []

    init(_ arguments: ArraySlice<String>, options: Set<String>, flags allowedFlags: Set<String>, repeatable: Set<String> = []) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            guard argument.hasPrefix("--") else {
                positional.append(argument)
                continue
            }
            let body = argument.dropFirst(2)
            let name: String
            var value: String?
            if let eq = body.firstIndex(of: "=") {
                name = String(body[..<eq])
                value = String(body[body.index(after: eq)...])
            } else {
                name = String(body)
            }
            if allowedFlags.contains(name), value == nil {
                flags.insert(name)
            } else if options.contains(name) {
                guard let given = value ?? iterator.next() else { throw UsageError(description: "l'option --\(name) attend une valeur") }
                values[name] = given
                if repeatable.contains(name) { repeated[name, default: []].append(given) }
            } else {
                throw UsageError(description: "option inconnue : --\(name)")
            }
        }
    }

    /// Every value of a repeatable option, in order.
    func all(_ name: String) -> [String] { repeated[name] ?? [] }

    /// The option's value, else the environment variable's, else the default.
    func value(_ name: String, environment variable: String, default fallback: String, in env: [String: String]) -> String {
        values[name] ?? env[variable] ?? fallback
    }
}
