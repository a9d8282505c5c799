import Survey

/// Answers received on one local day.
public struct DailyAnswerCount: Sendable, Hashable {
    public let date: LocalDate
    public let answers: Int

    public init(date: LocalDate, answers: Int) {
        self.date = date
        self.answers = answers
    }
}
