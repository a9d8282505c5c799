import HTTP
import Web

/// The paging parameters of a list request: `limit` (1…1000) and `cursor`. Without either the whole list is
/// answered; a cursor without a limit pages by `defaultLimit`.
struct APIListQuery: Sendable, Equatable {
    static let maximumLimit = 1000
    static let defaultLimit = 100

    /// nil: the whole list.
    let limit: Int?
    /// As sent; checked against the list by `APIListCursor.decode`.
    let cursor: String?

    init(limit: Int?, cursor: String?) {
        self.limit = limit
        self.cursor = cursor
    }

    /// Refuses a `limit` that is not one decimal number from 1 to 1000 (0, negative, signed, empty, too large,
    /// given twice) and a `cursor` given twice or empty.
    init(_ query: URLEncodedForm) throws(APIError) {
        let limits = query.values(for: "limit")
        let cursors = query.values(for: "cursor")
        guard limits.count <= 1 else { throw .invalidLimit }
        guard cursors.count <= 1 else { throw .invalidCursor }
        if let text = limits.first {
            guard let limit = Self.limit(text) else { throw .invalidLimit }
            self.limit = limit
        } else {
            limit = cursors.isEmpty ? nil : Self.defaultLimit
        }
        if let cursor = cursors.first, cursor.isEmpty { throw .invalidCursor }
        cursor = cursors.first
    }

    /// Digits only (no sign, no space), 1…1000; leading zeros are still the same decimal number.
    static func limit(_ text: String) -> Int? {
        guard !text.isEmpty else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            guard value <= maximumLimit else { return nil }
        }
        return value >= 1 ? value : nil
    }
}

extension APIError {
    static let invalidLimit = APIError(
        status: .badRequest, code: "invalid_limit",
        message: "Tham số limit phải là một số nguyên từ 1 đến 1000, ghi một lần, ví dụ ?limit=100.")
    static let invalidCursor = APIError(
        status: .badRequest, code: "invalid_cursor",
        message:
            "Tham số cursor không hợp lệ hoặc không thuộc danh sách này. Hãy dùng đúng địa chỉ trong tiêu đề Link (rel=\"next\") của trang trước, hoặc bỏ cursor để đọc lại từ đầu."
    )
}
