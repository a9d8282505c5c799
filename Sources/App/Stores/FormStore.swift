import Database
import Survey

/// Reads frozen form versions as `FormDefinition`s.
public struct FormStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public struct FormSummary: Sendable, Hashable {
        public let id: Int64
        public let code: String
        public let title: String
        public let unitLevels: [String]
        public let latestVersionID: Int64
    }

    public func forms() throws -> [FormSummary] {
        try connection.query("""
            SELECT f.id, f.code, f.title, f.unit_levels, (SELECT max(v.id) FROM form_versions v WHERE v.form_id = f.id)
            FROM forms f ORDER BY f.code
            """).map { row in
            FormSummary(id: try row.int64(0), code: try row.string(1), title: try row.string(2),
                        unitLevels: try row.string(3).split(separator: ",").map(String.init),
                        latestVersionID: try row.int64(4))
        }
    }

    public func latestVersionID(formCode: String) throws -> Int64? {
        try connection.scalar("""
            SELECT v.id FROM form_versions v JOIN forms f ON f.id = v.form_id
            WHERE f.code = ? ORDER BY v.version DESC LIMIT 1
            """, [formCode])
    }

    public func definition(formVersionID: Int64) throws -> FormDefinition? {
        guard let header = try connection.queryOne("""
            SELECT f.code, f.title, v.intro FROM form_versions v JOIN forms f ON f.id = v.form_id WHERE v.id = ?
            """, [formVersionID]) else { return nil }
        var optionsByQuestion: [Int64: [OptionDefinition]] = [:]
        for row in try connection.query("""
            SELECT o.question_id, o.id, o.label, o.polarity FROM options o JOIN questions q ON q.id = o.question_id
            WHERE q.form_version_id = ? ORDER BY o.question_id, o.position
            """, [formVersionID]) {
            let option = OptionDefinition(id: try row.int64(1), label: try row.string(2),
                                          polarity: try row.optionalString(3).flatMap(Polarity.init(rawValue:)))
            optionsByQuestion[try row.int64(0), default: []].append(option)
        }
        let questions = try connection.query("""
            SELECT id, code, kind, text, help, required, evaluative, fact, show_if_option_id
            FROM questions WHERE form_version_id = ? ORDER BY position
            """, [formVersionID]).map { row in
            let id = try row.int64(0)
            guard let kind = QuestionKind(rawValue: try row.string(2)) else {
                throw FormStoreError(description: "Câu hỏi \(id) có loại không xác định.")
            }
            return QuestionDefinition(
                id: id, code: try row.string(1), kind: kind, text: try row.string(3), help: try row.string(4),
                required: try row.bool(5), evaluative: try row.bool(6), fact: try row.optionalString(7),
                showIfOptionID: try row.optionalInt64(8), options: optionsByQuestion[id] ?? [])
        }
        return FormDefinition(formVersionID: formVersionID, code: try header.string(0), title: try header.string(1),
                              intro: try header.string(2), questions: questions)
    }
}

public struct FormStoreError: Error, Sendable, CustomStringConvertible {
    public let description: String
}
