import Database
import Survey

/// Writes answers in large transactions: the rows of `responses` (and `response_texts`) one prepared insert each,
/// their counters summed in memory and upserted once per batch, before the batch commits — the same rows and the
/// same counters ResponseStore writes answer by answer.
struct BenchAnswerWriter {
    let connection: Connection
    let campaignID: Int64
    let batchSize: Int
    private let insertResponse: Statement
    private let insertText: Statement
    private var inBatch = 0
    private var dayCounts: [DayKey: Int] = [:]
    private var optionCounts: [OptionKey: Int] = [:]
    /// (unit, multiple-choice question id) → people who answered it.
    private var questionCounts: [OptionKey: Int] = [:]
    private(set) var answers = 0
    private(set) var texts = 0

    struct DayKey: Hashable {
        let unitID: Int64
        let day: String
    }

    struct OptionKey: Hashable {
        let unitID: Int64
        let optionID: Int64
    }

    init(connection: Connection, campaignID: Int64, batchSize: Int) throws {
        self.connection = connection
        self.campaignID = campaignID
        self.batchSize = batchSize
        insertResponse = try connection.prepare(
            """
            INSERT INTO responses (campaign_id, unit_id, submission_id, submitted_at, local_date, channel,
                                   fill_seconds, network_hash, choices)
            VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)
            """)
        insertText = try connection.prepare(
            "INSERT INTO response_texts (response_id, question_id, text) VALUES (?, ?, ?)")
    }

    mutating func add(
        unitID: Int64, day: LocalDate, at: Int64, answer: BenchAnswer,
        random: inout BenchRandom
    ) throws {
        if inBatch == 0 { try connection.execute("BEGIN IMMEDIATE") }
        let dayText = day.iso
        do {
            try insertResponse.bind([
                campaignID, unitID, "bench-\(campaignID)-\(answers)", at, dayText,
                random.chance(0.3) ? "kiosk" : "phone", random.between(45, 600),
                answer.choices.map(String.init).joined(separator: ","),
            ])
            try insertResponse.run()
            insertResponse.reset()
            let responseID = connection.lastInsertRowID
            for questionID in answer.texts {
                try insertText.bind([responseID, questionID, "Mong cán bộ giải quyết hồ sơ nhanh hơn."])
                try insertText.run()
                insertText.reset()
                texts += 1
            }
        } catch {
            insertResponse.reset()
            insertText.reset()
            try? connection.execute("ROLLBACK")
            throw error
        }
        dayCounts[DayKey(unitID: unitID, day: dayText), default: 0] += 1
        for optionID in answer.choices { optionCounts[OptionKey(unitID: unitID, optionID: optionID), default: 0] += 1 }
        for questionID in answer.multipleChoiceQuestions {
            questionCounts[OptionKey(unitID: unitID, optionID: questionID), default: 0] += 1
        }
        answers += 1
        inBatch += 1
        if inBatch >= batchSize { try commit() }
    }

    mutating func finish() throws {
        if inBatch > 0 { try commit() }
    }

    private mutating func commit() throws {
        do {
            let days = try connection.prepare(
                """
                INSERT INTO daily_answer_counts (campaign_id, unit_id, local_date, answers) VALUES (?, ?, ?, ?)
                ON CONFLICT (campaign_id, unit_id, local_date) DO UPDATE SET answers = answers + excluded.answers
                """)
            for (key, count) in dayCounts {
                try days.bind([campaignID, key.unitID, key.day, count])
                try days.run()
                days.reset()
            }
            let options = try connection.prepare(
                """
                INSERT INTO option_counts (campaign_id, unit_id, option_id, answers) VALUES (?, ?, ?, ?)
                ON CONFLICT (campaign_id, unit_id, option_id) DO UPDATE SET answers = answers + excluded.answers
                """)
            for (key, count) in optionCounts {
                try options.bind([campaignID, key.unitID, key.optionID, count])
                try options.run()
                options.reset()
            }
            let questions = try connection.prepare(
                """
                INSERT INTO question_answer_counts (campaign_id, unit_id, question_id, answers) VALUES (?, ?, ?, ?)
                ON CONFLICT (campaign_id, unit_id, question_id) DO UPDATE SET answers = answers + excluded.answers
                """)
            for (key, count) in questionCounts {
                try questions.bind([campaignID, key.unitID, key.optionID, count])
                try questions.run()
                questions.reset()
            }
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
        dayCounts.removeAll(keepingCapacity: true)
        optionCounts.removeAll(keepingCapacity: true)
        questionCounts.removeAll(keepingCapacity: true)
        inBatch = 0
    }
}
