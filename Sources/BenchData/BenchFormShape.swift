import Database
import Survey

/// A form version's questions as the generator needs them: options with their polarity, follow-up conditions.
struct BenchFormShape {
    struct Option {
        let id: Int64
        let polarity: String?
    }

    struct Question {
        let id: Int64
        let kind: String
        let required: Bool
        let showIfOptionID: Int64?
        let options: [Option]
    }

    let questions: [Question]

    init(_ connection: Connection, formVersionID: Int64) throws {
        var optionsByQuestion: [Int64: [Option]] = [:]
        for row in try connection.query(
            """
            SELECT o.question_id AS question_id, o.id AS id, o.polarity AS polarity
            FROM options o JOIN questions q ON q.id = o.question_id
            WHERE q.form_version_id = ? ORDER BY o.question_id, o.position
            """, [formVersionID])
        {
            optionsByQuestion[try row.int64("question_id"), default: []].append(
                Option(id: try row.int64("id"), polarity: try row.optionalString("polarity")))
        }
        questions = try connection.query(
            """
            SELECT id, kind, required, show_if_option_id FROM questions WHERE form_version_id = ? ORDER BY position
            """, [formVersionID]
        ).map { row in
            let id = try row.int64("id")
            return Question(
                id: id, kind: try row.string("kind"), required: try row.int("required") == 1,
                showIfOptionID: try row.optionalInt64("show_if_option_id"),
                options: optionsByQuestion[id] ?? [])
        }
    }

    /// One respondent's answers: chosen option ids in question order, the ids of text questions written in, and of
    /// the multiple-choice questions answered. `quality` (0…1) is the unit's share of good experiences: communes
    /// differ, as they do in the field.
    func answer(quality: Double, random: inout BenchRandom) -> BenchAnswer {
        var choices: [Int64] = []
        var texts: [Int64] = []
        var multiple: [Int64] = []
        for question in questions {
            if let condition = question.showIfOptionID, !choices.contains(condition) { continue }
            if !question.required, random.chance(0.1) { continue }
            switch question.kind {
            case "short_text", "long_text":
                if random.chance(0.03) { texts.append(question.id) }
            case "multiple":
                let first = pick(question.options, quality: quality, random: &random)
                choices.append(first)
                multiple.append(question.id)
                if question.options.count > 1, random.chance(0.4) {
                    let second = question.options[random.between(0, question.options.count - 1)].id
                    if second != first { choices.append(second) }
                }
            default:
                guard !question.options.isEmpty else { continue }
                choices.append(pick(question.options, quality: quality, random: &random))
            }
        }
        return BenchAnswer(choices: choices, texts: texts, multipleChoiceQuestions: multiple)
    }

    private func pick(_ options: [Option], quality: Double, random: inout BenchRandom) -> Int64 {
        let weights = options.map { option -> Double in
            switch option.polarity {
            case "positive": quality
            case "neutral": (1 - quality) * 0.6
            case "negative": (1 - quality) * 0.4
            default: 1
            }
        }
        let total = weights.reduce(0, +)
        var target = random.unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return options[index].id }
        }
        return options[options.count - 1].id
    }
}
