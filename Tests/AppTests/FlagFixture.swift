import Crypto
import Database
import Survey

@testable import Store

/// Answers stored through `ResponseStore` with the traits the flag signals read, for the scanner's tests.
struct FlagWriter {
    let connection: Connection
    let campaignID: Int64

    func form() throws -> FormDefinition {
        guard let campaign = try CampaignStore(connection).campaign(id: campaignID),
            let form = try FormStore(connection).definition(formVersionID: campaign.formVersionID)
        else { throw CampaignStoreError(description: "flag fixture: no campaign form") }
        return form
    }

    /// Every choice question answered with the option `pick` returns (default the first), required texts filled.
    func answers(pick: (QuestionDefinition) -> OptionDefinition? = { $0.options.first }) throws -> ValidatedAnswers {
        let form = try form()
        var fields: [String: [String]] = [:]
        for question in form.questions where question.showIfOptionID == nil {
            if question.kind.isChoice {
                if let option = pick(question) { fields[question.code] = [String(option.id)] }
            } else if question.required {
                fields[question.code] = ["Ý kiến"]
            }
        }
        guard case .success(let answers) = AnswerValidator(form: form).validate(fields) else {
            throw CampaignStoreError(description: "flag fixture: answers do not validate")
        }
        return answers
    }

    /// One stored answer; its response id.
    @discardableResult
    func answer(
        unitID: Int64, at instant: Int64, fill: Int = 240, network: String? = nil, device: String? = nil,
        cookie: Bool = false, channel: ResponseChannel = .phone, answers: ValidatedAnswers? = nil
    ) throws -> Int64 {
        let submission = Submission(
            campaignID: campaignID, unitID: unitID, submissionID: SecureRandom.token(byteCount: 12),
            submittedAt: instant, channel: channel, fillSeconds: fill, networkHash: network,
            answers: try answers ?? self.answers(),
            respondent: cookie ? RespondentMark(key: SecureRandom.token(byteCount: 12), isNew: false) : nil,
            deviceHash: device)
        guard case .stored(let id) = try ResponseStore(connection).store(submission) else {
            throw CampaignStoreError(description: "flag fixture: answer not stored")
        }
        return id
    }

    /// reason → response ids carrying it.
    func flagged() throws -> [FlagReason: Set<Int64>] {
        var result: [FlagReason: Set<Int64>] = [:]
        for row in try connection.query("SELECT response_id, reason FROM response_flags") {
            if let reason = FlagReason(rawValue: try row.string("reason")) {
                result[reason, default: []].insert(try row.int64("response_id"))
            }
        }
        return result
    }
}
