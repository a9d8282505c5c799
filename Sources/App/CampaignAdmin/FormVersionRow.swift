import Database

/// One version of a form on the forms page, with how many campaigns are bound to it.
struct FormVersionRow: Sendable, Hashable {
    let formCode: String
    let formTitle: String
    let versionID: Int64
    let version: Int
    let createdAt: Int64
    let campaigns: Int

    /// Every version of every form, by form code then version.
    static func all(connection: Connection) throws -> [FormVersionRow] {
        try connection.query("""
            SELECT f.code, f.title, v.id, v.version, v.created_at,
                   (SELECT count(*) FROM campaigns c WHERE c.form_version_id = v.id)
            FROM forms f JOIN form_versions v ON v.form_id = f.id ORDER BY f.code, v.version
            """).map { row in
            FormVersionRow(formCode: try row.string(0), formTitle: try row.string(1), versionID: try row.int64(2),
                           version: try row.int(3), createdAt: try row.int64(4), campaigns: try row.int(5))
        }
    }
}
