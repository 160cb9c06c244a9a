import Testing
import SQLiteStore

@Suite struct RowTests {
    @Test func columnsAreFoundByNameIndexAndCaseInsensitively() throws {
        let db = try Connection(path: ":memory:")
        let row = try #require(try db.queryOne("SELECT 1 AS Id, 'Ana' AS name, 1 AS id2"))

        #expect(row.columnNames == ["Id", "name", "id2"])
        #expect(row["Id"] == .integer(1))
        #expect(row["id"] == .integer(1))
        #expect(row[1] == .text("Ana"))
        #expect(row.contains("name"))
    }

    @Test func missingColumnReadsAsNullButIsReported() throws {
        let db = try Connection(path: ":memory:")
        let row = try #require(try db.queryOne("SELECT 1 AS a"))

        #expect(row["nope"] == .null)
        #expect(!row.contains("nope"))
        #expect(row[5] == .null)
    }

    @Test func duplicateColumnNamesResolveToTheFirst() throws {
        let db = try Connection(path: ":memory:")
        let row = try #require(try db.queryOne("SELECT 1 AS id, 2 AS id"))

        #expect(row.int("id") == 1)
        #expect(row[1] == .integer(2))
    }

    @Test func accessorsConvertOnlyLosslessly() throws {
        let db = try Connection(path: ":memory:")
        let row = try #require(try db.queryOne("SELECT 3.0 AS r, 3.5 AS f, '12' AS t, 0 AS z"))

        #expect(row.int("r") == 3)
        #expect(row.int("f") == nil)
        #expect(row.double("z") == 0)
        #expect(row.int("t") == nil)
        #expect(row.bool("z") == false)
    }

    @Test func rowDescriptionOfValuesHidesContent() {
        #expect(!"\(SQLValue.text("SECRET-Dupont"))".contains("SECRET"))
    }
}
