import Database
import Survey

/// The per-question sheets of `export.xlsx`: "Theo câu hỏi" (question × option, counts and shares over the export's
/// units) and "Theo đơn vị × câu hỏi" (one row per unit, one column per question × option count). Both come from
/// the same per-unit option counters, summed over exactly the exported units, so the two sheets and the summary
/// sheet always agree.
package struct QuestionTables: Sendable {
    package let form: FormDefinition
    package let units: [CommuneSummary]
    /// unit id → option id → answers.
    package let counts: [Int64: [Int64: Int]]
    /// unit id → multiple-choice question id → people who answered it.
    package let questionAnswered: [Int64: [Int64: Int]]

    /// Reads the counters of the scope's units (`CampaignFigures.optionCountsSQL`: a range of the primary key) and
    /// keeps those of `units`.
    package static func load(
        _ connection: Connection, campaignID: Int64, formVersionID: Int64, scope: CampaignFigures.Scope,
        units: [CommuneSummary]
    ) throws -> QuestionTables? {
        guard let form = try FormStore(connection).definition(formVersionID: formVersionID) else { return nil }
        var arguments: [String: any DatabaseValueConvertible] = ["campaign": campaignID]
        if let id = scope.id { arguments["scope"] = id }
        let wanted = Set(units.map(\.unitID))
        var counts: [Int64: [Int64: Int]] = [:]
        for row in try connection.query(CampaignFigures.optionCountsSQL(scope), named: arguments) {
            let unitID = try row.int64("unit_id")
            guard wanted.contains(unitID) else { continue }
            counts[unitID, default: [:]][try row.int64("option_id")] = try row.int("answers")
        }
        var questionAnswered: [Int64: [Int64: Int]] = [:]
        for row in try connection.query(CampaignFigures.questionCountsSQL(scope), named: arguments) {
            let unitID = try row.int64("unit_id")
            guard wanted.contains(unitID) else { continue }
            questionAnswered[unitID, default: [:]][try row.int64("question_id")] = try row.int("answers")
        }
        return QuestionTables(form: form, units: units, counts: counts, questionAnswered: questionAnswered)
    }

    /// The official table over the exported units.
    package var results: QuestionResults {
        var totals: [Int64: Int] = [:]
        var answered: [Int64: Int] = [:]
        for unit in units {
            for (option, answers) in counts[unit.unitID] ?? [:] { totals[option, default: 0] += answers }
            for (question, answers) in questionAnswered[unit.unitID] ?? [:] {
                answered[question, default: 0] += answers
            }
        }
        return QuestionResults(
            form: form, optionTotals: totals, questionAnswered: answered, answers: units.reduce(0) { $0 + $1.answers },
            flaggedOpen: units.reduce(0) { $0 + $1.flaggedOpen })
    }

    /// One row per question and option; the question's answered count on each row so a filter keeps it.
    package func byQuestion(sheetName: String = "Theo câu hỏi") -> TableExport {
        let results = results
        var rows: [[ExportCell]] = []
        for question in results.questions {
            for option in question.options {
                rows.append([
                    .text(question.label), question.parentNumber.map { ExportCell.text("Câu " + $0) } ?? .empty,
                    .text(question.text),
                    .text(option.label), .integer(option.count),
                    option.share.map(ExportCell.percentage) ?? .empty,
                    .integer(question.answered),
                ])
            }
        }
        rows.append([
            .text("Tổng số phiếu"), .empty, .text("Gồm \(results.flaggedOpen) phiếu bị gắn cờ chưa xác nhận"), .empty,
            .integer(results.answers), .empty, .empty,
        ])
        return TableExport(
            sheetName: sheetName,
            header: ["Câu", "Hỏi thêm sau", "Nội dung câu hỏi", "Phương án", "Số phiếu", "Tỷ lệ", "Số người trả lời"],
            rows: rows, columnWidths: [8, 12, 60, 40, 10, 8, 16])
    }

    /// One row per unit (the summary sheet's order), one column per question × option ("Câu 4a: Đông người chờ").
    package func byUnit(sheetName: String = "Theo đơn vị × câu hỏi") -> TableExport {
        let numbers = form.questionNumbers
        let questions = form.questions.filter(\.kind.isChoice)
        var header = ["Mã", "Đơn vị", "Huyện", "Tổng phiếu", "Phiếu gắn cờ chưa xác nhận"]
        for question in questions {
            for option in question.options {
                header.append("Câu \(numbers[question.code] ?? question.code): \(option.label)")
            }
        }
        let rows = units.map { unit -> [ExportCell] in
            let own = counts[unit.unitID] ?? [:]
            var cells: [ExportCell] = [
                .text(unit.code), .text(unit.name), unit.districtName.map(ExportCell.text) ?? .empty,
                .integer(unit.answers),
                .integer(unit.flaggedOpen),
            ]
            for question in questions {
                for option in question.options { cells.append(.integer(own[option.id] ?? 0)) }
            }
            return cells
        }
        return TableExport(sheetName: sheetName, header: header, rows: rows)
    }
}
