#if canImport(Glibc)
import Glibc
#endif

/// Reads a password from the terminal with echo turned off, restoring the terminal afterwards.
enum PasswordPrompt {
    struct Failure: Error, CustomStringConvertible { let description = "Impossible de lire le mot de passe au terminal." }

    static func read(_ prompt: String) throws -> String {
        _ = Array(prompt.utf8).withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        var original = termios()
        guard tcgetattr(0, &original) == 0 else { throw Failure() }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSAFLUSH, &silent)
        defer {
            tcsetattr(0, TCSAFLUSH, &original)
            _ = Array("\n".utf8).withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
