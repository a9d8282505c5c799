import Database
import Survey

/// Reads frozen form versions as `FormDefinition`s.
public struct FormStore {
    package let connection: Connection

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

    /// A unit runs campaigns on the standard forms (no owner) and its own; the province (nil) on any.
    public static func isUsable(formOwner: String?, by owner: String?) -> Bool {
        owner == nil || formOwner == nil || formOwner == owner
    }

    /// The owner of every form a unit built, by form code; standard forms are not listed.
    public func owners() throws -> [String: String] {
        var owners: [String: String] = [:]
        for row in try connection.query(
            "SELECT code, owner_unit_code FROM forms WHERE owner_unit_code IS NOT NULL")
        {
            owners[try row.string("code")] = try row.string("owner_unit_code")
        }
        return owners
    }

    public func forms() throws -> [FormSummary] {
        try connection.query(
            """
            SELECT f.id AS id, f.code AS code, f.title AS title, f.unit_levels AS unit_levels,
                   (SELECT max(v.id) FROM form_versions v WHERE v.form_id = f.id) AS latest_version_id
            FROM forms f ORDER BY f.code
            """
        ).map { row in
            FormSummary(
                id: try row.int64("id"), code: try row.string("code"), title: try row.string("title"),
                unitLevels: try row.string("unit_levels").split(separator: ",").map(String.init),
                latestVersionID: try row.int64("latest_version_id"))
        }
    }

    public func latestVersionID(formCode: String) throws -> Int64? {
        try connection.scalar(
            """
            SELECT v.id FROM form_versions v JOIN forms f ON f.id = v.form_id
            WHERE f.code = ? ORDER BY v.version DESC LIMIT 1
            """, [formCode])
    }

    public func definition(formVersionID: Int64) throws -> FormDefinition? {
        guard
            let header = try connection.queryOne(
                """
                SELECT f.code AS code, f.title AS title, v.intro AS intro
                FROM form_versions v JOIN forms f ON f.id = v.form_id WHERE v.id = ?
                """, [formVersionID])
        else { return nil }
        var optionsByQuestion: [Int64: [OptionDefinition]] = [:]
        for row in try connection.query(
            """
            SELECT o.question_id AS question_id, o.id AS id, o.label AS label, o.polarity AS polarity
            FROM options o JOIN questions q ON q.id = o.question_id
            WHERE q.form_version_id = ? ORDER BY o.question_id, o.position
            """, [formVersionID])
        {
            let polarity = try row.optionalString("polarity").flatMap(Polarity.init(rawValue:))
            let option = OptionDefinition(id: try row.int64("id"), label: try row.string("label"), polarity: polarity)
            optionsByQuestion[try row.int64("question_id"), default: []].append(option)
        }
        let questions = try connection.query(
            """
            SELECT id, code, kind, text, help, required, evaluative, fact, show_if_option_id,
                   required_when_option_id, required_when_chosen
            FROM questions WHERE form_version_id = ? ORDER BY position
            """, [formVersionID]
        ).map { row in
            let id = try row.int64("id")
            guard let kind = QuestionKind(rawValue: try row.string("kind")) else {
                throw FormStoreError(description: "Câu hỏi \(id) có loại không xác định.")
            }
            let requiredWhen = try row.optionalInt64("required_when_option_id").map { optionID in
                RequiredCondition(optionID: optionID, chosen: (try row.optionalInt64("required_when_chosen") ?? 1) != 0)
            }
            return QuestionDefinition(
                id: id, code: try row.string("code"), kind: kind, text: try row.string("text"),
                help: try row.string("help"), required: try row.bool("required"),
                evaluative: try row.bool("evaluative"), fact: try row.optionalString("fact"),
                showIfOptionID: try row.optionalInt64("show_if_option_id"), requiredWhen: requiredWhen,
                options: optionsByQuestion[id] ?? [])
        }
        return FormDefinition(
            formVersionID: formVersionID, code: try header.string("code"),
            title: try header.string("title"), intro: try header.string("intro"),
            questions: questions)
    }

    /// New wording for a form version: question texts and help lines by question id, option labels by option id
    /// of the version being copied. What is missing keeps the old wording.
    public struct Wording: Sendable, Hashable {
        public var intro: String?
        public var questionTexts: [Int64: String]
        public var questionHelps: [Int64: String]
        public var optionLabels: [Int64: String]

        public init(
            intro: String? = nil, questionTexts: [Int64: String] = [:], questionHelps: [Int64: String] = [:],
            optionLabels: [Int64: String] = [:]
        ) {
            self.intro = intro
            self.questionTexts = questionTexts
            self.questionHelps = questionHelps
            self.optionLabels = optionLabels
        }
    }

