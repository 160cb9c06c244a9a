import Orientation
import SQLiteStore

package enum PersonRepository {
    package static func find(_ db: Connection, id: Int64) throws -> Person? {
        try db.queryOne("SELECT * FROM persons WHERE id = ?", [id]).map(person)
    }

    /// Earlier files with the same name (accents and case ignored) and, when both are known, the same birth date.
    package static func matches(_ db: Connection, lastName: String, firstName: String, birthDate: String?, limit: Int = 10) throws -> [Person] {
        let key = NameKey.make(lastName: lastName, firstName: firstName)
        return try db.query("""
            SELECT * FROM persons WHERE name_key = ? AND merged_into IS NULL
            AND (? IS NULL OR birth_date IS NULL OR birth_date = ?) ORDER BY updated_at DESC LIMIT ?
            """, [key, birthDate, birthDate, limit]).map(person)
    }

    /// People whose name starts like what is typed (suggestions while typing).
    package static func search(_ db: Connection, lastName: String, firstName: String, limit: Int = 8) throws -> [Person] {
        let last = NameKey.normalize(lastName), first = NameKey.normalize(firstName)
        guard !last.isEmpty else { return [] }
        // Without a first name, the last name is a prefix ("dur" finds "durand|…"); with one, the last name is whole.
        let lower = first.isEmpty ? last : last + "|" + first
        return try db.query("""
            SELECT * FROM persons WHERE name_key >= ? AND name_key < ? AND merged_into IS NULL
            ORDER BY name_key, birth_date LIMIT ?
            """, [lower, lower + "\u{10FFFF}", limit]).map(person)
    }

    package static func insert(_ db: Connection, lastName: String, firstName: String, birthDate: String?, phone: String?,
                       followedBy: Service?, referent: String?, at now: Int64) throws -> Int64 {
        try db.run("""
            INSERT INTO persons (last_name, first_name, birth_date, phone, name_key, followed_by, referent, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [lastName, firstName, birthDate, phone, NameKey.make(lastName: lastName, firstName: firstName), followedBy, referent, now, now])
        return db.lastInsertRowID
    }

    /// Fills what the new intake adds (phone, follow-up) without erasing what was known.
    package static func refresh(_ db: Connection, id: Int64, phone: String?, birthDate: String?, followedBy: Service?, referent: String?, at now: Int64) throws {
        try db.run("""
            UPDATE persons SET phone = coalesce(?, phone), birth_date = coalesce(birth_date, ?),
            followed_by = coalesce(?, followed_by), referent = coalesce(?, referent), updated_at = ? WHERE id = ?
            """, [phone, birthDate, followedBy, referent, now, id])
    }

    /// Replaces the identity fields (rectification); the name key follows the name.
    package static func rectify(_ db: Connection, _ person: Person, at now: Int64) throws {
        try db.run("""
            UPDATE persons SET last_name = ?, first_name = ?, birth_date = ?, phone = ?, name_key = ?, followed_by = ?, referent = ?,
            updated_at = ? WHERE id = ?
            """, [person.lastName, person.firstName, person.birthDate, person.phone, NameKey.make(lastName: person.lastName, firstName: person.firstName),
                  person.followedBy, person.referent, now, person.id])
    }

    package static func person(_ row: Row) -> Person {
        Person(id: row.int64("id") ?? 0, lastName: row.string("last_name") ?? "", firstName: row.string("first_name") ?? "",
               birthDate: row.string("birth_date"), phone: row.string("phone"), followedBy: row.value("followed_by"),
               referent: row.string("referent"), mergedInto: row.int64("merged_into"))
    }
}
