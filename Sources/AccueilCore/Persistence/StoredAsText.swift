import Orientation
import SQLiteStore

/// A domain value kept in a text column. Its raw value is its one mapping to the database: it is bound
/// as a parameter and read back through `Row.value(_:as:)`, never spelled as a literal elsewhere.
package protocol StoredAsText: RawRepresentable, SQLBindable where RawValue == String {}

extension StoredAsText {
    public var sqlValue: SQLValue { .text(rawValue) }
}

extension Row {
    /// The column read as a domain value; nil when empty or unknown.
    package func value<Value: StoredAsText>(_ column: String, as type: Value.Type = Value.self) -> Value? {
        string(column).flatMap(Value.init(rawValue:))
    }
}

// The rule's service is the application's too: its raw values ("CCAS", "MDS") are what the columns hold.
extension Service: SQLBindable, StoredAsText {}
extension SiteKind: SQLBindable, StoredAsText {}
extension OrientationRecord.Status: SQLBindable, StoredAsText {}
extension BookingKind: SQLBindable, StoredAsText {}
extension IntakeChannel: SQLBindable, StoredAsText {}
extension Institution: SQLBindable, StoredAsText {}
extension Role: SQLBindable, StoredAsText {}
extension PermanenceModeKind: SQLBindable, StoredAsText {}
extension ProtectionReport.Kind: SQLBindable, StoredAsText {}
extension TerritoryTables.Table: SQLBindable, StoredAsText {}
extension StreetSegment.Parity: SQLBindable, StoredAsText {}
extension BreakGlass.Reason: SQLBindable, StoredAsText {}
