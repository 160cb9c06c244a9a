import SQLiteStore

/// Every migration of the application's database, in order. Once shipped, a migration never changes:
/// a correction is a new migration.
public enum Schema {
    public static let migrations: [Migration] = [
        Migration(1, "instance", sql: """
            CREATE TABLE instance_settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) STRICT;
            """),
    ]

    public static var migrator: Migrator { Migrator(migrations) }
}
