import HTTP
import Store
import Web

/// A 422 for a report body: `{"error": "invalid", "message": ..., "fields": {"visitors": ...}}`, one Vietnamese
/// message per key at fault (`fields` is empty when the body as a whole is wrong, such as malformed JSON).
struct APIInvalidBody: APIErrorResponse, Sendable, Equatable {
    let message: String
    let fields: [String: String]

    init(message: String, fields: [String: String] = [:]) {
        self.message = message
        self.fields = fields
    }

    init(fields: [String: String]) {
        self.init(
            message: "Báo cáo chưa hợp lệ: "
                + fields.keys.sorted().map { "\($0) – \(fields[$0] ?? "")" }
                .joined(separator: "; "), fields: fields)
    }

    /// Names the key and says what it must be, without echoing Foundation's English.
    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, _):
            self.init(fields: [key.stringValue: "Thiếu trường này (số nguyên từ 0 trở lên)."])
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            guard let name = context.codingPath.first?.stringValue else {
                self.init(
                    message:
                        "Nội dung báo cáo phải là một đối tượng JSON, ví dụ {\"visitors\": 12, \"guided\": 6, \"volunteers\": 1}."
                )
                return
            }
            self.init(fields: [name: Self.expectation(for: name)])
        case .dataCorrupted(let context):
            if let name = context.codingPath.first?.stringValue {
                self.init(fields: [name: Self.expectation(for: name)])
            } else {
                self.init(message: "Nội dung gửi lên không phải JSON hợp lệ.")
            }
        @unknown default:
            self.init(message: "Nội dung gửi lên không phải JSON hợp lệ.")
        }
    }

    static func expectation(for name: String) -> String {
        switch name {
        case "publicity": "Phải là danh sách mã hình thức tuyên truyền, ví dụ [\"niem_yet\", \"loa\"]."
        case "notes", "proposals": "Phải là một chuỗi văn bản."
        default: "Phải là số nguyên từ 0 trở lên, viết không có dấu ngoặc kép."
        }
    }

    var response: Response {
        var response: Response
        do {
            response = try APIJSON.response(
                Body(error: "invalid", message: message, fields: fields),
                status: .unprocessableContent)
        } catch {
            // Encoding strings cannot fail; fall back to the plain API error rather than trapping.
            response = APIError(status: .unprocessableContent, code: "invalid", message: message).response
        }
        return response
    }

    private struct Body: Encodable {
        let error: String
        let message: String
        let fields: [String: String]
    }
}
