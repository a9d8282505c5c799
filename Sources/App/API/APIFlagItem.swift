import Store
import Survey

/// One flagged answer in `GET /api/v1/campaigns/{id}/flags?unit=CODE`: no network or device hash, no text.
struct APIFlagItem: Encodable, Sendable {
    let id: Int64
    /// Hanoi time with its offset, "2026-12-02T09:15:03+07:00".
    let submittedAt: String
    let fillSeconds: Int
    /// `FlagReason` raw values, in its order.
    let reasons: [String]
    /// "open", "confirmed" or "cleared".
    let state: String
    /// Newest first, as `FlagStore.flaggedAnswers` lists them (`submitted_at DESC, id DESC`); not encoded.
    let listPosition: APIListPosition

    init(_ answer: FlaggedAnswer) {
        id = answer.id
        listPosition = APIListPosition(.descending(answer.submittedAt), .descending(answer.id))
        submittedAt = VietnamTime.timestampText(at: answer.submittedAt)
        fillSeconds = answer.fillSeconds
        reasons = answer.reasons.map(\.rawValue)
        state = answer.state.rawValue
    }

    /// The keys written: every property but `listPosition` (`APIJSON` snake-cases them).
    enum CodingKeys: CodingKey {
        case id, submittedAt, fillSeconds, reasons, state
    }
}

extension APIError {
    static let missingUnit = APIError(
        status: .badRequest, code: "bad_request",
        message: "Hãy ghi mã đơn vị cần xem, ví dụ ?unit=07210.")
}
