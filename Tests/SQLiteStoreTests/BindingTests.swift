import Testing
import SQLiteStore

@Suite struct BindingTests {
    /// Stores `value` in an untyped column (no affinity conversion) and reads it back.
    private func roundTrip(_ value: any SQLBindable) throws -> (value: SQLValue, type: String?) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        try db.execute("CREATE TABLE v (x)")
        try db.run("INSERT INTO v (x) VALUES (?)", [value])
        let row = try #require(try db.queryOne("SELECT x, typeof(x) AS type FROM v"))
        return (row["x"], row.string("type"))
    }

    @Test(arguments: [
        SQLValue.null,
        .integer(.min),
        .integer(.max),
        .integer(0),
        .real(3.141592653589793),
        .real(-1.5e-300),
        .text("Élodie Müller-Nguyễn — café ☕️ 👩🏽‍⚕️"),
        .text(""),
        .text("before\u{0}after"),
        .blob([0, 1, 127, 128, 255, 0]),
        .blob([]),
    ])
    func sqlValueRoundTrips(_ value: SQLValue) throws {
        let stored = try roundTrip(value)
        #expect(stored.value == value)
    }

    @Test func emptyTextAndBlobAreNotStoredAsNull() throws {
        #expect(try roundTrip("").type == "text")
        #expect(try roundTrip([UInt8]()).type == "blob")
    }

    @Test func swiftTypesBindToTheirStorageClass() throws {
        #expect(try roundTrip(Int64.min).value == .integer(.min))
        #expect(try roundTrip(Int64.max).value == .integer(.max))
        #expect(try roundTrip(Int32.min).value == .integer(Int64(Int32.min)))
        #expect(try roundTrip(-7).value == .integer(-7))
        #expect(try roundTrip(0.1).value == .real(0.1))
        #expect(try roundTrip("Zoë 🎉").value == .text("Zoë 🎉"))
        #expect(try roundTrip([UInt8]([9, 8, 7])).value == .blob([9, 8, 7]))
        #expect(try roundTrip(true).value == .integer(1))
        #expect(try roundTrip(false).value == .integer(0))
    }

    @Test func optionalBindsNilAsNullAndSomeAsWrapped() throws {
        let none: String? = nil
        let some: Int? = 5
        #expect(try roundTrip(none).type == "null")
        #expect(try roundTrip(some).value == .integer(5))
    }

    @Test func typedRowAccessorsReadBoundValues() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        try db.execute("CREATE TABLE p (n INTEGER, d REAL, s TEXT, b BLOB, f INTEGER, o TEXT)")
        let missing: String? = nil
        try db.run("INSERT INTO p VALUES (?, ?, ?, ?, ?, ?)",
                   [Int64.max, 2.5, "Françoise", [UInt8]([1, 2]), true, missing])

        let row = try #require(try db.queryOne("SELECT * FROM p"))
        #expect(row.int64("n") == .max)
        #expect(row.int("n") == Int(Int64.max))
        #expect(row.double("d") == 2.5)
        #expect(row.string("s") == "Françoise")
        #expect(row.blob("b") == [1, 2])
        #expect(row.bool("f") == true)
        #expect(row["o"] == .null)
        #expect(row.string("o") == nil)
    }
}
