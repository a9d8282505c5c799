import Database
import Survey

/// The form a unit is building on the web. A version no campaign uses yet is still the unit's working copy and each
/// save rewrites it; once a campaign (even a draft) uses it, it is frozen and the next save makes a new version,
/// so a running campaign keeps the questions its answers were given to.
extension FormDocumentStore {
    /// Whether a campaign is bound to this version.
    package func isFrozen(versionID: Int64) throws -> Bool {
        try connection.scalar(
            "SELECT 1 FROM campaigns WHERE form_version_id = ? LIMIT 1", [versionID], as: Int.self) != nil
    }

    /// The newest version's id of the form `code`.
    package func latestVersionID(code: String) throws -> Int64? {
        try FormStore(connection).latestVersionID(formCode: code)
    }

    /// Stores `document` as the working copy of its form: rewrites the newest version while no campaign uses it,
    /// otherwise adds the next version (`save`). The owner must be the form's, as for an import.
    package func saveWorking(_ document: FormDocument, owner: String?, now: Int64) throws -> Saved {
        try connection.transaction {
            guard let versionID = try latestVersionID(code: document.code), try !isFrozen(versionID: versionID),
                let current = try self.document(code: document.code)
            else { return try save(document, owner: owner, now: now) }
            guard current.owner == owner, current.respondents == document.respondents,
                current.unitLevels == document.unitLevels
            else { return try save(document, owner: owner, now: now) }
            let version =
                try connection.scalar(
                    "SELECT version FROM form_versions WHERE id = ?", [versionID], as: Int.self) ?? 1
            var incoming = document
            incoming.owner = owner
            guard incoming != current else {
                return Saved(
                    code: document.code, version: version, versionID: versionID, stored: false, newForm: false)
            }
            try connection.run(
                "UPDATE forms SET title = ?, organisation = ? WHERE code = ?",
                [document.title, document.organisation, document.code])
            try connection.run(
                "UPDATE form_versions SET intro = ?, created_at = ? WHERE id = ?", [document.intro, now, versionID])
            // Follow-ups and conditions point at options of the same version: unlink them before the options go.
            try connection.run(
                """
                UPDATE questions SET show_if_option_id = NULL, required_when_option_id = NULL,
                                     required_when_chosen = NULL
                WHERE form_version_id = ?
                """, [versionID])
            try connection.run(
                "DELETE FROM options WHERE question_id IN (SELECT id FROM questions WHERE form_version_id = ?)",
                [versionID])
            try connection.run("DELETE FROM questions WHERE form_version_id = ?", [versionID])
            try insertQuestions(document.questions, versionID: versionID)
            return Saved(code: document.code, version: version, versionID: versionID, stored: true, newForm: false)
        }
    }
}
