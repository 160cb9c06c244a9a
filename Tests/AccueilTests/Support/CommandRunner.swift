#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TestSupport

/// Runs the built `accueil` binary as a user would: arguments, stdin, environment, a working directory.
enum CommandRunner {
    struct Run: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] }
    }

    /// The binary of the build that produced these tests when it sits next to them, else the
    /// default debug build of the repository.
    static let binary: String = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("accueil").path
        return FileManager.default.isExecutableFile(atPath: besideTests) ? besideTests : TestApp.repositoryRoot + "/.build/debug/accueil"
    }()

    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    /// Runs the command off the cooperative pool (see `offPool`) and returns what it printed.
    static func run(_ arguments: [String], stdin input: String = "", directory: String, environment: [String: String] = [:]) async throws -> Run {
        try await offPool { try runBlocking(arguments, stdin: input, directory: directory, environment: environment) }
    }

    private static func runBlocking(_ arguments: [String], stdin input: String, directory: String, environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        // A command that exits without reading stdin closes the pipe: an ignored write error here,
        // not a SIGPIPE killing the test runner.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    static func temporaryDirectory() -> String {
        var template = Array("/tmp/accueil-cli-XXXXXX".utf8CString)
        return String(cString: mkdtemp(&template))
    }
}
