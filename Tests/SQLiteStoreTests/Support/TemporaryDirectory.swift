import Foundation
import SQLiteStore

/// A directory unique to one test; call `remove()` (usually in a `defer`).
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("sqlitestore-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String {
        path + "/" + name
    }

    /// A writable connection on a new database file in this directory.
    func openDatabase(_ name: String = "test.sqlite") throws -> Connection {
        try Connection(path: file(name))
    }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A distinctive error to check that it comes back unchanged.
struct MarkerError: Error, Equatable {
    let id: Int
}
