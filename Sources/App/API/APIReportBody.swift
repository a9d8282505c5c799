import Foundation
import Store
import Survey

/// The JSON body of `PUT /api/v1/campaigns/{id}/communes/{code}/reports/{date}`:
/// `{"visitors": 12, "guided": 6, "volunteers": 1, "staff": 2, "publicity": ["niem_yet", "loa"],
///   "notes": "...", "proposals": "..."}`.
/// `visitors`, `guided` and `volunteers` are required integers; `staff` (staff on duty, default 0), `publicity`
/// (default none), `notes` (the difficulties box of the paper form) and `proposals` are optional, and `null`
/// counts as absent. Types are strict (no "12" for 12, no 12.5; 12.0 is the same JSON number as 12) and an
/// unknown key is refused, so a typo never silently drops a number.
struct APIReportBody: Sendable, Equatable {
    var visitors: Int
    var guided: Int
    var volunteers: Int
    var staff: Int
    var publicity: [String]
    var notes: String
    var proposals: String

    static let maxBytes = 64 * 1024
    static let keys = ["visitors", "guided", "volunteers", "staff", "publicity", "notes", "proposals"]
    /// The draft's field names as this body calls them, so a 422 points at the key the client sent.
    static let draftFieldNames = [
        DailyReportDraft.Field.staffOnDuty: "staff",
        DailyReportDraft.Field.difficulties: "notes",
    ]

    /// Decodes and checks a body; the error carries one Vietnamese message per offending key.
    static func decode(_ bytes: [UInt8]) throws(APIInvalidBody) -> APIReportBody {
        guard bytes.count <= maxBytes else {
            throw APIInvalidBody(
                message: "Nội dung gửi lên dài quá \(maxBytes / 1024) KB; một báo cáo ngày chỉ cần vài trăm byte.")
        }
        guard !bytes.isEmpty else {
            throw APIInvalidBody(message: "Thiếu nội dung báo cáo (một đối tượng JSON).")
        }
        do {
            return try JSONDecoder().decode(Wire.self, from: Data(bytes)).body
        } catch let error as APIInvalidBody {
            throw error
        } catch let error as DecodingError {
            throw APIInvalidBody(error)
        } catch {
            throw APIInvalidBody(message: "Nội dung gửi lên không phải JSON hợp lệ.")
        }
    }

    /// The draft the store checks; a publicity code it does not know is a 422 here.
    func draft(campaignID: Int64, unitID: Int64, date: LocalDate) throws(APIInvalidBody) -> DailyReportDraft {
        var channels: Set<PublicityChannel> = []
        for code in publicity {
            guard let channel = PublicityChannel(rawValue: code) else {
                let known = PublicityChannel.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIInvalidBody(fields: [
                    "publicity": "Hình thức tuyên truyền “\(code)” không có; chỉ dùng: \(known)."
                ])
            }
            channels.insert(channel)
        }
        let draft = DailyReportDraft(
            campaignID: campaignID, unitID: unitID, date: date, visitors: visitors, guided: guided,
            staffOnDuty: staff, volunteers: volunteers, publicity: channels, difficulties: SearchText.clean(notes),
            proposals: SearchText.clean(proposals))
        if let problems = draft.problems() {
            throw APIInvalidBody(
                fields: Dictionary(
                    problems.map { (Self.draftFieldNames[$0.key] ?? $0.key, $0.value) },
                    uniquingKeysWith: { first, _ in first }))
        }
        return draft
    }

    /// The decoding itself: a keyed container over any key, so unknown keys can be named in the error.
    private struct Wire: Decodable {
        let body: APIReportBody

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            let unknown = container.allKeys.map(\.stringValue).filter { !APIReportBody.keys.contains($0) }.sorted()
            guard unknown.isEmpty else {
                throw APIInvalidBody(
                    fields: Dictionary(
                        unknown.map {
                            (
                                $0,
                                "Trường này không có trong báo cáo ngày; chỉ dùng: \(APIReportBody.keys.joined(separator: ", "))."
                            )
                        }, uniquingKeysWith: { first, _ in first }))
            }
            // A number that does not fit an Int (12.5, 1e30) fails with the decoder's own internal error, which
            // reaches the caller as "data corrupted" without the key: name the key here, where it is known.
            func value<T: Decodable>(_ type: T.Type, _ name: String, required: Bool) throws -> T? {
                do {
                    return required
                        ? try container.decode(type, forKey: AnyKey(name))
                        : try container.decodeIfPresent(type, forKey: AnyKey(name))
                } catch let error as DecodingError {
                    guard case .dataCorrupted = error else { throw error }
                    throw APIInvalidBody(fields: [name: APIInvalidBody.expectation(for: name)])
                } catch {
                    throw APIInvalidBody(fields: [name: APIInvalidBody.expectation(for: name)])
                }
            }
            body = APIReportBody(
                visitors: try value(Int.self, "visitors", required: true) ?? 0,
                guided: try value(Int.self, "guided", required: true) ?? 0,
                volunteers: try value(Int.self, "volunteers", required: true) ?? 0,
                staff: try value(Int.self, "staff", required: false) ?? 0,
                publicity: try value([String].self, "publicity", required: false) ?? [],
                notes: try value(String.self, "notes", required: false) ?? "",
                proposals: try value(String.self, "proposals", required: false) ?? "")
        }
    }

    struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
