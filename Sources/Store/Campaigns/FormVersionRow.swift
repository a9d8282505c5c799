import Database

/// One version of a form on the forms page, with how many campaigns are bound to it.
package struct FormVersionRow: Sendable, Hashable {
    package let formCode: String
    package let formTitle: String
    /// The partner organisation the programme assigns to the form.
    package let organisation: String
    /// The unit that built the form; nil for a standard form of the province.
    package let ownerUnitCode: String?
    package let versionID: Int64
    package let version: Int
    package let createdAt: Int64
    package let campaigns: Int

    /// Every version of every form, by form code then version.
    package static func all(connection: Connection) throws -> [FormVersionRow] {
        try connection.query(
            """
            SELECT f.code AS form_code, f.title AS form_title, f.organisation AS organisation,
                   f.owner_unit_code AS owner_unit_code, v.id AS version_id, v.version AS version,
                   v.created_at AS created_at,
                   (SELECT count(*) FROM campaigns c WHERE c.form_version_id = v.id) AS campaigns
            FROM forms f JOIN form_versions v ON v.form_id = f.id ORDER BY f.code, v.version
            """
        ).map { row in
            FormVersionRow(
                formCode: try row.string("form_code"), formTitle: try row.string("form_title"),
                organisation: try row.string("organisation"), ownerUnitCode: try row.optionalString("owner_unit_code"),
                versionID: try row.int64("version_id"), version: try row.int("version"),
                createdAt: try row.int64("created_at"), campaigns: try row.int("campaigns"))
        }
    }
}