    /// Creates the next version of the form of `sourceVersionID` with the same structure (positions, codes, kinds,
    /// required flags, facts, options and their polarities; follow-ups pointing at the new copies of their
    /// options) and the new wording. Campaigns keep the version they were created with, so answers already
    /// collected keep their meaning. New ids start above the seeded ranges (10000), as 0004_seed_forms.sql asks.
    /// Returns the new version's id and number.
    public func createVersion(copying sourceVersionID: Int64, wording: Wording, now: Int64) throws -> (
        id: Int64, version: Int
    ) {
        try connection.transaction {
            guard
                let source = try connection.queryOne(
                    "SELECT form_id, intro FROM form_versions WHERE id = ?",
                    [sourceVersionID])
            else {
                throw FormStoreError(description: "Không có phiên bản mẫu phiếu số \(sourceVersionID).")
            }
            let formID = try source.int64("form_id")
            let version =
                (try connection.scalar(
                    "SELECT max(version) FROM form_versions WHERE form_id = ?", [formID],
                    as: Int.self) ?? 0) + 1
            let versionID = (try connection.scalar("SELECT max(id) FROM form_versions", as: Int64.self) ?? 0) + 1
            var nextQuestionID =
                max(try connection.scalar("SELECT max(id) FROM questions", as: Int64.self) ?? 0, 9999) + 1
            var nextOptionID = max(try connection.scalar("SELECT max(id) FROM options", as: Int64.self) ?? 0, 9999) + 1
            let intro = SearchText.clean(try wording.intro ?? source.string("intro"))
            try connection.run(
                "INSERT INTO form_versions (id, form_id, version, intro, created_at) VALUES (?, ?, ?, ?, ?)",
                [versionID, formID, version, intro, now])
            var newOptionID: [Int64: Int64] = [:]
            let questions = try connection.query(
                """
                SELECT id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id,
                       required_when_option_id, required_when_chosen
                FROM questions WHERE form_version_id = ? ORDER BY position
                """, [sourceVersionID])
            // Position order: a follow-up or a condition always points at an option of an earlier question, already
            // copied.
            for question in questions {
                let oldID = try question.int64("id")
                let code = try question.string("code")
                let text = SearchText.clean(try wording.questionTexts[oldID] ?? question.string("text"))
                guard !text.isEmpty else {
                    throw FormStoreError(description: "Câu hỏi \(code) không được để trống.")
                }
                let help = SearchText.clean(try wording.questionHelps[oldID] ?? question.string("help"))
                let showIf = try question.optionalInt64("show_if_option_id").map { old -> Int64 in
                    guard let mapped = newOptionID[old] else {
                        throw FormStoreError(
                            description: "Câu hỏi \(code) phụ thuộc một lựa chọn không có trong phiên bản này.")
                    }
                    return mapped
                }
                let requiredWhen = try question.optionalInt64("required_when_option_id").map { old -> Int64 in
                    guard let mapped = newOptionID[old] else {
                        throw FormStoreError(
                            description:
                                "Câu hỏi \(code) có điều kiện bắt buộc theo một lựa chọn không có trong phiên bản này.")
                    }
                    return mapped
                }
                let questionID = nextQuestionID
                nextQuestionID += 1
                try connection.run(
                    """
                    INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative,
                                           fact, show_if_option_id, required_when_option_id, required_when_chosen)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        questionID, versionID, try question.int("position"), code, try question.string("kind"), text,
                        help, try question.int("required"), try question.int("evaluative"),
                        try question.optionalString("fact"), showIf, requiredWhen,
                        try question.optionalInt64("required_when_chosen"),
                    ])
                for option in try connection.query(
                    "SELECT id, position, label, polarity FROM options WHERE question_id = ? ORDER BY position", [oldID]
                ) {
                    let oldOptionID = try option.int64("id")
                    let label = SearchText.clean(try wording.optionLabels[oldOptionID] ?? option.string("label"))
                    guard !label.isEmpty else {
                        throw FormStoreError(description: "Một lựa chọn của câu hỏi \(code) bị để trống.")
                    }
                    try connection.run(
                        "INSERT INTO options (id, question_id, position, label, polarity) VALUES (?, ?, ?, ?, ?)",
                        [
                            nextOptionID, questionID, try option.int("position"), label,
                            try option.optionalString("polarity"),
                        ])
                    newOptionID[oldOptionID] = nextOptionID
                    nextOptionID += 1
                }
            }
            return (versionID, version)
        }
    }
}

public struct FormStoreError: Error, Sendable, CustomStringConvertible {
    public let description: String
}
