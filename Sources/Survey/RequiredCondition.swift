/// When a question is required: only when an option of an earlier question was chosen (`chosen`), or only when it
/// was not. PKS02 rates the chairman's manner only from people who have met the chairman: that question is
/// required unless "Không" was chosen at "Anh/Chị có từng gặp Chủ tịch?". Unlike a follow-up, the question is
/// always shown and may always be answered.
public struct RequiredCondition: Sendable, Hashable {
    public let optionID: Int64
    public let chosen: Bool

    public init(optionID: Int64, chosen: Bool) {
        self.optionID = optionID
        self.chosen = chosen
    }
}
