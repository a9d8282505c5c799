import Database
import Survey

/// Forms as documents in the database: the newest version of a form as a `FormDocument`, and a document stored as
/// a new form or as the next version of its owner's form. A stored version is never changed: campaigns keep the
/// version they were created with.
package struct FormDocumentStore {
    package let connection: Connection

    package init(_ connection: Connection) {
        self.connection = connection
    }

    /// The newest version of the form `code`; nil for an unknown code.
    package func document(code: String) throws -> FormDocument? {
        guard
            let form = try connection.queryOne(
                """
                SELECT f.owner_unit_code AS owner_unit_code, f.organisation AS organisation,
                       f.respondent_kind AS respondent_kind, f.unit_levels AS unit_levels,
                       (SELECT v.id FROM form_versions v WHERE v.form_id = f.id ORDER BY v.version DESC LIMIT 1)
                           AS version_id
                FROM forms f WHERE f.code = ?
                """, [code]),
            let versionID = try form.optionalInt64("version_id"),
            let definition = try FormStore(connection).definition(formVersionID: versionID)
        else { return nil }
        return FormDocument(
            definition: definition, owner: try form.optionalString("owner_unit_code"),
            organisation: try form.string("organisation"), respondents: try form.string("respondent_kind"),
            unitLevels: try form.string("unit_levels").split(separator: ",").map(String.init))
    }

    /// The owner a unit code stands for in the unit set in force on `today`: nil for the province (its forms are
    /// the standard ones), the code for a district or commune.
    package func owner(unitCode: String, today: LocalDate) throws -> String? {
        guard let setID = try UnitStore(connection).unitSetID(inForceOn: today),
            let unit = try UnitStore(connection).unit(code: unitCode, inSet: setID)
        else {
            throw FormDocumentStoreError("Không có đơn vị mã “\(unitCode)” trong danh mục đơn vị đang áp dụng.")
        }
        return unit.level == "province" ? nil : unit.code
    }

    package struct Saved: Sendable, Hashable {
        package let code: String
        package let version: Int
        package let versionID: Int64
        /// False when the document equals the newest version: nothing was stored.
        package let stored: Bool
        package let newForm: Bool
    }

    /// Stores `document` for `owner` (nil: the province): a new form, or the next version of a form the same owner
    /// holds. The title and partner organisation are the form's and follow the document; who answers and the unit
    /// levels decide which units campaigns cover, so they cannot change under running campaigns and are refused.
    package func save(_ document: FormDocument, owner: String?, now: Int64) throws -> Saved {
        try connection.transaction {
            let ownerName = { (code: String?) in code.map { "đơn vị \($0)" } ?? "tỉnh" }
            let levels = document.unitLevels.joined(separator: ",")
            let formID: Int64
            var newForm = false
            if let existing = try connection.queryOne(
                """
                SELECT id, owner_unit_code, respondent_kind, unit_levels FROM forms WHERE code = ?
                """, [document.code])
            {
                let existingOwner = try existing.optionalString("owner_unit_code")
                guard existingOwner == owner else {
                    throw FormDocumentStoreError(
                        "Mẫu phiếu \(document.code) thuộc \(ownerName(existingOwner)), không thuộc \(ownerName(owner)): không thể thêm phiên bản. Hãy đặt mã khác."
                    )
                }
                guard try existing.string("respondent_kind") == document.respondents,
                    try existing.string("unit_levels") == levels
                else {
                    throw FormDocumentStoreError(
                        "Mẫu phiếu \(document.code) đã có \"respondents\" = \(try existing.string("respondent_kind")) và \"unit_levels\" = \(try existing.string("unit_levels")); các đợt khảo sát đang dựa vào đó, nên không đổi được. Hãy đặt mã khác cho mẫu mới."
                    )
                }
                formID = try existing.int64("id")
                var current = try self.document(code: document.code)
                current?.owner = owner
                var incoming = document
                incoming.owner = owner
                if let current, current == incoming {
                    let version = try connection.queryOne(
                        "SELECT id, version FROM form_versions WHERE form_id = ? ORDER BY version DESC LIMIT 1",
                        [formID])
                    return Saved(
                        code: document.code, version: try version?.int("version") ?? 0,
                        versionID: try version?.int64("id") ?? 0, stored: false, newForm: false)
                }
                try connection.run(
                    "UPDATE forms SET title = ?, organisation = ? WHERE id = ?",
                    [document.title, document.organisation, formID])
            } else {
                formID = (try connection.scalar("SELECT max(id) FROM forms", as: Int64.self) ?? 0) + 1
                try connection.run(
                    """
                    INSERT INTO forms (id, code, title, respondent_kind, organisation, unit_levels, owner_unit_code)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                    [formID, document.code, document.title, document.respondents, document.organisation, levels, owner])
                newForm = true
            }
            let version =
                (try connection.scalar(
                    "SELECT max(version) FROM form_versions WHERE form_id = ?", [formID], as: Int.self)
                    ?? 0) + 1
            let versionID = (try connection.scalar("SELECT max(id) FROM form_versions", as: Int64.self) ?? 0) + 1
            try connection.run(
                "INSERT INTO form_versions (id, form_id, version, intro, created_at) VALUES (?, ?, ?, ?, ?)",
                [versionID, formID, version, document.intro, now])
            try insertQuestions(document.questions, versionID: versionID)
            return Saved(code: document.code, version: version, versionID: versionID, stored: true, newForm: newForm)
        }
    }

    /// Ids continue above the seeded ranges (10000 upwards), as 0004_seed_forms.sql asks. Questions come in order,
    /// so a follow-up's or a condition's option (of an earlier question) is already stored.
    func insertQuestions(_ questions: [FormDocument.Question], versionID: Int64) throws {
        var nextQuestionID = max(try connection.scalar("SELECT max(id) FROM questions", as: Int64.self) ?? 0, 9999) + 1
        var nextOptionID = max(try connection.scalar("SELECT max(id) FROM options", as: Int64.self) ?? 0, 9999) + 1
        var optionIDs: [String: [String: Int64]] = [:]
        func optionID(_ reference: FormDocument.Reference?) throws -> Int64? {
            guard let reference else { return nil }
            guard let id = optionIDs[reference.question]?[reference.option] else {
                throw FormDocumentStoreError(
                    "Câu “\(reference.question)” không có lựa chọn “\(reference.option)” đứng trước câu phụ thuộc nó.")
            }
            return id
        }
        for (index, question) in questions.enumerated() {
            let questionID = nextQuestionID
            nextQuestionID += 1
            try connection.run(
                """
                INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact,
                                       show_if_option_id, required_when_option_id, required_when_chosen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    questionID, versionID, index + 1, question.code, question.kind.rawValue, question.text,
                    question.help, question.required ? 1 : 0, question.evaluative ? 1 : 0, question.fact,
                    try optionID(question.showIf), try optionID(question.requiredWhen),
                    question.requiredWhen.map { $0.chosen ? 1 : 0 },
                ])
            for (position, option) in question.options.enumerated() {
                try connection.run(
                    "INSERT INTO options (id, question_id, position, label, polarity) VALUES (?, ?, ?, ?, ?)",
                    [nextOptionID, questionID, position + 1, option.label, option.polarity?.rawValue])
                optionIDs[question.code, default: [:]][option.label] = nextOptionID
                nextOptionID += 1
            }
        }
    }
}
