#if canImport(Glibc)
import Glibc
#endif

enum Environment {
    static var current: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") { result[String(text[..<eq])] = String(text[text.index(after: eq)...]) }
            pointer += 1
        }
        return result
    }

    static func isTrue(_ value: String?) -> Bool {
        guard let value else { return false }
        return ["1", "true", "yes", "oui", "on"].contains(value.lowercased())
    }

    /// Writes to standard error (messages for people, never personal data).
    static func printError(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        _ = Array(line.utf8).withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func makeParentDirectory(of path: String) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        guard !directory.isEmpty else { return }
        var partial = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            partial += "/" + component
            mkdir(partial, 0o750)
        }
    }
}
